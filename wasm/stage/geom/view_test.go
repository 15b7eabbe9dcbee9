package geom

import (
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// turns is two threads taking turns at the GIL every 5 ms for two
// seconds, and the GIL lane that says who holds it.
func turns() *trace.Trace {
	ms := trace.Millisecond
	tr := &trace.Trace{Duration: 2 * trace.Second}
	a := trace.Lane{Name: "Thread-1", Kind: trace.KindThread}
	b := trace.Lane{Name: "Thread-2", Kind: trace.KindThread}
	gil := trace.Lane{Name: "GIL · main", Kind: trace.KindGIL}
	for t := trace.Time(0); t < tr.Duration; t += 10 * ms {
		a.Spans = append(a.Spans, trace.Span{From: t, To: t + 5*ms, State: trace.Run, Label: "cpu(1)", Line: 5},
			trace.Span{From: t + 5*ms, To: t + 10*ms, State: trace.GILWait})
		b.Spans = append(b.Spans, trace.Span{From: t, To: t + 5*ms, State: trace.GILWait},
			trace.Span{From: t + 5*ms, To: t + 10*ms, State: trace.Run, Label: "cpu(1)", Line: 5})
		gil.Spans = append(gil.Spans, trace.Span{From: t, To: t + 5*ms, State: trace.Held, Label: "Thread-1"},
			trace.Span{From: t + 5*ms, To: t + 10*ms, State: trace.Held, Label: "Thread-2"})
	}
	tr.Lanes = []trace.Lane{a, b, gil}
	tr.Prints = []trace.Line{{T: trace.Second, Text: "halfway", Lane: 0}, {T: 1900 * ms, Text: "B: done", Lane: 1}}
	return tr
}

func TestTakingTurnsReadsAsABlendNotAliasing(t *testing.T) {
	tl := NewTimeline(turns(), Options{})
	tl.SetView(800, 200, 1, Light)
	static, _ := tl.Frame(0, -1, -1)
	// Hundreds of 5 ms slices on 600 px: no rect per slice.
	if len(static.Rects) > 100 {
		t.Errorf("%d rects for slices too thin to see one by one", len(static.Rects))
	}
	var labels []string
	for _, tx := range static.Texts {
		labels = append(labels, tx.S)
	}
	all := strings.Join(labels, "\n")
	for _, want := range []string{"holds the GIL 50 % · waits for the GIL 50 %", "Thread-1 50 % · Thread-2 50 %"} {
		if !strings.Contains(all, want) {
			t.Errorf("no blend says %q; texts:\n%s", want, all)
		}
	}
	// Zoomed to 50 ms, each 5 ms hand-off is wide enough to see, and is
	// drawn in its holder's colour.
	tl.SetWindow(trace.Second, trace.Second+50*trace.Millisecond)
	x0, x1, _, _ := tl.Plot()
	if w := (x1 - x0) * 5 / 50; w < 4 {
		t.Fatalf("a 5 ms slice is %v px wide", w)
	}
	static, _ = tl.Frame(trace.Second, -1, -1)
	holders := map[Color]int{}
	for _, r := range static.Rects {
		if r.Color == tl.holderColor(1) || r.Color == tl.holderColor(2) {
			holders[r.Color]++
		}
	}
	if holders[tl.holderColor(1)] < 4 || holders[tl.holderColor(2)] < 4 {
		t.Errorf("zoomed in, the GIL lane's slices by holder: %v", holders)
	}
}

func TestEveryPrintHasAMarker(t *testing.T) {
	tr := turns()
	tl := NewTimeline(tr, Options{})
	tl.SetView(800, 200, 1, Light)
	rep := tl.Report("", 0)
	for _, p := range tr.Prints {
		found := false
		for _, m := range rep.Markers {
			if m.Kind == MarkPrint && m.Text == p.Text && m.T == p.T.Seconds() && m.Lane == tr.Lanes[p.Lane].Name {
				found = true
				if !m.Shown {
					t.Errorf("print %q is in view but not shown", p.Text)
				}
			}
		}
		if !found {
			t.Errorf("print %q has no marker", p.Text)
		}
	}
	// Out of the window, a marker is listed but not shown.
	tl.SetWindow(0, 500*trace.Millisecond)
	for _, m := range tl.Report("", 0).Markers {
		if m.Shown {
			t.Errorf("marker %+v shown outside the window", m)
		}
	}
}

func TestPrintedWordsAreWrittenWhereTheyFit(t *testing.T) {
	tl := NewTimeline(turns(), Options{})
	tl.SetView(1200, 200, 1, Light)
	static, _ := tl.Frame(0, -1, -1)
	found := false
	for _, tx := range static.Texts {
		if tx.S == "“halfway”" {
			found = true
			if tx.Bg.A == 0 {
				t.Error("printed words over a bar need a backing")
			}
		}
	}
	if !found {
		t.Error("the print's words are not written though there is room")
	}
}

func TestZoomAndPanStayInTheRun(t *testing.T) {
	tl := NewTimeline(turns(), Options{From: trace.Second, To: 1050 * trace.Millisecond})
	tl.SetView(800, 200, 1, Light)
	if from, to := tl.Window(); from != trace.Second || to != 1050*trace.Millisecond {
		t.Errorf("opened on %v..%v, want the scenario's zoom", from, to)
	}
	x0, x1, _, _ := tl.Plot()
	tl.ZoomAt((x0+x1)/2, 2)
	if from, to := tl.Window(); to-from != 100*trace.Millisecond || from != 975*trace.Millisecond {
		t.Errorf("zoomed out about the middle: %v..%v", from, to)
	}
	tl.PanBy(-1e6)
	if from, _ := tl.Window(); from != 0 {
		t.Errorf("panned before the start: from %v", from)
	}
	tl.PanBy(1e7)
	if _, to := tl.Window(); to != 2*trace.Second {
		t.Errorf("panned past the end: to %v", to)
	}
	tl.ZoomAt(x0, 1e-9)
	if from, to := tl.Window(); to-from != minWindow {
		t.Errorf("zoomed in past the limit: %v", to-from)
	}
	for _, at := range []trace.Time{0, 7, minWindow} {
		from, _ := tl.Window()
		if got := tl.TimeAt(tl.X(from + at)); got != from+at {
			t.Errorf("TimeAt(X(%v)) = %v", from+at, got)
		}
	}
	tl.Fit()
	if tl.Zoomed() {
		t.Error("Fit left the view zoomed")
	}
	tl.SetWindow(trace.Second, trace.Second+100*trace.Millisecond)
	tl.Follow(1200 * trace.Millisecond)
	if from, to := tl.Window(); 1200*trace.Millisecond < from || 1200*trace.Millisecond > to {
		t.Errorf("the playhead at 1.2 s left the window %v..%v", from, to)
	}
}

func TestAxisLabelsNeverLeaveTheCanvasOrMeetThePlayhead(t *testing.T) {
	for _, w := range []int{390, 800, 1400} {
		tl := NewTimeline(turns(), Options{})
		tl.SetView(w, 200, 1, Light)
		static, overlay := tl.Frame(1999*trace.Millisecond, -1, -1)
		var chip Text
		for _, tx := range overlay.Texts {
			if tx.Bg == Light.Playhead {
				chip = tx
			}
		}
		if chip.S == "" {
			t.Fatalf("width %d: no playhead label", w)
		}
		covered := func(tx Text) bool {
			for _, r := range overlay.Rects {
				if r.Color == Light.Background && r.X <= tx.X && r.X+r.W >= tx.X+tl.textWidth(tx.S) {
					return true
				}
			}
			return false
		}
		for _, tx := range static.Texts {
			if tx.Y > tl.px(axisCSS) {
				continue
			}
			if tx.X+tl.textWidth(tx.S) > float32(w) {
				t.Errorf("width %d: %q is cut at the edge", w, tx.S)
			}
			overlaps := tx.X < chip.X+tl.textWidth(chip.S) && chip.X < tx.X+tl.textWidth(tx.S)
			if overlaps && !covered(tx) {
				t.Errorf("width %d: tick %q shows through the playhead's %q", w, tx.S, chip.S)
			}
		}
	}
}

func TestActiveLinesFollowThePlayhead(t *testing.T) {
	got := ActiveLines(turns(), 2*trace.Millisecond, Light, "")
	if len(got) != 1 || got[0].Line != 5 || got[0].Count != 1 || got[0].Lanes[0] != "Thread-1" || got[0].State != "run" {
		t.Errorf("ActiveLines = %+v, want line 5 run by Thread-1", got)
	}
}

func TestEveryLabelIsLegible(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		for _, tr := range []*trace.Trace{turns(), exports(40), sample()} {
			for _, w := range []int{390, 1400} {
				tl := NewTimeline(tr, Options{})
				tl.SetView(w, 300, 1, th)
				static, overlay := tl.Frame(tr.Duration/2, float32(w)/2, 100)
				all := static
				all.Append(overlay)
				for _, bad := range Illegible(all, th.Background, 1, 4.5) {
					t.Errorf("%s theme, %d px: %s", th.Name, w, bad)
				}
			}
		}
	}
}

// A state's style is kept per kind of lane: running on a request's lane
// first must not make a thread's running read "runs" in its blend.
func TestBlendWordsFollowTheLaneKind(t *testing.T) {
	tr := turns()
	tr.Lanes = append([]trace.Lane{{Name: "GET /a #1", Kind: trace.KindRequest,
		Spans: []trace.Span{{From: 0, To: trace.Second, State: trace.Run, Label: "cpu(1)"}}}}, tr.Lanes...)
	for i := range tr.Prints {
		tr.Prints[i].Lane++
	}
	tl := NewTimeline(tr, Options{})
	tl.SetView(800, 200, 1, Light)
	static, _ := tl.Frame(0, -1, -1)
	for _, tx := range static.Texts {
		if strings.HasPrefix(tx.S, "holds the GIL") {
			return
		}
	}
	t.Error("no thread's blend says it holds the GIL")
}
