package gameloop

import (
	"reflect"
	"testing"

	"looplab/wasm/trace"
)

const tick = 16667 // one ebiten tick at 60 Hz, µs

// run advances g by d in ticks with a fixed input.
func run(g *Game, d trace.Time, in Input) {
	for end := g.now + d; g.now < end; {
		g.Advance(min(tick, end-g.now), in)
	}
}

func ms(v float64) trace.Time { return trace.Time(v * 1000) }

func TestFrameRate(t *testing.T) {
	for _, tc := range []struct {
		name           string
		p              Params
		minFPS, maxFPS int
		over           bool // frames miss the budget
	}{
		{"no blocking", Params{FPS: 30, Work: ms(8)}, 29, 31, false},
		{"60 FPS", Params{FPS: 60, Work: ms(8)}, 59, 61, false},
		// 1/0.058 s = 17.2 frames a second.
		{"blocking 50 ms", Params{FPS: 30, Work: ms(8), Blocking: ms(50)}, 17, 18, true},
		{"blocking 25 ms fits", Params{FPS: 30, Work: ms(8), Blocking: ms(25)}, 29, 31, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := New(tc.p)
			run(g, 5*trace.Second, Input{})
			s := g.Stats()
			if s.FPS < tc.minFPS || s.FPS > tc.maxFPS {
				t.Errorf("FPS = %d, want %d..%d", s.FPS, tc.minFPS, tc.maxFPS)
			}
			cost := tc.p.Work + tc.p.Blocking
			for _, f := range s.FrameTimes {
				if f.Cost != cost {
					t.Fatalf("frame cost %v, want %v", f.Cost, cost)
				}
			}
			if got := s.OverBudget > 0; got != tc.over {
				t.Errorf("OverBudget = %d, want over=%v", s.OverBudget, tc.over)
			}
			if tc.over && s.OverBudget != s.Frames {
				t.Errorf("OverBudget = %d of %d frames, want all", s.OverBudget, s.Frames)
			}
			want := max(cost, s.Budget)
			if d := s.Median - want; d < -1 || d > 1 {
				t.Errorf("median %v, want %v", s.Median, want)
			}
			if len(s.FrameTimes) != min(keepFrames, s.Frames) {
				t.Errorf("%d frame times of %d, want at most %d", len(s.FrameTimes), s.Frames, keepFrames)
			}
		})
	}
}

func TestStallIsOneLongFrame(t *testing.T) {
	g := New(Params{FPS: 30, Work: ms(8), Stall: ms(500), StallEvery: 2 * trace.Second})
	run(g, 3*trace.Second, Input{})
	var stalls []FrameTime
	for _, f := range g.Stats().FrameTimes {
		if f.Stall {
			stalls = append(stalls, f)
		} else if f.Cost != ms(8) {
			t.Errorf("ordinary frame took %v", f.Cost)
		}
	}
	if len(stalls) != 1 {
		t.Fatalf("%d stalled frames, want 1", len(stalls))
	}
	f := stalls[0]
	if f.Cost != ms(508) || f.Start < 2*trace.Second || f.Start >= 2*trace.Second+g.budget {
		t.Errorf("stall %+v, want 508 ms starting just after 2 s", f)
	}
	if f.Interval < ms(508) {
		t.Errorf("interval before the stall's present %v, want ≥ 508 ms", f.Interval)
	}
	if s := g.Stats(); s.OverBudget != 1 || s.P95 < s.Median {
		t.Errorf("over %d (want 1), median %v, p95 %v", s.OverBudget, s.Median, s.P95)
	}
}

