package export

import (
	"slices"

	"looplab/wasm/load"
	"looplab/wasm/trace"
)

// row is one line of the load as the client's table holds it: repeat
// requests at each of start, start+step, ... (count times). Shipping the
// lines rather than every request keeps "every 0.01 from 0 to 60 GET /"
// one row, and the table reads like the load it came from.
type row struct {
	line          int // 1-based line of the load
	method, path  string
	start, step   trace.Time
	count, repeat int
}

// rows recovers each load line's shape from the parsed requests. Parse
// expands lines in file order, then sorts stably by time; expanding the
// rows in line order and sorting stably again gives the same requests in
// the same order, which is what the client does.
func rows(reqs []load.Request) []row {
	byLine := map[int][]load.Request{}
	var lines []int
	for _, r := range reqs {
		if byLine[r.Line] == nil {
			lines = append(lines, r.Line)
		}
		byLine[r.Line] = append(byLine[r.Line], r)
	}
	slices.Sort(lines)
	var out []row
	for _, l := range lines {
		out = append(out, lineRows(byLine[l])...)
	}
	return out
}

// lineRows fits the requests of one line, sorted by time, to one row. A
// line always fits; should one not, each request gets a row of its own,
// which sends the same requests.
func lineRows(reqs []load.Request) []row {
	first := reqs[0]
	r := row{line: first.Line, method: first.Method, path: first.Path, start: first.At}
	for r.repeat < len(reqs) && reqs[r.repeat].At == first.At {
		r.repeat++
	}
	r.count = len(reqs) / r.repeat
	if r.count > 1 {
		r.step = reqs[r.repeat].At - first.At
	}
	fits := len(reqs) == r.count*r.repeat
	for i := 0; fits && i < len(reqs); i++ {
		want := r.start + trace.Time(i/r.repeat)*r.step
		fits = reqs[i].At == want && reqs[i].Method == r.method && reqs[i].Path == r.path
	}
	if fits {
		return []row{r}
	}
	out := make([]row, len(reqs))
	for i, q := range reqs {
		out[i] = row{line: q.Line, method: q.Method, path: q.Path, start: q.At, count: 1, repeat: 1}
	}
	return out
}
