package trace

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTimeJSON(t *testing.T) {
	for _, c := range []struct {
		t    Time
		want string
	}{{0, "0"}, {4 * Second, "4"}, {1500 * Millisecond, "1.5"}, {1, "0.000001"}, {123456789, "123.456789"}, {-1, "null"}} {
		b, err := json.Marshal(c.t)
		if err != nil || string(b) != c.want {
			t.Errorf("%d µs → %s (%v), want %s", c.t, b, err, c.want)
		}
		var back Time
		if err := json.Unmarshal(b, &back); err != nil || (back != c.t && c.t >= 0) || (c.t < 0 && back != -1) {
			t.Errorf("%s read back as %d (%v)", b, back, err)
		}
	}
}

func TestRecorderSpans(t *testing.T) {
	r := NewRecorder()
	a := r.Lane("a", KindThread)
	r.Set(a, 0, Run, "x")
	r.Set(a, 0, Blocked, "y") // the zero-length run span is dropped
	r.Set(a, 2, Blocked, "y") // same state: no new span
	r.Set(a, 3, "", "")       // idle
	r.Set(a, 5, Run, "x")     // idle gap stays a gap
	r.Set(a, 6, GILWait, "")  //
	r.Set(a, 6, Run, "x")     // a zero-length wait between equal spans merges them
	tr := r.Finish(8)
	got := tr.Lanes[a].Spans
	want := []Span{{From: 0, To: 3, State: Blocked, Label: "y"}, {From: 5, To: 8, State: Run, Label: "x"}}
	if len(got) != len(want) {
		t.Fatalf("spans %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d is %v, want %v", i, got[i], want[i])
		}
	}
	if tr.Duration != 8 || tr.Prints == nil || tr.Events == nil || tr.Requests == nil {
		t.Errorf("finish left %+v", tr)
	}
}

// TestRecorderCalls: each Begin is a span of its own, even when it reads
// like the one before or its predecessor was too short to keep, while a
// Set of the same thing continues it.
func TestRecorderCalls(t *testing.T) {
	r := NewRecorder()
	a := r.Lane("a", KindThread)
	r.Begin(a, 0, Blocked, "time.sleep(2)", 3)
	r.Begin(a, 2, Blocked, "time.sleep(2)", 3) // a second call
	r.Begin(a, 4, Run, "cpu(1)", 4)
	r.Set(a, 4, GILWait, "")          // at once: the call's span is empty...
	r.SetLine(a, 4, Run, "cpu(1)", 4) // ...yet this is the call, not more of the one before
	r.Set(a, 5, GILWait, "")          //
	r.SetLine(a, 6, Run, "cpu(1)", 4) // the same call, after a wait
	r.SetLine(a, 6, Run, "cpu(1)", 4) // said again: no new span
	tr := r.Finish(7)
	want := []Span{
		{From: 0, To: 2, State: Blocked, Label: "time.sleep(2)", Line: 3},
		{From: 2, To: 4, State: Blocked, Label: "time.sleep(2)", Line: 3},
		{From: 4, To: 5, State: Run, Label: "cpu(1)", Line: 4},
		{From: 5, To: 6, State: GILWait},
		{From: 6, To: 7, State: Run, Label: "cpu(1)", Line: 4},
	}
	checkSpans(t, tr.Lanes[a].Spans, want)
}

// TestRecorderSince: a lane can be put in a state from an earlier time,
// cutting the open span there, but never before that span began.
func TestRecorderSince(t *testing.T) {
	r := NewRecorder()
	a := r.Lane("a", KindTask)
	r.Begin(a, 1, Await, "await asyncio.sleep(4)", 9)
	r.Since(a, 5, Ready, "ready", 9)
	r.SetLine(a, 6, Run, "running", 9)
	r.Begin(a, 6, Await, "await asyncio.sleep(1)", 10)
	r.Since(a, 3, Ready, "ready", 10) // before the await began: from its start
	r.Set(a, 8, "", "")
	tr := r.Finish(9)
	want := []Span{
		{From: 1, To: 5, State: Await, Label: "await asyncio.sleep(4)", Line: 9},
		{From: 5, To: 6, State: Ready, Label: "ready", Line: 9},
		{From: 6, To: 8, State: Ready, Label: "ready", Line: 10},
	}
	checkSpans(t, tr.Lanes[a].Spans, want)
}

func checkSpans(t *testing.T, got, want []Span) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("spans %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d is %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestEventKindJSON(t *testing.T) {
	b, _ := json.Marshal(Event{T: Second, Kind: EvGIL, Lane: 2, Text: "takes the GIL"})
	if !strings.Contains(string(b), `"kind":"gil"`) {
		t.Errorf("event JSON %s", b)
	}
	var e Event
	if err := json.Unmarshal(b, &e); err != nil || e.Kind != EvGIL || e.T != Second {
		t.Errorf("read back %+v (%v)", e, err)
	}
	if err := json.Unmarshal([]byte(`{"kind":"bogus"}`), &e); err == nil {
		t.Error("an unknown kind should not parse")
	}
}
