package report

import (
	"sort"
	"strconv"

	"looplab/wasm/trace"
)

// Caption says in one plain sentence what happens at t, for the line under
// the stage: "2.00 s — GET /rude #3 calls time.sleep(4): the event loop
// is blocked; 3 requests wait". A blocked or busy event loop is what a
// learner most needs to see, so it comes first; otherwise the caption is
// the narrated log's latest line.
func Caption(tr *trace.Trace, n *Narration, t trace.Time) string {
	at := captionTime(t) + " — "
	if s, owner := loopCaption(tr, t); s != "" {
		return at + s + waitingCaption(tr, t, owner)
	}
	if n == nil || n.Len() == 0 {
		return at + "nothing has happened yet"
	}
	i := sort.Search(n.Len(), func(i int) bool { return n.Time(i) > t }) - 1
	if i < 0 {
		return at + "nothing has happened yet"
	}
	return at + n.Line(i).Text
}

// captionTime writes t with two decimals, three under a second.
func captionTime(t trace.Time) string {
	d := 2
	if t < trace.Second {
		d = 3
	}
	return strconv.FormatFloat(t.Seconds(), 'f', d, 64) + " s"
}

// loopCaption says what holds up an event loop at t, and whose lane does
// it (-1 for none): a blocking call, a long stretch of Python, a wait for
// the GIL. It is "" while every loop is idle or only briefly busy.
func loopCaption(tr *trace.Trace, t trace.Time) (string, int) {
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if l.Kind != trace.KindLoop {
			continue
		}
		sp := spanAt(l.Spans, t)
		if sp == nil {
			continue
		}
		switch {
		case sp.State == trace.Blocked:
			if o := ownerOf(tr, t, trace.Blocked, sp.Label); o >= 0 {
				return tr.Lanes[o].Name + " calls " + sp.Label + ": " + loopName(tr, l) + " is blocked", o
			}
			return loopName(tr, l) + " is blocked in " + sp.Label, -1
		case sp.State == trace.Run && sp.To-sp.From >= 50*trace.Millisecond:
			if o := ownerOf(tr, t, trace.Run, ""); o >= 0 {
				return tr.Lanes[o].Name + " runs Python on " + loopName(tr, l) + ": nothing else can run", o
			}
			return loopName(tr, l) + " is busy running Python", -1
		case sp.State == trace.GILWait && sp.To-sp.From >= 10*trace.Millisecond:
			return loopName(tr, l) + " waits for the GIL", -1
		}
	}
	return "", -1
}

// loopName is "the event loop", or the lane's own name when a run has
// more than one (uvicorn workers).
func loopName(tr *trace.Trace, l *trace.Lane) string {
	loops := 0
	for i := range tr.Lanes {
		if tr.Lanes[i].Kind == trace.KindLoop {
			loops++
		}
	}
	if loops > 1 {
		return l.Name
	}
	return "the event loop"
}

// ownerOf is the request or task lane in state st at t (with label, when
// one is given): the code an event loop is stuck in. -1 for none.
func ownerOf(tr *trace.Trace, t trace.Time, st trace.State, label string) int {
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if l.Kind != trace.KindRequest && l.Kind != trace.KindTask {
			continue
		}
		if sp := spanAt(l.Spans, t); sp != nil && sp.State == st && (label == "" || sp.Label == label) {
			return i
		}
	}
	return -1
}

// waitingCaption says who waits for a held-up loop: tasks that are ready
// to run, and requests sent but not answered (other than the owner's).
func waitingCaption(tr *trace.Trace, t trace.Time, owner int) string {
	ready := 0
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if i == owner || (l.Kind != trace.KindRequest && l.Kind != trace.KindTask) {
			continue
		}
		if sp := spanAt(l.Spans, t); sp != nil && sp.State == trace.Ready {
			ready++
		}
	}
	requests := 0
	for _, r := range tr.Requests {
		if r.Lane != owner && r.Sent <= t && (r.End < 0 || r.End > t) {
			requests++
		}
	}
	out := ""
	if ready > 0 {
		out += "; " + strconv.Itoa(ready) + " " + plural(ready, "is", "are") + " ready but cannot run"
	}
	if requests > 0 {
		out += "; " + strconv.Itoa(requests) + " " + plural(requests, "request waits", "requests wait")
	}
	return out
}

// spanAt is the span of spans that covers t, or nil.
func spanAt(spans []trace.Span, t trace.Time) *trace.Span {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].To > t })
	if i < len(spans) && spans[i].From <= t {
		return &spans[i]
	}
	return nil
}
