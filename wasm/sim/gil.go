package sim

import "looplab/wasm/trace"

// gil is one process's Global Interpreter Lock, modelled on CPython's
// take_gil/drop_gil: a waiting thread asks the holder to drop the lock when
// it has waited a whole switch interval with no switch happening, and the
// holder drops it at its next check. Which waiter then gets it is up to the
// OS; the model draws it from the seeded generator (see Config.OldestWins
// and RequesterWins).
type gil struct {
	proc        *Process
	holder      *Thread
	last        *Thread
	waiters     []*Thread
	switches    uint64
	requester   *Thread // the waiter that asked for the current drop
	dropPending bool
	lane        int
}

func (g *gil) openLane() {
	s := g.proc.s
	g.lane = s.rec.Lane("GIL · "+g.proc.name, trace.KindGIL)
	if g.holder != nil {
		s.rec.Set(g.lane, s.now, trace.Held, g.holder.name)
	}
}

// acquire gets the GIL for t and then calls then (at once when it is free).
func (t *Thread) acquire(then func()) {
	s := t.s
	g := t.proc.gil
	if s.cfg.FreeThreaded || g.holder == nil {
		g.take(t)
		then()
		return
	}
	t.gilThen = then
	g.waiters = append(g.waiters, t)
	t.showGILWait()
	t.startTimedWait()
}

// startTimedWait begins one of take_gil's timed waits: it ends a switch
// interval from now, and asks for the GIL then if no switch happened.
func (t *Thread) startTimedWait() {
	s := t.s
	t.gilSaved = t.proc.gil.switches
	t.gilStart = s.now
	t.gilTimer = s.after(s.cfg.SwitchInterval, t.gilTimeout)
}

// showGILWait draws t, and what it runs for, as waiting for the GIL.
func (t *Thread) showGILWait() {
	t.show(trace.GILWait, "waiting for the GIL")
	t.showOwner(trace.GILWait, t.gilWaitLabel)
}

func (g *gil) take(t *Thread) {
	if g.proc.s.cfg.FreeThreaded {
		return
	}
	g.holder = t
	g.dropPending = false
	g.requester = nil
	if g.last != t {
		g.last = t
		g.switches++
	}
	if g.lane >= 0 {
		s := g.proc.s
		s.rec.Set(g.lane, s.now, trace.Held, t.name)
	}
}

// timeout is a waiter's timed wait ending: with no switch during it, the
// waiter asks the holder to drop the GIL. Either way it starts a new timed
// wait at once, as take_gil loops; a requester is back in its wait before
// the holder can drop, so the switch it asked for ends that wait's claim.
func (g *gil) timeout(t *Thread) {
	t.gilTimer = nil
	if t.gilThen == nil {
		return
	}
	ask := g.switches == t.gilSaved && g.holder != nil
	t.startTimedWait()
	if !ask {
		return
	}
	g.requester = t
	g.dropPending = true
	if h := g.holder; h.computing {
		h.preempt()
	}
}

// release drops the GIL; forced says the holder was asked to.
func (t *Thread) release(forced bool) {
	s := t.s
	g := t.proc.gil
	if s.cfg.FreeThreaded || g.holder != t {
		return
	}
	g.holder = nil
	if len(g.waiters) == 0 {
		g.dropPending = false
		g.requester = nil
		if g.lane >= 0 {
			s.rec.Set(g.lane, s.now, "", "")
		}
		return
	}
	i := g.pick(forced)
	w := g.waiters[i]
	g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
	if w.gilTimer != nil {
		w.gilTimer.dead = true
		w.gilTimer = nil
	}
	then := w.gilThen
	w.gilThen = nil
	g.take(w)
	s.rec.Event(s.now, trace.EvGIL, w.lane, t.gilFrom)
	s.at(s.now+max(s.cfg.HandOff, 0), then)
}

// pick chooses the waiter that gets the GIL. The OS often wakes the thread
// that has waited longest in its current timed wait (Config.OldestWins);
// otherwise, after a forced drop, the thread that asked for it wins with
// probability RequesterWins, and else any other waiter, as the OS wakes
// them.
func (g *gil) pick(forced bool) int {
	s := g.proc.s
	if s.rand.chance(s.cfg.OldestWins) {
		oldest := 0
		for i, w := range g.waiters {
			if w.gilStart < g.waiters[oldest].gilStart {
				oldest = i
			}
		}
		return oldest
	}
	req := -1
	if forced && g.requester != nil {
		for i, w := range g.waiters {
			if w == g.requester {
				req = i
				break
			}
		}
	}
	if req >= 0 && (len(g.waiters) == 1 || s.rand.chance(s.cfg.RequesterWins)) {
		return req
	}
	// Any other waiter, a CPU-bound one more likely than one that gave the
	// GIL up on its own (Config.IOWeight).
	weight := func(w *Thread) float64 {
		if w.preempted {
			return 1
		}
		return s.cfg.IOWeight
	}
	total := 0.0
	for i, w := range g.waiters {
		if i != req {
			total += weight(w)
		}
	}
	x := s.rand.float() * total
	last := -1
	for i, w := range g.waiters {
		if i == req {
			continue
		}
		last = i
		if x -= weight(w); x < 0 {
			return i
		}
	}
	return last
}
