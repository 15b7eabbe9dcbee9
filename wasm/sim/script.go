package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// RunScript runs a script's module code on the main thread of the main
// process; done receives how it ended (an uncaught exception, say).
func (s *Sim) RunScript(f Fiber, done func(c *Ctx, v any, err error)) {
	p := s.newProcess("main")
	t := p.newThread("main thread", trace.KindThread, trace.Run)
	c := &Ctx{s: s, thread: t, owner: -1}
	var after func(Effect)
	after = func(e Effect) {
		switch e := e.(type) {
		case Done:
			s.scriptRunning = false
			t.release(false)
			t.show("", "")
			done(c, e.Value, e.Err)
		case RunLoop:
			t.runLoop(e, func(v any, err error) {
				t.drive(f, c, v, err, after)
			})
		default:
			s.Fail(fmt.Errorf("%T is not possible outside an event loop", e))
		}
	}
	s.scriptRunning = true
	s.at(0, func() {
		t.acquire(func() { t.drive(f, c, nil, nil, after) })
	})
}

// runLoop is asyncio.run on thread t: a fresh loop runs main as a task;
// when it is done the loop cancels what is left, waits for the default
// executor, stops, and resume continues the thread with main's outcome.
func (t *Thread) runLoop(e RunLoop, resume func(v any, err error)) {
	s := t.s
	s.rec.Rename(t.lane, "event loop ("+t.name+")")
	s.rec.Trace.Lanes[t.lane].Kind = trace.KindLoop
	l := t.proc.newLoop(t)
	l.state = loopRunning // the thread is in asyncio.run, not idle in select
	if e.Main == nil {
		l.plain = true
		until := e.Start(&Ctx{s: s, thread: t, owner: -1, loop: l})
		l.onStop = func() { resume(until.result, until.err) }
		until.onDone(func() { l.stopping = true })
		l.start()
		return
	}
	lane := e.Lane
	if lane < 0 {
		lane = s.rec.Lane("", trace.KindTask)
	}
	main := l.newTask(e.Main, lane)
	s.rec.Rename(lane, main.Name()+" "+e.Name)
	s.rec.Event(s.now, trace.EvCreate, lane, "is created by asyncio.run")
	l.mainTask = main
	l.onStop = func() { resume(main.fut.result, main.fut.err) }
	main.fut.onDone(func() { l.stopping = true })
	l.start()
}

// finishStop runs at the end of each iteration once main is done; it
// reports whether the loop has stopped.
func (l *Loop) finishStop() bool {
	if l.plain {
		l.stop()
		return true
	}
	pending := false
	for _, t := range l.tasks.pending() {
		if !t.fut.done {
			pending = true
			if !t.mustCancel && !t.cancelAsked {
				t.cancelAsked = true
				t.fut.Cancel()
			}
		}
	}
	if pending {
		return false
	}
	if ex := l.proc.defExec; ex != nil {
		if ex.busy() {
			return false
		}
		ex.shut = true // asyncio.run shuts the default executor down
	}
	l.stop()
	return true
}

// stop ends the loop's run: the tasks that failed unseen are reported,
// and whoever ran the loop resumes.
func (l *Loop) stop() {
	l.stopping = false
	l.state = loopStopped
	l.thread.show("", "")
	l.reportUnretrieved()
	l.onStop()
}

// reportUnretrieved says, for each task that failed and whose exception
// nobody awaited or asked for, that it was never retrieved: as asyncio
// logs it (Sim.OnUnretrieved writes it out, traceback and all), or as a
// warning line when nothing does.
func (l *Loop) reportUnretrieved() {
	s := l.s
	for _, t := range l.failed {
		if t.fut.awaited() {
			continue
		}
		if s.OnUnretrieved != nil {
			s.OnUnretrieved(&Ctx{s: s, thread: l.thread, task: t, owner: t.lane}, t.failedRepr, t.fut.err)
			continue
		}
		s.rec.Warn(s.now, t.lane, fmt.Sprintf("Task exception was never retrieved: %s: %s", t.Name(), t.fut.err.Error()))
	}
	l.failed = nil
}
