// Package svg draws a run as the stage draws it, as an SVG document: the
// same layout (wasm/stage/geom: lanes, colours, labels, markers), its
// shapes as SVG shapes and its labels as real text, so the picture can be
// read, searched, printed and taken out of the page without JavaScript.
package svg

import (
	"bytes"
	"fmt"
	"html"
	"strconv"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// Options size and describe the picture.
type Options struct {
	Width  int // CSS px; 0 is 800
	Height int // CSS px; 0 sizes it to the lanes, as the page sizes the stage
	Theme  geom.Theme
	Title  string // read first by a screen reader; "" says what the run is
	Desc   string
	Focus  []string // lanes whose labels stay (the scenario's focus=)
	// From and To open the picture on that stretch of the run, as the
	// stage opens on a block's zoom= (To == 0: the whole run).
	From, To trace.Time
	// HideFuture draws the lanes and no bars, as the stage does while a
	// lesson's question about the run is open.
	HideFuture bool
}

// at is the moment the picture shows: the run's end, or with the future
// hidden its start, where the stage puts the playhead while a question
// about the run is open (even when the block opens zoomed further on).
func (o Options) at(end trace.Time) trace.Time {
	if o.HideFuture {
		return 0
	}
	return end
}

// The page gives each lane a row of this many CSS px while they fit, and
// this much to the axis and margins (web/src/figures.js).
const (
	rowPx    = 22
	chromePx = 50
	maxPx    = 600
)

// Timeline is the picture of tr at its end.
func Timeline(tr *trace.Trace, o Options) []byte {
	// Patterns and blends as <pattern> fills: a few hundred bytes
	// where their strokes took tens of thousands.
	tl := geom.NewTimeline(tr, geom.Options{Focus: o.Focus, From: o.From, To: o.To, Fills: true})
	tl.SetModes(false, o.HideFuture)
	w, h := o.Width, o.Height
	if w <= 0 {
		w = 800
	}
	if h <= 0 {
		h = chromePx + rowPx*tl.Lanes()
		if h > maxPx {
			h = max(maxPx, chromePx+rowPx*tl.GroupedRows())
		}
		h = max(h, 140)
	}
	if o.Theme.Name == "" {
		o.Theme = geom.Light
	}
	tl.SetView(w, h, 1, o.Theme)
	static, overlay := tl.Frame(o.at(tr.Duration), -1, -1)
	title := o.Title
	if title == "" {
		title = fmt.Sprintf("Timeline of a run of %s, %d lanes", seconds(tr.Duration), tl.Lanes())
	}
	return Document(w, h, o.Theme, title, o.Desc, static, overlay)
}

func seconds(t trace.Time) string { return strconv.FormatFloat(t.Seconds(), 'f', 3, 64) + " s" }

// Document writes the lists as the stage paints them: each list in turn,
// its rects, then polygons, then lines, then texts (backgrounds first).
// Any scene that draws into geom lists (the game, the pipeline) can be
// written with it.
func Document(w, h int, th geom.Theme, title, desc string, lists ...geom.List) []byte {
	var d defs
	var shapes bytes.Buffer
	for _, l := range lists {
		writeList(&shapes, &d, l)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="t d">`, w, h, w, h)
	fmt.Fprintf(&b, "\n<title id=\"t\">%s</title>\n<desc id=\"d\">%s</desc>\n", html.EscapeString(title), html.EscapeString(desc))
	d.write(&b)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%"%s/>`+"\n", fill(th.Background))
	b.Write(shapes.Bytes())
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func writeList(b *bytes.Buffer, d *defs, l geom.List) {
	var shapes batch
	// Each fill goes where its layer had got to when it was made.
	var fills [2][]geom.Fill
	for _, f := range l.Fills {
		layer := 0
		if f.Polys {
			layer = 1
		}
		fills[layer] = append(fills[layer], f)
	}
	fillsTo := func(layer, at int) {
		for len(fills[layer]) > 0 && fills[layer][0].At <= at {
			f := fills[layer][0]
			shapes.rect(paint{css: "url(#" + d.id(f.Tile) + ")"}, f.X, f.Y, f.W, f.H)
			fills[layer] = fills[layer][1:]
		}
	}
	for i, r := range l.Rects {
		fillsTo(0, i)
		shapes.rect(colour(r.Color), r.X, r.Y, r.W, r.H)
	}
	fillsTo(0, len(l.Rects))
	for i, q := range l.Polys {
		fillsTo(1, i)
		shapes.poly(colour(q.Color), q.Pts)
	}
	fillsTo(1, len(l.Polys))
	shapes.write(b)
	for _, ln := range l.Lines {
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s"%s/>`+"\n",
			num(ln.X1), num(ln.Y1), num(ln.X2), num(ln.Y2), num(ln.Width), stroke(ln.Color))
	}
	writeTexts(b, l)
}
