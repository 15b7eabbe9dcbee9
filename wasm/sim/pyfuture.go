package sim

import "looplab/wasm/trace"

// Futures made by Python code (loop.create_future()): the asyncio
// primitives the interpreter writes in Python (queues, events, barriers)
// park their waiters on them, as CPython's own do.

// NewFuture makes a pending future on the running loop. onCancel, if
// set, runs when the future is cancelled (to drop it from a waiter list).
func (c *Ctx) NewFuture(onCancel func()) *Future {
	f := newFuture(c.Loop())
	if onCancel != nil {
		f.cancel = func() bool {
			onCancel()
			f.resolve(nil, cancelledError())
			return true
		}
	}
	return f
}

// SetResult completes a pending future with a value; its waiters are
// scheduled with call_soon. It reports false if it was already done.
func (f *Future) SetResult(v any) bool {
	if f.done {
		return false
	}
	f.resolve(v, nil)
	return true
}

// SetError completes a pending future with an exception.
func (f *Future) SetError(err error) bool {
	if f.done {
		return false
	}
	f.resolve(nil, err)
	return true
}

// WhenDone runs fn once f is done, scheduled on the loop as asyncio
// schedules done callbacks (or at once, when f has no loop).
func (f *Future) WhenDone(fn func()) { f.onDone(fn) }

// Timer is a call_later handle the interpreter's libraries keep.
type Timer struct{ h *handle }

// Cancel stops the timer from firing.
func (t *Timer) Cancel() { t.h.cancelled = true }

// CallLater runs fn on the running loop after d, as loop.call_later does
// (a timer cannot fire while the loop is blocked).
func (c *Ctx) CallLater(d Time, fn func()) *Timer {
	return &Timer{h: c.Loop().callLater(d, fn)}
}

// Event records a moment on the lane of the code running (a timeout
// that fires), for the timeline's narration.
func (c *Ctx) Event(text string) {
	c.s.rec.Event(c.s.now, trace.EvTimeout, c.Lane(), text)
}

// Tasks are the loop's tasks that are not done, in creation order
// (asyncio.all_tasks).
func (l *Loop) Tasks() []*Task { return l.tasks.pending() }

// CancelTask cancels a task, as Task.cancel() does.
func (t *Task) Cancel() bool { return t.fut.Cancel() }

// CallLaterCallback runs Python code on the loop after d (loop.call_later
// with a callback written in Python); it shows as a callback, as
// call_soon's do.
func (l *Loop) CallLaterCallback(d Time, cb Callback) *Timer {
	h := &handle{}
	h.cb = &callback{Callback: cb, ctx: Ctx{s: l.s, thread: l.thread, owner: -1, loop: l}}
	l.addTimer(h, d)
	return &Timer{h: h}
}

// Loop is the event loop of the process's main thread, if it runs one.
func (p *Process) Loop() *Loop { return p.loop }

// Running reports whether the loop is running (it has not stopped).
func (l *Loop) Running() bool { return l.state != loopStopped }

// Submit is executor.submit: j runs in one of the pool's workers; the
// concurrent future it returns completes in that worker's thread.
func (c *Ctx) Submit(p *Pool, j Job) *Future { return p.submit(c, j) }

// NewConcurrentFuture is a concurrent.futures.Future made by the
// interpreter (its done callbacks run at once, in the completing thread).
func NewConcurrentFuture() *Future { return newFuture(nil) }
