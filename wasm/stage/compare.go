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
func NewCompare(a, b *trace.Trace, labelA, labelB string) Scene {
	return &compareScene{
		trs:    [2]*trace.Trace{a, b},
		tls:    [2]*geom.Timeline{geom.NewTimeline(a), geom.NewTimeline(b)},
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
	na, nb := float32(len(s.trs[0].Lanes)+2), float32(len(s.trs[1].Lanes)+2)
	split := float32(v.H) * min(max(na/(na+nb), 0.3), 0.7)
	s.tls[0].SetView(v.W, int(split), v.Scale, v.Theme)
	s.tls[1].SetView(v.W, v.H-int(split), v.Scale, v.Theme)
	for i, tl := range s.tls {
		top := float32(0)
		if i == 1 {
			top = float32(int(split))
		}
		tl.SetBand(top, s.span, s.titles[i])
	}
	if y >= split {
		return s.tls[1]
	}
	return s.tls[0]
}

func (s *compareScene) TimeAt(v View, x, y float32) (trace.Time, bool) {
	tl := s.layout(v, y)
	if !tl.InPlot(x, y) {
		return 0, false
	}
	return tl.TimeAt(x), true
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
		out.Rects = append(out.Rects, l.Rects...)
		out.Lines = append(out.Lines, l.Lines...)
		out.Texts = append(out.Texts, l.Texts...)
	}
	return out
}
