package gameloop

import (
	"testing"

	"looplab/wasm/trace"
)

// TestFigure plays a game nobody steers for three seconds (FigureOf): 30 frames a
// second within budget, about 17 when each frame blocks for 50 ms more.
func TestFigure(t *testing.T) {
	for _, tc := range []struct {
		blocking trace.Time
		lo, hi   float64
	}{
		{0, 30, 30},
		{50 * trace.Millisecond, 16, 18},
	} {
		p := Defaults
		p.Blocking = tc.blocking
		if got, err := FigureOf(p, "fps"); err != nil || got < tc.lo || got > tc.hi {
			t.Errorf("blocking %v: fps = %v, %v; want %v to %v", tc.blocking, got, err, tc.lo, tc.hi)
		}
	}
	if _, err := New(Defaults).Figure("total"); err == nil {
		t.Error("Figure(total) of a game: no error")
	}
}
