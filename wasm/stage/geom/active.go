package geom

import (
	"looplab/wasm/trace"
)

// ActiveLine is a line of the code that some lanes are on at a moment:
// the code panel marks it in the colour those lanes are drawn in, so the
// code follows the playhead across tasks, requests and threads.
type ActiveLine struct {
	Line    int32    `json:"line"`
	Version string   `json:"version,omitempty"` // "A" or "B" in compare mode
	State   string   `json:"state"`             // the state most of its lanes are in
	Color   string   `json:"color"`             // that state's colour, CSS
	Count   int      `json:"count"`             // how many lanes are on it
	Lanes   []string `json:"lanes"`             // the first few of them
}

// mostNamed is how many lane names an ActiveLine carries.
const mostNamed = 3

// ActiveLines lists the lines the lanes of tr are on at t, in line order.
// The GIL and cores lanes say who holds what, not where the code is, and
// are left out.
func ActiveLines(tr *trace.Trace, t trace.Time, th Theme, version string) []ActiveLine {
	var out []ActiveLine
	type tally struct {
		states []trace.State
		counts []int
		kind   string
		label  string
	}
	var tallies []tally
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if l.Kind == trace.KindGIL || l.Kind == trace.KindCores {
			continue
		}
		sp := trace.SpanAt(l.Spans, t)
		if sp == nil || sp.Line <= 0 {
			continue
		}
		k := -1
		for j := range out {
			if out[j].Line == sp.Line {
				k = j
				break
			}
		}
		if k < 0 {
			k = len(out)
			out = append(out, ActiveLine{Line: sp.Line, Version: version})
			tallies = append(tallies, tally{kind: l.Kind, label: sp.Label})
		}
		a, tl := &out[k], &tallies[k]
		a.Count++
		if len(a.Lanes) < mostNamed {
			a.Lanes = append(a.Lanes, l.Name)
		}
		found := false
		for j, st := range tl.states {
			if st == sp.State {
				tl.counts[j]++
				found = true
			}
		}
		if !found {
			tl.states, tl.counts = append(tl.states, sp.State), append(tl.counts, 1)
		}
	}
	for k := range out {
		tl := tallies[k]
		best := 0
		for j := range tl.states {
			if tl.counts[j] > tl.counts[best] {
				best = j
			}
		}
		st := tl.states[best]
		c, _ := th.Style(st, tl.kind)
		if st == trace.Blocked && blocksLoop(tr, t, tl.label) {
			c = th.LoopStall // the call that is stalling the loop
		}
		out[k].State, out[k].Color = string(st), c.CSS()
	}
	sortByLine(out)
	return out
}

// blocksLoop reports whether an event loop of tr is blocked at t in a
// call labelled label.
func blocksLoop(tr *trace.Trace, t trace.Time, label string) bool {
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if l.Kind != trace.KindLoop {
			continue
		}
		if sp := trace.SpanAt(l.Spans, t); sp != nil && sp.State == trace.Blocked && sp.Label == label {
			return true
		}
	}
	return false
}

func sortByLine(ls []ActiveLine) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].Line < ls[j-1].Line; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}
