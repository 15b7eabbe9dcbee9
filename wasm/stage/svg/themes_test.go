package svg

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"looplab/wasm/stage/geom"
)

var (
	classAttr  = regexp.MustCompile(`\bclass="([ks]\d+)"`)
	colourAttr = regexp.MustCompile(`\b(fill|stroke)="(#[0-9a-f]+)"(?: stroke-width="[.0-9]+")?(?: (?:fill|stroke)-opacity="([.0-9]+)")?`)
	cssRule    = regexp.MustCompile(`(?m)^x \.([ks]\d+)\{(fill|stroke):var\(--[ks]\d+,(#[0-9a-f]+)\)(?:;(?:fill|stroke)-opacity:var\(--[ks]\d+o,([.0-9]+)\))?\}$`)
	cssVar     = regexp.MustCompile(`--([ks]\d+)(o?):([^;]+)`)
)

// colours are the colours a document paints with, "#rgb" or
// "#rgb/opacity": of its attributes, or of its classes in one theme.
func colours(doc string, light, dark map[string]string, isDark bool) []string {
	var out []string
	for _, m := range colourAttr.FindAllStringSubmatch(doc, -1) {
		out = append(out, m[2]+"/"+m[3])
	}
	for _, m := range classAttr.FindAllStringSubmatch(doc, -1) {
		if isDark {
			out = append(out, dark[m[1]])
		} else {
			out = append(out, light[m[1]])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestThemesOnce: a scene written once for both themes says the texts of
// each theme's own document, names every colour by a class, and its
// classes, coloured by the palette's style sheet, paint with the colours
// each theme's document paints with.
func TestThemesOnce(t *testing.T) {
	pal := NewPalette(geom.Light, geom.Dark)
	a, b := run(t, "blocked_loop"), run(t, "three_ways")
	for name, s := range map[string]Scene{
		"timeline": TimelineScene(a, Options{}),
		"hidden":   TimelineScene(b, Options{HideFuture: true}),
		"compare":  CompareScene(a, b, "blocked", "three ways", Options{}),
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := s.Themes(pal)
			if err != nil {
				t.Fatal(err)
			}
			if m := colourAttr.FindString(string(doc)); m != "" {
				t.Errorf("a colour of one theme: %s", m)
			}
			lightDoc, darkDoc := s.Document(geom.Light), s.Document(geom.Dark)
			if got, want := texts(t, doc), texts(t, lightDoc); !slices.Equal(got, want) {
				t.Errorf("texts %q, want %q", got, want)
			}
			rules, dark := pal.CSS("x")
			light, darks := map[string]string{}, map[string]string{}
			for _, m := range cssRule.FindAllStringSubmatch(rules, -1) {
				light[m[1]] = m[3] + "/" + m[4]
			}
			for _, m := range cssVar.FindAllStringSubmatch(dark, -1) {
				if m[2] == "" {
					darks[m[1]] = m[3] + "/" + darks[m[1]]
				} else {
					darks[m[1]] += m[3]
				}
			}
			for _, m := range classAttr.FindAllStringSubmatch(string(doc), -1) {
				if light[m[1]] == "" || darks[m[1]] == "" {
					t.Fatalf("class %s has no colour in light (%q) or dark (%q)", m[1], light[m[1]], darks[m[1]])
				}
			}
			// An opaque colour's opacity is said only where its pair's
			// other colour is translucent: as 1.
			norm := func(cs []string) []string {
				for i, c := range cs {
					cs[i] = strings.TrimSuffix(c, "1")
				}
				slices.Sort(cs)
				return slices.Compact(cs)
			}
			for _, th := range []struct {
				doc  []byte
				dark bool
			}{{lightDoc, false}, {darkDoc, true}} {
				want := colours(string(th.doc), nil, nil, false)
				if got := norm(colours(string(doc), light, darks, th.dark)); !slices.Equal(got, want) {
					t.Errorf("dark %v: paints with %q, its own document with %q", th.dark, got, want)
				}
			}
		})
	}
}

// TestThemesRefuseOtherShapes: two drawings that differ in more than
// their colours are not written as one.
func TestThemesRefuseOtherShapes(t *testing.T) {
	red, blue := geom.Color{R: 255, A: 255}, geom.Color{B: 255, A: 255}
	base := func(c geom.Color) geom.List {
		return geom.List{
			Rects: []geom.Rect{{X: 1, Y: 2, W: 3, H: 4, Color: c}},
			Polys: []geom.Poly{{Pts: []float32{0, 0, 4, 0, 4, 4}, Color: c}},
			Lines: []geom.Line{{X1: 0, Y1: 0, X2: 5, Y2: 5, Width: 1, Color: c}},
			Texts: []geom.Text{{X: 1, Y: 1, S: "a", Color: c}},
			Fills: []geom.Fill{{X: 0, Y: 0, W: 8, H: 8, Tile: geom.Tile{W: 4, H: 4, Shapes: []geom.Poly{{Pts: []float32{0, 0, 1, 0, 1, 1}, Color: c}}}}},
		}
	}
	pal := NewPalette(geom.Light, geom.Dark)
	if _, err := DocumentThemes(10, 10, pal, "t", "d", []geom.List{base(red)}, []geom.List{base(blue)}); err != nil {
		t.Fatalf("drawings that differ only in colour: %v", err)
	}
	for name, change := range map[string]func(l *geom.List){
		"a rect moved":        func(l *geom.List) { l.Rects[0].X++ },
		"a corner moved":      func(l *geom.List) { l.Polys[0].Pts = []float32{0, 0, 4, 0, 4, 5} },
		"a line wider":        func(l *geom.List) { l.Lines[0].Width = 2 },
		"another text":        func(l *geom.List) { l.Texts[0].S = "b" },
		"a text's background": func(l *geom.List) { l.Texts[0].Bg = red },
		"a tile's stroke":     func(l *geom.List) { l.Fills[0].Tile.Shapes = nil },
		"one more rect":       func(l *geom.List) { l.Rects = append(l.Rects, l.Rects[0]) },
		"another font":        func(l *geom.List) { l.Font = 16 },
	} {
		dark := base(blue)
		dark.Polys = []geom.Poly{{Pts: []float32{0, 0, 4, 0, 4, 4}, Color: blue}} // its own corners
		change(&dark)
		if _, err := DocumentThemes(10, 10, pal, "t", "d", []geom.List{base(red)}, []geom.List{dark}); err == nil {
			t.Errorf("%s: written as one document", name)
		}
	}
	if rules, _ := pal.CSS("x"); strings.Count(rules, "\n") != 3 {
		t.Errorf("the palette's classes:\n%swant 3 (red-blue filled and stroked, and the backgrounds)", rules)
	}
}
