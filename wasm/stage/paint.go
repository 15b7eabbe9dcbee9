package stage

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/stage/geom"
)

// Rects and lines are drawn as Ebitengine's vector package draws them
// without antialiasing, a white pixel scaled, turned and tinted, so they
// batch with the glyphs; the package itself, whose path filling the stage
// never uses, is not linked (about 30 KB of the wasm's brotli).
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

// fillRect is vector.FillRect(dst, x, y, width, height, clr, false).
func fillRect(dst *ebiten.Image, x, y, width, height float32, clr color.Color) {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(float64(width), float64(height))
	op.GeoM.Translate(float64(x), float64(y))
	op.ColorScale.ScaleWithColor(clr)
	dst.DrawImage(whiteSubImage, op)
}

// strokeLine is vector.StrokeLine(dst, x0, y0, x1, y1, strokeWidth, clr, false).
func strokeLine(dst *ebiten.Image, x0, y0, x1, y1 float32, strokeWidth float32, clr color.Color) {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(math.Hypot(float64(x1-x0), float64(y1-y0)), float64(strokeWidth))
	op.GeoM.Translate(0, -float64(strokeWidth)/2)
	op.GeoM.Rotate(math.Atan2(float64(y1-y0), float64(x1-x0)))
	op.GeoM.Translate(float64(x0), float64(y0))
	op.ColorScale.ScaleWithColor(clr)
	dst.DrawImage(whiteSubImage, op)
}

func rgba(c geom.Color) color.Color {
	a := uint32(c.A)
	// Premultiplied, as color.RGBA requires.
	return color.RGBA{uint8(uint32(c.R) * a / 255), uint8(uint32(c.G) * a / 255), uint8(uint32(c.B) * a / 255), c.A}
}

// paint draws display lists layer by layer: every list's rects, then
// every list's lines, then every list's texts.
func paint(dst *ebiten.Image, scale float64, lists ...geom.List) {
	for _, l := range lists {
		for _, r := range l.Rects {
			fillRect(dst, r.X, r.Y, r.W, r.H, rgba(r.Color))
		}
	}
	for _, l := range lists {
		for _, ln := range l.Lines {
			strokeLine(dst, ln.X1, ln.Y1, ln.X2, ln.Y2, ln.Width, rgba(ln.Color))
		}
	}
	f := faceOf(geom.FontSize * scale)
	op := &ebiten.DrawImageOptions{}
	for _, l := range lists {
		for _, t := range l.Texts {
			op.ColorScale.Reset()
			op.ColorScale.ScaleWithColor(rgba(t.Color))
			drawText(dst, f, t, op)
		}
	}
}
