// Package monofont draws Go Mono glyphs without a font parser. The glyph
// outlines of every character Go Mono has are kept in gomono.bin, in font
// units; a face scales them exactly as golang.org/x/image/font/opentype
// does with no hinting and fills them with the same rasteriser, so the
// masks are the same bytes as opentype's, from 28 KB of brotli instead of
// the 65 KB TTF and about 90 KB of parser code in the wasm.
//
// gomono.bin is written by the package's test: go test -run Data -update.
package monofont

import (
	_ "embed"
	"encoding/binary"
	"image"
	"image/draw"
	"sync"

	"golang.org/x/image/vector"
)

//go:embed gomono.bin
var data []byte

// The outline format, all integers varints (uvarint unless said):
// units per em, ascent (font units), the number of glyphs, then per glyph
// its rune as the difference from the previous glyph's rune, its number of
// segments, and per segment an op byte (moveTo, lineTo, quadTo, cubeTo:
// 0..3) followed by its 1, 1, 2 or 3 points, each as two signed varints:
// the difference from the previous point of the glyph (from 0, 0 for the
// first). Y grows upward, as in the font.
const (
	opMoveTo = iota
	opLineTo
	opQuadTo
	opCubeTo
)

type outlines struct {
	unitsPerEm int32
	ascent     int32
	glyphs     map[rune][]byte // each glyph's segment count and segments
}

var parsed = sync.OnceValue(func() *outlines {
	f := &outlines{glyphs: map[rune][]byte{}}
	s := data
	f.unitsPerEm = int32(uvarint(&s))
	f.ascent = int32(uvarint(&s))
	n := int(uvarint(&s))
	r := rune(0)
	for range n {
		r += rune(uvarint(&s))
		start := s
		segs := int(uvarint(&s))
		for range segs {
			op := s[0]
			s = s[1:]
			for range points(op) * 2 {
				varint(&s)
			}
		}
		f.glyphs[r] = start[:len(start)-len(s)]
	}
	return f
})

func points(op byte) int {
	switch op {
	case opQuadTo:
		return 2
	case opCubeTo:
		return 3
	}
	return 1
}

// uvarint and varint read a varint off the front of *b, as
// binary.AppendUvarint and AppendVarint wrote it.
func uvarint(b *[]byte) uint64 {
	x, n := binary.Uvarint(*b)
	*b = (*b)[n:]
	return x
}

func varint(b *[]byte) int64 {
	x, n := binary.Varint(*b)
	*b = (*b)[n:]
	return x
}

// Face is Go Mono at one pixel size (at 72 DPI, so points are pixels).
type Face struct {
	f    *outlines
	ppem int32 // pixels per em in 26.6 fixed point
	rast vector.Rasterizer
	segs []segment
}

type segment struct {
	op  byte
	pts [3][2]int32 // 26.6 fixed point, y down
}

// NewFace returns Go Mono at size pixels.
func NewFace(size float64) *Face {
	// The expression opentype.NewFace uses, with DPI 72, kept as it is so
	// that the float rounding is the same.
	return &Face{f: parsed(), ppem: int32(0.5 + (size * 72 * 64 / 72))}
}

// scale converts font units times ppem to 26.6 pixels, rounding half away
// from zero, as sfnt does.
func (fc *Face) scale(x int32) int32 {
	x *= fc.ppem
	if x >= 0 {
		x += fc.f.unitsPerEm / 2
	} else {
		x -= fc.f.unitsPerEm / 2
	}
	return x / fc.f.unitsPerEm
}

// Ascent is the distance from the top of a line to its baseline, in 26.6
// fixed point pixels.
func (fc *Face) Ascent() int32 { return fc.scale(fc.f.ascent) }

// Glyph rasterises r with the pen at dotX (26.6 fixed point) on the
// baseline at y 0. It returns the glyph's mask and where its top-left
// corner goes relative to the pen's whole pixel, or a nil mask for a blank
// glyph such as a space. A character Go Mono lacks is drawn as '?'.
func (fc *Face) Glyph(r rune, dotX int32) (mask *image.Alpha, x, y int) {
	g, ok := fc.f.glyphs[r]
	if !ok {
		g = fc.f.glyphs['?']
	}
	fc.segs = fc.segs[:0]
	n := int(uvarint(&g))
	var ux, uy int32
	for range n {
		sg := segment{op: g[0]}
		g = g[1:]
		for j := range points(sg.op) {
			ux += int32(varint(&g))
			uy += int32(varint(&g))
			sg.pts[j] = [2]int32{fc.scale(ux), -fc.scale(uy)}
		}
		fc.segs = append(fc.segs, sg)
	}
	if len(fc.segs) == 0 {
		return nil, 0, 0
	}
	// The bounds of every point, control points included, as sfnt's
	// Segments.Bounds, moved to the pen and widened to whole pixels.
	minX, minY := int32(1<<31-1), int32(1<<31-1)
	maxX, maxY := int32(-1<<31), int32(-1<<31)
	for _, sg := range fc.segs {
		for _, p := range sg.pts[:points(sg.op)] {
			minX, maxX = min(minX, p[0]), max(maxX, p[0])
			minY, maxY = min(minY, p[1]), max(maxY, p[1])
		}
	}
	x0, y0 := int(minX+dotX)>>6, int(minY)>>6
	x1, y1 := int(maxX+dotX+63)>>6, int(maxY+63)>>6
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return nil, 0, 0
	}
	biasX, biasY := dotX-int32(x0<<6), -int32(y0<<6)
	pt := func(p [2]int32) (float32, float32) {
		return float32(p[0]+biasX) / 64, float32(p[1]+biasY) / 64
	}
	fc.rast.Reset(w, h)
	fc.rast.DrawOp = draw.Src
	for _, sg := range fc.segs {
		ax, ay := pt(sg.pts[0])
		switch sg.op {
		case opMoveTo:
			fc.rast.MoveTo(ax, ay)
		case opLineTo:
			fc.rast.LineTo(ax, ay)
		case opQuadTo:
			bx, by := pt(sg.pts[1])
			fc.rast.QuadTo(ax, ay, bx, by)
		case opCubeTo:
			bx, by := pt(sg.pts[1])
			cx, cy := pt(sg.pts[2])
			fc.rast.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	mask = image.NewAlpha(image.Rect(0, 0, w, h))
	fc.rast.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return mask, x0, y0
}
