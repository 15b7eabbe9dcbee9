package stage

import (
	"slices"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/trace"
)

// pipelineScene plays one build pipeline done three ways: blocking, async
// and in parallel, on one axis of minutes.
type pipelineScene struct {
	r      pipeline.Result
	layout *pipeline.Layout
	steps  []trace.Time
}

// NewPipeline shows a pipeline's three lanes.
func NewPipeline(r pipeline.Result) Scene {
	s := &pipelineScene{r: r, layout: pipeline.NewLayout(r)}
	for _, lane := range r.Lanes {
		for _, row := range lane.Rows {
			for _, sp := range row.Spans {
				s.steps = append(s.steps, sp.From, sp.To)
			}
		}
	}
	slices.Sort(s.steps)
	s.steps = slices.Compact(s.steps)
	return s
}

func (s *pipelineScene) Kind() string             { return "pipeline" }
func (s *pipelineScene) Duration() trace.Time     { return s.r.Duration }
func (s *pipelineScene) Steps() []trace.Time      { return s.steps }
func (s *pipelineScene) Scroll(_ View, _ float32) {}

func (s *pipelineScene) TimeAt(v View, x, y float32) (trace.Time, bool) {
	s.layout.SetView(v.W, v.H, v.Scale, v.Theme)
	if !s.layout.InPlot(x, y) {
		return 0, false
	}
	return s.layout.TimeAt(x), true
}

func (s *pipelineScene) Draw(dst *ebiten.Image, v View) {
	s.layout.SetView(v.W, v.H, v.Scale, v.Theme)
	static, overlay := s.layout.Frame(v.T, v.PointerX, v.PointerY)
	paint(dst, v.Scale, static, overlay)
}

// gameScene is a small game whose loop the learner slows down: it runs in
// real time and is steered with the arrow keys or the pointer.
type gameScene struct {
	g       *gameloop.Game
	touches []ebiten.TouchID // reused for the touches held each tick
}

// NewGame starts a game with the lesson's constants.
func NewGame(p gameloop.Params) Scene { return &gameScene{g: gameloop.New(p)} }

func (s *gameScene) Kind() string                                   { return "gameloop" }
func (s *gameScene) Duration() trace.Time                           { return 0 }
func (s *gameScene) Steps() []trace.Time                            { return nil }
func (s *gameScene) TimeAt(_ View, _, _ float32) (trace.Time, bool) { return 0, false }
func (s *gameScene) Scroll(_ View, _ float32)                       {}
func (s *gameScene) Stats() any                                     { return s.g.Stats() }

func (s *gameScene) Tick(v View, dt time.Duration) {
	in := gameloop.Input{
		Left:  ebiten.IsKeyPressed(ebiten.KeyArrowLeft) || ebiten.IsKeyPressed(ebiten.KeyA),
		Right: ebiten.IsKeyPressed(ebiten.KeyArrowRight) || ebiten.IsKeyPressed(ebiten.KeyD),
		Up:    ebiten.IsKeyPressed(ebiten.KeyArrowUp) || ebiten.IsKeyPressed(ebiten.KeyW),
		Down:  ebiten.IsKeyPressed(ebiten.KeyArrowDown) || ebiten.IsKeyPressed(ebiten.KeyS),
	}
	if v.PointerX >= 0 && ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		in.PointerX, in.PointerY, in.Pointer = s.g.WorldAt(v.W, v.H, v.Scale, v.PointerX, v.PointerY)
	} else if ids := ebiten.AppendTouchIDs(s.touches[:0]); len(ids) > 0 {
		// On a phone a finger held on the field steers, as the held
		// mouse button does (the browser sends touches, not a mouse).
		s.touches = ids
		x, y := ebiten.TouchPosition(ids[0])
		in.PointerX, in.PointerY, in.Pointer = s.g.WorldAt(v.W, v.H, v.Scale, float32(x), float32(y))
	}
	s.g.Advance(trace.Time(dt.Microseconds()), in)
}

func (s *gameScene) Draw(dst *ebiten.Image, v View) {
	paint(dst, v.Scale, s.g.Draw(v.W, v.H, v.Scale, v.Theme))
}

// loopScene draws a simulated asyncio program's event loop as the game's
// twin: iterations, the ready queue and a heartbeat that stalls.
type loopScene struct {
	tr    *trace.Trace
	view  *gameloop.LoopView
	steps []trace.Time
}

// NewLoop shows a run's event loop as a loop.
func NewLoop(tr *trace.Trace) Scene {
	return &loopScene{tr: tr, view: gameloop.NewLoopView(tr), steps: eventTimes(tr)}
}

func (s *loopScene) Kind() string                                   { return "loop" }
func (s *loopScene) Duration() trace.Time                           { return s.tr.Duration }
func (s *loopScene) Steps() []trace.Time                            { return s.steps }
func (s *loopScene) TimeAt(_ View, _, _ float32) (trace.Time, bool) { return 0, false }
func (s *loopScene) Scroll(_ View, _ float32)                       {}

// StatsAt are the loop's figures up to the playhead, for the page.
func (s *loopScene) StatsAt(t trace.Time) any { return s.view.Stats(t) }

func (s *loopScene) Draw(dst *ebiten.Image, v View) {
	s.view.SetView(v.W, v.H, v.Scale, v.Theme)
	static, overlay := s.view.Frame(v.T)
	paint(dst, v.Scale, static, overlay)
}
