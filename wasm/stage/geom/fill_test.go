package geom

import (
	"fmt"
	"testing"

	"looplab/wasm/trace"
)

// A Fill must paint what the strokes it stands for paint: at points all
// over and around each box, the colour the strokes leave (the last one
// that covers the point) is the colour the tile leaves. The points sit
// off the shapes' edges, which fall on whole and half pixels.
func TestFillsPaintWhatTheStrokesPaint(t *testing.T) {
	ink := Color{R: 1, A: 255}
	for _, p := range []Pattern{PatternHatch, PatternBack, PatternCross, PatternDots, PatternVLines, PatternHLines} {
		for _, b := range [][4]float32{{102.4, 26, 228.5, 20}, {331, 48, 7, 20}, {117.9, 70, 30.6, 14}, {0.5, 0, 12, 6}} {
			t.Run(fmt.Sprintf("%s/%v", p, b), func(t *testing.T) {
				paint := func(fills bool) List {
					tl := &Timeline{scale: 1, opts: Options{Fills: fills}}
					var out List
					tl.pattern(&out, b[0], b[1], b[2], b[3], 22, p, ink)
					return out
				}
				samePaint(t, paint(false), paint(true), b)
			})
		}
	}
	t.Run("blend", func(t *testing.T) {
		a, c := Color{R: 2, A: 255}, Color{G: 3, A: 255}
		paint := func(fills bool) List {
			tl := &Timeline{scale: 1, opts: Options{Fills: fills}, theme: Light}
			var bl blend
			bl.add(240.5, 241, 0, 1, style{color: a, word: "a"})
			bl.add(241, 300.5, 1, 4, style{color: c, word: "c"})
			var out List
			tl.flushBlend(&out, &bl, 92, 20, 22)
			out.Texts = nil
			return out
		}
		samePaint(t, paint(false), paint(true), [4]float32{240.5, 92, 60, 20})
	})
}

func samePaint(t *testing.T, strokes, fills List, b [4]float32) {
	t.Helper()
	if len(fills.Fills) != 1 || len(fills.Rects)+len(fills.Polys) != 0 {
		t.Fatalf("want one fill and no strokes, got %d fills, %d rects, %d polygons", len(fills.Fills), len(fills.Rects), len(fills.Polys))
	}
	if len(strokes.Fills) != 0 {
		t.Fatal("the strokes came as a fill")
	}
	f := fills.Fills[0]
	for i := -8; float32(i)*0.25 < b[2]+4; i++ {
		for j := -8; float32(j)*0.25 < b[3]+4; j++ {
			x, y := b[0]+0.137+float32(i)*0.25, b[1]+0.061+float32(j)*0.25
			want, got := strokeAt(strokes, x, y), fillAt(f, x, y)
			if want != got {
				t.Fatalf("at %.3f, %.3f the strokes leave %v, the fill %v", x, y, want, got)
			}
		}
	}
}

func strokeAt(l List, x, y float32) Color {
	var c Color
	for _, r := range l.Rects {
		if x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H {
			c = r.Color
		}
	}
	for _, p := range l.Polys {
		if inside(p.Pts, x, y) {
			c = p.Color
		}
	}
	return c
}

func fillAt(f Fill, x, y float32) Color {
	var c Color
	if x < f.X || x >= f.X+f.W || y < f.Y || y >= f.Y+f.H {
		return c
	}
	u, v := mod(x-f.Tile.X, f.Tile.W), mod(y-f.Tile.Y, f.Tile.H)
	for _, p := range f.Tile.Shapes {
		if inside(p.Pts, u, v) {
			c = p.Color
		}
	}
	return c
}

// inside says whether x, y is in a convex polygon of either turn.
func inside(pts []float32, x, y float32) bool {
	n := len(pts) / 2
	pos, neg := false, false
	for i := range n {
		j := (i + 1) % n
		cross := (pts[2*j]-pts[2*i])*(y-pts[2*i+1]) - (pts[2*j+1]-pts[2*i+1])*(x-pts[2*i])
		pos, neg = pos || cross > 0, neg || cross < 0
	}
	return !(pos && neg)
}

// The stage never asks for fills: its lists carry strokes only.
func TestTheStageGetsStrokes(t *testing.T) {
	s := trace.Second
	tr := &trace.Trace{Duration: 4 * s, Lanes: []trace.Lane{
		{Name: "event loop", Kind: trace.KindLoop, Spans: []trace.Span{{From: 0, To: 4 * s, State: trace.Blocked, Label: "time.sleep(4)"}}},
	}}
	tl := NewTimeline(tr, Options{})
	tl.SetView(800, 200, 1, Light)
	static, _ := tl.Frame(tr.Duration, -1, -1)
	if len(static.Fills) != 0 || len(static.Polys) == 0 {
		t.Errorf("got %d fills and %d polygons, want strokes only", len(static.Fills), len(static.Polys))
	}
}
