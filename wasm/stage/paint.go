package stage

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"looplab/wasm/stage/geom"
)

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
			vector.FillRect(dst, r.X, r.Y, r.W, r.H, rgba(r.Color), false)
		}
	}
	for _, l := range lists {
		for _, ln := range l.Lines {
			vector.StrokeLine(dst, ln.X1, ln.Y1, ln.X2, ln.Y2, ln.Width, rgba(ln.Color), false)
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
