package gameloop

import (
	"fmt"
	"reflect"
	"testing"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// heartbeatTrace is the lesson's program by hand: a heartbeat task
// printing "beat" every 100 ms, and a worker whose time.sleep(0.3) at
// 0.45 s blocks the loop until 0.75 s, with the heartbeat ready meanwhile.
func heartbeatTrace() *trace.Trace {
	tr := &trace.Trace{Duration: ms(1200)}
	tr.Lanes = []trace.Lane{
		{Name: "event loop (main thread)", Kind: trace.KindLoop, Spans: []trace.Span{
			{From: ms(200), To: ms(220), State: trace.Run, Label: "compute"},
			{From: ms(450), To: ms(750), State: trace.Blocked, Label: "time.sleep(0.3)"},
		}},
		{Name: "Task-2 heartbeat()", Kind: trace.KindTask, Spans: []trace.Span{
			{From: 0, To: ms(500), State: trace.Await, Label: "asyncio.sleep(0.1)"},
			{From: ms(500), To: ms(750), State: trace.Ready},
			{From: ms(750), To: ms(1200), State: trace.Await, Label: "asyncio.sleep(0.1)"},
		}},
		{Name: "Task-3 worker()", Kind: trace.KindTask, Spans: []trace.Span{
			{From: ms(200), To: ms(220), State: trace.Run},
			{From: ms(220), To: ms(450), State: trace.Await},
			{From: ms(450), To: ms(750), State: trace.Blocked, Label: "time.sleep(0.3)"},
		}},
	}
	for _, at := range []float64{0, 100, 200, 300, 400, 750, 850, 950, 1050, 1150} {
		tr.Prints = append(tr.Prints, trace.Line{T: ms(at), Text: "beat"})
		tr.Events = append(tr.Events, trace.Event{T: ms(at), Kind: trace.EvAwait, Lane: 1})
	}
	tr.Prints = append(tr.Prints, trace.Line{T: ms(760), Text: "worker done"})
	tr.Events = append(tr.Events,
		trace.Event{T: ms(200), Kind: trace.EvStart, Lane: 2},
		trace.Event{T: ms(220), Kind: trace.EvAwait, Lane: 2},
		trace.Event{T: ms(450), Kind: trace.EvBlock, Lane: 2},
		trace.Event{T: ms(750), Kind: trace.EvEnd, Lane: 2},
		trace.Event{T: ms(100), Kind: trace.EvArrive, Lane: 0}, // not the loop's doing
	)
	return tr
}

func TestLoopViewStats(t *testing.T) {
	v := NewLoopView(heartbeatTrace())
	for _, tc := range []struct {
		at   float64
		want LoopStats
	}{
		{50, LoopStats{Iterations: 1, Beats: 1, Phase: "waiting", Ready: []string{}}},
		// 0, 100, and 200 (beat, the worker starting and computing till 220) are one iteration.
		{210, LoopStats{Iterations: 3, Beats: 3, LongestGap: ms(100), Phase: "running", Label: "compute", Running: "Task-3 worker()", Ready: []string{}}},
		{600, LoopStats{Iterations: 6, Beats: 5, LongestGap: ms(100), Phase: "blocked", Label: "time.sleep(0.3)", Running: "Task-3 worker()",
			Ready: []string{"Task-2 heartbeat()"}, Stalled: ms(150)}},
		// 450 to 750 is one iteration, however long it took.
		{800, LoopStats{Iterations: 6, Beats: 6, LongestGap: ms(350), Phase: "waiting", Ready: []string{}}},
		{2000, LoopStats{Iterations: 10, Beats: 10, LongestGap: ms(350), Phase: "waiting", Ready: []string{}}},
	} {
		tc.want.Expected = ms(100)
		if got := v.Stats(ms(tc.at)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("at %v ms:\n got %+v\nwant %+v", tc.at, got, tc.want)
		}
	}
}

// Without "beat" prints every print is a beat; no prints, no graph.
func TestLoopViewHeartbeatChoice(t *testing.T) {
	tr := heartbeatTrace()
	for i := range tr.Prints {
		tr.Prints[i].Text = "tick"
	}
	if v := NewLoopView(tr); len(v.beats) != 11 || v.expected != ms(10) {
		t.Errorf("all prints: %d beats, expected %v; want 11 and 10 ms", len(v.beats), v.expected)
	}
	tr.Prints = nil
	v := NewLoopView(tr)
	v.SetView(360, 320, 1, geom.Light)
	static, overlay := v.Frame(ms(600))
	if v.expected != 0 || len(static.Texts) == 0 || len(overlay.Texts) == 0 {
		t.Errorf("no prints: expected %v, %d+%d texts", v.expected, len(static.Texts), len(overlay.Texts))
	}
}

func TestLoopViewDraw(t *testing.T) {
	v := NewLoopView(heartbeatTrace())
	for _, sz := range sizes {
		for _, th := range []geom.Theme{geom.Light, geom.Dark} {
			w, h := int(float64(sz.w)*sz.scale), int(float64(sz.h)*sz.scale)
			v.SetView(w, h, sz.scale, th)
			for _, at := range []float64{0, 210, 600, 1200} {
				static, overlay := v.Frame(ms(at))
				all := static
				all.Append(overlay)
				for _, bad := range geom.Illegible(all, th.Background, float32(sz.scale), 4.5) {
					t.Errorf("%d×%d %s at %v ms: %s", sz.w, sz.h, th.Name, at, bad)
				}
				for _, l := range []geom.List{static, overlay} {
					if err := inside(l, w, h, sz.scale); err != nil {
						t.Errorf("%d×%d at %v ms: %v", sz.w, sz.h, at, err)
					}
				}
				renderPNG(t, fmt.Sprintf("loop-%v-%dx%d@%v-%s", at, sz.w, sz.h, sz.scale, th.Name), w, h, sz.scale, th, static, overlay)
			}
		}
	}
	// The stall shows: a red status, the big counter, a red growing bar;
	// before it and after it, none of that.
	v.SetView(1200, 600, 1, geom.Light)
	red := func(at float64) (texts, rects int) {
		_, o := v.Frame(ms(at))
		for _, x := range o.Texts {
			if x.Color == geom.Light.LoopStall {
				texts++
			}
		}
		for _, r := range o.Rects {
			if r.Color.R == geom.Light.LoopStall.R && r.Color.G == geom.Light.LoopStall.G {
				rects++
			}
		}
		return
	}
	if tx, rc := red(600); tx < 2 || rc < 5 {
		t.Errorf("during the stall: %d red texts, %d red rects", tx, rc)
	}
	if tx, rc := red(300); tx != 0 || rc != 0 {
		t.Errorf("before the stall: %d red texts, %d red rects", tx, rc)
	}
	if tx, rc := red(1200); tx != 0 || rc != 1 {
		t.Errorf("after the stall: %d red texts, %d red rects; want only the long gap's bar", tx, rc)
	}
}

// Nothing after t is drawn: the overlay at t has one bar per beat so far.
func TestLoopViewHidesFuture(t *testing.T) {
	v := NewLoopView(heartbeatTrace())
	v.SetView(800, 400, 1, geom.Dark)
	_, early := v.Frame(ms(150))
	_, late := v.Frame(ms(1150))
	if len(late.Rects) <= len(early.Rects)+5 {
		t.Errorf("%d rects at 150 ms, %d at 1150 ms: want the bars to appear over time", len(early.Rects), len(late.Rects))
	}
}
