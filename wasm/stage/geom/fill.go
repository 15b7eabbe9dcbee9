package geom

import "math"

// Fill is a box covered by copies of a tile laid edge to edge from a
// point of the canvas, as an SVG <pattern> in user space covers it: a
// pattern's strokes or a blend's stripes said once instead of hundreds
// of times (Options.Fills), and still anchored to the canvas, so they run
// on unbroken across neighbouring boxes as the stage's do.
type Fill struct {
	X, Y, W, H float32
	Tile       Tile
	// Polys puts the fill in the polygon layer (diagonals, blends) rather
	// than the rects'; At is how many of that layer's shapes paint before
	// it, so it paints where its strokes would have.
	Polys bool
	At    int
}

// Tile is a W × H cell whose copies start at X, Y; its polygons are in
// the cell's own coordinates.
type Tile struct {
	X, Y, W, H float32
	Shapes     []Poly
}

// fill adds the box [x0, x1] × [y0, y1] covered by t, in a layer.
func (l *List) fill(x0, y0, x1, y1 float32, t Tile, polys bool) {
	if x1 <= x0 || y1 <= y0 {
		return
	}
	at := len(l.Rects)
	if polys {
		at = len(l.Polys)
	}
	l.Fills = append(l.Fills, Fill{x0, y0, x1 - x0, y1 - y0, t, polys, at})
}

// cell builds the tile of a box h tall in a row pitch tall: the tile is
// the row's height with the box's strokes at its top, so every lane's
// box (one pitch below the last) takes the same tile, and the lanes'
// bars can share paths. Strokes repeat across, not down: h is all of it.
type cell struct {
	Tile
	h float32
}

func newCell(y, w, h, pitch float32) cell {
	return cell{Tile{Y: y, W: w, H: max(pitch, h)}, h}
}

// add puts the part of a convex polygon inside [0, W] × [0, h] in.
func (c *cell) add(ink Color, pts ...float32) {
	var buf [2][32]float32
	if p := clipPoly(pts, 0, 0, c.W, c.h, &buf); p != nil {
		c.Shapes = append(c.Shapes, Poly{append([]float32(nil), p...), ink})
	}
}

// rising adds 45° stripes from bottom-left to top-right, w wide along a
// row, where u+v is a to a+w (and every W further).
func (c *cell) rising(ink Color, a, w float32) {
	for s := mod(a, c.W) - c.W; s < c.W+c.h; s += c.W {
		c.add(ink, s, 0, s+w, 0, s+w-c.h, c.h, s-c.h, c.h)
	}
}

// falling adds stripes from top-left to bottom-right, where u−v is a to
// a+w; their corners turn the same way as rising's, so where the two
// cross they make one shape (a path's nonzero rule would cut a hole).
func (c *cell) falling(ink Color, a, w float32) {
	s := mod(a, c.W)
	for s > -(w + c.h) {
		s -= c.W
	}
	for ; s < c.W; s += c.W {
		c.add(ink, s, 0, s+w, 0, s+w+c.h, c.h, s+c.h, c.h)
	}
}

// patternFill is pattern as one Fill whose tile repeats the strokes
// exactly. Where pattern draws a shape only whole (a dot; a vertical
// line begun left of the box), the box is narrowed so the tile does not
// show part of one.
func (tl *Timeline) patternFill(out *List, x, y, w, h, pitch float32, p Pattern, ink Color) {
	m := tl.measures()
	x1 := x + w
	c := newCell(y, m.gap, h, pitch)
	switch p {
	case PatternHatch, PatternBack, PatternCross:
		// pattern starts both kinds of stroke at multiples of the gap:
		// rising ones on the box's bottom edge, falling ones on its top.
		if p != PatternBack {
			c.rising(ink, h, m.width)
		}
		if p != PatternHatch {
			c.falling(ink, 0, m.width)
		}
		out.fill(x, y, x1, y+h, c.Tile, true)
		return
	case PatternVLines:
		c.add(ink, 0, 0, m.width, 0, m.width, h, 0, h)
		x = past(x, 0, m.gap, m.width)
	case PatternHLines:
		for s := m.step / 2; s < h; s += m.step {
			c.add(ink, 0, s, c.W, s, c.W, s+m.line, 0, s+m.line)
		}
	case PatternDots:
		// Whole dots in rows, every other one shifted by half a gap.
		for row, v := 0, m.inset; v+m.dot <= h; row, v = row+1, v+m.spacing {
			u := float32(row%2) * m.gap / 2
			c.add(ink, u, v, u+m.dot, v, u+m.dot, v+m.dot, u, v+m.dot)
		}
		for _, u := range [2]float32{0, m.gap / 2} {
			x = past(x, u, m.gap, m.dot)
			x1 = before(x1, u, m.gap, m.dot)
		}
	default:
		return
	}
	out.fill(x, y, x1, y+h, c.Tile, false)
}

// past moves lo past a shape (size long, one every period from origin)
// that it cuts, and before moves hi back before one.
func past(lo, origin, period, size float32) float32 {
	if r := mod(lo-origin, period); r > 0 && r < size {
		return lo - r + size
	}
	return lo
}

func before(hi, origin, period, size float32) float32 {
	if r := mod(hi-origin, period); r > 0 && r < size {
		return hi - r
	}
	return hi
}

// blendFill is flushBlend's stripes as one Fill: each style's band, its
// share of the period wide, in the order and phase the stripes take.
func (tl *Timeline) blendFill(out *List, b *blend, order []int, total float64, period, y, h, pitch float32) {
	c := newCell(y, period, h, pitch)
	off := float32(0)
	for _, k := range order {
		sw := float32(float64(b.durations[k])/total) * period
		if sw > 0 {
			c.rising(b.styles[k].color, h+off, sw)
		}
		off += sw
	}
	out.fill(b.x0, y, b.x1, y+h, c.Tile, true)
}

// mod is x modulo m, in [0, m).
func mod(x, m float32) float32 {
	return x - float32(math.Floor(float64(x/m)))*m
}
