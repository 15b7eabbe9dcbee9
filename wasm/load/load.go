// Package load reads and writes a load: the list of HTTP requests a scenario
// sends to the simulated server, one request per line.
//
// A load can be written two ways, and both may be mixed in one file.
//
// As a curl config file, so the same file that drives the simulation also
// works with `curl --parallel --parallel-immediate --config FILE` against a
// real server:
//
//	url = "http://127.0.0.1:8000/slow"
//	url="http://127.0.0.1:8000/slow"
//	url: "http://127.0.0.1:8000/slow"
//	--url "http://127.0.0.1:8000/slow"
//	url = http://localhost:8000/users/3?x=1
//
// curl starts all of them at once, so every url line is sent at time 0, in
// file order. Only the path and query are kept: the host is whatever server
// the scenario runs. A url without a path means "/"; a fragment is dropped, as
// clients never send it. The method is GET unless the line just before sets
// it with `-X POST`, `--request POST` or `request = "POST"`. Unlike curl, such
// a line applies to the next url line only (and to all its repeats), so each
// line of the file says plainly what it sends; a method line that no url line
// follows is an error.
//
// As timed lines, to say when each request is sent:
//
//	at 0.25 GET /health
//	at 1 POST /submit
//	at 2.5s GET /x          an optional "s" for seconds
//	at 100ms GET /x         or "ms" for milliseconds
//
// A line may be repeated, and a steady stream written in one line:
//
//	4 x at 0 GET /                       four requests at 0
//	4 x url = "http://127.0.0.1:8000/"   four requests at 0
//	every 0.1 from 0 to 2 GET /health    at 0, 0.1, ... 1.9: 'to' is exclusive
//
// `#` starts a comment anywhere outside quotes; blank lines and whitespace
// around a line are ignored; methods and keywords are case-insensitive.
// Parse returns the requests sorted by time, keeping file order among
// requests sent at the same time, which is the order the server sees them.
package load

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"looplab/wasm/trace"
)

// Limits keep a typo such as "100000 x every 0.000001 ..." from exhausting
// the browser tab the simulator runs in: a run of 100,000 requests takes
// well under a second and about 200 MB, a run of a million several
// seconds and gigabytes. Errors name the limit they hit.
const (
	MaxRepeat   = 100_000                  // the N of "N x" (the repeat limit)
	MaxRequests = 100_000                  // all requests of a load (the request limit)
	MaxTime     = 1_000_000 * trace.Second // the latest time a load may name
)

// Request is one HTTP request of a load.
type Request struct {
	Line   int        // 1-based source line
	Method string     // "GET", "POST", ... always upper-case
	Path   string     // path and query, always starting with "/"
	Body   string     // the JSON body that follows the path, or ""
	At     trace.Time // when it is sent
}

// Error is a problem at a place in the load text. Col counts characters
// (runes) from 1, as an editor does, so the playground can underline it.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d:%d: %s", e.Line, e.Col, e.Msg) }

// Parse reads a load. It reports the first error it finds.
func Parse(src string) ([]Request, error) {
	lines, total, err := readLines(src, nil)
	if err != nil {
		return nil, err
	}
	reqs := make([]Request, 0, total)
	for _, l := range lines {
		for range l.reps {
			for k := range l.n {
				reqs = append(reqs, Request{Line: l.line, Method: l.method, Path: l.path, Body: l.body, At: l.at + trace.Time(k)*l.step})
			}
		}
	}
	sortByTime(reqs)
	return reqs, nil
}

// readLines checks every line of a load and says what each request line
// sends and how many requests there are in all. With tokens set, it also
// lists the numbers of the text there (see Tokens).
func readLines(src string, tokens *[]Token) ([]lineSpec, int64, error) {
	var (
		lines   []lineSpec
		total   int64
		pending *methodLine // a -X line waiting for its url line
	)
	lineNo, base := 0, 0
	for rest, more := src, true; more; {
		var text string
		text, rest, more = strings.Cut(rest, "\n")
		lineStart := base
		base += len(text) + 1
		text = strings.TrimSuffix(text, "\r")
		lineNo++
		s := scanner{line: lineNo, text: text, tokens: tokens, base: lineStart}
		spec, ok, m, err := parseLine(&s, pending)
		if err != nil {
			return nil, 0, err
		}
		if m != nil {
			pending = m
		}
		if !ok {
			continue
		}
		pending = nil
		total += spec.reps * spec.n
		if total > MaxRequests {
			return nil, 0, s.errAt(spec.col, "load has more than %d requests (the request limit)", MaxRequests)
		}
		lines = append(lines, spec)
	}
	if pending != nil {
		return nil, 0, pending.err
	}
	return lines, total, nil
}

// sortByTime orders requests by send time, keeping text order among equals.
// Most loads are written in time order, so check before sorting. It sorts
// positions, which ties fall back on, then moves each request once: a
// stable sort of the requests themselves moves them many times over,
// which the browser's garbage collector makes slow for 10,000 requests
// from two interleaved "every" lines.
func sortByTime(reqs []Request) {
	if slices.IsSortedFunc(reqs, byAt) {
		return
	}
	order := make([]int, len(reqs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(reqs[a].At, reqs[b].At); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// reqs[i] = reqs[order[i]] for every i, one cycle of the permutation
	// at a time; a position done points to itself.
	for i := range order {
		if order[i] == i {
			continue
		}
		first := reqs[i]
		j := i
		for order[j] != i {
			k := order[j]
			reqs[j] = reqs[k]
			order[j] = j
			j = k
		}
		reqs[j] = first
		order[j] = j
	}
}

func byAt(a, b Request) int { return cmp.Compare(a.At, b.At) }
