package gameloop

import (
	"math"
	"strconv"
	"strings"

	"looplab/wasm/stage/geom"
)

// pen adds shapes to a display list in device pixels, measuring in CSS
// pixels times the scale. The painter has only rects, lines and text of
// one size, so discs, rings, big digits and chips are built from those.
type pen struct {
	out   geom.List
	w, h  float32 // canvas, device px
	scale float32
	th    geom.Theme
}

func newPen(w, h int, scale float64, th geom.Theme) *pen {
	return &pen{w: float32(w), h: float32(h), scale: float32(max(scale, 0.5)), th: th}
}

// box is a rectangle of the layout, device px.
type box struct{ x, y, w, h float32 }

func (b box) right() float32  { return b.x + b.w }
func (b box) bottom() float32 { return b.y + b.h }

const charWidthEm = 0.6 // Go Mono's advance, as geom measures it

func (p *pen) px(css float32) float32 { return css * p.scale }
func (p *pen) font() float32          { return p.px(geom.FontSize) }
func (p *pen) lineH() float32         { return p.px(geom.FontSize + 4) }

func (p *pen) textW(s string) float32 {
	return float32(len([]rune(s))) * p.font() * charWidthEm
}

// chars is how many characters fit in width.
func (p *pen) chars(width float32) int { return int(width / (p.font() * charWidthEm)) }

func (p *pen) rect(x, y, w, h float32, c geom.Color) {
	if w > 0 && h > 0 {
		p.out.Rects = append(p.out.Rects, geom.Rect{X: x, Y: y, W: w, H: h, Color: c})
	}
}

func (p *pen) line(x1, y1, x2, y2, width float32, c geom.Color) {
	p.out.Lines = append(p.out.Lines, geom.Line{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: width, Color: c})
}

// text writes s with its top-left at x, y, shortened to fit width.
func (p *pen) text(x, y float32, s string, width float32, c geom.Color) {
	s = fit(s, p.chars(width))
	if s != "" {
		p.out.Texts = append(p.out.Texts, geom.Text{X: x, Y: y, S: s, Color: c})
	}
}

// firstFit is the first of texts that fits width, else the last.
func (p *pen) firstFit(width float32, texts ...string) string {
	for _, s := range texts {
		if p.textW(s) <= width {
			return s
		}
	}
	return texts[len(texts)-1]
}

// textRight writes s ending at x.
func (p *pen) textRight(x, y float32, s string, c geom.Color) {
	p.out.Texts = append(p.out.Texts, geom.Text{X: x - p.textW(s), Y: y, S: s, Color: c})
}

// frame outlines b with 1-device-pixel lines inside it.
func (p *pen) frame(b box, c geom.Color) {
	x0, y0, x1, y1 := b.x+0.5, b.y+0.5, b.right()-0.5, b.bottom()-0.5
	p.line(x0, y0, x1, y0, 1, c)
	p.line(x1, y0, x1, y1, 1, c)
	p.line(x1, y1, x0, y1, 1, c)
	p.line(x0, y1, x0, y0, 1, c)
}

// disc fills a circle with horizontal strips, a few device pixels each.
func (p *pen) disc(cx, cy, r float32, c geom.Color) {
	n := max(3, min(int(r/2), 12))
	for i := range n {
		// The strip's middle decides its half-width.
		y0 := -r + 2*r*float32(i)/float32(n)
		y1 := -r + 2*r*float32(i+1)/float32(n)
		m := (y0 + y1) / 2
		hw := float32(math.Sqrt(float64(r*r - m*m)))
		p.rect(cx-hw, cy+y0, 2*hw, y1-y0, c)
	}
}

// ring outlines a circle with a polygon of short lines.
func (p *pen) ring(cx, cy, r, width float32, c geom.Color) {
	const n = 16
	for i := range n {
		a0 := 2 * math.Pi * float64(i) / n
		a1 := 2 * math.Pi * float64(i+1) / n
		p.line(cx+r*float32(math.Cos(a0)), cy+r*float32(math.Sin(a0)),
			cx+r*float32(math.Cos(a1)), cy+r*float32(math.Sin(a1)), width, c)
	}
}

// dashed draws a horizontal dashed line.
func (p *pen) dashed(x0, x1, y, width float32, c geom.Color) {
	dash, gap := p.px(6), p.px(4)
	for x := x0; x < x1; x += dash + gap {
		p.line(x, y, min(x+dash, x1), y, width, c)
	}
}

// segments of a seven-segment digit: a top, b top right, c bottom right,
// d bottom, e bottom left, f top left, g middle.
var sevenSeg = [10]uint8{
	0: 0b0111111, 1: 0b0000110, 2: 0b1011011, 3: 0b1001111, 4: 0b1100110,
	5: 0b1101101, 6: 0b1111101, 7: 0b0000111, 8: 0b1111111, 9: 0b1101111,
}

// digitW is a big digit's advance for height h.
func digitW(h float32) float32 { return h * 0.62 }

