package geom

import (
	"slices"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

func sample() *trace.Trace {
	s := trace.Second
	return &trace.Trace{
		Duration: 4 * s,
		Lanes: []trace.Lane{
			{Name: "GET /a #1", Kind: trace.KindRequest, Spans: []trace.Span{{From: 0, To: 4 * s, State: trace.Await}}},
			{Name: "event loop", Kind: trace.KindLoop, Spans: []trace.Span{{From: s, To: 3 * s, State: trace.Blocked, Label: "time.sleep(2)"}}},
			{Name: "cores", Kind: trace.KindCores, Spans: []trace.Span{{From: 0, To: s, State: trace.Busy, Label: "2 of 4 cores busy"}}},
		},
	}
}

// frame is one frame's static and overlay lists as one, in paint order.
func frame(tl *Timeline, t trace.Time) List {
	static, overlay := tl.Frame(t, -1, -1)
	return List{
		Rects: append(append([]Rect(nil), static.Rects...), overlay.Rects...),
		Lines: append(append([]Line(nil), static.Lines...), overlay.Lines...),
		Texts: append(append([]Text(nil), static.Texts...), overlay.Texts...),
	}
}

func TestLaneOrderPutsTheLoopFirst(t *testing.T) {
	tl := NewTimeline(sample(), Options{})
	if want := []int{1, 0, 2}; len(tl.order) != 3 || tl.order[0] != want[0] || tl.order[1] != want[1] || tl.order[2] != want[2] {
		t.Errorf("order = %v, want %v", tl.order, want)
	}
}

func TestTimeAndPixelsRoundTrip(t *testing.T) {
	tl := NewTimeline(sample(), Options{})
	tl.SetView(1000, 300, 1, Light)
	for _, tt := range []trace.Time{0, trace.Second, 2500 * trace.Millisecond, 4 * trace.Second} {
		if got := tl.TimeAt(tl.X(tt)); got-tt > trace.Millisecond*5 || tt-got > trace.Millisecond*5 {
			t.Errorf("TimeAt(X(%v)) = %v", tt, got)
		}
	}
	if tl.TimeAt(-50) != 0 || tl.TimeAt(5000) != 4*trace.Second {
		t.Error("TimeAt does not clamp to the run")
	}
	x0, x1, y0, _ := tl.plot()
	if tl.LaneAt(y0+1) != 1 || tl.LaneAt(-1) != -1 {
		t.Errorf("LaneAt: top lane %d, above %d", tl.LaneAt(y0+1), tl.LaneAt(-1))
	}
	if x1 <= x0 {
		t.Fatal("empty plot")
	}
}

func TestBlockedLoopIsRed(t *testing.T) {
	tl := NewTimeline(sample(), Options{})
	tl.SetView(1000, 300, 1, Light)
	l := frame(tl, 0)
	red := 0
	for _, r := range l.Rects {
		if r.Color == Light.LoopStall {
			red++
			if x := tl.X(trace.Second); r.X != x {
				t.Errorf("red bar at x=%v, want %v", r.X, x)
			}
		}
	}
	if red != 1 {
		t.Errorf("%d red bars, want 1 (the blocked loop)", red)
	}
}

func TestFrameFadesTheFutureAndDrawsThePlayhead(t *testing.T) {
	tl := NewTimeline(sample(), Options{})
	tl.SetView(1000, 300, 2, Dark)
	fades := func(l List) []Rect {
		var out []Rect
		for _, r := range l.Rects {
			if r.Color.A < 255 && r.Color.R == Dark.Background.R {
				out = append(out, r)
			}
		}
		return out
	}
	_, overlay := tl.Frame(2*trace.Second, -1, -1)
	if f := fades(overlay); len(f) != 1 || f[0].X != tl.X(2*trace.Second) {
		t.Errorf("fade rects = %+v, want one from the playhead", f)
	}
	head := overlay.Lines[len(overlay.Lines)-1]
	if head.X1 != tl.X(2*trace.Second) || head.Color != Dark.Playhead {
		t.Errorf("playhead = %+v", head)
	}
	if _, end := tl.Frame(4*trace.Second, -1, -1); len(fades(end)) != 0 {
		t.Errorf("at the end: %d fade rects, want none", len(fades(end)))
	}
}

func TestTooltipNamesTheSpan(t *testing.T) {
	tl := NewTimeline(sample(), Options{})
	tl.SetView(1000, 300, 1, Light)
	_, _, y0, _ := tl.plot()
	tip := tl.tooltip(tl.X(2*trace.Second), y0+2)
	if want := "event loop: time.sleep(2) (1.000 s to 3.000 s)"; tip != want {
		t.Errorf("tooltip = %q, want %q", tip, want)
	}
}

func TestManySpansCostAboutTheWidth(t *testing.T) {
	lane := trace.Lane{Name: "thread", Kind: trace.KindThread}
	for i := trace.Time(0); i < 100000; i++ {
		st := trace.Run
		if i%2 == 1 {
			st = trace.GILWait
		}
		lane.Spans = append(lane.Spans, trace.Span{From: i * 10, To: i*10 + 10, State: st})
	}
	tl := NewTimeline(&trace.Trace{Duration: 1000000, Lanes: []trace.Lane{lane}}, Options{})
	tl.SetView(800, 200, 1, Light)
	if n := len(frame(tl, 0).Rects); n > 800 {
		t.Errorf("%d rects for an 800 px wide lane", n)
	}
}

func TestScrollingManyLanes(t *testing.T) {
	tr := &trace.Trace{Duration: trace.Second}
	for i := 0; i < 1000; i++ {
		tr.Lanes = append(tr.Lanes, trace.Lane{Name: "r", Kind: trace.KindRequest, Spans: []trace.Span{{From: 0, To: trace.Second, State: trace.Await}}})
	}
	tl := NewTimeline(tr, Options{})
	tl.SetView(800, 400, 1, Light)
	_, _, y0, _ := tl.plot()
	first := tl.LaneAt(y0 + 1)
	tl.ScrollBy(1e9)
	if tl.LaneAt(y0+1) == first {
		t.Error("scrolling did not move the lanes")
	}
	if n := len(frame(tl, 0).Rects); n > 200 {
		t.Errorf("%d rects drawn for lanes mostly off screen", n)
	}
}

func TestTickStep(t *testing.T) {
	for _, tt := range []struct {
		d    trace.Time
		n    float64
		want trace.Time
	}{
		{4 * trace.Second, 8, trace.Second / 2},
		{12 * trace.Second, 8, 2 * trace.Second},
		{30 * trace.Millisecond, 6, 5 * trace.Millisecond},
	} {
		if got := TickStep(tt.d, tt.n); got != tt.want {
			t.Errorf("TickStep(%v, %v) = %v, want %v", tt.d, tt.n, got, tt.want)
		}
	}
}

func TestLegendCoversTheStates(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		seen := map[string]bool{}
		for _, e := range th.Legend() {
			if len(e.Color) != 7 || e.Color[0] != '#' || e.Text == "" {
				t.Errorf("%s: bad entry %+v", th.Name, e)
			}
			seen[e.State] = true
		}
		for _, s := range []trace.State{trace.Run, trace.Await, trace.Blocked, trace.GILWait, trace.Token, trace.Thread, trace.Process} {
			if !seen[string(s)] {
				t.Errorf("%s legend lacks %s", th.Name, s)
			}
		}
	}
}

