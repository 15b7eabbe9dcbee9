package lesson

import (
	"errors"
	"strings"

	"looplab/wasm/stage/geom"
	"looplab/wasm/stage/svg"
)

// pictureClass is the class of a picture written once for both themes:
// the pictures' style sheet colours its shapes, and nothing else.
const pictureClass = "pic"

// newPalette is a palette for pictures drawn in the page's two themes.
func newPalette() *svg.Palette { return svg.NewPalette(geom.Light, geom.Dark) }

// PicturesCSS is the style sheet of the lessons' pictures: the colours of
// their palette's classes in the light theme, and in the dark one when
// the learner picks dark or the system prefers it and the learner has
// not picked light (as the page's style sheet and ChromaCSS switch). The
// lessons must have been compiled together (CompileDir): a class means
// the same colours in all of them only then.
func PicturesCSS(lessons []*Lesson) (string, error) {
	if len(lessons) == 0 {
		return "", nil
	}
	pal := lessons[0].palette
	for _, l := range lessons {
		if l.palette != pal {
			return "", errors.New("lessons compiled apart name their pictures' colours apart: compile them together (CompileDir)")
		}
	}
	scope := "." + pictureClass
	rules, dark := pal.CSS(scope)
	var b strings.Builder
	b.WriteString("/* The pictures' colours, both themes (generated) */\n")
	b.WriteString(rules)
	b.WriteString(svg.TextCSS(scope))
	b.WriteString(":root[data-theme=dark] " + scope + "{" + dark + "}\n")
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.WriteString(":root:not([data-theme=light]) " + scope + "{" + dark + "}\n")
	b.WriteString("}\n")
	return b.String(), nil
}
