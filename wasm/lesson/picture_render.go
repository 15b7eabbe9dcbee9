package lesson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/util"
)

// pictureOf draws the block's picture: its default run, once for both
// themes (the pictures' style sheet colours it for the theme in effect,
// see PicturesCSS), or in the light and the dark theme where their
// drawings differ in more than colour; with the figures the page shows
// beside the stage until the simulator has started (see preview). A run
// a question asks about shows its lanes only: the run would answer the
// question, and the stage shows it once the question is answered. Only
// the picture the page shows is drawn, so its colours alone go in the
// palette. id names the picture's ids.
func (e *scenarios) pictureOf(b *Block) (pic *picture, id string, err error) {
	asked := false
	for _, p := range e.predicts {
		asked = asked || p.Scenario == b.Index
	}
	id = fmt.Sprintf("pic-%s-%d", e.slug, b.Index)
	if asked {
		id += "-q"
	}
	pic, err = b.picture(asked, e.palette)
	return pic, id, err
}

// runAttr is the figure's data-run attribute: what the page shows beside
// the stage about the run until the simulator has started.
func runAttr(pic *picture) (string, error) {
	if pic.run == nil {
		return "", nil
	}
	run, err := json.Marshal(pic.run)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(` data-run="%s"`, html.EscapeString(string(run))), nil
}

// renderPicture writes the picture into its figure. On a phone it scrolls
// sideways rather than shrink its labels past reading: the keyboard can
// scroll it too.
func renderPicture(w util.BufWriter, pic *picture, id string) {
	w.WriteString(`<div class="scenario-picture" tabindex="0" role="group" aria-label="The run">` + "\n")
	writePictures(w, pic, id)
	w.WriteString("</div>\n")
}

// writePictures writes the picture's document inline, or both themes'
// documents, each with ids of its own: a page holds many, and a title's
// id must name one.
func writePictures(w util.BufWriter, p *picture, id string) {
	if p.both != nil {
		w.Write(inlineSVG(p.both, pictureClass, id))
		return
	}
	w.Write(inlineSVG(p.light, "pic-light", id+"-l"))
	w.Write(inlineSVG(p.dark, "pic-dark", id+"-d"))
}

// inlineSVG makes a standalone document a page's element: classed, and
// every id in it (its title's, its description's, its patterns') and
// every reference to one prefixed, so the many pictures of a page each
// name their own.
func inlineSVG(doc []byte, class, prefix string) []byte {
	r := bytes.Replace(doc, []byte("<svg "), []byte(`<svg class="`+class+`" `), 1)
	// Inside HTML the parser puts an svg element in SVG's namespace.
	r = bytes.Replace(r, []byte(` xmlns="http://www.w3.org/2000/svg"`), nil, 1)
	r = idAttr.ReplaceAll(r, []byte(`id="`+prefix+`-$1"`))
	r = idRef.ReplaceAll(r, []byte(`url(#`+prefix+`-$1)`))
	return labelledBy.ReplaceAllFunc(r, func(m []byte) []byte {
		ids := strings.Fields(string(labelledBy.FindSubmatch(m)[1]))
		for i, id := range ids {
			ids[i] = prefix + "-" + id
		}
		return []byte(`aria-labelledby="` + strings.Join(ids, " ") + `"`)
	})
}

var (
	idAttr     = regexp.MustCompile(`\bid="([^"]+)"`)
	idRef      = regexp.MustCompile(`url\(#([^)]+)\)`)
	labelledBy = regexp.MustCompile(`aria-labelledby="([^"]+)"`)
)
