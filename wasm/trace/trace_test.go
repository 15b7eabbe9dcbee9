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
