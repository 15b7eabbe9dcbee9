package report

import (
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// rude is lesson 7's run in brief: two polite requests sleeping, a rude
// one blocking the loop from 1 s to 5 s, a fourth sent at 1.5 s.
func rude() *trace.Trace {
	s := trace.Second
	return &trace.Trace{
		Duration: 9 * s,
		Lanes: []trace.Lane{
			{Name: "event loop", Kind: trace.KindLoop, Spans: []trace.Span{{From: s, To: 5 * s, State: trace.Blocked, Label: "time.sleep(4)"}}},
			{Name: "GET /polite #1", Kind: trace.KindRequest, Spans: []trace.Span{
				{From: 0, To: 4 * s, State: trace.Await, Label: "await asyncio.sleep(4)"}, {From: 4 * s, To: 5 * s, State: trace.Ready}}},
			{Name: "GET /rude #2", Kind: trace.KindRequest, Spans: []trace.Span{{From: s, To: 5 * s, State: trace.Blocked, Label: "time.sleep(4)"}}},
			{Name: "GET /polite #3", Kind: trace.KindRequest, Spans: []trace.Span{
				{From: 1500 * trace.Millisecond, To: 5 * s, State: trace.Queued}, {From: 5 * s, To: 9 * s, State: trace.Await}}},
		},
		Requests: []trace.Request{
			{Path: "/polite", Sent: 0, End: 5 * s, Lane: 1},
			{Path: "/rude", Sent: s, End: 5 * s, Lane: 2},
			{Path: "/polite", Sent: 1500 * trace.Millisecond, End: 9 * s, Lane: 3},
		},
		Events: []trace.Event{
			{T: 0, Kind: trace.EvArrive, Lane: 1, Text: "arrives"},
			{T: s, Kind: trace.EvBlock, Lane: 2, Text: "time.sleep(4) blocks the event loop"},
			{T: 5 * s, Kind: trace.EvRespond, Lane: 1, Text: "gets its response (200)"},
		},
	}
}

func TestCaptionSaysWhatHoldsTheLoop(t *testing.T) {
	tr := rude()
	n := NewNarration(tr)
	for _, c := range []struct {
		at   trace.Time
		want string
	}{
		{2 * trace.Second, "2.00 s — GET /rude #2 calls time.sleep(4): the event loop is blocked; 2 requests wait"},
		{4500 * trace.Millisecond, "4.50 s — GET /rude #2 calls time.sleep(4): the event loop is blocked; 2 requests wait (1 of them ready to go on, but for the loop)"},
		// Just after an event, the event; long after, what is going on.
		{5100 * trace.Millisecond, "5.10 s — GET /polite #1: gets its response (200)"},
		{6 * trace.Second, "6.00 s — GET /polite #3 awaits"},
		{500 * trace.Millisecond, "0.500 s — GET /polite #1 awaits asyncio.sleep(4)"},
		{9 * trace.Second, "9.00 s — the run is over"},
	} {
		if got := Caption(tr, n, c.at, tr.Duration); got != c.want {
			t.Errorf("at %v:\n got %q\nwant %q", c.at, got, c.want)
		}
	}
	if got := Caption(&trace.Trace{}, nil, 0, 0); got != "0.000 s — nothing is happening" {
		t.Errorf("an empty run: %q", got)
	}
}

func TestCaptionSaysWhatIsGoingOn(t *testing.T) {
	s := trace.Second
	tr := &trace.Trace{Duration: 2 * s, Lanes: []trace.Lane{
		{Name: "executor thread 1", Kind: trace.KindThread, Spans: []trace.Span{{From: 0, To: 2 * s, State: trace.Run, Label: "cpu(1)"}}},
		{Name: "executor thread 2", Kind: trace.KindThread, Spans: []trace.Span{{From: 0, To: 2 * s, State: trace.GILWait, Label: "waiting for the GIL"}}},
		{Name: "GET /a #1", Kind: trace.KindRequest, Spans: []trace.Span{{From: 0, To: 2 * s, State: trace.Await, Label: "await asyncio.sleep(2)"}}},
		{Name: "GET /a #2", Kind: trace.KindRequest, Spans: []trace.Span{{From: 0, To: 2 * s, State: trace.Await, Label: "await asyncio.sleep(2)"}}},
	}}
	want := "0.500 s — executor thread 2 waits for the GIL; executor thread 1 runs cpu(1)"
	if got := Caption(tr, NewNarration(tr), s/2, tr.Duration); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	tr.Lanes = tr.Lanes[2:]
	if got := Caption(tr, NewNarration(tr), s/2, tr.Duration); got != "0.500 s — 2 requests await asyncio.sleep(2)" {
		t.Errorf("got %q", got)
	}
}

// TestCaptionSoFarKnowsOnlyThePast: a long stretch of Python on the loop
// is news once it has run 50 ms; until then, seen only so far, it is not
// yet the loop's stall (knowing the whole run, Caption says it at once).
func TestCaptionSoFarKnowsOnlyThePast(t *testing.T) {
	ms := trace.Millisecond
	tr := &trace.Trace{Duration: trace.Second, Lanes: []trace.Lane{
		{Name: "event loop", Kind: trace.KindLoop, Spans: []trace.Span{{From: 100 * ms, To: 900 * ms, State: trace.Run, Label: "cpu(0.8)"}}},
		{Name: "Task-1 main()", Kind: trace.KindTask, Spans: []trace.Span{{From: 100 * ms, To: 900 * ms, State: trace.Run, Label: "cpu(0.8)"}}},
	}}
	stall := "Task-1 main() runs cpu(0.8) on the event loop: nothing else can run"
	for _, c := range []struct {
		at    trace.Time
		soFar bool
		says  bool
	}{
		{120 * ms, false, true}, {120 * ms, true, false}, {200 * ms, true, true}, {950 * ms, true, false},
	} {
		known := tr.Duration
		if c.soFar {
			known = c.at
		}
		got := Caption(tr, nil, c.at, known)
		if says := strings.Contains(got, stall); says != c.says {
			t.Errorf("at %v (so far %v): %q", c.at, c.soFar, got)
		}
	}
}
