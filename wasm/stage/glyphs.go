package stage

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/stage/geom"
	"looplab/wasm/stage/monofont"
)

// Labels are drawn from a glyph cache rather than with a text shaper: the
// stage only writes short monospaced labels, and a shaper (HarfBuzz via
// Ebitengine's text/v2) would add about 1 MB of brotli to the wasm. Each
// glyph is rasterised once per size and quarter-pixel offset, then drawn as
// a small image that Ebitengine packs into its atlas and batches.

// The font is Go Mono: monospaced, so geom measures text as runes times
// 0.6 em without a font, and bundled (as outlines, see monofont), so
// nothing is fetched at run time.

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
	face    *monofont.Face
	ascent  float64
	advance float64
	cache   map[glyphKey]glyph
}

var glyphFaces = map[float64]*glyphFace{}

func faceOf(size float64) *glyphFace {
	if f, ok := glyphFaces[size]; ok {
		return f
	}
	face := monofont.NewFace(size)
	f := &glyphFace{
		face:    face,
		ascent:  float64(face.Ascent()) / 64,
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
	var g glyph
	if mask, x, y := f.face.Glyph(r, int32(sub*64/subpixels)); mask != nil {
		// White with the mask as alpha, premultiplied: the pixels
		// ebiten.NewImageFromImage(mask) would write, without linking the
		// image/draw conversions it falls back on for an *image.Alpha.
		pix := make([]byte, 4*len(mask.Pix))
		for i, a := range mask.Pix {
			pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = a, a, a, a
		}
		size := mask.Rect.Size()
		img := ebiten.NewImage(size.X, size.Y)
		img.WritePixels(pix)
		g = glyph{img: img, x: x, y: y}
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