func TestStatesUsed(t *testing.T) {
	got := StatesUsed(sample())
	want := []string{"await", "loop-blocked"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("StatesUsed = %v, want %v (busy cores are not in the legend)", got, want)
	}
}

// In compare mode a timeline lives in a band of the canvas and shares a
// longer time axis.
func TestBandPlacesAndStretches(t *testing.T) {
	tr := sample()
	alone := NewTimeline(tr, Options{})
	alone.SetView(800, 200, 1, Light)
	banded := NewTimeline(tr, Options{})
	banded.SetView(800, 200, 1, Light)
	banded.SetBand(300, 2*tr.Duration, "B · await asyncio.sleep")
	if got, want := banded.X(2*tr.Duration), alone.X(tr.Duration); got != want {
		t.Errorf("X(2×duration) = %v, want the right edge %v", got, want)
	}
	static, overlay := banded.Frame(tr.Duration/2, -1, -1)
	for _, l := range []List{static, overlay} {
		for _, r := range l.Rects {
			if r.Y < 300 || r.Y+r.H > 500 {
				t.Errorf("rect %+v outside the band 300..500", r)
			}
		}
		for _, tx := range l.Texts {
			if tx.Y < 300 || tx.Y > 500 {
				t.Errorf("text %+v outside the band", tx)
			}
		}
	}
	if !slices.ContainsFunc(static.Texts, func(tx Text) bool { return strings.HasPrefix(tx.S, "B · await") }) {
		t.Error("the band's title is not drawn")
	}
	if banded.InPlot(400, 250) || !banded.InPlot(400, 350) {
		t.Error("InPlot ignores the band")
	}
}
