package gameloop

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"looplab/wasm/stage/geom"
)

// renderPNG paints display lists in software, roughly as the stage does,
// so a person can look at the layout without a browser: run the tests
// with GAMELOOP_PNG=dir.
func renderPNG(t *testing.T, name string, w, h int, scale float64, th geom.Theme, lists ...geom.List) {
	dir := os.Getenv("GAMELOOP_PNG")
	if dir == "" {
		return
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	bg := th.Background
	draw.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{bg.R, bg.G, bg.B, 255}}, image.Point{}, draw.Src)
	col := func(c geom.Color) color.Color { return color.NRGBA{c.R, c.G, c.B, c.A} }
	for _, l := range lists {
		for _, r := range l.Rects {
			rr := image.Rect(int(math.Round(float64(r.X))), int(math.Round(float64(r.Y))), int(math.Round(float64(r.X+r.W))), int(math.Round(float64(r.Y+r.H))))
			draw.Draw(img, rr, &image.Uniform{col(r.Color)}, image.Point{}, draw.Over)
		}
	}
	for _, l := range lists {
		for _, ln := range l.Lines {
			n := int(math.Hypot(float64(ln.X2-ln.X1), float64(ln.Y2-ln.Y1))) + 1
			hw := max(ln.Width/2, 0.5)
			for i := 0; i <= n; i++ {
				f := float32(i) / float32(n)
				x, y := ln.X1+(ln.X2-ln.X1)*f, ln.Y1+(ln.Y2-ln.Y1)*f
				rr := image.Rect(int(x-hw+0.5), int(y-hw+0.5), int(x+hw+0.5), int(y+hw+0.5))
				draw.Draw(img, rr, &image.Uniform{col(ln.Color)}, image.Point{}, draw.Over)
			}
		}
	}
	ft, err := opentype.Parse(gomono.TTF)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: geom.FontSize * scale, DPI: 72})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lists {
		for _, tx := range l.Texts {
			d := font.Drawer{Dst: img, Src: &image.Uniform{col(tx.Color)}, Face: face,
				Dot: fixed.P(int(tx.X), int(tx.Y)+face.Metrics().Ascent.Round())}
			d.DrawString(tx.S)
		}
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
