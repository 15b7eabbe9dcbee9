package report

import (
	"strconv"
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
	n := NewNarration(tr)
	return n.Lines(0, n.Len())
}

// Narration is Narrate's log, told a line at a time when asked for: a
// 10,000-request run has some 70,000 lines, of which a page shows a few
// hundred, so only where each line begins is worked out up front.
type Narration struct {
	tr    *trace.Trace
	first []int32 // each line's first event; its last is just before the next line's first
}

// NewNarration divides a run's events into lines: one per event, but one
// for each run of GIL hand-offs. The trace must not change afterwards.
func NewNarration(tr *trace.Trace) *Narration {
	evs := tr.Events
	startsLine := func(i int) bool {
		return evs[i].Kind != trace.EvGIL || i == 0 || evs[i-1].Kind != trace.EvGIL
	}
	// Counted first, so that the slice is made once at its size.
	n := 0
	for i := range evs {
		if startsLine(i) {
			n++
		}
	}
	first := make([]int32, 0, n)
	for i := range evs {
		if startsLine(i) {
			first = append(first, int32(i))
		}
	}
	return &Narration{tr: tr, first: first}
}

// Len is the number of lines.
func (n *Narration) Len() int { return len(n.first) }

// Time is when line i happens (its T).
func (n *Narration) Time(i int) trace.Time { return n.tr.Events[n.first[i]].T }

// Lines tells lines [from, to).
func (n *Narration) Lines(from, to int) []Line {
	if from >= to {
		return nil
	}
	out := make([]Line, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, n.Line(i))
	}
	return out
}

// Line tells line i.
func (n *Narration) Line(i int) Line {
	tr := n.tr
	evs := tr.Events
	lo, hi := int(n.first[i]), len(evs)
	if i+1 < len(n.first) {
		hi = int(n.first[i+1])
	}
	e := evs[lo]
	if hi-lo > 1 { // a run of GIL hand-offs
		holders := []string{}
		seen := map[string]bool{}
		for _, g := range evs[lo:hi] {
			if h := n.name(g.Lane); !seen[h] {
				seen[h] = true
				holders = append(holders, h)
			}
		}
		return Line{T: e.T, To: evs[hi-1].T, Kind: "gil",
			Text: "the GIL changes hands " + strconv.Itoa(hi-lo) + " times between " + list(holders)}
	}
	text := n.name(e.Lane) + ": " + e.Text
	if e.Kind == trace.EvBlock && strings.Contains(e.Text, "event loop") {
		if w := waiting(tr, e.T, e.Lane); w > 0 {
			text += "; " + strconv.Itoa(w) + " other " + plural(w, "request waits", "requests wait")
		}
	}
	return Line{T: e.T, Kind: e.Kind.String(), Text: text}
}

func (n *Narration) name(lane int) string {
	if lane >= 0 && lane < len(n.tr.Lanes) {
		return n.tr.Lanes[lane].Name
	}
	return "?"
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
