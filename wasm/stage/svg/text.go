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
	if d.pal != nil && size == geom.FontSize {
		// A page's picture: its style sheet sets the font (TextCSS).
		fmt.Fprintf(b, "<g%s>\n", group)
	} else {
		fmt.Fprintf(b, `<g font-family="%s" font-size="%s" xml:space="preserve"%s>`+"\n", fontFamily, num(size), group)
	}
	for i, t := range l.Texts {
		attrs := ""
		if k := d.ink(t.Color, dark.Texts[i].Color); k != common || count[common] == 0 {
			attrs = paint{ink: k}.attrs()
		}
		// To the pixel, as the shapes: a glyph half a pixel off is not
		// to be seen.
		fmt.Fprintf(b, `<text x="%s" y="%s"%s>%s</text>`+"\n", fine(t.X), fine(t.Y+size*ascent), attrs, escape(t.S))
	}
	b.WriteString("</g>\n")
}

// fontFamily is Go Mono, the stage's font, where the reader has it, or a
// monospace font of the same advance (0.6 em).
const fontFamily = "'Go Mono', 'DejaVu Sans Mono', ui-monospace, monospace"

// TextCSS is the style sheet rule that sets, for a page's pictures inside
// scope, the font their text groups leave to it: the page holds dozens of
// pictures, and says it once.
func TextCSS(scope string) string {
	return scope + " g{font-family:" + strings.ReplaceAll(fontFamily, ", ", ",") + ";font-size:" + num(geom.FontSize) + "px;white-space:pre}\n"
}

// ascent is Go Mono's ascent over its em.
const ascent = 0.93

// fine writes a text's coordinate to the pixel, as the shapes'.
func fine(v float32) string {
	return strconv.FormatFloat(math.Round(float64(v)), 'f', -1, 64)
}

// escape escapes what text content must: the page's apostrophes and
// quotes stay as they are.
var escape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
