package report

import (
	"sort"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// Caption says in one plain sentence what happens at t, for the line under
// the stage: "2.00 s — GET /rude #3 calls time.sleep(4): the event loop
// is blocked; 3 requests wait". A blocked or busy event loop is what a
// learner most needs to see, so it comes first; then what just happened,
// if it happened a moment ago; else what is going on at t.
//
// It is said knowing the run up to known: its end, or t itself for a
// stage that hides the future, where a stretch of Python on the loop is
// long once it has run 50 ms, not because it will.
func Caption(tr *trace.Trace, n *Narration, t, known trace.Time) string {
	at := captionTime(t) + " — "
	if s, owner := loopCaption(tr, t, known); s != "" {
		return at + s + waitingCaption(tr, t, owner)
	}
	if n != nil && n.Len() > 0 {
		i := sort.Search(n.Len(), func(i int) bool { return n.Time(i) > t }) - 1
		if i >= 0 && t-n.Time(i) <= recent(tr) {
			return at + n.Line(i).Text
		}
	}
	if s := ongoing(tr, t); s != "" {
		return at + s
	}
	if t >= tr.Duration && tr.Duration > 0 {
		return at + "the run is over"
	}
	return at + "nothing is happening"
}

// recent is how long ago an event may be and still be "what happens now":
// a fiftieth of the run, at least 20 ms.
func recent(tr *trace.Trace) trace.Time { return max(tr.Duration/50, 20*trace.Millisecond) }

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
// the GIL. It is "" while every loop is idle or only briefly busy (as far
// as known).
func loopCaption(tr *trace.Trace, t, known trace.Time) (string, int) {
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if l.Kind != trace.KindLoop {
			continue
		}
		sp := trace.SpanAt(l.Spans, t)
		if sp == nil {
			continue
		}
		lasts := min(sp.To, known) - sp.From
		switch {
		case sp.State == trace.Blocked:
			if o := ownerOf(tr, t, trace.Blocked, sp.Label); o >= 0 {
				return tr.Lanes[o].Name + " calls " + sp.Label + ": " + loopName(tr, l) + " is blocked", o
			}
			return loopName(tr, l) + " is blocked in " + sp.Label, -1
		case sp.State == trace.Run && lasts >= 50*trace.Millisecond:
			if o := ownerOf(tr, t, trace.Run, ""); o >= 0 {
				return tr.Lanes[o].Name + " runs " + callOf(sp.Label, "Python") + " on " + loopName(tr, l) + ": nothing else can run", o
			}
			return loopName(tr, l) + " is busy running " + callOf(sp.Label, "Python"), -1
		case sp.State == trace.GILWait && lasts >= 10*trace.Millisecond:
			return loopName(tr, l) + " waits for the GIL", -1
		}
	}
	return "", -1
}

// callOf is a run span's call ("cpu(1.5)"), or what to say when it has
// none.
func callOf(label, none string) string {
	if label == "" || strings.Contains(label, " ") {
		return none
	}
	return label
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
		if sp := trace.SpanAt(l.Spans, t); sp != nil && sp.State == st && (label == "" || sp.Label == label) {
			return i
		}
	}
	return -1
}

// waitingCaption says who waits for a held-up loop: requests sent and not
// answered (other than the owner's), and how many of them, or of the
// tasks, could run now but for the loop.
func waitingCaption(tr *trace.Trace, t trace.Time, owner int) string {
	readyRequests, readyTasks := 0, 0
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		if i == owner || (l.Kind != trace.KindRequest && l.Kind != trace.KindTask) {
			continue
		}
		if sp := trace.SpanAt(l.Spans, t); sp != nil && sp.State == trace.Ready {
			if l.Kind == trace.KindRequest {
				readyRequests++
			} else {
				readyTasks++
			}
		}
	}
	requests := 0
	for _, r := range tr.Requests {
		if r.Lane != owner && r.Sent <= t && (r.End < 0 || r.End > t) {
			requests++
		}
	}
	out := ""
	if requests > 0 {
		out += "; " + strconv.Itoa(requests) + " " + plural(requests, "request waits", "requests wait")
		if readyRequests > 0 {
			out += " (" + strconv.Itoa(readyRequests) + " of them ready to go on, but for the loop)"
		}
	}
	if readyTasks > 0 {
		out += "; " + strconv.Itoa(readyTasks) + " " + plural(readyTasks, "task is", "tasks are") + " ready but cannot run"
	}
	return out
}

