package stage

import (
	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// compareScene stacks two runs of one scenario's variants on one time
// axis, so the same moment sits at the same x in both.
type compareScene struct {
	trs    [2]*trace.Trace
	tls    [2]*geom.Timeline
	titles [2]string
	steps  []trace.Time
	span   trace.Time
}

// NewCompare shows run a above run b; the labels name the variants.
func NewCompare(a, b *trace.Trace, labelA, labelB string, opts geom.Options) Scene {
	return &compareScene{
		trs:    [2]*trace.Trace{a, b},
		tls:    [2]*geom.Timeline{geom.NewTimeline(a, opts), geom.NewTimeline(b, opts)},
		titles: [2]string{"A · " + labelA, "B · " + labelB},
		steps:  eventTimes(a, b),
		span:   max(a.Duration, b.Duration),
	}
}

func (s *compareScene) Kind() string         { return "compare" }
func (s *compareScene) Duration() trace.Time { return s.span }
func (s *compareScene) Steps() []trace.Time  { return s.steps }

// layout gives each run half the height (in proportion to its lanes when
// they differ a lot) and returns the one under device y.
func (s *compareScene) layout(v View, y float32) *geom.Timeline {
	// Each run gets room in proportion to the rows it will draw: all its
	// lanes when both runs' fit at a labelled height, else its groups
	// closed; and two rows' worth for its axis and margins.
	for _, tl := range s.tls {
		tl.SetModes(v.Presenter, v.HideFuture)
	}
	// A labelled row is 14 CSS px, a third more in presenter mode.
	row := 14.0
	if v.Presenter {
		row = 14.0 * geom.PresenterFontSize / geom.FontSize
	}
	a, b := s.tls[0].Lanes(), s.tls[1].Lanes()
	if float64(a+b+4)*row*v.Scale > float64(v.H) {
		a, b = s.tls[0].GroupedRows(), s.tls[1].GroupedRows()
	}
	na, nb := float32(a+2), float32(b+2)
	split := float32(v.H) * min(max(na/(na+nb), 0.25), 0.75)
	s.tls[0].SetView(v.W, int(split), v.Scale, v.Theme)
	s.tls[1].SetView(v.W, v.H-int(split), v.Scale, v.Theme)
	for i, tl := range s.tls {
		top := float32(0)
		if i == 1 {
			top = float32(int(split))
		}
		tl.SetBand(top, s.span, s.titles[i])
	}
	// One gutter for both, so the same moment is at the same x.
	g := max(s.tls[0].Gutter(), s.tls[1].Gutter())
	s.tls[0].ShareGutter(g)
	s.tls[1].ShareGutter(g)
	if y >= split {
		return s.tls[1]
	}
	return s.tls[0]
}

func (s *compareScene) bands(v View) []band {
	s.layout(v, 0)
	return []band{{s.tls[0], "A"}, {s.tls[1], "B"}}
}

func (s *compareScene) TimeAt(v View, x, y float32) (trace.Time, bool) {
	return timeAt(s.bands(v), x, y)
}

func (s *compareScene) Scroll(v View, dy float32) {
	s.layout(v, max(v.PointerY, 0)).ScrollBy(dy)
}

func (s *compareScene) Draw(dst *ebiten.Image, v View) {
	s.layout(v, 0)
	var statics, overlays []geom.List
	for _, tl := range s.tls {
		static, overlay := tl.Frame(v.T, v.PointerX, v.PointerY)
		statics, overlays = append(statics, static), append(overlays, overlay)
	}
	// A rule between the two runs.
	_, _, y0, _ := s.tls[1].Plot()
	top := y0 - float32(24*v.Scale)
	statics = append(statics, geom.List{Rects: []geom.Rect{{X: 0, Y: top - float32(v.Scale), W: float32(v.W), H: float32(2 * v.Scale), Color: v.Theme.Grid}}})
	key := layerKey{s, s.tls[0].StaticVersion<<16 + s.tls[1].StaticVersion}
	staticLayer.draw(dst, v, key, func() geom.List { return merge(statics) })
	paint(dst, v.Scale, overlays...)
}

// merge is one list with the others' shapes, in layer order.
func merge(lists []geom.List) geom.List {
	var out geom.List
	for _, l := range lists {
		out.Append(l)
	}
	return out
}
