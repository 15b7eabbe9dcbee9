package pipeline

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

func lessonResult(t *testing.T) Result {
	t.Helper()
	code, err := os.ReadFile("testdata/lesson.py")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(string(code))
	if err != nil {
		t.Fatal(err)
	}
	return Run(p)
}

// biggest is the most the code allows: every row as thin as it gets.
func biggest() Result {
	p := Plan{Features: maxFeatures, Machines: maxMachines}
	for i := range maxSteps {
		k := Work
		if i%2 == 1 {
			k = Wait
		}
		p.Steps = append(p.Steps, Step{k, fmt.Sprintf("a rather long step name %d", i), trace.Time(1+i%3) * Minute})
	}
	return Run(p)
}

// views are canvases from a phone to a desktop, in device pixels.
var views = []struct {
	w, h  int
	scale float64
}{{360, 300, 1}, {720, 600, 2}, {1400, 700, 1}, {2800, 1400, 2}, {1000, 180, 1}}

// frame is static and overlay as one list.
func frame(l *Layout, t trace.Time, hx, hy float32) geom.List {
	s, o := l.Frame(t, hx, hy)
	return geom.List{
		Rects: append(append([]geom.Rect(nil), s.Rects...), o.Rects...),
		Lines: append(append([]geom.Line(nil), s.Lines...), o.Lines...),
		Texts: append(append([]geom.Text(nil), s.Texts...), o.Texts...),
	}
}

func TestNothingOutsideTheCanvas(t *testing.T) {
	for _, r := range []Result{lessonResult(t), biggest(), Run(Plan{1, 1, []Step{work("a", 0.001)}})} {
		for _, v := range views {
			for _, th := range []geom.Theme{geom.Light, geom.Dark} {
				l := NewLayout(r)
				l.SetView(v.w, v.h, v.scale, th)
				W, H := float32(v.w), float32(v.h)
				// The pointer over a bar, at the corners and away.
				x0, x1, _ := l.plot()
				b := l.groups[0].rows[0]
				for _, hover := range [][2]float32{{(x0 + x1) / 2, b.y + b.h/2}, {W - 1, H - 1}, {x0 + 1, 1}, {-1, -1}} {
					for _, at := range []trace.Time{0, r.Duration / 3, r.Duration, r.Duration + Minute} {
						where := fmt.Sprintf("%d lanes, %dx%d@%v %s, t=%v, hover %v", len(r.Plan.Steps), v.w, v.h, v.scale, th.Name, at, hover)
						checkInside(t, where, l, frame(l, at, hover[0], hover[1]), W, H)
					}
				}
			}
		}
	}
}

const eps = 0.01

// Every word on the pipeline reads at 4.5:1 or better on what is under
// it, in both themes.
func TestLabelsAreLegible(t *testing.T) {
	for _, r := range []Result{lessonResult(t), biggest()} {
		for _, v := range views {
			for _, th := range []geom.Theme{geom.Light, geom.Dark} {
				l := NewLayout(r)
				l.SetView(v.w, v.h, v.scale, th)
				s, o := l.Frame(r.Duration, -1, -1) // the end: nothing faded
				all := s
				all.Append(o)
				for _, bad := range geom.Illegible(all, th.Background, float32(v.scale), 4.5) {
					t.Errorf("%dx%d@%v %s: %s", v.w, v.h, v.scale, th.Name, bad)
				}
			}
		}
	}
}

func checkInside(t *testing.T, where string, l *Layout, list geom.List, W, H float32) {
	t.Helper()
	in := func(x, y float32) bool { return x >= -eps && y >= -eps && x <= W+eps && y <= H+eps }
	for _, r := range list.Rects {
		if !in(r.X, r.Y) || !in(r.X+r.W, r.Y+r.H) || r.W < 0 || r.H < 0 {
			t.Fatalf("%s: rect %+v outside %vx%v", where, r, W, H)
		}
	}
	for _, ln := range list.Lines {
		if !in(ln.X1, ln.Y1) || !in(ln.X2, ln.Y2) {
			t.Fatalf("%s: line %+v outside", where, ln)
		}
	}
	for _, tx := range list.Texts {
		if !in(tx.X, tx.Y) || !in(tx.X+l.textWidth(tx.S), tx.Y+l.px(fontCSS)) {
			t.Fatalf("%s: text %q at %v,%v (width %v) outside %vx%v", where, tx.S, tx.X, tx.Y, l.textWidth(tx.S), W, H)
		}
	}
}

