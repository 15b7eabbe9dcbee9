package monofont

import (
	"bytes"
	"encoding/binary"
	"flag"
	"image"
	"image/draw"
	"os"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

var update = flag.Bool("update", false, "rewrite gomono.bin from Go Mono's TTF")

// encode writes every glyph Go Mono maps a character to in the format
// monofont.go reads.
func encode(t *testing.T) []byte {
	f, err := sfnt.Parse(gomono.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	upm := f.UnitsPerEm()
	// Loaded at one pixel per font unit, the segments are the font units.
	m, err := f.Metrics(&b, fixed.Int26_6(upm), font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	var runes []rune
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if x, err := f.GlyphIndex(&b, r); err == nil && x != 0 {
			runes = append(runes, r)
		}
	}
	out := binary.AppendUvarint(nil, uint64(upm))
	out = binary.AppendUvarint(out, uint64(m.Ascent))
	out = binary.AppendUvarint(out, uint64(len(runes)))
	prev := rune(0)
	for _, r := range runes {
		x, _ := f.GlyphIndex(&b, r)
		segs, err := f.LoadGlyph(&b, x, fixed.Int26_6(upm), nil)
		if err != nil {
			t.Fatal(err)
		}
		out = binary.AppendUvarint(out, uint64(r-prev))
		prev = r
		out = binary.AppendUvarint(out, uint64(len(segs)))
		var px, py fixed.Int26_6
		for _, s := range segs {
			out = append(out, byte(s.Op))
			for _, p := range s.Args[:points(byte(s.Op))] {
				// Y up, as in the font: LoadGlyph flipped it.
				out = binary.AppendVarint(out, int64(p.X-px))
				out = binary.AppendVarint(out, int64(-p.Y-py))
				px, py = p.X, -p.Y
			}
		}
	}
	return out
}

func TestData(t *testing.T) {
	want := encode(t)
	if *update {
		if err := os.WriteFile("gomono.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(data, want) {
		t.Fatal("gomono.bin is not what Go Mono's TTF gives: run go test -run Data -update")
	}
}

// TestSameAsOpentype draws every character, and a few Go Mono lacks, at
// the sizes a stage gets on common screens and zooms and at every quarter
// pixel, with monofont and with opentype, and wants the same masks.
func TestSameAsOpentype(t *testing.T) {
	ft, err := opentype.Parse(gomono.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var runes []rune
	for r := range parsed().glyphs {
		runes = append(runes, r)
	}
	runes = append(runes, 0x4e2d, 0x1f600, utf8.RuneError+1)
	sizes := []float64{12, 12 * 0.9, 12 * 1.1, 12 * 1.25, 12 * 1.5, 12 * 1.75, 12 * 2, 12 * 2.5, 12 * 3}
	if testing.Short() {
		sizes = sizes[:3]
	}
	for _, size := range sizes {
		face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		mine := NewFace(size)
		if got, want := mine.Ascent(), int32(face.Metrics().Ascent); got != want {
			t.Fatalf("size %v: ascent %d, opentype %d", size, got, want)
		}
		for _, r := range runes {
			for sub := range int32(4) {
				dot := fixed.Point26_6{X: fixed.Int26_6(sub * 64 / 4)}
				dr, m, mp, _, ok := face.Glyph(dot, r)
				if !ok {
					dr, m, mp, _, _ = face.Glyph(dot, '?')
				}
				var want *image.Alpha
				if !dr.Empty() && m != nil {
					want = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
					draw.Draw(want, want.Bounds(), m, mp, draw.Src)
				}
				got, x, y := mine.Glyph(r, sub*64/4)
				switch {
				case (got == nil) != (want == nil):
					t.Fatalf("size %v %q sub %d: blank %v, opentype blank %v", size, r, sub, got == nil, want == nil)
				case got == nil:
				case x != dr.Min.X || y != dr.Min.Y || got.Rect != want.Rect || !bytes.Equal(got.Pix, want.Pix):
					t.Fatalf("size %v %q sub %d: mask at %d,%d %v differs from opentype's at %v", size, r, sub, x, y, got.Rect, dr)
				}
			}
		}
	}
}
