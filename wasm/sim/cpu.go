package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// cpus runs the threads doing CPU work on the cores as the OS does: each
// runner sits on one core, and runners that share a core split it evenly.
// With more runners than cores some share while others have a core to
// themselves, and every Config.Rebalance the OS moves them around (a seeded
// shuffle), so the shares even out over time but not exactly: of three
// equal jobs on two cores one finishes well before the others, as on real
// Linux. A core freed by a finished runner takes a waiting one at once.
// With the GIL at most one thread per process computes, so this matters for
// process pools, uvicorn workers and free-threaded builds.
type cpus struct {
	s     *Sim
	cores int
	// run holds the runners; run[i] sits on core i % cores, so a shuffle
	// of run moves them between cores.
	run  []*Thread
	last Time
	next *event
	// moves is the next rebalance, pending while runners outnumber cores;
	// rand is its own generator so that moving runners never changes the
	// other draws of a run (which thread gets the GIL).
	moves *event
	rand  rng
	lane  int
	// cached so that a change allocates nothing: the callbacks and the
	// cores lane's label for each number of busy cores
	tickFn, moveFn func()
	busy           []string
}

func newCPUs(s *Sim, cores int) *cpus {
	c := &cpus{s: s, cores: cores, lane: -1, rand: rng{state: ^s.cfg.Seed}}
	c.tickFn, c.moveFn = c.tick, c.rebalance
	return c
}

// busyLabel is "2 of 4 cores busy".
func (c *cpus) busyLabel(n int) string {
	if c.busy == nil {
		c.busy = make([]string, c.cores+1)
	}
	if c.busy[n] == "" {
		c.busy[n] = fmt.Sprintf("%d of %d cores busy", n, c.cores)
	}
	return c.busy[n]
}

func (c *cpus) add(t *Thread) {
	c.advance()
	c.run = append(c.run, t)
	c.changed()
}

func (c *cpus) remove(t *Thread) {
	c.advance()
	for i, r := range c.run {
		if r == t {
			c.run = append(c.run[:i], c.run[i+1:]...)
			break
		}
	}
	c.changed()
}

// advance charges the time since the last change to every runner.
func (c *cpus) advance() {
	el := c.s.now - c.last
	c.last = c.s.now
	if el <= 0 || len(c.run) == 0 {
		return
	}
	for i, t := range c.run {
		t.cpuLeft -= el / c.sharing(i)
		if t.cpuLeft < 0 {
			t.cpuLeft = 0
		}
	}
}

// changed reschedules the next completion and redraws the cores lane.
func (c *cpus) changed() {
	if c.next != nil {
		c.next.dead = true
		c.next = nil
	}
	if c.lane < 0 && len(c.run) > 0 {
		c.lane = c.s.rec.Lane("cores", trace.KindCores)
	}
	if c.lane >= 0 {
		if len(c.run) == 0 {
			c.s.rec.Set(c.lane, c.s.now, "", "")
		} else {
			c.s.rec.Set(c.lane, c.s.now, trace.Busy, c.busyLabel(min(len(c.run), c.cores)))
		}
	}
	switch {
	case len(c.run) > c.cores && c.moves == nil:
		c.moves = c.s.after(c.s.cfg.Rebalance, c.moveFn)
		c.moves.daemon = true // the runners' own completions keep the run going
	case len(c.run) <= c.cores && c.moves != nil:
		c.moves.dead = true // every runner has a core: nothing to move
		c.moves = nil
	}
	if len(c.run) == 0 {
		return
	}
	d := c.run[0].cpuLeft * c.sharing(0)
	for i, t := range c.run[1:] {
		d = min(d, t.cpuLeft*c.sharing(i+1))
	}
	c.next = c.s.after(d, c.tickFn)
	c.next.daemon = onlyDaemons(c.run)
}

// sharing is how many runners share run[i]'s core: the runners are dealt
// out over the cores in turn, so the first len(run) % cores cores hold one
// more than the rest (and with fewer runners than cores, each has its own).
func (c *cpus) sharing(i int) Time {
	n := len(c.run) / c.cores
	if i%c.cores < len(c.run)%c.cores {
		n++
	}
	return Time(n)
}

// rebalance moves the runners between cores, while they outnumber them.
func (c *cpus) rebalance() {
	c.moves = nil
	c.advance()
	for i := len(c.run) - 1; i > 0; i-- {
		j := c.rand.intn(i + 1)
		c.run[i], c.run[j] = c.run[j], c.run[i]
	}
	c.changed()
}

// tick finishes every runner whose work is done.
func (c *cpus) tick() {
	c.next = nil
	c.advance()
	var done []*Thread
	kept := c.run[:0]
	for _, t := range c.run {
		if t.cpuLeft <= 0 {
			done = append(done, t)
		} else {
			kept = append(kept, t)
		}
	}
	for i := len(kept); i < len(c.run); i++ {
		c.run[i] = nil
	}
	c.run = kept
	c.changed()
	for _, t := range done {
		t.cpuFinished()
	}
}
