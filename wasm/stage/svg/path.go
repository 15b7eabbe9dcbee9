package svg

import (
	"bytes"
	"math"
	"strconv"
)

// path gathers consecutive shapes of one paint into one <path>: a run of
// bars costs a few bytes each, and the order of painting, which
// overlapping shapes depend on, stays the stage's. Its data is relative
// (each point from the one before, mostly small numbers that repeat) and
// in tenths of a pixel, which no reader can tell from hundredths; the
// points are rounded before they are subtracted, so they do not drift.
type path struct {
	paint string  // the fill attributes
	bar1  *[3]int // a bar not yet written: from x, to x, at y (tenths)
	d     []byte
	x, y  int  // the pen, in tenths
	cmd   byte // the last command written
	sep   bool // a number was written since the command: the next may need a space
	frac  bool // and it had a fraction: a next ".5" needs no space
}

// to starts a path of the given paint, writing the one before when it
// differs.
func (p *path) to(b *bytes.Buffer, paint string) {
	if (len(p.d) > 0 || p.bar1 != nil) && paint != p.paint {
		p.flush(b)
	}
	p.paint = paint
}

func (p *path) flush(b *bytes.Buffer) {
	p.endBar()
	if len(p.d) == 0 {
		return
	}
	b.WriteString(`<path d="`)
	b.Write(p.d)
	b.WriteString(`"` + p.paint + "/>\n")
	*p = path{d: p.d[:0]}
}

// rect adds a box; its far edges are rounded, not its size, so boxes
// that meet still meet. Its edges go to the pixel, as the stage, which
// draws boxes without antialiasing, fills whole pixels. A subpath is left
// open: filling closes it.
func (p *path) rect(x, y, w, h float32) {
	p.endBar()
	x0, y0, x1, y1 := whole(x), whole(y), whole(x+w), whole(y+h)
	p.move(x0, y0)
	p.line(x1, y0)
	p.line(x1, y1)
	p.line(x0, y1)
}

// bar adds a rect as a stroke th tenths wide along its middle; the
// path's stroke-width is th. A bar that starts where the last ended
// lengthens it: one stroke covers both boxes exactly.
func (p *path) bar(x, y, w float32, th int) {
	x0, x1, mid := whole(x), whole(x+w), whole(y)+th/2
	if p.bar1 != nil && p.bar1[1] == x0 && p.bar1[2] == mid {
		p.bar1[1] = x1
		return
	}
	p.endBar()
	p.bar1 = &[3]int{x0, x1, mid}
}

// endBar writes the bar in hand, closed: the stroke goes there and back,
// its 180° turns are bevelled to nothing (a miter that long is beyond
// any limit), so it covers the box as an open one with butt ends would,
// and the pen is back at its start, where the next lane's bar most often
// starts too.
func (p *path) endBar() {
	if b := p.bar1; b != nil {
		p.bar1 = nil
		p.move(b[0], b[2])
		p.line(b[1], b[2])
		p.close(b[0], b[2])
	}
}

// poly adds a polygon, x0, y0, x1, y1, ... Its corners are placed from
// the first, each rounded as an offset from it: the same marker drawn in
// many places is then the same text after its first corner, which the
// compressor says once (each corner is within half a pixel).
func (p *path) poly(pts []float32) {
	if len(pts) < 2 {
		return
	}
	p.endBar()
	x0, y0 := whole(pts[0]), whole(pts[1])
	p.move(x0, y0)
	for i := 2; i+1 < len(pts); i += 2 {
		p.line(x0+whole(pts[i]-pts[0]), y0+whole(pts[i+1]-pts[1]))
	}
	p.close(x0, y0)
}

// close ends a subpath that started at x, y, where it leaves the pen: the
// next shape's move is from a shape's start, not from wherever its
// outline happened to end, and alike shapes in a column move alike.
func (p *path) close(x, y int) {
	p.command('z')
	p.x, p.y = x, y
}

func (p *path) move(x, y int) {
	p.command('m')
	p.num(x - p.x)
	p.num(y - p.y)
	p.x, p.y = x, y
	p.cmd = 'l' // the pairs after an m are lines
}

// line draws to x, y, along an axis with one number where it can.
func (p *path) line(x, y int) {
	dx, dy := x-p.x, y-p.y
	switch {
	case dx == 0 && dy == 0:
		return
	case dy == 0:
		p.command('h')
		p.num(dx)
	case dx == 0:
		p.command('v')
		p.num(dy)
	default:
		p.command('l')
		p.num(dx)
		p.num(dy)
	}
	p.x, p.y = x, y
}

// command writes c unless the data goes on with it anyway.
func (p *path) command(c byte) {
	if c != p.cmd {
		p.d = append(p.d, c)
		p.cmd, p.sep = c, false
	}
}

// num writes n tenths with the least separator: none before a minus
// sign, nor before a leading point after a number that has one.
func (p *path) num(n int) {
	s := formatTenths(n)
	if p.sep && s[0] != '-' && !(s[0] == '.' && p.frac) {
		p.d = append(p.d, ' ')
	}
	p.d = append(p.d, s...)
	p.sep, p.frac = true, bytes.IndexByte([]byte(s), '.') >= 0
}

// tenths is v in tenths of a pixel, rounded half away from zero.
func tenths(v float32) int { return int(math.Round(float64(v) * 10)) }

// whole is v in tenths of a pixel, rounded to the pixel, where the stage,
// which draws without antialiasing, puts every edge too.
func whole(v float32) int { return int(math.Round(float64(v))) * 10 }

// num writes a coordinate to a tenth of a pixel, as short as it goes
// (".5", "-.5", "12").
func num(v float32) string { return formatTenths(tenths(v)) }

// px writes a coordinate to the pixel.
func px(v float32) string { return formatTenths(whole(v)) }

func formatTenths(n int) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	whole, frac := n/10, n%10
	switch {
	case frac == 0:
		return sign + strconv.Itoa(whole)
	case whole == 0:
		return sign + "." + strconv.Itoa(frac)
	}
	return sign + strconv.Itoa(whole) + "." + strconv.Itoa(frac)
}
