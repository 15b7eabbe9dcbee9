package sim

import (
	"fmt"
	"strconv"

	"looplab/wasm/trace"
)

// ThreadSpec is a threading.Thread about to start.
type ThreadSpec struct {
	Fiber  Fiber  // the target call
	Name   string // threading's name, "Thread-1 (listen)"
	Daemon bool
	// Exit receives how the target ended (an uncaught exception, say),
	// on the thread, before anyone joining it wakes.
	Exit func(c *Ctx, v any, err error)
}

// background is what a threading.Thread adds to an OS thread.
type background struct {
	daemon bool
	joined bool // somebody waits for it, so its daemon flag does not count
	alive  bool
	exited *Future // done when the target returns (join waits for it)
	wakeEv *event  // its pending blocking call's end, while it is a daemon
}

// PyName is the thread's name as threading.current_thread().name says it.
func (t *Thread) PyName() string {
	switch {
	case t.pyName != "":
		return t.pyName
	case t == t.proc.threads[0]:
		return "MainThread"
	}
	return t.name
}

// NextThreadNumber counts threading.Thread objects made without a name in
// this process, as threading does for "Thread-N".
func (c *Ctx) NextThreadNumber() int {
	p := c.thread.proc
	p.threadSeq++
	return p.threadSeq
}

// InDaemon reports whether the running thread is a daemon thread (what a
// new Thread inherits when it is not told).
func (c *Ctx) InDaemon() bool { return c.thread.bg != nil && c.thread.bg.daemon }

// StartThread is Thread.start(): a new OS thread of the calling process
// runs sp.Fiber, taking the GIL like any other thread, on a lane of its own.
//
// CPython's start() waits until the new thread is running, which hands it
// the GIL at once; here the caller carries on and the new thread takes the
// GIL at the caller's next release, or asks for it after the switch
// interval: a few milliseconds at most, and no blocking call to show.
func (c *Ctx) StartThread(sp ThreadSpec) *Thread {
	s := c.s
	p := c.thread.proc
	t := p.newThread(s.threadLaneName(p.lanePrefix()+sp.Name), trace.KindThread, trace.Thread)
	t.pyName = sp.Name
	t.bg = &background{daemon: sp.Daemon, alive: true, exited: newFuture(nil)}
	s.threads = append(s.threads, t)
	tc := &Ctx{s: s, thread: t, owner: -1}
	t.started = newFuture(nil)
	c.spawned = t.started
	var after func(Effect)
	after = func(e Effect) {
		switch e := e.(type) {
		case Done:
			t.finish(tc, e, sp.Exit)
		case RunLoop:
			t.runLoop(e, func(v any, err error) { t.drive(sp.Fiber, tc, v, err, after) })
		default:
			s.Fail(fmt.Errorf("%T is not possible outside an event loop", e))
		}
	}
	// Not a daemon event even for a daemon thread: start() returns only
	// once the thread runs, so it always gets that far.
	s.soon(func() {
		t.acquire(func() {
			t.started.resolve(nil, nil)
			s.rec.Event(s.now, trace.EvStart, t.lane, "starts")
			t.showAt(trace.Run, "", lineOf(sp.Fiber))
			t.drive(sp.Fiber, tc, nil, nil, after)
		})
	})
	return t
}

// threadLaneName is name for a threading.Thread's lane, or "name (2)"
// when a thread already has it: Python lets threads share a name, but
// two lanes of one timeline must not.
func (s *Sim) threadLaneName(name string) string {
	if s.threadNames == nil {
		s.threadNames = map[string]bool{}
	}
	unique := name
	for n := 2; s.threadNames[unique]; n++ {
		unique = name + " (" + strconv.Itoa(n) + ")"
	}
	s.threadNames[unique] = true
	return unique
}

// finish ends a threading.Thread: it lets the GIL go and wakes its joiners.
func (t *Thread) finish(c *Ctx, d Done, exit func(c *Ctx, v any, err error)) {
	s := t.s
	t.release(false)
	t.show("", "")
	s.ended(t.lane, d.Err)
	if exit != nil {
		exit(c, d.Value, d.Err)
	}
	t.bg.alive = false
	t.bg.exited.resolve(nil, nil)
}

// Alive is Thread.is_alive() once started.
func (t *Thread) Alive() bool { return t.bg != nil && t.bg.alive }

// Join is Thread.join(timeout): the effect that waits for t (nil when it
// has already finished). timeout < 0 waits as long as it takes. A joined
// thread counts as alive for the end of the run even if it is a daemon:
// someone is waiting for it.
func (c *Ctx) Join(t *Thread, timeout Time) Effect {
	if !t.bg.alive {
		return nil
	}
	t.bg.joined = true
	if ev := t.bg.wakeEv; ev != nil {
		ev.daemon = false
	}
	if t.computing && c.s.cpus.next != nil {
		c.s.cpus.next.daemon = false
	}
	return Wait{F: t.bg.exited, Timeout: timeout, Label: "join() on " + t.PyName()}
}

// PyThreads is threading.enumerate() for the calling process, in the
// order the threads started: its main thread, each threading.Thread from
// start() until its target returns, and the workers of its thread pools,
// which live until their pool is shut down and has no work left.
func (c *Ctx) PyThreads() []*Thread {
	var out []*Thread
	for _, t := range c.thread.proc.threads {
		switch {
		case t.bg != nil && !t.bg.alive:
		case t.pool != nil && t.pool.shut && t.job == nil && len(t.pool.queue) == 0:
		default:
			out = append(out, t)
		}
	}
	return out
}

// IsCurrent reports whether t is the thread running this code.
func (c *Ctx) IsCurrent(t *Thread) bool { return c.thread == t }
