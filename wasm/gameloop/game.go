package gameloop

import "looplab/wasm/trace"

// Game is the game loop running on its own timeline. The stage calls
// Advance every tick with the real elapsed time and the input as it is
// then; frames run back to back inside, each sampling the input as it was
// when the frame started and showing its result only when it ends, which
// is exactly how a blocked frame turns into a frozen picture and lag.
type Game struct {
	p      Params
	budget trace.Time
	now    trace.Time

	// inputs is the input history: inputs[i].in holds from inputs[i].t on.
	// A frame samples the input of its start, which may lie before now.
	inputs []stamped
	live   Input // the input now, for the ghost

	cur       frame      // the latest frame started
	running   bool       // cur has not ended yet
	next      trace.Time // when the next frame starts: cur's end or budget, whichever is later
	nextStall trace.Time // a frame starting at or after this stalls
	computed  world      // the world as the latest started frame left it
	shown     world      // the world as the latest presented frame left it
	trail     []point    // presented positions, oldest first

	started     int // frames started
	frames      int // frames presented
	over        int
	lastPresent trace.Time
	recent      []FrameTime // the last keepFrames presented frames
	second      []FrameTime // frames presented in the last second
}

type stamped struct {
	t  trace.Time
	in Input
}

type frame struct {
	start, end trace.Time
	stall      bool
	in         Input
	w          world
}

type point struct{ x, y float64 }

// maxAdvance caps one Advance: after a hidden tab or a debugger pause the
// game resumes instead of racing through minutes of frames.
const maxAdvance = 250 * trace.Millisecond

// New starts a game; its first frame starts at time 0, on the first Advance.
func New(p Params) *Game {
	p.FPS = min(max(p.FPS, 1), maxFPS)
	w := newWorld()
	g := &Game{p: p, budget: p.Budget(), computed: w, shown: w, nextStall: p.StallEvery}
	g.trail = append(g.trail, point{w.x, w.y})
	return g
}

// Params are the game's constants.
func (g *Game) Params() Params { return g.p }

// Now is the game's real time: the sum of the Advance calls, capped.
func (g *Game) Now() trace.Time { return g.now }

// Advance moves real time on by dt with in the input from now on, running
// and presenting every frame due meanwhile.
func (g *Game) Advance(dt trace.Time, in Input) {
	dt = min(max(dt, 0), maxAdvance)
	g.now += dt
	g.live = in
	if n := len(g.inputs); n > 0 && g.inputs[n-1].t == g.now {
		g.inputs[n-1].in = in
	} else {
		g.inputs = append(g.inputs, stamped{g.now, in})
	}
	for {
		if g.running {
			if g.cur.end > g.now {
				break
			}
			g.present()
		}
		if g.next > g.now {
			break
		}
		g.start(g.next)
	}
	g.forgetInputs()
	g.forgetSecond()
}

// inputAt is the input as it was at t: the latest one recorded by then.
func (g *Game) inputAt(t trace.Time) Input {
	for i := len(g.inputs) - 1; i >= 0; i-- {
		if g.inputs[i].t <= t {
			return g.inputs[i].in
		}
	}
	return Input{PointerX: -1, PointerY: -1}
}

// forgetInputs drops inputs no future frame can sample: the next frame
// starts at g.next (known as soon as the current one starts), and nothing
// between two frame starts is ever sampled.
func (g *Game) forgetInputs() {
	need := g.next
	i := 0
	for i+1 < len(g.inputs) && g.inputs[i+1].t <= need {
		i++
	}
	if i > 0 {
		g.inputs = append(g.inputs[:0], g.inputs[i:]...)
	}
}

// cost is what a frame takes: the work, the blocking work and, now and
// then, the stall.
func (g *Game) cost(stall bool) trace.Time {
	c := g.p.Work + g.p.Blocking
	if stall {
		c += g.p.Stall
	}
	return c
}

// start runs frame k's update at its start s: the world steps by the time
// since the previous frame started, so a late frame makes a big jump.
func (g *Game) start(s trace.Time) {
	stall := g.p.Stall > 0 && g.p.StallEvery > 0 && s >= g.nextStall
	if stall {
		// One stall per multiple; multiples that passed during it collapse.
		g.nextStall = (s/g.p.StallEvery + 1) * g.p.StallEvery
	}
	in := g.inputAt(s)
	var dt trace.Time
	if g.started > 0 {
		dt = s - g.cur.start
	}
	g.started++
	w := g.computed
	w.step(dt.Seconds(), in)
	g.computed = w
	g.cur = frame{start: s, end: s + g.cost(stall), stall: stall, in: in, w: w}
	g.running = true
	g.next = max(g.cur.end, s+g.budget)
}

// present shows the running frame's result and records its times.
func (g *Game) present() {
	f := g.cur
	g.running = false
	g.shown = f.w
	g.trail = append(g.trail, point{f.w.x, f.w.y})
	if len(g.trail) > trailLen {
		g.trail = append(g.trail[:0], g.trail[len(g.trail)-trailLen:]...)
	}
	ft := FrameTime{Start: f.start, Cost: f.end - f.start, Stall: f.stall}
	if g.frames == 0 {
		ft.Interval = max(ft.Cost, g.budget) // as if a frame came before
	} else {
		ft.Interval = f.end - g.lastPresent
	}
	g.frames++
	if ft.Cost > g.budget {
		g.over++
	}
	g.lastPresent = f.end
	g.recent = append(g.recent, ft)
	if len(g.recent) > keepFrames {
		g.recent = append(g.recent[:0], g.recent[len(g.recent)-keepFrames:]...)
	}
	g.second = append(g.second, ft)
}

// forgetSecond keeps only the frames presented in the last second.
func (g *Game) forgetSecond() {
	i := 0
	for i < len(g.second) && g.second[i].End() <= g.now-trace.Second {
		i++
	}
	if i > 0 {
		g.second = append(g.second[:0], g.second[i:]...)
	}
}

// heading is where the live input says the ship should go: the pointer,
// or a little ahead of the ship shown in the keys' direction; ok is false
// when the player asks for nothing.
func (g *Game) heading() (x, y float64, ok bool) {
	if g.live.pointing() {
		return float64(g.live.PointerX), float64(g.live.PointerY), true
	}
	dx, dy := g.live.keys()
	if dx == 0 && dy == 0 {
		return 0, 0, false
	}
	x = min(max(g.shown.x+dx*ghostAhead, shipR), 1-shipR)
	y = min(max(g.shown.y+dy*ghostAhead, shipR), 1-shipR)
	return x, y, true
}