// bigNumber draws the digits and points of s (others are skipped) as seven-segment
// digits h high: the painter has one font size, and the FPS counter is
// meant to be read from across the room.
func (p *pen) bigNumber(x, y, h float32, s string, c geom.Color) float32 {
	w := h * 0.5
	t := max(h*0.16, 2)
	half := (h - t) / 2
	for _, r := range s {
		if r == '.' {
			p.rect(x+t/2, y+h-t, t, t, c)
			x += 2 * t
			continue
		}
		if r < '0' || r > '9' {
			continue
		}
		m := sevenSeg[r-'0']
		seg := func(bit int, sx, sy, sw, sh float32) {
			if m&(1<<bit) != 0 {
				p.rect(x+sx, y+sy, sw, sh, c)
			}
		}
		// Segments overlap at the corners: blocky, but whole at any size.
		seg(0, 0, 0, w, t)           // a
		seg(1, w-t, 0, t, half+t)    // b
		seg(2, w-t, half, t, h-half) // c
		seg(3, 0, h-t, w, t)         // d
		seg(4, 0, half, t, h-half)   // e
		seg(5, 0, 0, t, half+t)      // f
		seg(6, 0, half, w, t)        // g
		x += digitW(h)
	}
	return x
}

// chip is a word in a box, as in the loop diagrams.
type chip struct {
	s      string
	active bool
	color  geom.Color // fill when active
}

// chipsHeight is the height flowChips needs for chips in width.
func (p *pen) chipsHeight(chips []chip, width float32) float32 {
	return float32(len(p.chipRows(chips, width))) * (p.lineH() + p.px(6))
}

// chipRows breaks the chips into rows that fit width, with arrows between.
func (p *pen) chipRows(chips []chip, width float32) [][]chip {
	var rows [][]chip
	var x float32
	for i, c := range chips {
		cw := p.chipW(c.s)
		if len(rows) == 0 || x+p.arrowW()+cw > width && x > 0 {
			rows = append(rows, nil)
			x = 0
		} else if i > 0 {
			x += p.arrowW()
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], c)
		x += cw
	}
	return rows
}

func (p *pen) chipW(s string) float32 { return p.textW(s) + p.px(8) }
func (p *pen) arrowW() float32        { return p.textW("→") + p.px(6) }

// flowChips draws the chips in rows in b; an arrow joins each to the next,
// at the end of a row too, since the loop goes on.
func (p *pen) flowChips(chips []chip, b box) {
	rh := p.lineH() + p.px(6)
	y := b.y
	for ri, row := range p.chipRows(chips, b.w) {
		x := b.x
		for i, c := range row {
			cw := min(p.chipW(c.s), b.right()-x)
			if c.active {
				p.rect(x, y, cw, p.lineH(), c.color)
				p.text(x+p.px(4), y+p.px(2), c.s, cw-p.px(4), p.th.Background)
			} else {
				p.frame(box{x, y, cw, p.lineH()}, p.th.Grid)
				p.text(x+p.px(4), y+p.px(2), c.s, cw-p.px(4), p.th.Muted)
			}
			x += cw
			if i < len(row)-1 || ri < len(p.chipRows(chips, b.w))-1 {
				if x+p.arrowW() <= b.right() {
					p.text(x+p.px(3), y+p.px(2), "→", p.arrowW(), p.th.Muted)
				}
				x += p.arrowW()
			}
		}
		y += rh
	}
}

// fit shortens s to n characters with an ellipsis.
func fit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n < 2 {
		return ""
	}
	return string(r[:n-1]) + "…"
}

// joinFit joins parts with " · " into as few lines as fit width.
func (p *pen) joinFit(parts []string, width float32) []string {
	var lines []string
	for _, s := range parts {
		if n := len(lines); n > 0 && p.textW(lines[n-1]+" · "+s) <= width {
			lines[n-1] += " · " + s
		} else {
			lines = append(lines, s)
		}
	}
	return lines
}

func fade(c geom.Color, a uint8) geom.Color {
	c.A = uint8(uint32(c.A) * uint32(a) / 255)
	return c
}

// clip keeps a list inside the canvas: a last guard for canvases smaller
// than the layout is made for. Rects and lines are cut, texts that do not
// fit are dropped.
func (p *pen) clip() geom.List {
	var out geom.List
	for _, r := range p.out.Rects {
		x0, y0 := max(r.X, 0), max(r.Y, 0)
		x1, y1 := min(r.X+r.W, p.w), min(r.Y+r.H, p.h)
		if x1 > x0 && y1 > y0 {
			r.X, r.Y, r.W, r.H = x0, y0, x1-x0, y1-y0
			out.Rects = append(out.Rects, r)
		}
	}
	for _, l := range p.out.Lines {
		l.X1, l.X2 = min(max(l.X1, 0), p.w), min(max(l.X2, 0), p.w)
		l.Y1, l.Y2 = min(max(l.Y1, 0), p.h), min(max(l.Y2, 0), p.h)
		out.Lines = append(out.Lines, l)
	}
	for _, t := range p.out.Texts {
		if t.X >= 0 && t.Y >= 0 && t.X+p.textW(t.S) <= p.w+0.5 && t.Y+p.font() <= p.h+0.5 {
			out.Texts = append(out.Texts, t)
		}
	}
	return out
}

// msText writes a duration for the HUD: "8.3 ms", "33 ms", "1.25 s".
func msText(us int64) string {
	switch {
	case us >= 1_000_000:
		return strings.TrimRight(strings.TrimRight(ftoa(float64(us)/1e6, 2), "0"), ".") + " s"
	case us < 10_000:
		return ftoa(float64(us)/1e3, 1) + " ms"
	}
	return ftoa(float64(us)/1e3, 0) + " ms"
}

func ftoa(v float64, prec int) string { return strconv.FormatFloat(v, 'f', prec, 64) }