// During a stall the picture freezes: nothing is presented, the phase is
// the stall, and the frame's elapsed time passes the budget.
func TestStallFreezesPicture(t *testing.T) {
	g := New(Params{FPS: 30, Work: ms(8), Stall: ms(300), StallEvery: ms(600)})
	run(g, ms(450), Input{})
	run(g, ms(200), Input{Right: true})
	s := g.Stats()
	if s.Phase != PhaseStall || s.Elapsed <= 0 {
		t.Fatalf("phase %s, elapsed %v, want a stall under way", s.Phase, s.Elapsed)
	}
	x := s.ShipX
	run(g, ms(200), Input{Right: true})
	if s2 := g.Stats(); s2.ShipX != x || s2.Frames != s.Frames {
		t.Errorf("picture moved during the stall: x %v→%v, frames %d→%d", x, s2.ShipX, s.Frames, s2.Frames)
	}
	run(g, ms(150), Input{Right: true})
	// A normal frame moves the ship about 0.02 at most here.
	if s3 := g.Stats(); s3.ShipX-x < 0.06 {
		t.Errorf("after the stall the ship moved %v, want a big jump", s3.ShipX-x)
	}
}

// A stall longer than its period stalls every frame: each multiple of
// STALL_EVERY gets its stall, as the code says.
func TestStallLongerThanPeriod(t *testing.T) {
	g := New(Params{FPS: 30, Work: ms(8), Stall: ms(500), StallEvery: ms(300)})
	run(g, 3*trace.Second, Input{})
	fts := g.Stats().FrameTimes
	if f := fts[len(fts)-1]; !f.Stall || g.Stats().FPS > 2 {
		t.Errorf("last frame %+v, FPS %d: want stalled back to back", f, g.Stats().FPS)
	}
}

func TestPhases(t *testing.T) {
	p := Params{FPS: 30, Work: ms(10), Blocking: ms(10)}
	for _, tc := range []struct {
		at   trace.Time
		want Phase
	}{
		{ms(0.5), PhaseInput}, {ms(3), PhaseUpdate}, {ms(8), PhaseBlocking}, {ms(17), PhaseRender}, {ms(25), PhaseSleep},
	} {
		g := New(p)
		g.Advance(0, Input{})
		g.Advance(tc.at, Input{})
		if s := g.Stats(); s.Phase != tc.want || s.Elapsed != tc.at {
			t.Errorf("at %v: phase %s, elapsed %v; want %s", tc.at, s.Phase, s.Elapsed, tc.want)
		}
	}
}

func TestInputLagGrowsWithBlocking(t *testing.T) {
	var prev trace.Time
	for _, b := range []float64{0, 20, 50, 150} {
		g := New(Params{FPS: 30, Work: ms(8), Blocking: ms(b)})
		run(g, 2*trace.Second, Input{})
		lag := g.Stats().InputLag
		if lag != ms(8+b) {
			t.Errorf("blocking %v ms: input lag %v, want %v", b, lag, ms(8+b))
		}
		if lag <= prev {
			t.Errorf("blocking %v ms: lag %v not above %v", b, lag, prev)
		}
		prev = lag
	}
}

// responseTime is how long after pressing Right the ship shown starts to
// move right.
func responseTime(t *testing.T, p Params) trace.Time {
	g := New(p)
	run(g, ms(500), Input{})
	x0, pressed := g.Stats().ShipX, g.now
	for g.now < pressed+2*trace.Second {
		g.Advance(tick, Input{Right: true})
		if g.Stats().ShipX > x0+1e-9 {
			return g.now - pressed
		}
	}
	t.Fatalf("%+v: the ship never moved", p)
	return 0
}

func TestHoldingRight(t *testing.T) {
	g := New(Defaults)
	run(g, trace.Second, Input{Right: true})
	s := g.Stats()
	if s.ShipX < 0.7 || s.ShipY != 0.5 {
		t.Errorf("after holding Right for 1 s the ship is at (%v, %v)", s.ShipX, s.ShipY)
	}
	fast := responseTime(t, Defaults)
	slow := responseTime(t, Params{FPS: 30, Work: ms(8), Blocking: ms(200)})
	if fast > ms(60) || slow < fast+ms(150) {
		t.Errorf("response %v without blocking, %v with 200 ms: want the second ≥150 ms later", fast, slow)
	}
}

