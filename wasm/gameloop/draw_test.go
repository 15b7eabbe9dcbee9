package gameloop

import (
	"fmt"
	"testing"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

var sizes = []struct {
	w, h  int // CSS px
	scale float64
}{
	{360, 320, 1}, {360, 320, 3}, {360, 640, 2}, {640, 360, 1}, {800, 400, 1}, {1200, 600, 1}, {1200, 600, 2}, {1920, 1080, 1},
}

// inside reports the first shape of l outside a w×h canvas.
func inside(l geom.List, w, h int, scale float64) error {
	W, H := float32(w)+0.01, float32(h)+0.01
	for _, r := range l.Rects {
		if r.X < 0 || r.Y < 0 || r.X+r.W > W || r.Y+r.H > H || r.W < 0 || r.H < 0 {
			return fmt.Errorf("rect %+v outside %d×%d", r, w, h)
		}
	}
	for _, ln := range l.Lines {
		if min(ln.X1, ln.X2) < 0 || min(ln.Y1, ln.Y2) < 0 || max(ln.X1, ln.X2) > W || max(ln.Y1, ln.Y2) > H {
			return fmt.Errorf("line %+v outside %d×%d", ln, w, h)
		}
	}
	fs := float32(geom.FontSize * scale)
	for _, t := range l.Texts {
		tw := float32(len([]rune(t.S))) * fs * charWidthEm
		if t.X < 0 || t.Y < 0 || t.X+tw > W || t.Y+fs > H {
			return fmt.Errorf("text %q at (%v, %v) outside %d×%d", t.S, t.X, t.Y, w, h)
		}
	}
	return nil
}

// scenes are games in states worth drawing: calm, blocked, mid-stall,
// with the pointer.
func scenes() map[string]*Game {
	calm := New(Defaults)
	run(calm, 2*trace.Second, Input{Right: true, Down: true})
	blocked := New(Params{FPS: 30, Work: ms(8), Blocking: ms(50)})
	run(blocked, 3*trace.Second, Input{Left: true})
	stall := New(Params{FPS: 30, Work: ms(8), Blocking: ms(10), Stall: ms(500), StallEvery: 2 * trace.Second})
	run(stall, 4*trace.Second+ms(300), Input{Up: true})
	pointer := New(Params{FPS: 240, Work: ms(2)})
	run(pointer, 3*trace.Second, Input{Pointer: true, PointerX: 0.9, PointerY: 0.1})
	fresh := New(Defaults)
	return map[string]*Game{"calm": calm, "blocked": blocked, "stall": stall, "pointer": pointer, "fresh": fresh}
}

func TestDrawInsideCanvas(t *testing.T) {
	for name, g := range scenes() {
		for _, sz := range sizes {
			for _, th := range []geom.Theme{geom.Light, geom.Dark} {
				w, h := int(float64(sz.w)*sz.scale), int(float64(sz.h)*sz.scale)
				p := newPen(w, h, sz.scale, th)
				g.draw(p)
				if err := inside(p.out, w, h, sz.scale); err != nil {
					t.Errorf("%s at %d×%d×%v: %v", name, sz.w, sz.h, sz.scale, err)
				}
				for _, bad := range geom.Illegible(p.out, th.Background, float32(sz.scale), 4.5) {
					t.Errorf("%s at %d×%d %s: %s", name, sz.w, sz.h, th.Name, bad)
				}
				if len(p.out.Texts) < 8 || len(p.out.Rects) < 20 {
					t.Errorf("%s at %d×%d: only %d texts, %d rects", name, sz.w, sz.h, len(p.out.Texts), len(p.out.Rects))
				}
				renderPNG(t, fmt.Sprintf("game-%s-%dx%d@%v-%s", name, sz.w, sz.h, sz.scale, th.Name), w, h, sz.scale, th, g.Draw(w, h, sz.scale, th))
			}
		}
	}
}

// Tiny canvases are not laid out for, but nothing may spill over them.
func TestDrawTinyCanvasClipped(t *testing.T) {
	g := scenes()["stall"]
	for _, sz := range [][2]int{{1, 1}, {50, 40}, {200, 120}, {120, 400}} {
		if err := inside(g.Draw(sz[0], sz[1], 1, geom.Dark), sz[0], sz[1], 1); err != nil {
			t.Errorf("%v: %v", sz, err)
		}
	}
}
