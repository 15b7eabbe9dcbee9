package svg

import "looplab/wasm/stage/geom"

// Scene is a picture ready to be drawn in any theme: its size, its words,
// and its shapes in a theme.
type Scene struct {
	W, H        int
	Title, Desc string
	// draw lays the scene out afresh for a theme, so each theme's lists
	// are what a document of that theme alone would have drawn.
	draw func(geom.Theme) []geom.List
}

// Document is the scene in one theme, its colours in its attributes: a
// document that stands alone.
func (s Scene) Document(th geom.Theme) []byte {
	return Document(s.W, s.H, th, s.Title, s.Desc, s.draw(th)...)
}

// Themes is the scene in both of the palette's themes as one document,
// its colours the palette's classes (see DocumentThemes).
func (s Scene) Themes(pal *Palette) ([]byte, error) {
	return DocumentThemes(s.W, s.H, pal, s.Title, s.Desc, s.draw(pal.Light), s.draw(pal.Dark))
}
