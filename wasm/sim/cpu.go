package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// cpus shares the cores fairly among the threads doing CPU work (processor
// sharing): with n threads on c < n cores each progresses at c/n. With the
// GIL at most one thread per process computes, so this matters for process
// pools, uvicorn workers and free-threaded builds.
type cpus struct {
	s     *Sim
	cores int
	run   []*Thread
	last  Time
	next  *event
	lane  int
	// cached so that a change allocates nothing: the tick callback and
	// the cores lane's label for each number of busy cores
	tickFn func()
	busy   []string
}

func newCPUs(s *Sim, cores int) *cpus {
	c := &cpus{s: s, cores: cores, lane: -1}
	c.tickFn = c.tick
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
	p := el
	if n := Time(len(c.run)); n > Time(c.cores) {
		p = el * Time(c.cores) / n
	}
	for _, t := range c.run {
		t.cpuLeft -= p
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
	if len(c.run) == 0 {
		return
	}
	least := c.run[0].cpuLeft
	for _, t := range c.run[1:] {
		least = min(least, t.cpuLeft)
	}
	d := least
	if n := Time(len(c.run)); n > Time(c.cores) {
		d = (least*n + Time(c.cores) - 1) / Time(c.cores)
	}
	c.next = c.s.after(d, c.tickFn)
	c.next.daemon = onlyDaemons(c.run)
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
