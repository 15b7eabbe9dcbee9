package svg

import (
	"fmt"
	"slices"

	"looplab/wasm/stage/geom"
)

// DocumentThemes writes a scene drawn in the palette's light theme and in
// its dark one as one document: the shapes once, each painted with the
// palette's class for its pair of colours, which a page's style sheet
// (Palette.CSS) colours for the theme in effect. Shapes are batched and
// texts grouped by their pair, so the document paints each theme's
// pixels as that theme's own document would.
//
// The two drawings must differ in their colours only; when they differ in
// anything else (a shape, a corner, a text) it returns an error, and the
// caller writes a document per theme instead.
func DocumentThemes(w, h int, pal *Palette, title, desc string, light, dark []geom.List) ([]byte, error) {
	if err := sameBut(light, dark); err != nil {
		return nil, fmt.Errorf("the light and dark drawings differ: %w", err)
	}
	d := doc{pal: pal}
	return d.write(w, h, title, desc, pal.ink(pal.Light.Background, pal.Dark.Background), light, dark), nil
}

// sameBut says where two drawings differ in anything but their colours.
// Whether a text has a background is not a colour: it is a shape.
func sameBut(a, b []geom.List) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d lists against %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Font != y.Font {
			return fmt.Errorf("list %d: font %v against %v", i, x.Font, y.Font)
		}
		if err := same("rect", x.Rects, y.Rects, func(p, q geom.Rect) bool {
			return p.X == q.X && p.Y == q.Y && p.W == q.W && p.H == q.H
		}); err != nil {
			return fmt.Errorf("list %d: %w", i, err)
		}
		if err := same("polygon", x.Polys, y.Polys, samePoly); err != nil {
			return fmt.Errorf("list %d: %w", i, err)
		}
		if err := same("line", x.Lines, y.Lines, func(p, q geom.Line) bool {
			return p.X1 == q.X1 && p.Y1 == q.Y1 && p.X2 == q.X2 && p.Y2 == q.Y2 && p.Width == q.Width
		}); err != nil {
			return fmt.Errorf("list %d: %w", i, err)
		}
		if err := same("text", x.Texts, y.Texts, func(p, q geom.Text) bool {
			return p.X == q.X && p.Y == q.Y && p.S == q.S && p.Pad == q.Pad && (p.Bg.A > 0) == (q.Bg.A > 0)
		}); err != nil {
			return fmt.Errorf("list %d: %w", i, err)
		}
		if err := same("fill", x.Fills, y.Fills, func(p, q geom.Fill) bool {
			s, t := p.Tile, q.Tile
			return p.X == q.X && p.Y == q.Y && p.W == q.W && p.H == q.H && p.Polys == q.Polys && p.At == q.At &&
				s.X == t.X && s.Y == t.Y && s.W == t.W && s.H == t.H && slices.EqualFunc(s.Shapes, t.Shapes, samePoly)
		}); err != nil {
			return fmt.Errorf("list %d: %w", i, err)
		}
	}
	return nil
}

func samePoly(p, q geom.Poly) bool { return slices.Equal(p.Pts, q.Pts) }

// same says which shape of a kind first differs, or how many there are.
func same[S any](kind string, a, b []S, eq func(S, S) bool) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d %ss against %d", len(a), kind, len(b))
	}
	for i := range a {
		if !eq(a[i], b[i]) {
			return fmt.Errorf("%s %d: %+v against %+v", kind, i, a[i], b[i])
		}
	}
	return nil
}
