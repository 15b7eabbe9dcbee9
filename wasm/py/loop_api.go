package py

import (
	"looplab/wasm/sim"
)

// The event loop used by hand, as code from before asyncio.run (and
// many tutorials) does: new_event_loop, set_event_loop, get_event_loop,
// run_until_complete, run_forever and stop, call_later and call_at. A
// loop made by new_event_loop only exists in the simulator once it runs;
// what is asked of it before (create_task, call_soon, call_later) is
// done as it starts, in order, as asyncio schedules it.

// loopValue is the one Python object for a running loop, so that
// get_running_loop() is the loop that run_until_complete runs.
func (r *Run) loopValue(l *sim.Loop) *loopVal {
	for _, lv := range r.loops {
		if lv.loop == l {
			return lv
		}
	}
	lv := &loopVal{loop: l, autoClose: true} // asyncio.run's: closed when it stops
	r.loops = append(r.loops, lv)
	return lv
}

// getEventLoop is asyncio.get_event_loop: the running loop, else the
// thread's current one (made on first use, as Python 3.11 still does in
// the main thread).
func getEventLoop(c *call) (Value, sim.Effect, *Exception) {
	if l := c.ctx().Loop(); l != nil {
		return c.f.run.loopValue(l), nil, nil
	}
	r := c.f.run
	thread := c.ctx().ThreadName()
	if lv, ok := r.currentLoops[thread]; ok {
		return lv, nil, nil
	}
	if thread != "MainThread" {
		return nil, nil, newExc(excRuntime, "There is no current event loop in thread '"+thread+"'.")
	}
	lv := &loopVal{}
	r.setCurrentLoop(thread, lv)
	return lv, nil, nil
}

func setEventLoop(c *call) (Value, sim.Effect, *Exception) {
	v, _ := c.arg(0, "loop")
	lv, ok := v.(*loopVal)
	if !ok && v != nil {
		return nil, nil, c.errorf("set_event_loop() needs an event loop, not %s", typeName(v))
	}
	c.f.run.setCurrentLoop(c.ctx().ThreadName(), lv)
	return nil, nil, nil
}

func (r *Run) setCurrentLoop(thread string, lv *loopVal) {
	if r.currentLoops == nil {
		r.currentLoops = map[string]*loopVal{}
	}
	r.currentLoops[thread] = lv
}

// lifecycle is the part of the loop's API about running it.
func (l *loopVal) lifecycle(name string) (Value, bool) {
	switch name {
	case "run_until_complete":
		return method(l, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			v, _ := c.arg(0, "future")
			return l.runUntil(c, v)
		}), true
	case "run_forever":
		return method(l, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			return l.runUntil(c, nil)
		}), true
	case "stop":
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			if l.stop != nil {
				l.stop.SetResult(nil)
			}
			return nil, nil
		})), true
	case "close":
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			if l.isRunning() {
				return nil, newExc(excRuntime, "Cannot close a running event loop")
			}
			l.closed = true
			return nil, nil
		})), true
	case "is_running":
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) { return l.isRunning(), nil })), true
	case "is_closed":
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) { return l.isClosed(), nil })), true
	case "create_task":
		return method(l, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if l.isRunning() {
				return createTask(c)
			}
			v, _ := c.arg(0, "coro")
			co, ok := v.(*Coroutine)
			if !ok {
				return nil, nil, c.errorf("a coroutine was expected, got %s", repr(v))
			}
			if co.Started {
				return nil, nil, newExc(excRuntime, "cannot reuse already awaited coroutine")
			}
			co.Started = true
			fv := &futureVal{label: "await a task"}
			r := c.f.run
			l.queue = append(l.queue, func(sc *sim.Ctx) {
				t := sc.CreateTask(newFiber(r, co.Frame), coroutineCall(co))
				fv.fut, fv.task, fv.label = t.Future(), t, "await "+t.Name()
				if r.tasks_ == nil {
					r.tasks_ = map[*sim.Task]*futureVal{}
				}
				r.tasks_[t] = fv
			})
			return fv, nil, nil
		}), true
	case "call_later", "call_at":
		return method(l, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if len(c.args) < 2 {
				return nil, nil, c.errorf("%s() needs a time and a callback", name)
			}
			when, ok := toFloat(c.args[0])
			if !ok {
				return nil, nil, c.errorf("%s() needs a number of seconds", name)
			}
			now := 0.0
			if l.isRunning() {
				now = c.ctx().Now().Seconds()
			}
			if name == "call_at" {
				when -= now
			}
			d, exc := seconds(max(0, when), name+"()")
			if exc != nil {
				return nil, nil, exc
			}
			cb := pyCallback(c, c.args[1], c.args[2:], "TimerHandle")
			tv := &timerVal{}
			if l.isRunning() {
				tv.t = l.loop.CallLaterCallback(d, cb)
				return tv, nil, nil
			}
			l.queue = append(l.queue, func(sc *sim.Ctx) { tv.t = sc.Loop().CallLaterCallback(d, cb) })
			return tv, nil, nil
		}), true
	}
	return nil, false
}

// runUntil is run_until_complete(v), or run_forever when v is nil: the
// calling thread runs the loop until v is done (or stop() is called).
func (l *loopVal) runUntil(c *call, v Value) (Value, sim.Effect, *Exception) {
	switch {
	case c.ctx().Loop() != nil:
		return nil, nil, newExc(excRuntime, "Cannot run the event loop while another loop is running")
	case l.isClosed():
		return nil, nil, newExc(excRuntime, "Event loop is closed")
	case l.isRunning():
		return nil, nil, newExc(excRuntime, "This event loop is already running")
	}
	f := c.f
	r := f.run
	var co *Coroutine
	var fv *futureVal
	var aw awaitable
	switch x := v.(type) {
	case nil:
	case *Coroutine:
		if x.Started {
			return nil, nil, newExc(excRuntime, "cannot reuse already awaited coroutine")
		}
		x.Started = true
		co = x
	case *futureVal:
		fv = x
	case awaitable: // asyncio.sleep(...) and the like: wrapped in a task
		aw = x
	default:
		return nil, nil, newExc(excType, "An asyncio.Future, a coroutine or an awaitable is required")
	}
	at := f.frames[len(f.frames)-1].pos()
	f.convert = nil
	if fv != nil {
		f.convert = fv.convert
	}
	return nil, f.suspend(sim.RunLoop{Start: func(sc *sim.Ctx) *sim.Future {
		l.loop = sc.Loop()
		r.loops = append(r.loops, l)
		l.stop = nil
		queued := l.queue
		l.queue = nil
		for _, q := range queued {
			q(sc)
		}
		switch {
		case co != nil:
			t := sc.CreateTask(newFiber(r, co.Frame), coroutineCall(co))
			r.taskValue(t)
			return t.Future()
		case fv != nil && fv.fut != nil:
			return fv.fut
		case aw != nil:
			fr := &Frame{code: awaitCode(aw, at), globals: f.frames[0].globals}
			return sc.CreateTask(newFiber(r, fr), awaitableCall(aw)).Future()
		}
		l.stop = sc.NewFuture(nil)
		return l.stop
	}}), nil
}

func (l *loopVal) isRunning() bool { return l.loop != nil && l.loop.Running() }

func (l *loopVal) isClosed() bool {
	return l.closed || l.autoClose && l.loop != nil && !l.loop.Running()
}
