package sim

import "looplab/wasm/trace"

// outcome is what the waiting fiber continues with once F is done: its
// own Result when it has one, else F's result.
func (w Wait) outcome() (any, error) {
	if w.Result != nil {
		return w.Result, nil
	}
	return w.F.result, w.F.err
}

// wait is a Wait effect: blocked, GIL released, until F is done or the
// timeout passes, whichever comes first.
func (t *Thread) wait(w Wait) {
	s := t.s
	t.goBlocked(w.Label)
	counted := !t.isDaemon()
	if counted {
		s.waits++
	}
	over := false
	var timer *event
	wake := func(v any, err error) {
		if over {
			return
		}
		over = true
		if counted {
			s.waits--
		}
		if timer != nil {
			timer.dead = true
			timer = nil
		}
		t.acquire(func() { t.step(v, err) })
	}
	// A concurrent future runs its callbacks in the thread that completes
	// it; the waiter wakes as its own event, as after a blocking call.
	w.F.onDone(func() { s.soon(func() { wake(w.outcome()) }) })
	if w.Timeout >= 0 {
		timer = s.after(w.Timeout, func() {
			timer = nil
			if w.F.done { // done at this very instant: that counts
				wake(w.outcome())
				return
			}
			if w.OnTimeout != nil {
				w.OnTimeout()
			}
			s.rec.Event(s.now, trace.EvTimeout, max(t.owner, t.lane), w.Label+" times out after "+w.Timeout.Text()+" s")
			wake(nil, w.TimedOut)
		})
		timer.daemon = t.isDaemon()
	}
}
