package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// handle is an entry of the ready queue: a task step or a plain callback.
type handle struct {
	task      *Task
	val       any
	err       error
	fn        func()
	when      Time
	seq       uint64
	since     Time // when its work became due (see Loop.cause)
	cancelled bool
	pooled    bool      // nobody keeps it (not a timer): reused once run
	cb        *callback // Python code run as a callback (callback.go)
	runner    runner    // a callback object (future.go)
	fut       *Future   // a sleep's timer: resolves it
}

// Loop is an asyncio event loop on one thread. Each iteration follows
// BaseEventLoop._run_once: take I/O events, move due timers to the ready
// queue, then run exactly the handles that were ready when the iteration
// began; callbacks they add wait for the next iteration.
type Loop struct {
	s       *Sim
	thread  *Thread
	proc    *Process
	ready   ring
	ntodo   int
	io      []*handle
	timers  minHeap[*handle]
	state   loopState
	wakeEv  *event
	current *Task
	stepAt  Time
	inStep  bool
	// cause is, while the loop runs a handle of its own machinery (a
	// timer, a future's done callback, a result handed back from a
	// thread), when that handle became due; -1 otherwise. What the handle
	// makes ready was ready from then, not from when a busy loop got
	// round to it: a task whose sleep ended at 4 s, behind a loop blocked
	// until 5 s, has been ready since 4 s. Handles queued meanwhile carry
	// it on (handle.since), to the task step they lead to, which draws
	// the task ready since then.
	cause Time
	// afterStep ends the running task's step (cached: one per loop, not per step)
	afterStep func(Effect)

	// Short system calls the last handle made, each of which drops the GIL
	// for a moment (see Config.ReleaseLoss): reads, polls, and the two
	// sends of each response (head, then body: the client has the
	// response once the body is out).
	releases int
	sends    []*Request
	headSent bool
	resume   func()    // continues the syscalls and the loop once the GIL is back
	free     []*handle // run ready-queue handles, for reuse
	tasks    taskList

	// cached callbacks, so waking the loop allocates nothing
	wakeFn      func() // takes the GIL, then iterates
	iterateFn   func()
	timerWakeFn func()

	// stop handling for asyncio.run
	mainTask *Task
	// failed are the tasks that ended with an exception, which the loop's
	// end reports as never retrieved unless the program awaited the task
	// or asked for its result or exception by then (CPython reports it
	// when the task is collected, at the end of asyncio.run)
	failed   []*Task
	stopping bool
	plain    bool // run by run_until_complete or run_forever, not asyncio.run
	onStop   func()
	// server is set for uvicorn worker loops: idle loops accept connections.
	server *Server
	worker int
}

type loopState int

const (
	loopIdle loopState = iota
	loopWaking
	loopRunning
	loopStopped
)

func (p *Process) newLoop(t *Thread) *Loop {
	l := &Loop{s: p.s, thread: t, proc: p, cause: -1}
	l.afterStep = func(e Effect) {
		l.endStep(l.current, e)
		if !l.inStep && l.syscalls() {
			l.pump()
		}
	}
	l.resume = func() {
		if l.syscalls() {
			l.pump()
		}
	}
	l.iterateFn = l.iterate
	l.wakeFn = func() { l.thread.acquire(l.iterateFn) }
	l.timerWakeFn = l.timerWake
	p.loop = l
	return l
}

// callSoon appends a callback to the ready queue (call_soon, and
// call_soon_threadsafe: both wake an idle loop).
func (l *Loop) callSoon(fn func()) {
	h := l.newHandle()
	h.fn = fn
	l.ready.push(h)
	l.wake()
}

// callSoonRunner is callSoon(r.fire), without the closure.
func (l *Loop) callSoonRunner(r runner) {
	h := l.newHandle()
	h.runner = r
	l.ready.push(h)
	l.wake()
}

// readyLabel is what a task's lane says while it waits for the loop.
const readyLabel = "ready, waiting for the event loop"

func (l *Loop) schedule(t *Task, v any, err error) {
	h := l.newHandle()
	h.task, h.val, h.err = t, v, err
	l.ready.push(h)
	l.s.rec.SetLine(t.lane, l.s.now, trace.Ready, readyLabel, lineOf(t.fiber))
	l.wake()
}

// reuse clears a pooled handle that has run. Only a ready-queue entry's
// fields can be set, and only those set are written: in the browser,
// clearing the whole handle while the garbage collector marks costs a
// write barrier for each of its pointers.
func (h *handle) reuse() {
	if h.task != nil {
		h.task = nil
	}
	if h.val != nil {
		h.val = nil
	}
	if h.err != nil {
		h.err = nil
	}
	if h.fn != nil {
		h.fn = nil
	}
	if h.cb != nil {
		h.cb = nil
	}
	if h.runner != nil {
		h.runner = nil
	}
	h.cancelled = false
}

// newHandle takes a recycled handle or makes one, due now, or when the
// handle that queues it was (Loop.cause).
func (l *Loop) newHandle() *handle {
	var h *handle
	if n := len(l.free); n > 0 {
		h = l.free[n-1]
		l.free = l.free[:n-1]
	} else {
		h = &handle{pooled: true}
	}
	h.since = l.s.now
	if l.cause >= 0 {
		h.since = l.cause
	}
	return h
}

