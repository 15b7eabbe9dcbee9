package stage

import (
	"image"
	"image/draw"
	"log"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"looplab/wasm/stage/geom"
)

// Labels are drawn from a glyph cache rather than with a text shaper: the
// stage only writes short monospaced labels, and a shaper (HarfBuzz via
// Ebitengine's text/v2) would add about 1 MB of brotli to the wasm. Each
// glyph is rasterised once per size and quarter-pixel offset, then drawn as
// a small image that Ebitengine packs into its atlas and batches.

// goMono is Go Mono: monospaced, so geom measures text as runes times
// 0.6 em without a font, and bundled, so nothing is fetched at run time.
var goMono = func() *opentype.Font {
	f, err := opentype.Parse(gomono.TTF)
	if err != nil {
		log.Fatal(err)
	}
	return f
}()

// subpixels is how many horizontal offsets of a glyph are cached: labels
// advance by 0.6 em, which is rarely a whole number of pixels.
const subpixels = 4

type glyphKey struct {
	r   rune
	sub int
}

type glyph struct {
	img  *ebiten.Image // nil for blank glyphs such as a space
	x, y int           // offset of img from the pen position on the baseline
}

// glyphFace caches the glyphs of one pixel size.
type glyphFace struct {
	face    font.Face
	ascent  float64
	advance float64
	cache   map[glyphKey]glyph
}

var glyphFaces = map[float64]*glyphFace{}

func faceOf(size float64) *glyphFace {
	if f, ok := glyphFaces[size]; ok {
		return f
	}
	face, err := opentype.NewFace(goMono, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		log.Fatal(err)
	}
	f := &glyphFace{
		face:    face,
		ascent:  float64(face.Metrics().Ascent) / 64,
		advance: size * 0.6,
		cache:   map[glyphKey]glyph{},
	}
	glyphFaces[size] = f
	return f
}

func (f *glyphFace) glyph(r rune, sub int) glyph {
	k := glyphKey{r, sub}
	if g, ok := f.cache[k]; ok {
		return g
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(sub * 64 / subpixels)}
	dr, mask, mp, _, ok := f.face.Glyph(dot, r)
	if !ok {
		dr, mask, mp, _, _ = f.face.Glyph(dot, '?')
	}
	var g glyph
	if !dr.Empty() && mask != nil {
		a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		draw.Draw(a, a.Bounds(), mask, mp, draw.Src)
		g = glyph{img: ebiten.NewImageFromImage(a), x: dr.Min.X, y: dr.Min.Y}
	}
	f.cache[k] = g
	return g
}

// drawText draws s with its line box's top-left corner at (x, y).
func drawText(dst *ebiten.Image, f *glyphFace, t geom.Text, op *ebiten.DrawImageOptions) {
	base := math.Round(float64(t.Y) + f.ascent)
	pen := float64(t.X)
	i := 0
	for _, r := range t.S {
		x := pen + float64(i)*f.advance
		i++
		whole := math.Floor(x)
		sub := int(math.Round((x - whole) * subpixels))
		if sub == subpixels {
			whole, sub = whole+1, 0
		}
		g := f.glyph(r, sub)
		if g.img == nil {
			continue
		}
		op.GeoM.Reset()
		op.GeoM.Translate(whole+float64(g.x), base+float64(g.y))
		dst.DrawImage(g.img, op)
	}
}
