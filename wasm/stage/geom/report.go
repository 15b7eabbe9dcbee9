package geom

// Report is what a timeline drew, in CSS pixels of its canvas and seconds,
// for tests and embedders (the page's window.looplab.layout()): the window
// in view, the plot's left edge and width (px per second is Plot.Width /
// (View.To - View.From)), every row with the label actually drawn, and
// every marker of the run, including those outside the window, with
// whether it is on screen.
type Report struct {
	View Span   `json:"view"`
	Plot Extent `json:"plot"`
	// FontSize is the CSS px of every text the timeline writes.
	FontSize float64        `json:"fontSize"`
	Lanes    []ReportLane   `json:"lanes"`
	Markers  []ReportMarker `json:"markers"`
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

// Report describes the timeline as last laid out; version names it in
// compare mode ("" otherwise).
func (tl *Timeline) Report(version string) Report {
	if tl.static == nil {
		tl.Frame(tl.from, -1, -1)
	}
	css := func(v float32) float64 { return float64(v / tl.scale) }
	x0, x1, y0, _ := tl.plot()
	rep := Report{
		View:     Span{tl.from.Seconds(), tl.to.Seconds()},
		Plot:     Extent{css(x0), css(x1 - x0)},
		FontSize: float64(tl.font),
	}
	for _, r := range tl.rows {
		rep.Lanes = append(rep.Lanes, ReportLane{
			Name: r.name, Label: r.label, Kind: r.kind, Version: version,
			Y: css(y0 + r.y - tl.scroll), H: css(r.h), Group: len(r.lanes),
		})
	}
	for i := range tl.marks.len() {
		m := tl.marks.marker(i)
		rep.Markers = append(rep.Markers, ReportMarker{
			Lane: tl.tr.Lanes[m.Lane].Name, T: m.T.Seconds(), Kind: m.Kind, Text: m.Text, Shown: tl.shown[i], Version: version,
		})
	}
	return rep
}
