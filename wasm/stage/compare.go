package stage

import (
	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// compareScene stacks two runs of one scenario's variants on one time
// axis (geom.Compare lays them out), so the same moment sits at the same
// x in both.
type compareScene struct {
	c     *geom.Compare
	tls   [2]*geom.Timeline
	steps []trace.Time
}

// NewCompare shows run a above run b; the labels name the variants.
func NewCompare(a, b *trace.Trace, labelA, labelB string, opts geom.Options) Scene {
	c := geom.NewCompare(a, b, labelA, labelB, opts)
	return &compareScene{c: c, tls: c.Tls, steps: eventTimes(a, b)}
}

func (s *compareScene) Kind() string         { return "compare" }
func (s *compareScene) Duration() trace.Time { return s.c.Span() }
func (s *compareScene) Steps() []trace.Time  { return s.steps }

// layout sets the view and returns the run under device y.
func (s *compareScene) layout(v View, y float32) *geom.Timeline {
	s.c.SetView(v.W, v.H, v.Scale, v.Theme, v.Presenter, v.HideFuture)
	return s.c.At(y)
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
	statics, overlays := s.c.Frame(v.T, v.PointerX, v.PointerY, v.W, v.Scale, v.Theme)
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
