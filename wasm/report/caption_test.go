package report

import (
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
		{4500 * trace.Millisecond, "4.50 s — GET /rude #2 calls time.sleep(4): the event loop is blocked; 1 is ready but cannot run; 2 requests wait"},
		{6 * trace.Second, "6.00 s — GET /polite #1: gets its response (200)"},
		{500 * trace.Millisecond, "0.500 s — GET /polite #1: arrives"},
	} {
		if got := Caption(tr, n, c.at); got != c.want {
			t.Errorf("at %v:\n got %q\nwant %q", c.at, got, c.want)
		}
	}
	if got := Caption(&trace.Trace{}, nil, 0); got != "0.000 s — nothing has happened yet" {
		t.Errorf("an empty run: %q", got)
	}
}