// ongoing says what the lanes are doing at t when nothing just happened:
// "GET /polite #4 awaits asyncio.sleep(4)", "20 requests await
// client.get(...)", "executor thread 1 runs cpu(1); executor thread 2
// waits for the GIL". The most telling states come first, two at most.
func ongoing(tr *trace.Trace, t trace.Time) string {
	type doing struct {
		what  string
		rank  int
		lanes []string
		kind  string
	}
	var all []doing
	for i := range tr.Lanes {
		l := &tr.Lanes[i]
		switch l.Kind {
		case trace.KindRequest, trace.KindTask, trace.KindThread:
		default:
			continue
		}
		sp := trace.SpanAt(l.Spans, t)
		if sp == nil {
			continue
		}
		// A request or task whose work runs in a thread or process says
		// what that worker's own lane says: the worker is told once.
		if l.Kind != trace.KindThread && (sp.State == trace.Thread || sp.State == trace.Process || sp.State == trace.GILWait) {
			continue
		}
		what, rank := activity(sp)
		k := -1
		for j := range all {
			if all[j].what == what && all[j].kind == l.Kind {
				k = j
			}
		}
		if k < 0 {
			all = append(all, doing{what: what, rank: rank, kind: l.Kind})
			k = len(all) - 1
		}
		all[k].lanes = append(all[k].lanes, l.Name)
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].rank < all[b].rank })
	var parts []string
	for _, d := range all[:min(len(all), 2)] {
		who := d.lanes[0]
		if len(d.lanes) > 1 {
			who = strconv.Itoa(len(d.lanes)) + " " + map[string]string{trace.KindRequest: "requests", trace.KindTask: "tasks", trace.KindThread: "threads"}[d.kind]
			d.what = pluralVerb(d.what)
		}
		parts = append(parts, who+" "+d.what)
	}
	return strings.Join(parts, "; ")
}

// activity says what a span's lane does, with a rank: stuck first, then
// working, then waiting.
func activity(sp *trace.Span) (string, int) {
	call := strings.TrimPrefix(sp.Label, "await ")
	if c, _, ok := strings.Cut(call, " in "); ok && strings.HasSuffix(c, ")") {
		call = c
	}
	// what says the call after verb, or none when the span names no call.
	what := func(verb, none string) string {
		if call == "" {
			return none
		}
		return verb + call
	}
	switch sp.State {
	case trace.Blocked:
		return what("is blocked in ", "is blocked"), 0
	case trace.Ready:
		return "is ready, waiting for the loop", 1
	case trace.GILWait:
		return "waits for the GIL", 2
	case trace.Token:
		return "waits for a threadpool token", 2
	case trace.Queued:
		return "waits in a queue", 2
	case trace.Run:
		return "runs " + callOf(call, "Python"), 3
	case trace.Thread:
		return what("runs ", "runs") + " in a thread", 3
	case trace.Process:
		return what("runs ", "runs") + " in a process", 3
	case trace.IO:
		return what("waits for ", "waits for the network"), 4
	case trace.Await:
		return what("awaits ", "awaits"), 4
	case trace.Respond:
		return "is answered; its background tasks run", 5
	}
	return string(sp.State), 6
}

// pluralVerb turns "is ready" into "are ready", "awaits" into "await".
func pluralVerb(s string) string {
	verb, rest, _ := strings.Cut(s, " ")
	switch verb {
	case "is":
		verb = "are"
	case "runs", "waits", "awaits":
		verb = strings.TrimSuffix(verb, "s")
	}
	if rest == "" {
		return verb
	}
	return verb + " " + rest
}
