package stage

import (
	"bytes"
	"image/color"
	"log"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/gomono"

	"looplab/wasm/stage/geom"
)

// fontSource is Go Mono: monospaced, so geom can measure text without a
// font, and bundled, so nothing is fetched at run time.
var fontSource = func() *text.GoTextFaceSource {
	s, err := text.NewGoTextFaceSource(bytes.NewReader(gomono.TTF))
	if err != nil {
		log.Fatal(err)
	}
	return s
}()

var faces = map[float64]*text.GoTextFace{}

func face(size float64) *text.GoTextFace {
	f, ok := faces[size]
	if !ok {
		f = &text.GoTextFace{Source: fontSource, Size: size}
		faces[size] = f
	}
	return f
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
			vector.FillRect(dst, r.X, r.Y, r.W, r.H, rgba(r.Color), false)
		}
	}
	for _, l := range lists {
		for _, ln := range l.Lines {
			vector.StrokeLine(dst, ln.X1, ln.Y1, ln.X2, ln.Y2, ln.Width, rgba(ln.Color), false)
		}
	}
	f := face(geom.FontSize * scale)
	for _, l := range lists {
		for _, t := range l.Texts {
			op := &text.DrawOptions{}
			op.GeoM.Translate(float64(t.X), float64(t.Y))
			op.ColorScale.ScaleWithColor(rgba(t.Color))
			text.Draw(dst, t.S, f, op)
		}
	}
}
