package textview

import (
	"fmt"
	"strings"

	"looplab/wasm/trace"
)

// Request lanes beyond maxRequestLanes are summarised: a load of a thousand
// requests would otherwise push the event loop's story off the screen.
const (
	maxRequestLanes  = 60 // more than this many request lanes are cut...
	keptRequestLanes = 40 // ...to this many
)

// row is one line of the lane area: a lane, or a "… N more" note.
type row struct {
	lane *trace.Lane
	note string
}

// rows picks the lanes to draw: those with spans, in trace order, with
// request lanes cut to the first keptRequestLanes when there are too many.
// Other kinds (loop, task, thread, GIL, cores) always stay: they are few
// and they explain what the requests were waiting for.
func rows(tr *trace.Trace) []row {
	requests := 0
	for _, l := range tr.Lanes {
		if len(l.Spans) > 0 && l.Kind == trace.KindRequest {
			requests++
		}
	}
	cut := requests > maxRequestLanes
	var out []row
	seen := 0
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if len(l.Spans) == 0 {
			continue
		}
		if cut && l.Kind == trace.KindRequest {
			seen++
			if seen > keptRequestLanes {
				continue
			}
			out = append(out, row{lane: l})
			if seen == keptRequestLanes {
				out = append(out, row{note: fmt.Sprintf("… %d more requests", requests-keptRequestLanes)})
			}
			continue
		}
		out = append(out, row{lane: l})
	}
	return out
}

// nameWidth is the width of the lane-name column: the longest name, but
// no less than the "time" label and no more than maxName, beyond which
// names are cut with "…".
const maxName = 20

func nameWidth(rs []row) int {
	w := len("time")
	for _, r := range rs {
		if r.lane != nil {
			w = max(w, runeLen(r.lane.Name))
		}
	}
	return min(w, maxName)
}

// blockedNote says in words when a loop lane was blocked, the one fact a
// learner most needs from the picture: "event loop blocked 0.000–8.000
// (8.000 s of 12.000 s)". Touching blocked spans are merged.
func blockedNote(l *trace.Lane, dur trace.Time) string {
	if l.Kind != trace.KindLoop {
		return ""
	}
	type stretch struct{ from, to trace.Time }
	var ss []stretch
	var total trace.Time
	for _, s := range l.Spans {
		if s.State != trace.Blocked {
			continue
		}
		total += s.To - s.From
		if n := len(ss); n > 0 && ss[n-1].to == s.From {
			ss[n-1].to = s.To
			continue
		}
		ss = append(ss, stretch{s.From, s.To})
	}
	if len(ss) == 0 {
		return ""
	}
	const shown = 4
	var parts []string
	for i, s := range ss {
		if i == shown {
			parts = append(parts, fmt.Sprintf("… %d more", len(ss)-shown))
			break
		}
		parts = append(parts, secs(s.from)+"–"+secs(s.to))
	}
	return fmt.Sprintf("%s blocked %s (%s s of %s s)", l.Name, strings.Join(parts, ", "), secs(total), secs(dur))
}
