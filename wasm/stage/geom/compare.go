package geom

import "looplab/wasm/trace"

// Compare stacks two runs of one scenario's variants on one time axis, so
// the same moment sits at the same x in both: the stage's compare mode and
// the static pictures of a compare block both lay it out here.
type Compare struct {
	Tls    [2]*Timeline
	titles [2]string
	span   trace.Time
	split  float32 // device y where the second run's band starts
}

// NewCompare lays out run a above run b; the labels name the variants.
func NewCompare(a, b *trace.Trace, labelA, labelB string, opts Options) *Compare {
	return &Compare{
		Tls:    [2]*Timeline{NewTimeline(a, opts), NewTimeline(b, opts)},
		titles: [2]string{"A · " + labelA, "B · " + labelB},
		span:   max(a.Duration, b.Duration),
	}
}

// Span is the longer run's duration: the shared axis' length.
func (c *Compare) Span() trace.Time { return c.span }

// SetView gives each run a band of the w×h canvas: room in proportion to
// the rows it will draw (all its lanes when both runs' fit at a labelled
// height, else its groups closed) and two rows' worth for its axis and
// margins, within a quarter and three quarters of the height; and one
// gutter for both, so their time axes line up.
func (c *Compare) SetView(w, h int, scale float64, theme Theme, presenter, hideFuture bool) {
	for _, tl := range c.Tls {
		tl.SetModes(presenter, hideFuture)
	}
	// A labelled row is 14 CSS px, a third more in presenter mode.
	row := 14.0
	if presenter {
		row = 14.0 * PresenterFontSize / FontSize
	}
	a, b := c.Tls[0].Lanes(), c.Tls[1].Lanes()
	if float64(a+b+4)*row*scale > float64(h) {
		a, b = c.Tls[0].GroupedRows(), c.Tls[1].GroupedRows()
	}
	na, nb := float32(a+2), float32(b+2)
	c.split = float32(int(float32(h) * min(max(na/(na+nb), 0.25), 0.75)))
	c.Tls[0].SetView(w, int(c.split), scale, theme)
	c.Tls[1].SetView(w, h-int(c.split), scale, theme)
	c.Tls[0].SetBand(0, c.span, c.titles[0])
	c.Tls[1].SetBand(c.split, c.span, c.titles[1])
	g := max(c.Tls[0].Gutter(), c.Tls[1].Gutter())
	c.Tls[0].ShareGutter(g)
	c.Tls[1].ShareGutter(g)
}

// At is the run whose band holds device y.
func (c *Compare) At(y float32) *Timeline {
	if y >= c.split {
		return c.Tls[1]
	}
	return c.Tls[0]
}

// Frame is both runs at t: their static lists with a rule between the
// bands, and their overlays.
func (c *Compare) Frame(t trace.Time, pointerX, pointerY float32, w int, scale float64, theme Theme) (statics, overlays []List) {
	for _, tl := range c.Tls {
		static, overlay := tl.Frame(t, pointerX, pointerY)
		statics, overlays = append(statics, static), append(overlays, overlay)
	}
	_, _, y0, _ := c.Tls[1].Plot()
	top := y0 - float32(24*scale)
	rule := List{Rects: []Rect{{X: 0, Y: top - float32(scale), W: float32(w), H: float32(2 * scale), Color: theme.Grid}}}
	return append(statics, rule), overlays
}
