package report

import (
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// TestFigures reads every figure of the blocked loop's run (two /slow
// requests whose time.sleep(4) blocks the loop, then four /) and of the
// asyncio script that prints, against the trace and the metrics.
func TestFigures(t *testing.T) {
	tr := run(t, "blocked_loop")
	m := Measure(tr)
	second := tr.Requests[1]
	for _, c := range []struct {
		name string
		want float64
	}{
		{"latency:2", (second.End - second.Sent).Seconds()},
		{"done:2", second.End.Seconds()},
		{"latency", m.LatencyMedian.Seconds()},
		{"total", tr.Duration.Seconds()},
		{"stall", m.Stall.Seconds()},
		{"gil", m.GILWait.Seconds()},
		{"answered", 6},
		{"throughput", 6 / tr.Duration.Seconds()},
	} {
		got, err := Figure(tr, c.name)
		if err != nil || got != c.want {
			t.Errorf("Figure(%q) = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	// The second /slow waits for the first's sleep: about 8 s.
	if got, _ := Figure(tr, "done:2"); got < 8 || got > 8.1 {
		t.Errorf("done:2 = %v s, want about 8", got)
	}
	threads := run(t, "three_ways")
	if len(threads.Prints) == 0 {
		t.Fatal("three_ways prints nothing")
	}
	if got, err := Figure(threads, "print:1"); err != nil || got != threads.Prints[0].T.Seconds() {
		t.Errorf("print:1 = %v, %v; want %v", got, err, threads.Prints[0].T.Seconds())
	}
	if got, err := Figure(threads, "gil"); err != nil || got != Measure(threads).GILWait.Seconds() {
		t.Errorf("gil = %v, %v", got, err)
	}
	// Debug mode's slow-callback warnings: how many, and when the Nth.
	warned := &trace.Trace{Duration: 3 * trace.Second, Warnings: []trace.Line{{T: trace.Second}, {T: 2 * trace.Second}}}
	if got, err := Figure(warned, "warnings"); err != nil || got != 2 {
		t.Errorf("warnings = %v, %v; want 2", got, err)
	}
	if got, err := Figure(warned, "warning:2"); err != nil || got != 2 {
		t.Errorf("warning:2 = %v, %v; want 2", got, err)
	}
	if _, err := Figure(warned, "warning:3"); err == nil || !strings.Contains(err.Error(), "the run has 2 warnings") {
		t.Errorf("warning:3 error %v", err)
	}
}

// TestFigureErrors: a figure the run cannot give says why, naming the
// figure as a lesson wrote it.
func TestFigureErrors(t *testing.T) {
	tr := run(t, "blocked_loop")
	unanswered := &trace.Trace{Duration: trace.Second, Requests: []trace.Request{{Sent: 0, End: -1}}}
	for _, c := range []struct {
		tr         *trace.Trace
		name, want string
	}{
		{tr, "latency:7", "measure=latency:7: the run has 6 requests"},
		{tr, "done:0", "the run has 6 requests"},
		{tr, "print:1", "the run has 0 prints"},
		{tr, "latency:x", "the run has 6 requests"},
		{tr, "totals", `unknown measure "totals"`},
		{tr, "total:1", `unknown measure "total:1"`},
		{tr, "", "unknown measure"},
		{unanswered, "latency:1", "never got a response"},
		{unanswered, "latency", "no request was answered"},
	} {
		if _, err := Figure(c.tr, c.name); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Figure(%q) error %v, want one saying %q", c.name, err, c.want)
		}
	}
	// A run with nothing answered still counts: none, at none a second.
	for _, name := range []string{"answered", "throughput"} {
		if got, err := Figure(unanswered, name); err != nil || got != 0 {
			t.Errorf("Figure(%q) of an unanswered run = %v, %v", name, got, err)
		}
	}
}

func TestFigureUnit(t *testing.T) {
	for name, want := range map[string]string{"latency:3": "s", "gil": "s", "answered": "requests", "throughput": "requests/s"} {
		if got := FigureUnit(name); got != want {
			t.Errorf("FigureUnit(%q) = %q, want %q", name, got, want)
		}
	}
}
