package gameloop

import (
	"math"

	"looplab/wasm/report"
	"looplab/wasm/trace"
)

// keepFrames is how many frames the graph and the quantiles cover: three
// seconds at 30 FPS.
const keepFrames = 90

// FrameTime is one presented frame.
type FrameTime struct {
	Start    trace.Time `json:"start"`
	Cost     trace.Time `json:"cost"`     // start to present: the work it did
	Interval trace.Time `json:"interval"` // since the previous present: what the player sees
	Stall    bool       `json:"stall,omitempty"`
}

// End is when the frame was presented.
func (f FrameTime) End() trace.Time { return f.Start + f.Cost }

// Phase is what the loop is doing within a frame.
type Phase string

// The phases, in the order a frame runs them.
const (
	PhaseInput    Phase = "input"
	PhaseUpdate   Phase = "update"
	PhaseBlocking Phase = "blocking"
	PhaseStall    Phase = "stall"
	PhaseRender   Phase = "render"
	PhaseSleep    Phase = "sleep"
)

// Stats are what the HUD shows, for the page and the browser tests.
// Times are microseconds; JSON shows seconds, like the trace.
type Stats struct {
	Now        trace.Time  `json:"now"`
	Frames     int         `json:"frames"` // presented so far
	FPS        int         `json:"fps"`    // presented in the last second
	Budget     trace.Time  `json:"budget"`
	Median     trace.Time  `json:"median"` // of the intervals between presents, last 90 frames
	P95        trace.Time  `json:"p95"`
	OverBudget int         `json:"overBudget"` // frames whose work took longer than the budget
	InputLag   trace.Time  `json:"inputLag"`   // input sample to present, worst of the last second
	FrameTimes []FrameTime `json:"frameTimes"` // the last 90 frames, oldest first
	Elapsed    trace.Time  `json:"elapsed"`    // into the current frame
	Phase      Phase       `json:"phase"`      // running now
	Score      int         `json:"score"`
	ShipX      float64     `json:"shipX"` // as shown
	ShipY      float64     `json:"shipY"`
}

// Stats reports the game's statistics now.
func (g *Game) Stats() Stats {
	s := Stats{
		Now: g.now, Frames: g.frames, FPS: g.fps(), Budget: g.budget, OverBudget: g.over,
		FrameTimes: append([]FrameTime(nil), g.recent...),
		Score:      g.shown.score, ShipX: g.shown.x, ShipY: g.shown.y,
	}
	iv := make([]float64, len(g.recent))
	for i, f := range g.recent {
		iv[i] = float64(f.Interval)
	}
	s.Median = trace.Time(report.Quantile(iv, 0.5))
	s.P95 = trace.Time(report.Quantile(iv, 0.95))
	for _, f := range g.second {
		s.InputLag = max(s.InputLag, f.Cost)
	}
	s.Elapsed, s.Phase = g.progress()
	return s
}

// progress is how far into the latest frame now is and what it is doing.
// Between an early present and the next frame the loop sleeps.
func (g *Game) progress() (trace.Time, Phase) {
	if g.started == 0 {
		return 0, PhaseInput
	}
	e := g.now - g.cur.start
	for _, seg := range g.segments(g.cur.stall) {
		if e < seg.to {
			return e, seg.phase
		}
	}
	return e, PhaseSleep
}

// segment is one phase of a frame, from its start.
type segment struct {
	phase    Phase
	from, to trace.Time
}

// segments splits a frame into its phases: WORK is 10 % reading input,
// 40 % updating and 50 % rendering, around the blocking work and the
// stall; the sleep fills the rest of the budget. Empty phases are left out.
func (g *Game) segments(stall bool) []segment {
	w := g.p.Work
	in, up := w/10, w*4/10
	stallT := trace.Time(0)
	if stall {
		stallT = g.p.Stall
	}
	parts := []struct {
		p Phase
		d trace.Time
	}{
		{PhaseInput, in}, {PhaseUpdate, up}, {PhaseBlocking, g.p.Blocking}, {PhaseStall, stallT},
		{PhaseRender, w - in - up}, {PhaseSleep, max(g.budget-g.cost(stall), 0)},
	}
	var out []segment
	var t trace.Time
	for _, p := range parts {
		if p.d > 0 {
			out = append(out, segment{p.p, t, t + p.d})
			t += p.d
		}
	}
	return out
}

// fps is the frames presented in the last second; in the game's first
// second, the rate so far, so the counter does not climb from zero.
func (g *Game) fps() int {
	if g.now >= trace.Second || g.now <= 0 {
		return len(g.second)
	}
	return int(math.Round(float64(len(g.second)) * float64(trace.Second) / float64(g.now)))
}
