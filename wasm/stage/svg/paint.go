package svg

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"looplab/wasm/stage/geom"
)

// paint is a fill, or a stroke of a width in tenths (a path of rects as
// strokes along their middles says each in two numbers, not four).
type paint struct {
	ink
	stroke int
}

// ink is what a shape is painted with. In a document of one theme it is
// the colour itself, "#rgb" (or "url(#id)", a pattern) and its opacity;
// in a document of both themes it is the number of its pair of colours
// in the palette, which names it by a class that the page's style sheet
// colours for the theme in effect, and "t" for an opacity where either
// colour is translucent.
type ink struct {
	css, opacity string // "" opacity for opaque
	pal          palette
}

// palette is what a document of both themes asks of its Palette. An
// interface, so that a program writing documents of one theme only (the
// stage's wasm) links none of the Palette's code.
type palette interface {
	ink(c, dark geom.Color) ink
	class(n string, stroke bool) string
}

func (p paint) attrs() string {
	if p.pal != nil {
		a := ` class="` + p.pal.class(p.css, p.stroke > 0) + `"`
		if p.stroke > 0 {
			a += ` stroke-width="` + formatTenths(p.stroke) + `"`
		}
		return a
	}
	if p.stroke == 0 {
		return ` fill="` + p.css + `"` + opacityAttr("fill", p.opacity)
	}
	return ` stroke="` + p.css + `" stroke-width="` + formatTenths(p.stroke) + `"` + opacityAttr("stroke", p.opacity)
}

// stroked is the ink as a line's stroke (its width said apart).
func (k ink) stroked() string {
	if k.pal != nil {
		return ` class="` + k.pal.class(k.css, true) + `"`
	}
	return ` stroke="` + k.css + `"` + opacityAttr("stroke", k.opacity)
}

func opacityAttr(name, o string) string {
	if o == "" {
		return ""
	}
	return ` ` + name + `-opacity="` + o + `"`
}

// colour is c as the ink of a document of one theme.
func colour(c geom.Color) ink {
	k := ink{css: hex(c)}
	if c.A < 255 {
		k.opacity = opacity(c)
	}
	return k
}

// opacity is c's alpha as a number from 0 to 1, to a thousandth (".5").
func opacity(c geom.Color) string {
	o := strconv.FormatFloat(math.Round(float64(c.A)/255*1000)/1000, 'f', -1, 64)
	return strings.TrimPrefix(o, "0")
}

// hex is "#rgb" where that says the colour, else "#rrggbb".
func hex(c geom.Color) string {
	if c.R%17 == 0 && c.G%17 == 0 && c.B%17 == 0 {
		return fmt.Sprintf("#%x%x%x", c.R/17, c.G/17, c.B/17)
	}
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
