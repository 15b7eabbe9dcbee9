package stage

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/stage/geom"
)

// Rects and lines are drawn as Ebitengine's vector package draws them
// without antialiasing, a white pixel scaled, turned and tinted, but a
// whole layer in one call (quads); the package itself, whose path filling
// the stage never uses, is not linked (about 30 KB of the wasm's brotli).
var (
	whiteImage    = ebiten.NewImage(3, 3)
	whiteSubImage = whiteImage.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
)

func init() {
	pix := make([]byte, 4*3*3)
	for i := range pix {
		pix[i] = 0xff
	}
	// WritePixels rather than Fill, as the vector package does: it packs
	// better into Ebitengine's atlas.
	whiteImage.WritePixels(pix)
}

// quads batches rects and lines into DrawTriangles32 calls: one call per
// layer instead of one DrawImage per shape, with the vertices DrawImage
// would have made (same corners, same 1/3-pixel snapping, same colours),
// so the pixels are the same.
type quads struct {
	vs  []ebiten.Vertex
	ids []uint32
}

var shapes quads

// add appends the white pixel transformed by g and tinted with clr.
func (q *quads) add(g ebiten.GeoM, clr color.RGBA) {
	a := float32(g.Element(0, 0)-1) + 1
	b, c := float32(g.Element(0, 1)), float32(g.Element(1, 0))
	d := float32(g.Element(1, 1)-1) + 1
	tx, ty := float32(g.Element(0, 2)), float32(g.Element(1, 2))
	r, gr, bl, al := clr.RGBA()
	cr, cg, cb, ca := float32(r)/0xffff, float32(gr)/0xffff, float32(bl)/0xffff, float32(al)/0xffff
	n := uint32(len(q.vs))
	for _, p := range [4][2]float32{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
		q.vs = append(q.vs, ebiten.Vertex{
			DstX: snap(a*p[0] + b*p[1] + tx), DstY: snap(c*p[0] + d*p[1] + ty),
			SrcX: 1 + p[0], SrcY: 1 + p[1],
			ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca,
		})
	}
	q.ids = append(q.ids, n, n+1, n+2, n+1, n+2, n+3)
}

// flush draws what was added and empties the batch.
func (q *quads) flush(dst *ebiten.Image) {
	if len(q.ids) > 0 {
		dst.DrawTriangles32(q.vs, q.ids, whiteSubImage, &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha})
	}
	q.vs, q.ids = q.vs[:0], q.ids[:0]
}

// snap is Ebitengine's adjustDestinationPixel, which DrawImage applies to
// the corners it computes: vertices land about a third of a pixel apart,
// never on a pixel's centre.
func snap(x float32) float32 {
	ix := float32(int(x))
	if x < 0 && x != ix {
		ix--
	}
	switch frac := x - ix; {
	case frac < 3.0/16:
		return ix
	case frac < 8.0/16:
		return ix + 5.0/16
	case frac < 13.0/16:
		return ix + 11.0/16
	default:
		return ix + 1
	}
}

// poly adds a convex polygon (x0, y0, x1, y1, ...) as a fan of
// triangles, tinted with clr.
func (q *quads) poly(pts []float32, clr color.RGBA) {
	r, g, b, a := clr.RGBA()
	cr, cg, cb, ca := float32(r)/0xffff, float32(g)/0xffff, float32(b)/0xffff, float32(a)/0xffff
	n := uint32(len(q.vs))
	for i := 0; i+1 < len(pts); i += 2 {
		q.vs = append(q.vs, ebiten.Vertex{DstX: pts[i], DstY: pts[i+1], SrcX: 1.5, SrcY: 1.5, ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca})
	}
	for k := uint32(1); k+1 < uint32(len(pts)/2); k++ {
		q.ids = append(q.ids, n, n+k, n+k+1)
	}
}

// fillRect is vector.FillRect(dst, x, y, width, height, clr, false), batched.
func (q *quads) fillRect(x, y, width, height float32, clr color.RGBA) {
	var g ebiten.GeoM
	g.Scale(float64(width), float64(height))
	g.Translate(float64(x), float64(y))
	q.add(g, clr)
}

// strokeLine is vector.StrokeLine(dst, x0, y0, x1, y1, strokeWidth, clr, false), batched.
func (q *quads) strokeLine(x0, y0, x1, y1 float32, strokeWidth float32, clr color.RGBA) {
	var g ebiten.GeoM
	g.Scale(math.Hypot(float64(x1-x0), float64(y1-y0)), float64(strokeWidth))
	g.Translate(0, -float64(strokeWidth)/2)
	g.Rotate(math.Atan2(float64(y1-y0), float64(x1-x0)))
	g.Translate(float64(x0), float64(y0))
	q.add(g, clr)
}

func rgba(c geom.Color) color.RGBA {
	a := uint32(c.A)
	// Premultiplied, as color.RGBA requires.
	return color.RGBA{uint8(uint32(c.R) * a / 255), uint8(uint32(c.G) * a / 255), uint8(uint32(c.B) * a / 255), c.A}
}

// paint draws display lists layer by layer: every list's rects, then
// polygons, then lines, then texts (their backgrounds first). Lists have
// no Fills here: only a timeline made with geom.Options.Fills (the SVG
// writer's) says patterns that way, and the stage strokes them.
func paint(dst *ebiten.Image, scale float64, lists ...geom.List) {
	for _, l := range lists {
		for _, r := range l.Rects {
			shapes.fillRect(r.X, r.Y, r.W, r.H, rgba(r.Color))
		}
	}
	for _, l := range lists {
		for _, p := range l.Polys {
			shapes.poly(p.Pts, rgba(p.Color))
		}
	}
	for _, l := range lists {
		for _, ln := range l.Lines {
			shapes.strokeLine(ln.X1, ln.Y1, ln.X2, ln.Y2, ln.Width, rgba(ln.Color))
		}
	}
	for _, l := range lists {
		size := float32(textSize(l.Font, scale))
		for _, t := range l.Texts {
			if t.Bg.A > 0 {
				w := float32(len([]rune(t.S))) * size * 0.6
				shapes.fillRect(t.X-t.Pad, t.Y-t.Pad/2, w+2*t.Pad, size+t.Pad, rgba(t.Bg))
			}
		}
	}
	shapes.flush(dst)
	op := &ebiten.DrawImageOptions{}
	for _, l := range lists {
		f := faceOf(textSize(l.Font, scale))
		for _, t := range l.Texts {
			op.ColorScale.Reset()
			op.ColorScale.ScaleWithColor(rgba(t.Color))
			drawText(dst, f, t, op)
		}
	}
}

// textSize is the device px of a list's font (CSS px, 0 for geom.FontSize).
func textSize(font float32, scale float64) float64 {
	if font > 0 {
		return float64(font) * scale
	}
	return geom.FontSize * scale
}
