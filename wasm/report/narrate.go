package report

import (
	"fmt"
	"strings"

	"looplab/wasm/trace"
)

// Line is one narrated moment. To is set when the line sums up a stretch
// (a run of GIL hand-offs).
type Line struct {
	T    trace.Time `json:"t"`
	To   trace.Time `json:"to,omitempty"`
	Kind string     `json:"kind"`
	Text string     `json:"text"`
}

// Narrate tells the run in plain words, one line per event: "GET /slow
// #1: time.sleep(4) blocks the event loop; 3 requests wait". Runs of GIL
// hand-offs are summed up in one line, as nobody reads hundreds of them.
func Narrate(tr *trace.Trace) []Line {
	var out []Line
	name := func(lane int) string {
		if lane >= 0 && lane < len(tr.Lanes) {
			return tr.Lanes[lane].Name
		}
		return "?"
	}
	evs := tr.Events
	for i := 0; i < len(evs); i++ {
		e := evs[i]
		if e.Kind == trace.EvGIL {
			j := i
			holders := []string{}
			seen := map[string]bool{}
			for ; j < len(evs) && evs[j].Kind == trace.EvGIL; j++ {
				if n := name(evs[j].Lane); !seen[n] {
					seen[n] = true
					holders = append(holders, n)
				}
			}
			if n := j - i; n > 1 {
				out = append(out, Line{T: e.T, To: evs[j-1].T, Kind: "gil",
					Text: fmt.Sprintf("the GIL changes hands %d times between %s", n, list(holders))})
				i = j - 1
				continue
			}
		}
		text := name(e.Lane) + ": " + e.Text
		if e.Kind == trace.EvBlock && strings.Contains(e.Text, "event loop") {
			if n := waiting(tr, e.T, e.Lane); n > 0 {
				text += fmt.Sprintf("; %d other %s", n, plural(n, "request waits", "requests wait"))
			}
		}
		out = append(out, Line{T: e.T, Kind: e.Kind.String(), Text: text})
	}
	return out
}

// waiting counts requests that have arrived by t and are not answered,
// other than the one on lane self.
func waiting(tr *trace.Trace, t trace.Time, self int) int {
	n := 0
	for _, r := range tr.Requests {
		if r.Lane != self && r.Sent <= t && (r.End < 0 || r.End > t) {
			n++
		}
	}
	return n
}

func list(names []string) string {
	switch len(names) {
	case 0:
		return "nobody"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