// TestTextsDoNotCollide: no two texts of a frame overlap, headers,
// counters and the playhead's time included, from phone to desktop.
func TestTextsDoNotCollide(t *testing.T) {
	for _, r := range []Result{lessonResult(t), biggest()} {
		for _, v := range views {
			l := NewLayout(r)
			l.SetView(v.w, v.h, v.scale, geom.Light)
			for k := range 8 {
				at := r.Duration * trace.Time(k) / 7
				texts := frame(l, at, -1, -1).Texts
				fh := l.px(fontCSS)
				for i, a := range texts {
					for _, b := range texts[i+1:] {
						if a.X < b.X+l.textWidth(b.S) && b.X < a.X+l.textWidth(a.S) && a.Y < b.Y+fh && b.Y < a.Y+fh {
							t.Errorf("%dx%d at %v: %q at %v,%v overlaps %q at %v,%v", v.w, v.h, at, a.S, a.X, a.Y, b.S, b.X, b.Y)
						}
					}
				}
			}
		}
	}
}

func TestBarsInsideThePlot(t *testing.T) {
	for _, r := range []Result{lessonResult(t), biggest()} {
		for _, v := range views {
			l := NewLayout(r)
			l.SetView(v.w, v.h, v.scale, geom.Dark)
			x0, x1, y0 := l.plot()
			static, _ := l.Frame(0, -1, -1)
			bars := 0
			for _, rc := range static.Rects {
				if rc.Color.A != 255 {
					continue // the fastest lane's tint, behind its header
				}
				bars++
				if rc.X < x0-eps || rc.X+rc.W > x1+eps || rc.Y < y0-eps || rc.Y+rc.H > l.bottom+eps {
					t.Fatalf("%dx%d: bar %+v outside the plot %v..%v, %v..%v", v.w, v.h, rc, x0, x1, y0, l.bottom)
				}
			}
			want := 0
			for _, ln := range r.Lanes {
				for _, row := range ln.Rows {
					want += len(row.Spans)
				}
			}
			if bars != want {
				t.Errorf("%dx%d: %d bars, want one per span, %d", v.w, v.h, bars, want)
			}
		}
	}
}

func TestBarColoursAndLabels(t *testing.T) {
	r := Run(Plan{2, 2, []Step{work("run tests", 1), wait("review", 2)}})
	l := NewLayout(r)
	l.SetView(1400, 700, 1, geom.Light)
	static, _ := l.Frame(0, -1, -1)
	b := l.groups[0].rows[0] // blocking: 1 tests, 1 blocked, 2 tests, 2 blocked
	var colours []geom.Color
	for _, rc := range static.Rects {
		if rc.Y == b.y {
			colours = append(colours, rc.Color)
		}
	}
	run, blocked := geom.Light.States[trace.Run], geom.Light.States[trace.Blocked]
	if len(colours) != 4 || colours[0] != run || colours[1] != blocked {
		t.Fatalf("blocking lane's colours %v, want run then blocked", colours)
	}
	if colours[2] == run || colours[3] == blocked {
		t.Error("feature 2 has the same shade as feature 1")
	}
	w := l.groups[1].rows[1] // async: the waits in flight
	found := false
	for _, rc := range static.Rects {
		if rc.Y == w.y && rc.Color == geom.Light.States[trace.Await] {
			found = true
		}
	}
	if !found {
		t.Error("no awaiting bar on the async lane's waits row")
	}
	var labels []string
	for _, tx := range static.Texts {
		if tx.Y == l.textY(b.y, b.h) && tx.X > l.px(gutterCSS) {
			labels = append(labels, tx.S)
			inks := []geom.Color{geom.Light.Background, geom.Light.Text, {A: 255}, {R: 255, G: 255, B: 255, A: 255}}
			if !slices.Contains(inks, tx.Color) {
				t.Errorf("label %q in %v, not an ink", tx.S, tx.Color)
			}
		}
	}
	if got := strings.Join(labels, "|"); got != "1 run tests|1 review|2 run tests|2 review" {
		t.Errorf("labels %q", got)
	}
}