// callLater adds a timer.
func (l *Loop) callLater(d Time, fn func()) *handle {
	h := &handle{fn: fn}
	l.addTimer(h, d)
	return h
}

// addTimer makes h a timer due d from now.
func (l *Loop) addTimer(h *handle, d Time) {
	l.s.seq++
	h.when, h.seq = l.s.now+d, l.s.seq
	l.timers.push(h.when, h.seq, h)
	if l.state == loopIdle {
		l.armTimer()
	}
}

// wake makes an idle loop start an iteration: its select() returns and
// it must take the GIL back before it can run anything.
func (l *Loop) wake() {
	if l.state != loopIdle {
		return
	}
	l.state = loopWaking
	if l.wakeEv != nil {
		l.wakeEv.dead = true
		l.wakeEv = nil
	}
	// Deferred with soon so that everything arriving at this same instant
	// is seen by the same iteration.
	l.s.soon(l.wakeFn)
}

// timerWake is the wake-up event of the loop's earliest timer.
func (l *Loop) timerWake() {
	l.wakeEv = nil
	l.wake()
}

// start runs the loop's first iteration on a thread that holds the GIL.
func (l *Loop) start() {
	l.state = loopRunning
	l.iterate()
}

func (l *Loop) iterate() {
	l.state = loopRunning
	l.thread.show("", "")
	l.collect()
	l.pump()
}

// collect begins an iteration: I/O events, then due timers, join the ready
// queue, and the iteration will run exactly what is ready now.
func (l *Loop) collect() {
	for _, h := range l.io {
		l.ready.push(h)
	}
	clear(l.io)
	l.io = l.io[:0]
	for l.timers.len() > 0 && l.timers.top().when <= l.s.now {
		h := l.timers.pop()
		if !h.cancelled {
			h.since = h.when
			l.ready.push(h)
		}
	}
	l.ntodo = l.ready.len()
}

// pump runs ready handles until one waits (it calls pump again when done)
// or the loop goes idle.
func (l *Loop) pump() {
	for {
		for l.ntodo > 0 {
			h := l.ready.pop()
			l.ntodo--
			if h.cancelled {
				continue
			}
			done := l.run(h)
			if h.pooled {
				h.reuse()
				l.free = append(l.free, h)
			}
			if !done || !l.syscalls() {
				return
			}
		}
		if l.state == loopStopped {
			return
		}
		if l.stopping && l.finishStop() {
			return
		}
		if l.server != nil {
			l.server.idleLoop(l)
		}
		if l.ready.len() == 0 && len(l.io) == 0 && !l.timerDue() {
			l.goIdle()
			return
		}
		l.releases++ // select() with a zero timeout still drops the GIL
		if !l.syscalls() {
			return
		}
		l.collect()
	}
}

func (l *Loop) timerDue() bool {
	for l.timers.len() > 0 && l.timers.top().cancelled {
		l.timers.pop()
	}
	return l.timers.len() > 0 && l.timers.top().when <= l.s.now
}

func (l *Loop) goIdle() {
	l.state = loopIdle
	l.thread.preempted = false
	l.thread.release(false)
	l.thread.show("", "")
	l.armTimer()
}

func (l *Loop) armTimer() {
	if l.wakeEv != nil {
		l.wakeEv.dead = true
		l.wakeEv = nil
	}
	for l.timers.len() > 0 && l.timers.top().cancelled {
		l.timers.pop()
	}
	if l.timers.len() > 0 {
		l.wakeEv = l.s.at(l.timers.top().when, l.timerWakeFn)
	}
}

// run runs one handle and reports whether it finished at once.
func (l *Loop) run(h *handle) bool {
	if h.task == nil {
		if h.cb != nil {
			return l.runCallback(h.cb)
		}
		l.cause = h.since
		switch {
		case h.runner != nil:
			h.runner.fire()
		case h.fut != nil:
			h.fut.resolve(nil, nil)
		default:
			h.fn()
		}
		l.cause = -1
		return true
	}
	t := h.task
	if t.fut.done {
		return true
	}
	v, err := h.val, h.err
	if t.mustCancel {
		t.mustCancel = false
		v, err = nil, cancelledError()
	}
	if !t.started {
		t.started = true
		if t.req == nil { // a request's start is when its endpoint starts
			l.s.rec.Event(l.s.now, trace.EvStart, t.lane, "starts")
		}
	}
	l.current, l.stepAt = t, l.s.now
	l.thread.owner = t.lane
	// The step goes on from the line it stopped at (its await), or starts
	// at the coroutine's def.
	line := lineOf(t.fiber)
	if h.since < l.s.now {
		l.s.rec.Since(t.lane, h.since, trace.Ready, readyLabel, line)
	}
	l.s.rec.SetLine(t.lane, l.s.now, trace.Run, "running on the event loop", line)
	l.inStep = true
	sync := l.thread.drive(t.fiber, &t.ctx, v, err, l.afterStep)
	l.inStep = false
	return sync
}

