package svg

import "bytes"

// batch gathers shapes into one <path> per paint where it can without
// changing a pixel: a shape joins an earlier path of its paint when
// nothing painted since comes within a pixel of it, so that painting it
// sooner changes nothing. A lane's bars then share a path with the
// bars of their colour in the other lanes: each <path> starts at
// absolute coordinates, the costliest numbers of the document.
type batch struct {
	groups []group
}

type group struct {
	paint  paint
	box    box // around all of its shapes
	shapes []shape
}

// shape is a rect (pts nil) or a polygon.
type shape struct {
	box  box
	pts  []float32
	x, y float32
	w, h float32
}

// strokeMin is the least height, in tenths, of a rect written as a
// stroke: a renderer may draw a thinner stroke as a hairline.
const strokeMin = 20

type box struct{ x0, y0, x1, y1 float32 }

// near says whether two boxes come within a pixel of each other: one
// painted over an edge pixel of the other.
func (a box) near(b box) bool {
	return a.x0 < b.x1+1 && b.x0 < a.x1+1 && a.y0 < b.y1+1 && b.y0 < a.y1+1
}

func (a box) union(b box) box {
	return box{min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1)}
}

// rect adds a rect, as a stroke when it is tall enough and its middle
// falls on a tenth (its edges are on whole pixels, as path.rect puts them).
func (b *batch) rect(p paint, x, y, w, h float32) {
	if th := whole(y+h) - whole(y); th >= strokeMin && th%2 == 0 {
		p.stroke = th
	}
	b.add(p, shape{box: box{x, y, x + w, y + h}, x: x, y: y, w: w, h: h})
}

func (b *batch) poly(p paint, pts []float32) {
	if len(pts) < 2 {
		return
	}
	bx := box{pts[0], pts[1], pts[0], pts[1]}
	for i := 2; i+1 < len(pts); i += 2 {
		bx = bx.union(box{pts[i], pts[i+1], pts[i], pts[i+1]})
	}
	b.add(p, shape{box: bx, pts: pts})
}

// add puts s in the earliest path of its paint that nothing painted
// after it overlaps: the lanes' bars then fill a path per colour and
// pattern in turn, instead of one staircase of paths down the lanes. A
// translucent paint joins only where it overlaps none of the path's
// shapes: one path covers its overlaps once, the stage twice.
func (b *batch) add(p paint, s shape) {
	join := -1
	for i := len(b.groups) - 1; i >= 0; i-- {
		g := &b.groups[i]
		hit := g.box.near(s.box) && g.hits(s.box)
		if g.paint == p && (p.opacity == "" || !hit) {
			join = i
		}
		if hit {
			break
		}
	}
	if join < 0 {
		b.groups = append(b.groups, group{p, s.box, []shape{s}})
		return
	}
	g := &b.groups[join]
	g.shapes = append(g.shapes, s)
	g.box = g.box.union(s.box)
}

func (g *group) hits(bx box) bool {
	for _, s := range g.shapes {
		if s.box.near(bx) {
			return true
		}
	}
	return false
}

// write writes the paths and empties the batch.
func (b *batch) write(out *bytes.Buffer) {
	var p path
	for _, g := range b.groups {
		p.flush(out) // a translucent paint's next path is a path of its own
		p.to(out, g.paint.attrs())
		for _, s := range g.shapes {
			switch {
			case s.pts == nil && g.paint.stroke > 0:
				p.bar(s.x, s.y, s.w, g.paint.stroke)
			case s.pts == nil:
				p.rect(s.x, s.y, s.w, s.h)
			default:
				p.poly(s.pts)
			}
		}
	}
	p.flush(out)
	b.groups = b.groups[:0]
}
