package geom

import (
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// TestHiddenFutureDrawsNothingAfterThePlayhead: with the future hidden,
// nothing but the axis (its ticks, their grid lines) and the margins is
// drawn right of the playhead, the report says where the picture stops
// and lists nothing later, and a pointer there gets no tooltip. Shown
// again, the whole run is back.
func TestHiddenFutureDrawsNothingAfterThePlayhead(t *testing.T) {
	s := trace.Second
	for _, c := range []struct {
		name string
		tr   *trace.Trace
		cut  trace.Time
	}{
		{"turns", turns(), 1500 * trace.Millisecond}, // prints at 1 s and 1.9 s, blends
		{"sample", sample(), 2 * s},                  // a blocked loop from 1 s to 3 s
		{"exports", exports(40), 3 * s},              // groups, answered at 4 s
		{"before the first print", turns(), 0},
	} {
		tl := NewTimeline(c.tr, Options{})
		tl.SetView(900, 300, 1, Light)
		tl.SetModes(false, true)
		static, overlay := tl.Frame(c.cut, -1, -1)
		x0, x1, y0, _ := tl.Plot()
		edge := tl.X(c.cut) + tl.glyphSize(tl.grown(rowMaxCSS))/2 + 0.01 // a marker's glyph is centred on its time
		for _, r := range static.Rects {
			if r.X+r.W > edge && r.X < x1 && r.Color != Light.Grid {
				t.Errorf("%s: a rect %+v is drawn after the playhead at x=%v", c.name, r, tl.X(c.cut))
			}
		}
		for _, p := range static.Polys {
			for i := 0; i < len(p.Pts); i += 2 {
				if p.Pts[i] > edge && p.Pts[i] < x1 {
					t.Errorf("%s: a polygon reaches x=%v after the playhead at %v", c.name, p.Pts[i], tl.X(c.cut))
					break
				}
			}
		}
		for _, tx := range static.Texts {
			if tx.Y >= y0 && tx.X >= x0 && tx.X+tl.textWidth(tx.S) > tl.X(c.cut)+0.01 {
				t.Errorf("%s: %q is written after the playhead", c.name, tx.S)
			}
			// The axis' ticks stop at the playhead too: its last label
			// would say how long the run is.
			if tx.Y < y0 && tx.X > tl.X(c.cut)+tl.px(3)+0.01 {
				t.Errorf("%s: the axis labels %q after the playhead", c.name, tx.S)
			}
		}
		for _, r := range overlay.Rects {
			if r.Color.A < 255 && r.Y >= y0 {
				t.Errorf("%s: %+v fades a future that is not drawn", c.name, r)
			}
		}
		rep := tl.Report("", c.cut)
		if rep.HiddenAfter == nil || *rep.HiddenAfter != c.cut.Seconds() {
			t.Errorf("%s: hiddenAfter = %v, want %v", c.name, rep.HiddenAfter, c.cut.Seconds())
		}
		for _, m := range rep.Markers {
			if m.T > c.cut.Seconds() {
				t.Errorf("%s: the marker %+v is reported", c.name, m)
			}
		}
		for _, l := range rep.Lanes {
			if l.DrawnTo > c.cut.Seconds() {
				t.Errorf("%s: row %q is drawn to %v s", c.name, l.Name, l.DrawnTo)
			}
		}
		for _, y := range []float32{y0 + 2, y0 + 30, y0 + 60, y0 + 100} {
			if tip := tl.tooltip(tl.X(c.cut)+5, y); tip != "" {
				t.Errorf("%s: after the playhead the tooltip says %q", c.name, tip)
			}
		}
		tl.SetModes(false, false)
		whole := tl.Report("", c.cut)
		later := false
		for _, l := range whole.Lanes {
			later = later || l.DrawnTo > c.cut.Seconds()
		}
		if whole.HiddenAfter != nil || !later || len(whole.Markers) < len(rep.Markers) {
			t.Errorf("%s: shown again, hiddenAfter %v, drawn later %v, %d markers (hidden: %d)",
				c.name, whole.HiddenAfter, later, len(whole.Markers), len(rep.Markers))
		}
	}
}

// TestHiddenFutureSaysOnlyThePast: what the picture writes while the
// future is hidden is measured up to the playhead: a blend's shares, a
// group's answers, a bar's time in its tooltip.
func TestHiddenFutureSaysOnlyThePast(t *testing.T) {
	ms := trace.Millisecond
	// Two threads taking turns, even for a second, then one holding the
	// GIL four times as long as the other.
	tr := &trace.Trace{Duration: 2 * trace.Second}
	lane := trace.Lane{Name: "Thread-1", Kind: trace.KindThread}
	for t := trace.Time(0); t < tr.Duration; {
		run, wait := 5*ms, 5*ms
		if t >= trace.Second {
			run, wait = 4*ms, 1*ms
		}
		lane.Spans = append(lane.Spans, trace.Span{From: t, To: t + run, State: trace.Run},
			trace.Span{From: t + run, To: t + run + wait, State: trace.GILWait})
		t += run + wait
	}
	tr.Lanes = []trace.Lane{lane}
	tl := NewTimeline(tr, Options{})
	tl.SetView(900, 200, 1, Light)
	tl.SetModes(false, true)
	texts := func(at trace.Time) string {
		static, _ := tl.Frame(at, -1, -1)
		var all []string
		for _, tx := range static.Texts {
			all = append(all, tx.S)
		}
		return strings.Join(all, "\n")
	}
	if got := texts(trace.Second); !strings.Contains(got, "holds the GIL 50 %") {
		t.Errorf("at 1 s the blend says:\n%s", got)
	}
	tl.SetModes(false, false)
	if got := texts(trace.Second); strings.Contains(got, "holds the GIL 50 %") {
		t.Errorf("the whole run's blend is not the first second's:\n%s", got)
	}

	// Forty requests answered at 4 s: at 3 s no tick and no spread.
	ex := NewTimeline(exports(40), Options{})
	ex.SetView(900, 300, 1, Light)
	ex.SetModes(false, true)
	static, _ := ex.Frame(3*trace.Second, -1, -1)
	for _, tx := range static.Texts {
		if strings.Contains(tx.S, "answered") {
			t.Errorf("at 3 s the group says %q", tx.S)
		}
	}
	_, _, y0, _ := ex.Plot()
	row := ex.rows[1] // GET /export ×40
	tip := ex.tooltip(ex.X(2*trace.Second), y0+row.y+row.h/2)
	if !strings.HasPrefix(tip, "GET /export ×40: 40 in a thread at 2") || strings.Contains(tip, "answered") {
		t.Errorf("the group's tooltip at 2 s says %q", tip)
	}
	// A bar still going at the playhead says when it began, not its end.
	sm := NewTimeline(sample(), Options{})
	sm.SetView(1000, 300, 1, Light)
	sm.SetModes(false, true)
	sm.Frame(2*trace.Second, -1, -1)
	_, _, y0, _ = sm.Plot()
	if tip, want := sm.tooltip(sm.X(1500*ms), y0+2), "event loop: time.sleep(2) (since 1.000 s)"; tip != want {
		t.Errorf("tooltip = %q, want %q", tip, want)
	}
	if line := sm.HoverLine(sm.X(2500*ms), y0+2); line != 0 {
		t.Errorf("after the playhead the pointer finds line %d", line)
	}
}
