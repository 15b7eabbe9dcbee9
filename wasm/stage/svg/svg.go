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
func Timeline(tr *trace.Trace, o Options) []byte { return TimelineScene(tr, o).Document(o.theme()) }

// TimelineScene is Timeline's picture, to draw in any theme.
func TimelineScene(tr *trace.Trace, o Options) Scene {
	// Patterns and blends as <pattern> fills: a few hundred bytes
	// where their strokes took tens of thousands.
	opts, hide, at := geom.Options{Focus: o.Focus, From: o.From, To: o.To, Fills: true}, o.HideFuture, o.at(tr.Duration)
	tl := geom.NewTimeline(tr, opts)
	tl.SetModes(false, hide)
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
	title := o.Title
	if title == "" {
		title = fmt.Sprintf("Timeline of a run of %s, %d lanes", seconds(tr.Duration), tl.Lanes())
	}
	return Scene{W: w, H: h, Title: title, Desc: o.Desc, draw: func(th geom.Theme) []geom.List {
		tl := geom.NewTimeline(tr, opts)
		tl.SetModes(false, hide)
		tl.SetView(w, h, 1, th)
		static, overlay := tl.Frame(at, -1, -1)
		return []geom.List{static, overlay}
	}}
}

func seconds(t trace.Time) string { return strconv.FormatFloat(t.Seconds(), 'f', 3, 64) + " s" }

// Document writes the lists as the stage paints them: each list in turn,
// its rects, then polygons, then lines, then texts (backgrounds first).
// Any scene that draws into geom lists (the game, the pipeline) can be
// written with it.
func Document(w, h int, th geom.Theme, title, desc string, lists ...geom.List) []byte {
	var d doc
	return d.write(w, h, title, desc, colour(th.Background), lists, lists)
}

// doc is a document being written: of one theme, its colours said as
// attributes, or of both (pal set), its colours named by the palette's
// classes.
type doc struct {
	pal  palette
	defs defs
}

// ink is the ink of a shape whose colour is c, and dark in the dark
// theme when the document is of both.
func (d *doc) ink(c, dark geom.Color) ink {
	if d.pal == nil {
		return colour(c)
	}
	return d.pal.ink(c, dark)
}

// write writes the lists; darks are the same lists drawn in the dark
// theme (the same lists in a document of one theme): only their colours
// are read.
func (d *doc) write(w, h int, title, desc string, bg ink, lists, darks []geom.List) []byte {
	var shapes bytes.Buffer
	for i, l := range lists {
		d.writeList(&shapes, l, darks[i])
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="t d">`, w, h, w, h)
	fmt.Fprintf(&b, "\n<title id=\"t\">%s</title>\n<desc id=\"d\">%s</desc>\n", html.EscapeString(title), html.EscapeString(desc))
	d.defs.write(&b)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%"%s/>`+"\n", paint{ink: bg}.attrs())
	b.Write(shapes.Bytes())
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func (d *doc) writeList(b *bytes.Buffer, l, dark geom.List) {
	var shapes batch
	// Each fill goes where its layer had got to when it was made.
	var fills [2][]int
	for i, f := range l.Fills {
		layer := 0
		if f.Polys {
			layer = 1
		}
		fills[layer] = append(fills[layer], i)
	}
	fillsTo := func(layer, at int) {
		for len(fills[layer]) > 0 && l.Fills[fills[layer][0]].At <= at {
			i := fills[layer][0]
			f := l.Fills[i]
			shapes.rect(paint{ink: ink{css: "url(#" + d.pattern(f.Tile, dark.Fills[i].Tile) + ")"}}, f.X, f.Y, f.W, f.H)
			fills[layer] = fills[layer][1:]
		}
	}
	for i, r := range l.Rects {
		fillsTo(0, i)
		shapes.rect(paint{ink: d.ink(r.Color, dark.Rects[i].Color)}, r.X, r.Y, r.W, r.H)
	}
	fillsTo(0, len(l.Rects))
	for i, q := range l.Polys {
		fillsTo(1, i)
		shapes.poly(paint{ink: d.ink(q.Color, dark.Polys[i].Color)}, q.Pts)
	}
	fillsTo(1, len(l.Polys))
	shapes.write(b)
	// Lines stay <line>s, not batched: a browser draws a path of several
	// lines with other edge pixels than each line alone. Their ends go to
	// the pixel, as the shapes' edges.
	for i, ln := range l.Lines {
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s"%s/>`+"\n",
			px(ln.X1), px(ln.Y1), px(ln.X2), px(ln.Y2), num(ln.Width), d.ink(ln.Color, dark.Lines[i].Color).stroked())
	}
	d.writeTexts(b, l, dark)
}
