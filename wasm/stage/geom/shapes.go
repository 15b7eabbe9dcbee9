package geom

import "math"

// Shapes of the display list, in device pixels.
type (
	Rect struct {
		X, Y, W, H float32
		Color      Color
	}
	// Poly is a convex polygon: x0, y0, x1, y1, ... (patterns, blends,
	// markers).
	Poly struct {
		Pts   []float32
		Color Color
	}
	Line struct {
		X1, Y1, X2, Y2, Width float32
		Color                 Color
	}
	// Text is one line of the stage's monospaced font with its line box's
	// top-left corner at X, Y. A Bg with alpha is painted behind it first,
	// Pad wider on each side, so a label stays legible over a pattern.
	Text struct {
		X, Y  float32
		S     string
		Color Color
		Bg    Color
		Pad   float32
	}
)

// List is shapes to paint, back to front: rects, then polygons, then
// lines, then texts (each text's background just before the texts).
type List struct {
	Rects []Rect
	Polys []Poly
	Lines []Line
	Texts []Text
	// Fills are patterned boxes, each painted among the rects or the
	// polygons where its strokes would be (Options.Fills).
	Fills []Fill
	// Font is the size of the texts in CSS px; 0 is FontSize.
	Font float32
	// pts holds the polygons' corners, so that a pattern's thousand
	// strokes are not a thousand allocations.
	pts []float32
}

// rect adds a rect, skipping empty ones.
func (l *List) rect(x, y, w, h float32, c Color) {
	if w > 0 && h > 0 && c.A > 0 {
		l.Rects = append(l.Rects, Rect{x, y, w, h, c})
	}
}

// poly adds a polygon of at least three corners, copying them.
func (l *List) poly(c Color, pts ...float32) {
	if len(pts) < 6 {
		return
	}
	start := len(l.pts)
	l.pts = append(l.pts, pts...)
	l.Polys = append(l.Polys, Poly{l.pts[start:len(l.pts):len(l.pts)], c})
}

// clipped adds the part of a convex polygon (of at most eight corners)
// inside the box [x0, x1] × [y0, y1].
func (l *List) clipped(c Color, x0, y0, x1, y1 float32, pts ...float32) {
	var buf [2][32]float32
	l.poly(c, clipPoly(pts, x0, y0, x1, y1, &buf)...)
}

// segment adds a straight stroke as a polygon, so it paints in the
// polygon layer (above bars and patterns, below texts).
func (l *List) segment(x1, y1, x2, y2, width float32, c Color) {
	dx, dy := x2-x1, y2-y1
	n := sqrt32(dx*dx + dy*dy)
	if n == 0 {
		return
	}
	ox, oy := -dy/n*width/2, dx/n*width/2
	l.poly(c, x1+ox, y1+oy, x2+ox, y2+oy, x2-ox, y2-oy, x1-ox, y1-oy)
}

// outline adds the four sides of a box, width w inside it, as polygons:
// over the bars' patterns, which a rect would be under.
func (l *List) outline(x, y, w, h, width float32, c Color) {
	box := func(x, y, w, h float32) { l.poly(c, x, y, x+w, y, x+w, y+h, x, y+h) }
	box(x, y, w, width)
	box(x, y+h-width, w, width)
	box(x, y+width, width, h-2*width)
	box(x+w-width, y+width, width, h-2*width)
}

// Append adds o's shapes after l's, layer by layer (o's polygons keep
// their corners where o holds them).
func (l *List) Append(o List) {
	for _, f := range o.Fills {
		if f.Polys {
			f.At += len(l.Polys)
		} else {
			f.At += len(l.Rects)
		}
		l.Fills = append(l.Fills, f)
	}
	l.Rects = append(l.Rects, o.Rects...)
	l.Polys = append(l.Polys, o.Polys...)
	l.Lines = append(l.Lines, o.Lines...)
	l.Texts = append(l.Texts, o.Texts...)
	l.Font = max(l.Font, o.Font)
}

// clipPoly clips a convex polygon to the box [x0, x1] × [y0, y1]
// (Sutherland–Hodgman, one edge at a time), working in buf: each edge adds
// at most one corner, so eight corners in need no more than sixteen.
func clipPoly(pts []float32, x0, y0, x1, y1 float32, buf *[2][32]float32) []float32 {
	edges := [4]func(x, y float32) float32{
		func(x, _ float32) float32 { return x - x0 },
		func(x, _ float32) float32 { return x1 - x },
		func(_, y float32) float32 { return y - y0 },
		func(_, y float32) float32 { return y1 - y },
	}
	for e, inside := range edges {
		n := len(pts) / 2
		if n < 3 {
			return nil
		}
		out := buf[e%2][:0]
		for i := range n {
			ax, ay := pts[2*i], pts[2*i+1]
			j := (i + 1) % n
			bx, by := pts[2*j], pts[2*j+1]
			da, db := inside(ax, ay), inside(bx, by)
			if da >= 0 {
				out = append(out, ax, ay)
			}
			if (da >= 0) != (db >= 0) {
				f := da / (da - db)
				out = append(out, ax+(bx-ax)*f, ay+(by-ay)*f)
			}
		}
		pts = out
	}
	if len(pts) < 6 || area(pts) < 0.01 {
		return nil // a sliver at a corner: nothing to paint
	}
	return pts
}

// area is a polygon's area (the shoelace formula).
func area(pts []float32) float32 {
	a := float32(0)
	n := len(pts) / 2
	for i := range n {
		j := (i + 1) % n
		a += pts[2*i]*pts[2*j+1] - pts[2*j]*pts[2*i+1]
	}
	return abs32(a) / 2
}

func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