func TestBarLabelShortens(t *testing.T) {
	sp := Span{Feature: 12, Step: "run tests"}
	for _, tc := range []struct {
		n    int
		want string
	}{{20, "12 run tests"}, {12, "12 run tests"}, {11, "12 tests"}, {8, "12 tests"}, {7, "12 run…"}, {6, "12"}, {2, "12"}, {1, ""}} {
		if got := barLabel(sp, tc.n); got != tc.want {
			t.Errorf("barLabel(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestTimeAndPixelsRoundTrip(t *testing.T) {
	r := lessonResult(t)
	for _, v := range views {
		l := NewLayout(r)
		l.SetView(v.w, v.h, v.scale, geom.Light)
		for _, at := range []trace.Time{0, ms, Minute, 13500 * ms, r.Duration} {
			if got := l.TimeAt(l.X(at)); got-at > ms || at-got > ms {
				t.Errorf("%dx%d: TimeAt(X(%v)) = %v", v.w, v.h, at, got)
			}
		}
		if l.TimeAt(-50) != 0 || l.TimeAt(float32(v.w)+50) != r.Duration {
			t.Errorf("%dx%d: TimeAt does not clamp to the run", v.w, v.h)
		}
		x0, x1, y0 := l.plot()
		if !l.InPlot((x0+x1)/2, y0+1) || l.InPlot(1, y0+1) || l.InPlot((x0+x1)/2, l.bottom+1) {
			t.Errorf("%dx%d: InPlot wrong", v.w, v.h)
		}
	}
}

// TestFastestLaneHighlighted: the fastest lane's totals are in the accent,
// on a tint, and say so when there is room; the others are not.
func TestFastestLaneHighlighted(t *testing.T) {
	r := lessonResult(t) // async is fastest: 22 min against 56 and 28
	if !r.Lanes[1].Fastest || r.Lanes[0].Fastest || r.Lanes[2].Fastest {
		t.Fatalf("fastest = %v %v %v, want async only", r.Lanes[0].Fastest, r.Lanes[1].Fastest, r.Lanes[2].Fastest)
	}
	for _, v := range views {
		l := NewLayout(r)
		th := geom.Dark
		l.SetView(v.w, v.h, v.scale, th)
		static, _ := l.Frame(0, -1, -1)
		for i, g := range l.groups {
			var stats *geom.Text
			for j, tx := range static.Texts {
				if strings.Contains(tx.S, " min") && tx.Y >= g.top && tx.Y < g.rows[0].y {
					stats = &static.Texts[j]
				}
			}
			if stats == nil {
				t.Fatalf("%dx%d: lane %d shows no total", v.w, v.h, i)
			}
			accent := stats.Color == th.Playhead
			if accent != r.Lanes[i].Fastest {
				t.Errorf("%dx%d: lane %d's total %q accented=%v", v.w, v.h, i, stats.S, accent)
			}
			if v.w >= 720 && r.Lanes[i].Fastest != strings.HasPrefix(stats.S, "fastest · ") {
				t.Errorf("%dx%d: lane %d's total reads %q", v.w, v.h, i, stats.S)
			}
		}
		tints := 0
		for _, rc := range static.Rects {
			if rc.Color.A == 36 {
				tints++
				if g := l.groups[1]; rc.Y != g.top {
					t.Errorf("%dx%d: tint at y=%v, want the async header at %v", v.w, v.h, rc.Y, g.top)
				}
			}
		}
		if tints != 1 {
			t.Errorf("%dx%d: %d tints, want 1", v.w, v.h, tints)
		}
	}
}

func TestTotalsReadAsWritten(t *testing.T) {
	r := lessonResult(t)
	l := NewLayout(r)
	l.SetView(1400, 700, 1, geom.Light)
	static, _ := l.Frame(0, -1, -1)
	var all []string
	for _, tx := range static.Texts {
		all = append(all, tx.S)
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"total 56 min · worker busy 36 %", "fastest · total 22 min · worker busy 91 %", "total 28 min · machines busy 24 %", "3 machines, parallel", "machine 3", "waiting"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no %q among the texts:\n%s", want, joined)
		}
	}
}

// TestCountersFollowThePlayhead: "shipped k/N" per lane at the playhead.
func TestCountersFollowThePlayhead(t *testing.T) {
	r := lessonResult(t) // blocking ships at 14, 28, 42, 56; async at 17.5..22; parallel at 14 (x3), 28
	for _, v := range views[:3] {
		l := NewLayout(r)
		l.SetView(v.w, v.h, v.scale, geom.Light)
		for _, tc := range []struct {
			at   trace.Time
			want [3]string
		}{
			{0, [3]string{"shipped 0/4", "shipped 0/4", "shipped 0/4"}},
			{14 * Minute, [3]string{"shipped 1/4", "shipped 0/4", "shipped 3/4"}},
			{22 * Minute, [3]string{"shipped 1/4", "shipped 4/4", "shipped 3/4"}},
			{r.Duration, [3]string{"shipped 4/4", "shipped 4/4", "shipped 4/4"}},
		} {
			_, overlay := l.Frame(tc.at, -1, -1)
			var got []string
			for _, tx := range overlay.Texts {
				if strings.HasPrefix(tx.S, "shipped") {
					got = append(got, tx.S)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want[:], ",") {
				t.Errorf("%dx%d at %v: counters %q, want %q", v.w, v.h, tc.at, got, tc.want)
			}
		}
	}
}

func TestFrameFadesTheFutureAndCachesTheStatic(t *testing.T) {
	r := lessonResult(t)
	l := NewLayout(r)
	l.SetView(1400, 700, 1, geom.Light)
	s1, o := l.Frame(r.Duration/2, -1, -1)
	if len(o.Rects) != 1 || o.Rects[0].X != l.X(r.Duration/2) || o.Rects[0].Color.A != 150 {
		t.Errorf("fade %+v, want one from the playhead", o.Rects)
	}
	if len(o.Lines) != 1 || o.Lines[0].X1 != l.X(r.Duration/2) || o.Lines[0].Color != geom.Light.Playhead {
		t.Errorf("playhead %+v", o.Lines)
	}
	s2, _ := l.Frame(r.Duration, -1, -1)
	if &s1.Rects[0] != &s2.Rects[0] {
		t.Error("the static list was rebuilt between frames")
	}
	l.SetView(1400, 700, 1, geom.Dark)
	s3, _ := l.Frame(0, -1, -1)
	if &s1.Rects[0] == &s3.Rects[0] {
		t.Error("the static list survived a theme change")
	}
}

func TestTooltip(t *testing.T) {
	r := lessonResult(t)
	l := NewLayout(r)
	l.SetView(1400, 700, 1, geom.Light)
	for _, tc := range []struct {
		lane, row int
		at        trace.Time
		want      string
	}{
		{0, 0, 3 * Minute, "worker blocked: feature 1 in CI queue, 2 min to 5 min"},
		{1, 0, 3 * Minute, "worker on feature 2: write code, 2 min to 4 min"},
		{1, 1, 3 * Minute, "feature 1 waits: CI queue, 2 min to 5 min"},
		{2, 1, Minute, "machine on feature 2: write code, 0 min to 2 min"},
	} {
		b := l.groups[tc.lane].rows[tc.row]
		_, o := l.Frame(0, l.X(tc.at), b.y+b.h/2)
		if n := len(o.Texts); n == 0 || o.Texts[n-1].S != tc.want {
			t.Errorf("tooltip over lane %d row %d at %v: %+v, want %q", tc.lane, tc.row, tc.at, o.Texts, tc.want)
		}
	}
	_, away := l.Frame(0, -1, -1)
	_, o := l.Frame(0, 2, 2)
	if len(o.Texts) != len(away.Texts) || len(o.Rects) != len(away.Rects) {
		t.Errorf("a tooltip in the gutter: %+v", o.Texts[len(o.Texts)-1])
	}
}

// TestPhoneRowsStayReadable: on a phone the lesson's worker rows keep
// room for a label.
func TestPhoneRowsStayReadable(t *testing.T) {
	l := NewLayout(lessonResult(t))
	l.SetView(360, 300, 1, geom.Light)
	for i, g := range l.groups {
		for j, b := range g.rows {
			if !l.r.Lanes[i].Rows[j].Waits && b.h < l.px(fontCSS) {
				t.Errorf("lane %d row %d is %v px tall", i, j, b.h)
			}
		}
	}
}
