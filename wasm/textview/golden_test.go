package textview

import (
	"flag"
	"fmt"
	"looplab/wasm/internal/golden"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"looplab/wasm/trace"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		tr    *trace.Trace
		width int
	}{
		{"blocked_loop", blockedLoop(), 100},
		{"blocked_loop_narrow", blockedLoop(), 60},
		{"threadpool", threadpool(), 100},
		{"empty", trace.NewRecorder().Finish(0), 100},
		{"many_requests", manyRequests(100), 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Render(tt.tr, tt.width)
			checkShape(t, got, tt.width)
			path := filepath.Join("testdata", tt.name+".golden")
			golden.Check(t, path, got, *update)
		})
	}
}

// checkShape holds for any output: lines fit the width, none ends in a
// space, and the text ends with a newline.
func checkShape(t *testing.T, out string, width int) {
	t.Helper()
	if !strings.HasSuffix(out, "\n") {
		t.Error("output does not end with a newline")
	}
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := utf8.RuneCountInString(l); n > width {
			t.Errorf("line %d is %d characters, more than %d: %q", i+1, n, width, l)
		}
		if strings.TrimRight(l, " \t") != l {
			t.Errorf("line %d ends with a space: %q", i+1, l)
		}
	}
}

func TestRenderDefaultWidth(t *testing.T) {
	tr := blockedLoop()
	want := Render(tr, DefaultWidth)
	for _, w := range []int{-1, 0, 40} {
		if got := Render(tr, w); got != want {
			t.Errorf("Render(tr, %d) differs from Render(tr, %d)", w, DefaultWidth)
		}
	}
}

func TestRenderNil(t *testing.T) {
	if got, want := Render(nil, 80), Render(&trace.Trace{}, 80); got != want {
		t.Errorf("Render(nil) = %q, want the empty trace's %q", got, want)
	}
}

// The same trace must draw the same text every time: the legend is built
// from a map, so this catches any iteration order leaking out.
func TestRenderDeterministic(t *testing.T) {
	tr := threadpool()
	tr.Lanes[1].Spans = append(tr.Lanes[1].Spans, trace.Span{From: 2400 * ms, To: 2450 * ms, State: "zzz"},
		trace.Span{From: 2450 * ms, To: 2500 * ms, State: "aaa"})
	first := Render(tr, 100)
	if !strings.Contains(first, "? aaa  ? zzz") {
		t.Errorf("unknown states missing from the legend:\n%s", first)
	}
	for range 20 {
		if Render(tr, 100) != first {
			t.Fatal("Render is not deterministic")
		}
	}
}

// Huge times must not overflow the cell arithmetic.
func TestRenderHugeTimes(t *testing.T) {
	end := trace.Time(1) << 60
	tr := &trace.Trace{Duration: end, Lanes: []trace.Lane{{Name: "loop", Kind: trace.KindLoop, Spans: []trace.Span{
		{From: 0, To: end / 2, State: trace.Run}, {From: end / 2, To: end, State: trace.Blocked},
	}}}}
	out := Render(tr, 50)
	checkShape(t, out, 50)
	if !strings.Contains(out, "loop  "+strings.Repeat("█", 22)+strings.Repeat("▓", 22)) {
		t.Errorf("halves not drawn:\n%s", out)
	}
}

// Random traces, including states this view does not know, requests that
// never started and spans past the duration, must draw without panics and
// keep the output's shape.
func TestRenderRandomTraces(t *testing.T) {
	states := []trace.State{trace.Run, trace.Await, trace.IO, trace.Ready, trace.Blocked, trace.GILWait,
		trace.Token, trace.Queued, trace.Thread, trace.Process, trace.Held, trace.Busy, trace.Respond, "new"}
	kinds := []string{trace.KindRequest, trace.KindTask, trace.KindLoop, trace.KindThread, trace.KindGIL, trace.KindCores}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		r := trace.NewRecorder()
		t0 := trace.Time(0)
		for l := range 1 + rng.IntN(8) {
			lane := r.Lane(fmt.Sprintf("lane %d with a name of some length", l), kinds[rng.IntN(len(kinds))])
			for range rng.IntN(20) {
				r.Set(lane, t0, states[rng.IntN(len(states))], "")
				t0 += trace.Time(rng.Int64N(int64(2 * trace.Second)))
			}
			r.Set(lane, t0, "", "")
			r.Trace.Requests = append(r.Trace.Requests, trace.Request{Method: "GET", Path: "/x", Sent: t0 / 2, Start: -1, End: t0 - trace.Time(rng.IntN(2))*(t0+1), Lane: lane})
		}
		tr := r.Finish(trace.Time(rng.Int64N(int64(t0) + 1)))
		width := 80 + rng.IntN(60)
		out := Render(tr, width)
		checkShape(t, out, width)
		if t.Failed() {
			t.Fatalf("trace %d at width %d:\n%s", i, width, out)
		}
	}
}
