package svg

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"looplab/wasm/stage/geom"
)

// writeTexts writes a list's texts as real text, which a reader can
// select and a screen reader reads, over their backgrounds (dark is the
// list in the dark theme, as in writeList).
func (d *doc) writeTexts(b *bytes.Buffer, l, dark geom.List) {
	size := l.Font
	if size <= 0 {
		size = geom.FontSize
	}
	var bgs batch
	for i, t := range l.Texts {
		if t.Bg.A > 0 {
			w := float32(len([]rune(t.S))) * size * 0.6
			bgs.rect(paint{ink: d.ink(t.Bg, dark.Texts[i].Bg)}, t.X-t.Pad, t.Y-t.Pad/2, w+2*t.Pad, size+t.Pad)
		}
	}
	bgs.write(b)
	if len(l.Texts) == 0 {
		return
	}
	// The group gives the commonest colour; a text says only another.
	// (An opaque one: a text of another would take its opacity.)
	count := map[ink]int{}
	var common ink
	for i, t := range l.Texts {
		if k := d.ink(t.Color, dark.Texts[i].Color); k.opacity == "" {
			count[k]++
			if count[k] > count[common] {
				common = k
			}
		}
	}
	// Go Mono, the stage's font, where the reader has it; a monospace
	// font of the same advance (0.6 em) otherwise. The baseline is the
	// line box's top plus the font's ascent.
	group := ""
	if count[common] > 0 {
		group = paint{ink: common}.attrs()
	}
	fmt.Fprintf(b, `<g font-family="'Go Mono', 'DejaVu Sans Mono', ui-monospace, monospace" font-size="%s" xml:space="preserve"%s>`+"\n", num(size), group)
	for i, t := range l.Texts {
		attrs := ""
		if k := d.ink(t.Color, dark.Texts[i].Color); k != common || count[common] == 0 {
			attrs = paint{ink: k}.attrs()
		}
		// Hundredths: a glyph is drawn where its baseline falls within a
		// pixel, so a tenth would change some glyphs' pixels.
		fmt.Fprintf(b, `<text x="%s" y="%s"%s>%s</text>`+"\n", fine(t.X), fine(t.Y+size*ascent), attrs, escape(t.S))
	}
	b.WriteString("</g>\n")
}

// ascent is Go Mono's ascent over its em.
const ascent = 0.93

// fine writes a text's coordinate to a hundredth of a pixel.
func fine(v float32) string {
	return strconv.FormatFloat(math.Round(float64(v)*100)/100, 'f', -1, 64)
}

// escape escapes what text content must: the page's apostrophes and
// quotes stay as they are.
var escape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
