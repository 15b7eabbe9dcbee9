package svg

import (
	"strconv"
	"strings"

	"looplab/wasm/stage/geom"
)

// Palette names the colours of documents written for both of its themes
// (Scene.Themes, DocumentThemes): each colour a shape takes in the light
// theme and in the dark one is a pair, and each pair a short class, the
// same in every document written with the palette. A page of many such
// documents then needs one style sheet (CSS) to colour them all, and each
// picture is in the page once instead of once a theme.
//
// A palette is for one writer at a time; its pairs are numbered in the
// order they are first met, so the same documents written in the same
// order name the same classes.
type Palette struct {
	Light, Dark geom.Theme
	numbers     map[pair]string
	pairs       []pair
	classes     map[use]string
	uses        []use
}

// pair is a shape's colour in the light theme and in the dark one.
type pair struct{ light, dark geom.Color }

// use is a pair, by its number, as a fill or as a stroke: CSS sets the
// one or the other.
type use struct {
	n      string
	stroke bool
}

// NewPalette is an empty palette for documents drawn in light and dark.
func NewPalette(light, dark geom.Theme) *Palette {
	return &Palette{Light: light, Dark: dark, numbers: map[pair]string{}, classes: map[use]string{}}
}

// ink is the ink of the pair (c, dark), numbering it the first time.
func (p *Palette) ink(c, dark geom.Color) ink {
	pr := pair{c, dark}
	n, ok := p.numbers[pr]
	if !ok {
		n = strconv.Itoa(len(p.pairs))
		p.numbers[pr] = n
		p.pairs = append(p.pairs, pr)
	}
	k := ink{css: n, pal: p}
	if c.A < 255 || dark.A < 255 {
		k.opacity = "t"
	}
	return k
}

// class is the class of pair n as a fill or a stroke, adding it the first
// time: only the uses a document writes get a rule.
func (p *Palette) class(n string, stroke bool) string {
	u := use{n, stroke}
	if c, ok := p.classes[u]; ok {
		return c
	}
	c := "k" + n
	if stroke {
		c = "s" + n
	}
	p.classes[u] = c
	p.uses = append(p.uses, u)
	return c
}

// CSS is the palette as a style sheet's text: rules, a rule for each
// class under scope (`scope .k0{fill:var(--k0,#fff)}`), so that a page's
// rules touch nothing but its pictures; and dark, declarations of the
// dark theme's colours (`--k0:#0d1117;...`) for the page to put in a
// rule of scope for each way the dark theme comes into effect. Without
// them each class takes its light colour. The dark colours are then said
// as one block, which a compressor says once however many rules hold it.
// Where either theme's colour is translucent both say the opacity.
func (p *Palette) CSS(scope string) (rules, dark string) {
	var r, d strings.Builder
	for _, u := range p.uses {
		c := p.classes[u]
		i, _ := strconv.Atoi(u.n)
		pr := p.pairs[i]
		prop := "fill"
		if u.stroke {
			prop = "stroke"
		}
		r.WriteString(scope + " ." + c + "{" + prop + ":var(--" + c + "," + hex(pr.light) + ")")
		d.WriteString("--" + c + ":" + hex(pr.dark) + ";")
		if pr.light.A < 255 || pr.dark.A < 255 {
			r.WriteString(";" + prop + "-opacity:var(--" + c + "o," + opacity(pr.light) + ")")
			d.WriteString("--" + c + "o:" + opacity(pr.dark) + ";")
		}
		r.WriteString("}\n")
	}
	return r.String(), strings.TrimSuffix(d.String(), ";")
}