func TestPointerAndTargets(t *testing.T) {
	g := New(Defaults)
	tx, ty := g.shown.tx, g.shown.ty
	run(g, trace.Second, Input{Pointer: true, PointerX: float32(tx), PointerY: float32(ty)})
	if s := g.Stats(); s.Score != 1 {
		t.Errorf("score %d after following the pointer onto the target, want 1", s.Score)
	}
	if g.shown.tx == tx && g.shown.ty == ty {
		t.Error("the target did not move after being collected")
	}
	if hx, hy, ok := g.heading(); !ok || hx != float64(float32(tx)) || hy != float64(float32(ty)) {
		t.Errorf("ghost at (%v, %v, %v), want the pointer", hx, hy, ok)
	}
}

func TestDeterministic(t *testing.T) {
	play := func() Stats {
		g := New(Params{FPS: 30, Work: ms(8), Blocking: ms(12), Stall: ms(300), StallEvery: trace.Second})
		for i := range 400 {
			in := Input{Right: i%50 < 30, Down: i%70 < 20, Left: i%90 > 60}
			if i%130 > 100 {
				in = Input{Pointer: true, PointerX: float32(i%7) / 7, PointerY: 0.3}
			}
			g.Advance(trace.Time(10000+i*37%9000), in)
		}
		return g.Stats()
	}
	a, b := play(), play()
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two runs with the same input differ:\n%+v\n%+v", a, b)
	}
	if a.Frames == 0 {
		t.Error("no frames")
	}
}

// The frames do not depend on how real time is chopped into ticks.
func TestTickSizes(t *testing.T) {
	p := Params{FPS: 30, Work: ms(8), Blocking: ms(5), Stall: ms(200), StallEvery: trace.Second}
	ref := New(p)
	run(ref, 3*trace.Second, Input{})
	for _, dt := range []trace.Time{1, 7, 999, ms(33), ms(250)} {
		g := New(p)
		for g.now < 3*trace.Second {
			g.Advance(min(dt, 3*trace.Second-g.now), Input{})
		}
		if a, b := g.Stats(), ref.Stats(); !reflect.DeepEqual(a.FrameTimes, b.FrameTimes) || a.Frames != b.Frames {
			t.Errorf("dt %v: %d frames, want %d", dt, a.Frames, b.Frames)
		}
		if len(g.inputs) > 3 {
			t.Errorf("dt %v: %d inputs kept", dt, len(g.inputs))
		}
	}
}

func TestAdvanceCapsAndOddSteps(t *testing.T) {
	g := New(Defaults)
	g.Advance(-5, Input{})
	g.Advance(time10s, Input{})
	if g.now != maxAdvance {
		t.Errorf("now %v after a 10 s step, want it capped at %v", g.now, maxAdvance)
	}
	for range 100 {
		g.Advance(time10s, Input{Right: true})
	}
	s := g.Stats()
	if s.FPS < 29 || s.FPS > 31 || s.ShipX > 1-shipR || s.ShipX < shipR {
		t.Errorf("after huge steps: FPS %d, ship x %v", s.FPS, s.ShipX)
	}
	for range 100000 {
		g.Advance(1, Input{Up: true})
	}
	if s := g.Stats(); s.Frames <= 0 || len(g.inputs) > 3 || len(g.second) > 31 {
		t.Errorf("after tiny steps: %d frames, %d inputs, %d in the last second", s.Frames, len(g.inputs), len(g.second))
	}
}

const time10s = 10 * trace.Second

// In its first second the counter shows the rate so far, not a count
// climbing from zero.
func TestFPSInTheFirstSecond(t *testing.T) {
	g := New(Defaults)
	run(g, trace.Second/2, Input{})
	if fps := g.Stats().FPS; fps < 28 || fps > 32 {
		t.Errorf("FPS after half a second = %d, want about 30", fps)
	}
}
