package geom

import "fmt"

// Illegible lists the texts of a display list that stand out from what is
// painted under them (the last rect or polygon under the middle of the
// text, its own backing, the background bg) by less than min (WCAG's
// contrast ratio). Every scene's tests run their pictures through it, so
// no label on the canvas falls under 4.5:1 in either theme. scale is the
// list's device pixels per CSS pixel.
func Illegible(l List, bg Color, scale float32, min float64) []string {
	var out []string
	size := FontSize * scale
	if l.Font > 0 {
		size = l.Font * scale
	}
	for _, t := range l.Texts {
		w := float32(runes(t.S)) * size * charWidthEm
		x, y := t.X+w/2, t.Y+size/2
		under := bg
		for _, r := range l.Rects {
			if x >= r.X && x <= r.X+r.W && y >= r.Y && y <= r.Y+r.H {
				under = over(r.Color, under)
			}
		}
		for _, p := range l.Polys {
			if inPoly(p.Pts, x, y) {
				under = over(p.Color, under)
			}
		}
		if t.Bg.A > 0 {
			under = over(t.Bg, under)
		}
		if c := Contrast(over(t.Color, under), under); c < min {
			out = append(out, fmt.Sprintf("%q in %s on %s: %.2f", t.S, t.Color.CSS(), under.CSS(), c))
		}
	}
	return out
}

// over composites c on an opaque colour.
func over(c, under Color) Color {
	if c.A == 255 {
		return c
	}
	return Mix(under, Color{c.R, c.G, c.B, 255}, float64(c.A)/255)
}

// inPoly reports whether a point is inside a convex polygon.
func inPoly(pts []float32, x, y float32) bool {
	n := len(pts) / 2
	if n < 3 {
		return false
	}
	sign := 0
	for i := range n {
		ax, ay := pts[2*i], pts[2*i+1]
		bx, by := pts[2*((i+1)%n)], pts[2*((i+1)%n)+1]
		cross := (bx-ax)*(y-ay) - (by-ay)*(x-ax)
		s := 0
		if cross > 0 {
			s = 1
		} else if cross < 0 {
			s = -1
		}
		if s != 0 && sign != 0 && s != sign {
			return false
		}
		if s != 0 {
			sign = s
		}
	}
	return sign != 0
}