// endStep handles what a task step ended with.
func (l *Loop) endStep(t *Task, e Effect) {
	s := l.s
	l.current = nil
	l.thread.owner = -1
	l.thread.show("", "")
	if took := s.now - l.stepAt; took >= s.cfg.SlowCallback {
		_, done := e.(Done)
		s.rec.Warn(s.now, t.lane, fmt.Sprintf("Executing %s took %.3f seconds", t.describe(done), took.Seconds()))
	}
	switch e := e.(type) {
	case Await:
		state := trace.Await
		if e.IO {
			state = trace.IO
		}
		// A step that handed work to a thread or process has had its lane
		// say what that work does (waits for a token, a free worker or the
		// GIL, runs): that is what the await waits for, so it stays.
		if !s.showsJob(t.lane) {
			s.beginCall(t.lane, state, e.Label, lineOf(t.fiber))
		}
		s.rec.Event(s.now, trace.EvAwait, t.lane, e.Label)
		if e.F.done {
			e.F.retrieved = true
			l.schedule(t, e.F.result, e.F.err)
			return
		}
		t.waitingOn = e.F
		e.F.onDoneRunner(t)
	case Yield:
		l.schedule(t, nil, nil)
	case Done:
		s.rec.Set(t.lane, s.now, "", "")
		if t.req == nil || e.Err != nil {
			s.ended(t.lane, e.Err)
		}
		if e.Err != nil && !IsCancelled(e.Err) && t.req == nil && t != l.mainTask {
			l.failed = append(l.failed, t) // reported at the loop's end, unless retrieved by then
			t.failedRepr = t.describe(true)
		}
		t.fiber = nil // let the finished coroutine's frames go
		t.fut.resolve(e.Value, e.Err)
	default:
		s.Fail(fmt.Errorf("a task cannot %T on the event loop", e))
	}
}

// stepNow is a done callback already running on the loop: asyncio's
// Task.__wakeup steps the task right there, within the same handle.
func (l *Loop) stepNow(t *Task, v any, err error) {
	if t.fut.done {
		return
	}
	// Run as a nested handle: the callback's handle ends when the step does.
	h := l.newHandle()
	h.task, h.val, h.err = t, v, err
	l.ready.pushFront(h)
	l.ntodo++
}

// createTask makes f a task of the loop on a lane of its own, named
// prefix + "Task-3 " + label, and records its creation (what: "is
// created"). With several uvicorn workers, a task no request made is
// named after its worker, as each numbers its tasks from 1.
func (l *Loop) createTask(f Fiber, prefix, label, what string) *Task {
	s := l.s
	lane := s.rec.Lane("", trace.KindTask)
	t := l.newTask(f, lane)
	if prefix == "" && s.server != nil && len(s.server.workers) > 1 {
		prefix = l.proc.name + " · "
	}
	s.rec.Rename(lane, prefix+t.Name()+" "+label)
	t.prefix, t.label = prefix, label
	s.rec.Event(s.now, trace.EvCreate, lane, what)
	return t
}

// newTask wraps a fiber in a task scheduled to start on a later iteration.
func (l *Loop) newTask(f Fiber, lane int) *Task {
	p := l.proc
	p.taskSeq++
	t := &Task{loop: l, fiber: f, num: p.taskSeq, lane: lane}
	t.fut = &t.own
	t.own = Future{loop: l, task: t}
	t.ctx = Ctx{s: l.s, thread: l.thread, task: t}
	l.tasks.add(t)
	l.s.tasks.add(t)
	l.schedule(t, nil, nil)
	return t
}

func (t *Task) describe(done bool) string {
	where := ""
	if d, ok := t.fiber.(Describer); ok {
		if w := d.Describe(done); w != "" {
			where = " " + w
		}
	}
	state := "pending"
	if done {
		state = "finished"
	}
	return fmt.Sprintf("<Task %s name='%s'%s>", state, t.Name(), where)
}

// syscalls plays the short GIL-dropping system calls the last handle made.
// It reports false when a waiting thread took the GIL meanwhile: the loop
// then waits for it and carries on by itself.
func (l *Loop) syscalls() bool {
	for len(l.sends) > 0 || l.releases > 0 {
		if len(l.sends) > 0 {
			if !l.headSent {
				l.headSent = true
				if l.lostGIL() {
					return false
				}
			}
			for _, r := range l.sends {
				r.finish()
			}
			clear(l.sends)
			l.sends = l.sends[:0]
			l.headSent = false
			l.releases++ // the body's send
			continue
		}
		l.releases--
		if l.lostGIL() {
			return false
		}
	}
	return true
}

// lostGIL drops the GIL for a moment; with threads waiting for it, one of
// them may take it first (Config.ReleaseLoss), and then the
// loop queues to get it back. It reports whether that happened.
func (l *Loop) lostGIL() bool {
	t := l.thread
	g := t.proc.gil
	s := l.s
	if s.cfg.FreeThreaded || g.holder != t || len(g.waiters) == 0 {
		return false
	}
	if !s.rand.chance(s.cfg.ReleaseLoss) {
		return false
	}
	t.preempted = false
	t.release(false)
	t.acquire(l.resume)
	return true
}
