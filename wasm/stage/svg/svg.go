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

// at is the moment the picture shows: the run's end, or its start with
// the future hidden.
func (o Options) at(end trace.Time) trace.Time {
	if o.HideFuture {
		return o.From
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
	tl := geom.NewTimeline(tr, geom.Options{Focus: o.Focus, From: o.From, To: o.To})
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
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="t d">`, w, h, w, h)
	fmt.Fprintf(&b, "\n<title id=\"t\">%s</title>\n<desc id=\"d\">%s</desc>\n", html.EscapeString(title), html.EscapeString(desc))
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", th.Background.CSS())
	for _, l := range lists {
		writeList(&b, l)
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func writeList(b *bytes.Buffer, l geom.List) {
	// A run of rects (or polygons) of one colour is one path: a pattern's
	// hundreds of dots cost a few bytes each, and the order of painting,
	// which overlapping shapes depend on, stays the stage's.
	var p path
	for _, r := range l.Rects {
		p.to(b, r.Color)
		p.d = append(p.d, 'M')
		p.d = append(p.d, num(r.X)+" "+num(r.Y)+"h"+num(r.W)+"v"+num(r.H)+"h"+num(-r.W)+"z"...)
	}
	for _, q := range l.Polys {
		p.to(b, q.Color)
		for i := 0; i+1 < len(q.Pts); i += 2 {
			if i == 0 {
				p.d = append(p.d, 'M')
			} else {
				p.d = append(p.d, 'L')
			}
			p.d = append(p.d, num(q.Pts[i])+" "+num(q.Pts[i+1])...)
		}
		p.d = append(p.d, 'z')
	}
	p.flush(b)
	for _, ln := range l.Lines {
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s"%s/>`+"\n",
			num(ln.X1), num(ln.Y1), num(ln.X2), num(ln.Y2), num(ln.Width), stroke(ln.Color))
	}
	size := l.Font
	if size <= 0 {
		size = geom.FontSize
	}
	for _, t := range l.Texts {
		if t.Bg.A > 0 {
			w := float32(len([]rune(t.S))) * size * 0.6
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s"%s/>`+"\n", num(t.X-t.Pad), num(t.Y-t.Pad/2), num(w+2*t.Pad), num(size+t.Pad), fill(t.Bg))
		}
	}
	if len(l.Texts) == 0 {
		return
	}
	// Go Mono, the stage's font, where the reader has it; a monospace
	// font of the same advance (0.6 em) otherwise. The baseline is the
	// line box's top plus the font's ascent.
	fmt.Fprintf(b, `<g font-family="'Go Mono', 'DejaVu Sans Mono', ui-monospace, monospace" font-size="%s" xml:space="preserve">`+"\n", num(size))
	for _, t := range l.Texts {
		fmt.Fprintf(b, `<text x="%s" y="%s"%s>%s</text>`+"\n", num(t.X), num(t.Y+size*ascent), fill(t.Color), html.EscapeString(t.S))
	}
	b.WriteString("</g>\n")
}

// path gathers consecutive shapes of one colour into one <path>.
type path struct {
	color geom.Color
	d     []byte
}

// to starts a path of colour c, writing the one before when it differs.
func (p *path) to(b *bytes.Buffer, c geom.Color) {
	if len(p.d) > 0 && c != p.color {
		p.flush(b)
	}
	p.color = c
}

func (p *path) flush(b *bytes.Buffer) {
	if len(p.d) == 0 {
		return
	}
	fmt.Fprintf(b, `<path d="%s"%s/>`+"\n", p.d, fill(p.color))
	p.d = p.d[:0]
}

// ascent is Go Mono's ascent over its em.
const ascent = 0.93

func fill(c geom.Color) string   { return paintAttr("fill", c) }
func stroke(c geom.Color) string { return paintAttr("stroke", c) }

func paintAttr(name string, c geom.Color) string {
	s := ` ` + name + `="` + c.CSS() + `"`
	if c.A < 255 {
		s += ` ` + name + `-opacity="` + strconv.FormatFloat(float64(c.A)/255, 'f', 3, 64) + `"`
	}
	return s
}

// num writes a coordinate to a hundredth of a pixel, without a trailing
// zero, so the document is small and the same run writes the same bytes.
func num(v float32) string {
	return strconv.FormatFloat(float64(int64(v*100+sign(v)*0.5))/100, 'f', -1, 64)
}

func sign(v float32) float32 {
	if v < 0 {
		return -1
	}
	return 1
}
