// Package stage draws a run with Ebitengine. The stage owns the playhead
// (play, pause, seek, step) and hands drawing to a Scene: the timeline of
// one run, two runs compared, the build pipeline, the game loop and its
// asyncio twin. Scenes draw plain data (a trace, a model's state), never
// the simulator's internals, and leave layout to pure packages (geom and
// the scene models), so everything worth testing tests natively.
package stage

import (
	"slices"
	"time"

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
	// Presenter writes a timeline's texts at geom.PresenterFontSize;
	// HideFuture draws nothing after the playhead.
	Presenter, HideFuture bool
}

// Scene is one way of drawing what the page simulated.
type Scene interface {
	// Kind names the scene for the page: "timeline", "compare", ...
	Kind() string
	// Duration is the playhead's range; 0 for a scene that runs live.
	Duration() trace.Time
	// Steps are the times the step buttons stop at, sorted and distinct.
	Steps() []trace.Time
	// TimeAt maps a pointer position to a time to seek to; ok is false
	// where a click should not scrub.
	TimeAt(v View, x, y float32) (t trace.Time, ok bool)
	// Scroll moves the scene's content by dy device pixels, if it scrolls.
	Scroll(v View, dy float32)
	// Draw paints the frame.
	Draw(dst *ebiten.Image, v View)
}

// liveScene runs in real time rather than along a playhead (the game),
// and takes the arrow keys and the pointer for itself.
type liveScene interface {
	Scene
	// Tick advances the scene by dt of real time while playing.
	Tick(v View, dt time.Duration)
	// Stats are figures the page and tests read (frame times, FPS).
	Stats() any
}

// eventTimes lists a trace's distinct event times, for Steps. A run
// records its events in time order, so one of 10,000 requests, with
// 70,000 events at 20,000 times, is listed in one exactly sized slice.
func eventTimes(trs ...*trace.Trace) []trace.Time {
	newTime := func(evs []trace.Event, i int) bool { return i == 0 || evs[i].T != evs[i-1].T }
	n := 0
	for _, tr := range trs {
		for i := range tr.Events {
			if newTime(tr.Events, i) {
				n++
			}
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]trace.Time, 0, n)
	for _, tr := range trs {
		for i, e := range tr.Events {
			if newTime(tr.Events, i) {
				out = append(out, e.T)
			}
		}
	}
	if !slices.IsSorted(out) { // two runs, or events out of order
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// timelineScene draws lanes of bars against time.
type timelineScene struct {
	tr    *trace.Trace
	tl    *geom.Timeline
	steps []trace.Time
}

// NewTimeline is the timeline of one run, drawn as the scenario asks.
func NewTimeline(tr *trace.Trace, opts geom.Options) Scene {
	return &timelineScene{tr: tr, tl: geom.NewTimeline(tr, opts), steps: eventTimes(tr)}
}

func (s *timelineScene) Kind() string         { return "timeline" }
func (s *timelineScene) Duration() trace.Time { return s.tr.Duration }
func (s *timelineScene) Steps() []trace.Time  { return s.steps }

// bands are the scene's timelines, sized for v, each with its compare
// version ("" alone).
func (s *timelineScene) bands(v View) []band {
	s.tl.SetModes(v.Presenter, v.HideFuture)
	s.tl.SetView(v.W, v.H, v.Scale, v.Theme)
	return []band{{s.tl, ""}}
}

func (s *timelineScene) TimeAt(v View, x, y float32) (trace.Time, bool) {
	return timeAt(s.bands(v), x, y)
}
func (s *timelineScene) Scroll(v View, dy float32) {
	s.bands(v)
	s.tl.ScrollBy(dy)
}

func (s *timelineScene) Draw(dst *ebiten.Image, v View) {
	s.bands(v)
	static, overlay := s.tl.Frame(v.T, v.PointerX, v.PointerY)
	staticLayer.draw(dst, v, layerKey{s.tl, s.tl.StaticVersion}, func() geom.List { return static })
	paint(dst, v.Scale, overlay)
}
