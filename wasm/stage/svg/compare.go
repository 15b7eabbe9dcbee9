package svg

import (
	"fmt"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// Compare is the picture of a compare block's two runs at their end, a
// above b on one time axis, laid out as the stage's compare mode lays
// them out (geom.Compare). Options.Height 0 sizes it as the page sizes
// the stage: a row for each lane of both runs, and the axis and margins
// twice.
func Compare(a, b *trace.Trace, labelA, labelB string, o Options) []byte {
	return CompareScene(a, b, labelA, labelB, o).Document(o.theme())
}

// CompareScene is Compare's picture, to draw in any theme.
func CompareScene(a, b *trace.Trace, labelA, labelB string, o Options) Scene {
	opts, hide := geom.Options{Focus: o.Focus, From: o.From, To: o.To, Fills: true}, o.HideFuture
	c := geom.NewCompare(a, b, labelA, labelB, opts)
	at := o.at(c.Span())
	w, h := o.Width, o.Height
	if w <= 0 {
		w = 800
	}
	if h <= 0 {
		h = 2*chromePx + rowPx*(c.Tls[0].Lanes()+c.Tls[1].Lanes())
		if h > maxPx {
			h = max(maxPx, 2*chromePx+rowPx*(c.Tls[0].GroupedRows()+c.Tls[1].GroupedRows()))
		}
	}
	title := o.Title
	if title == "" {
		title = fmt.Sprintf("Timelines of two runs: A, %s (%s), above B, %s (%s)", labelA, seconds(a.Duration), labelB, seconds(b.Duration))
	}
	return Scene{W: w, H: h, Title: title, Desc: o.Desc, draw: func(th geom.Theme) []geom.List {
		c := geom.NewCompare(a, b, labelA, labelB, opts)
		c.SetView(w, h, 1, th, false, hide)
		statics, overlays := c.Frame(at, -1, -1, w, 1, th)
		return append(statics, overlays...)
	}}
}
