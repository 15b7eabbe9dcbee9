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
	css, opacity string // "#rgb" or "url(#id)"; "" for opaque
	stroke       int
}

func (p paint) attrs() string {
	if p.stroke == 0 {
		return ` fill="` + p.css + `"` + opacityAttr("fill", p.opacity)
	}
	return ` stroke="` + p.css + `" stroke-width="` + formatTenths(p.stroke) + `"` + opacityAttr("stroke", p.opacity)
}

func opacityAttr(name, o string) string {
	if o == "" {
		return ""
	}
	return ` ` + name + `-opacity="` + o + `"`
}

// colour is c as a fill.
func colour(c geom.Color) paint {
	p := paint{css: hex(c)}
	if c.A < 255 {
		o := strconv.FormatFloat(math.Round(float64(c.A)/255*1000)/1000, 'f', -1, 64)
		p.opacity = strings.TrimPrefix(o, "0")
	}
	return p
}

func fill(c geom.Color) string { return colour(c).attrs() }
func stroke(c geom.Color) string {
	p := colour(c)
	return ` stroke="` + p.css + `"` + opacityAttr("stroke", p.opacity)
}

// hex is "#rgb" where that says the colour, else "#rrggbb".
func hex(c geom.Color) string {
	if c.R%17 == 0 && c.G%17 == 0 && c.B%17 == 0 {
		return fmt.Sprintf("#%x%x%x", c.R/17, c.G/17, c.B/17)
	}
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
