package geom

import "looplab/wasm/trace"

// Report is what a timeline drew, in CSS pixels of its canvas and seconds,
// for tests and embedders (the page's window.looplab.layout()): the window
// in view, the plot's left edge and width (px per second is Plot.Width /
// (View.To - View.From)), every row with the label actually drawn, and
// every marker of the run, including those outside the window, with
// whether it is on screen. With the future hidden, HiddenAfter is the
// playhead, and no row is drawn and no marker reported past it.
type Report struct {
	View Span   `json:"view"`
	Plot Extent `json:"plot"`
	// FontSize is the CSS px of every text the timeline writes.
	FontSize float64 `json:"fontSize"`
	// HiddenAfter is set, in seconds, while nothing after it is drawn.
	HiddenAfter *float64       `json:"hiddenAfter,omitempty"`
	Lanes       []ReportLane   `json:"lanes"`
	Markers     []ReportMarker `json:"markers"`
}

// Span is a stretch of time in seconds.
type Span struct {
	From float64 `json:"from"`
	To   float64 `json:"to"`
}

// Extent is a horizontal stretch in CSS pixels.
type Extent struct {
	X     float64 `json:"x"`
	Width float64 `json:"width"`
}

// ReportLane is one row: a lane, or a closed group of Group lanes.
type ReportLane struct {
	Name    string  `json:"name"`
	Label   string  `json:"label"` // "" when none is drawn
	Kind    string  `json:"kind"`
	Version string  `json:"version,omitempty"` // "A" or "B" in compare mode
	Y       float64 `json:"y"`
	H       float64 `json:"h"`
	Group   int     `json:"group"`
	// DrawnTo is the latest moment a bar of the row reaches on screen, in
	// seconds (0 when none is drawn, or the row is scrolled away).
	DrawnTo float64 `json:"drawnTo"`
}

// ReportMarker is one marker; Lane is its lane's name.
type ReportMarker struct {
	Lane    string  `json:"lane"`
	T       float64 `json:"t"`
	Kind    string  `json:"kind"`
	Text    string  `json:"text"`
	Shown   bool    `json:"shown"`
	Version string  `json:"version,omitempty"`
}

// Report describes the timeline as drawn with the playhead at t; version
// names it in compare mode ("" otherwise).
func (tl *Timeline) Report(version string, t trace.Time) Report {
	tl.Frame(t, -1, -1) // lays the bars out again only if they changed
	css := func(v float32) float64 { return float64(v / tl.scale) }
	x0, x1, y0, _ := tl.plot()
	rep := Report{
		View:     Span{tl.from.Seconds(), tl.to.Seconds()},
		Plot:     Extent{css(x0), css(x1 - x0)},
		FontSize: float64(tl.font),
	}
	if tl.cut != noCut {
		at := tl.cut.Seconds()
		rep.HiddenAfter = &at
	}
	for _, r := range tl.rows {
		rep.Lanes = append(rep.Lanes, ReportLane{
			Name: r.name, Label: r.label, Kind: r.kind, Version: version,
			Y: css(y0 + r.y - tl.scroll), H: css(r.h), Group: len(r.lanes), DrawnTo: r.drawnTo.Seconds(),
		})
	}
	for i := range tl.marks.len() {
		m := tl.marks.marker(i)
		if m.T > tl.cut {
			continue // not yet: the future is hidden
		}
		rep.Markers = append(rep.Markers, ReportMarker{
			Lane: tl.tr.Lanes[m.Lane].Name, T: m.T.Seconds(), Kind: m.Kind, Text: m.Text, Shown: tl.shown[i], Version: version,
		})
	}
	return rep
}
