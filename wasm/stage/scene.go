// Package stage draws a run with Ebitengine. The stage owns the playhead
// (play, pause, seek, step) and hands drawing to a Scene; the timeline is
// the first scene, and others (the game loop, the pipeline, compare mode)
// plug in behind the same interface. Scenes draw a trace, never the
// simulator's internals, and leave layout to the geom package.
package stage

import (
	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// View is what a scene needs to know to draw a frame.
type View struct {
	W, H     int     // canvas, device pixels
	Scale    float64 // device pixels per CSS pixel
	Theme    geom.Theme
	T        trace.Time // the playhead
	PointerX float32    // device pixels; negative when the pointer is away
	PointerY float32
}

// Scene is one way of drawing a run.
type Scene interface {
	// Load shows a new run.
	Load(tr *trace.Trace)
	// TimeAt maps a pointer position to a time to seek to; ok is false
	// where a click should not scrub.
	TimeAt(v View, x, y float32) (t trace.Time, ok bool)
	// Scroll moves the scene's content by dy device pixels, if it scrolls.
	Scroll(v View, dy float32)
	// Draw paints the frame.
	Draw(dst *ebiten.Image, v View)
}

// timelineScene draws lanes of bars against time.
type timelineScene struct {
	tl *geom.Timeline
}

func (s *timelineScene) Load(tr *trace.Trace) { s.tl = geom.NewTimeline(tr) }

func (s *timelineScene) view(v View) bool {
	if s.tl == nil {
		return false
	}
	s.tl.SetView(v.W, v.H, v.Scale, v.Theme)
	return true
}

func (s *timelineScene) TimeAt(v View, x, y float32) (trace.Time, bool) {
	if !s.view(v) || !s.tl.InPlot(x, y) {
		return 0, false
	}
	return s.tl.TimeAt(x), true
}

func (s *timelineScene) Scroll(v View, dy float32) {
	if s.view(v) {
		s.tl.ScrollBy(dy)
	}
}

func (s *timelineScene) Draw(dst *ebiten.Image, v View) {
	if s.view(v) {
		static, overlay := s.tl.Frame(v.T, v.PointerX, v.PointerY)
		paint(dst, v.Scale, static, overlay)
	}
}
