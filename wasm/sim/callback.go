package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// Callback is a plain function handed to a loop (call_soon,
// call_soon_threadsafe). The loop runs it on its own thread, between task
// steps, as one handle: whatever it blocks on or computes stalls the loop,
// and every request with it.
type Callback struct {
	Fiber  Fiber
	Label  string // what the narration calls it: "on_message('m1')"
	Source string // how asyncio's logs name it: "on_message('m1') at app.py:4"
	Repr   string // asyncio debug's handle repr, for the slow-callback warning
}

// callback is a Callback queued on a loop.
type callback struct {
	Callback
	ctx Ctx
	at  Time // when it began, for the slow-callback warning
}

func loopClosed() *Exception { return &Exception{Type: "RuntimeError", Msg: "Event loop is closed"} }

// CallSoon queues cb for the loop's next iteration and wakes the loop if
// it is idle, which is all call_soon_threadsafe adds to call_soon: any
// thread may call it. It fails once the loop has stopped.
func (l *Loop) CallSoon(cb Callback) error {
	if l.state == loopStopped {
		return loopClosed()
	}
	h := l.newHandle()
	h.cb = &callback{Callback: cb, ctx: Ctx{s: l.s, thread: l.thread, owner: -1, loop: l}}
	l.ready.push(h)
	l.wake()
	return nil
}

// runCallback runs a callback handle and reports whether it finished at
// once; if it blocks or computes, the loop carries on when it is done.
func (l *Loop) runCallback(cb *callback) bool {
	s := l.s
	cb.at = s.now
	l.thread.owner = -1
	s.rec.Event(s.now, trace.EvStart, l.thread.lane, "runs the callback "+cb.Label)
	after := func(e Effect) {
		l.endCallback(cb, e)
		if !l.inStep && l.syscalls() {
			l.pump()
		}
	}
	l.inStep = true
	sync := l.thread.drive(cb.Fiber, &cb.ctx, nil, nil, after)
	l.inStep = false
	return sync
}

// endCallback logs what asyncio logs after a callback: its exception, then
// (debug mode) that it was slow.
func (l *Loop) endCallback(cb *callback, e Effect) {
	s := l.s
	l.thread.show("", "")
	d, ok := e.(Done)
	if !ok {
		s.Fail(fmt.Errorf("a callback cannot %T on the event loop", e))
		return
	}
	if d.Err != nil {
		s.rec.Warn(s.now, l.thread.lane, "Exception in callback "+cb.Source+": "+d.Err.Error())
	}
	if took := s.now - cb.at; took >= s.cfg.SlowCallback {
		s.rec.Warn(s.now, l.thread.lane, fmt.Sprintf("Executing %s took %.3f seconds", cb.Repr, took.Seconds()))
	}
}

// RunCoroutine is asyncio.run_coroutine_threadsafe: f becomes a task of
// the loop in its next iteration, on a lane named after label; the
// concurrent future it returns is done when the task is.
func (l *Loop) RunCoroutine(f Fiber, label string) (*Future, error) {
	if l.state == loopStopped {
		return nil, loopClosed()
	}
	cf := newFuture(nil)
	l.callSoon(func() {
		t := l.createTask(f, "", label, "is created by run_coroutine_threadsafe")
		t.fut.onDone(func() { cf.resolve(t.fut.result, t.fut.err) })
	})
	return cf, nil
}
