package report

import (
	"slices"

	"looplab/wasm/trace"
)

// Focus is the latency of the requests a scenario names as its point
// (its focus= words), so its figures show what its lesson is about rather
// than an average drowned by the rest of the load.
type Focus struct {
	Name     string     `json:"name"` // the focus word: "/whoami"
	Requests int        `json:"requests"`
	Answered int        `json:"answered"`
	Median   trace.Time `json:"median"`
	Max      trace.Time `json:"max"`
}

// FocusLatency measures the requests whose lane each word names (see
// matches), in the order of the words, one Focus a word (with no
// requests when it names none), so two versions' figures line up.
func FocusLatency(tr *trace.Trace, words []string, matches func(name, word string) bool) []Focus {
	var out []Focus
	for _, w := range words {
		f := Focus{Name: w}
		var lat []trace.Time
		for _, r := range tr.Requests {
			if r.Lane < 0 || r.Lane >= len(tr.Lanes) || !matches(tr.Lanes[r.Lane].Name, w) {
				continue
			}
			f.Requests++
			if r.End >= 0 {
				lat = append(lat, r.End-r.Sent)
			}
		}
		f.Answered = len(lat)
		if len(lat) > 0 {
			slices.Sort(lat)
			f.Median, f.Max = median(lat), lat[len(lat)-1]
		}
		out = append(out, f)
	}
	return out
}
