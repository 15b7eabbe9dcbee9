package gameloop

import (
	"fmt"
	"strings"
	"testing"

	"looplab/wasm/stage/geom"
)

// phoneSizes are the stage's canvas on phones, CSS px: the page gives it
// the width of the screen less its margins and about 28 % of the
// screen's height (390×844, 360×640, 375×667, 414×896 upright; 844×390
// on its side).
var phoneSizes = [][2]int{{369, 236}, {339, 179}, {354, 187}, {393, 251}, {823, 150}}

// within says b lies inside o, give or take half a device pixel.
func within(b, o box) bool {
	const e = 0.5
	return b.x >= o.x-e && b.y >= o.y-e && b.right() <= o.right()+e && b.bottom() <= o.bottom()+e
}

func overlap(a, b box) bool {
	return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

// TestLayoutNoOverlap lays the game out at phone sizes and the other
// sizes drawn: the field is there and big enough to steer in, the parts
// of the HUD lie apart inside the canvas, and every text and rect drawn
// stays inside its part, no text on another.
func TestLayoutNoOverlap(t *testing.T) {
	type size struct {
		w, h  int
		scale float64
	}
	var all []size
	for _, s := range phoneSizes {
		for _, sc := range []float64{1, 2, 3} {
			all = append(all, size{s[0], s[1], sc})
		}
	}
	for _, s := range sizes {
		all = append(all, size{s.w, s.h, s.scale})
	}
	for _, sz := range all {
		w, h := int(float64(sz.w)*sz.scale), int(float64(sz.h)*sz.scale)
		at := fmt.Sprintf("%d×%d×%v", sz.w, sz.h, sz.scale)
		for name, g := range scenes() {
			p := newPen(w, h, sz.scale, geom.Light)
			l := g.layout(p)
			if l.field.w < p.px(fieldMinCSS) || l.field.h != l.field.w {
				t.Errorf("%s: play field %+v; want a square at least %d CSS px across", at, l.field, fieldMinCSS)
			}
			parts := map[string]box{"fps": l.fps, "bar": l.bar, "graph": l.graph}
			for what, b := range map[string]box{"field": l.field, "diagram": l.diagram, "legend": l.legend} {
				if b.w > 0 && b.h > 0 {
					parts[what] = b
				}
			}
			canvas := box{0, 0, float32(w), float32(h)}
			for a, ba := range parts {
				if ba.w <= 0 || ba.h <= 0 || !within(ba, canvas) {
					t.Errorf("%s: %s %+v is empty or outside the canvas", at, a, ba)
				}
				for b, bb := range parts {
					if a < b && overlap(ba, bb) {
						t.Errorf("%s: %s %+v overlaps %s %+v", at, a, ba, b, bb)
					}
				}
			}
			g.draw(p)
			renderPNG(t, fmt.Sprintf("layout-%s-%dx%d@%v", name, sz.w, sz.h, sz.scale), w, h, sz.scale, geom.Light, p.clip())
			owner := func(b box) string {
				for what, pb := range parts {
					if within(b, pb) {
						return what
					}
				}
				return ""
			}
			var texts []box
			for _, tx := range p.out.Texts {
				b := box{tx.X, tx.Y, p.textW(tx.S), p.font()}
				if owner(b) == "" {
					t.Errorf("%s %s: text %q at %+v is in no part of the layout %+v", at, name, tx.S, b, parts)
				}
				for i, o := range texts {
					if overlap(b, o) {
						t.Errorf("%s %s: text %q at %+v overlaps %q at %+v", at, name, tx.S, b, p.out.Texts[i].S, o)
					}
				}
				texts = append(texts, b)
			}
			for _, r := range p.out.Rects {
				if b := (box{r.X, r.Y, r.W, r.H}); owner(b) == "" {
					t.Errorf("%s %s: rect %+v is in no part of the layout", at, name, b)
				}
			}
		}
	}
}

// TestPhoneLayoutShowsTheBasics: on an upright phone the HUD beside the
// field still has the counter, this frame's bar with its phase and the
// graph, and the pointer steers inside the field.
func TestPhoneLayoutShowsTheBasics(t *testing.T) {
	g := scenes()["calm"]
	for _, sc := range []float64{2, 3} {
		w, h := int(369*sc), int(236*sc)
		p := newPen(w, h, sc, geom.Light)
		l := g.layout(p)
		if l.field.x > l.fps.x || l.fps.bottom() > l.bar.y || l.bar.bottom() > l.graph.y {
			t.Errorf("×%v: want the field, then the counter over the bar over the graph: %+v", sc, l)
		}
		g.draw(p)
		var bar string
		for _, tx := range p.out.Texts {
			if tx.Y == l.bar.y {
				bar = tx.S
			}
		}
		if st := g.Stats(); bar == "" || !strings.Contains(bar, string(st.Phase)) {
			t.Errorf("×%v: bar label %q; want it to name the phase %q", sc, bar, st.Phase)
		}
		cx, cy := l.field.x+l.field.w/2, l.field.y+l.field.h/2
		if x, y, ok := g.WorldAt(w, h, sc, cx, cy); !ok || x < 0.49 || x > 0.51 || y < 0.49 || y > 0.51 {
			t.Errorf("×%v: the field's middle is world (%v, %v, %v)", sc, x, y, ok)
		}
	}
}
