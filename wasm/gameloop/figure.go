package gameloop

import (
	"fmt"

	"looplab/wasm/trace"
)

// Figure reads one figure of the game as its HUD shows it now: fps, the
// frames presented in the last second. The lesson compiler checks a try
// step with it and the page reads the game on the stage with it.
func (g *Game) Figure(name string) (float64, error) {
	if name != "fps" {
		return 0, fmt.Errorf("unknown measure %q for the game (known: fps)", name)
	}
	return float64(g.fps()), nil
}

// settle is when a try step's figure of the game is read: after the
// first second, so fps counts a whole second, and before the first of
// the stalls that come every 5 s.
const settle = 3 * trace.Second

// FigureOf reads a figure of the game with constants p, settle into a
// game nobody steers: the lesson compiler checks a try step with it, and
// the page reports it for the game on the stage (whose own run depends on
// the learner's hands).
func FigureOf(p Params, name string) (float64, error) {
	g := New(p)
	for g.Now() < settle {
		g.Advance(trace.Second/60, Input{PointerX: -1, PointerY: -1})
	}
	return g.Figure(name)
}
