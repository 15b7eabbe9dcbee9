package sim

import (
	"slices"
	"strconv"
)

// Future is an asyncio future (loop set: its done callbacks are scheduled
// on the loop with call_soon, as asyncio does) or a concurrent.futures
// future (loop nil: callbacks run at once in the thread that completes it).
type Future struct {
	loop      *Loop
	done      bool
	cancelled bool
	retrieved bool // the program asked for its result or exception
	result    any
	err       error
	cb0       func() // the first done callback; most futures have one
	cbs       []func()
	// first is the first done callback when it is an object (instead of
	// cb0): a task awaiting the future, a call to the threadpool.
	first runner
	// cancel overrides what Cancel does (gathers, semaphores...); it
	// reports whether a cancellation was started. A task's own future
	// (task) and a sleep's (timer) cancel without a closure.
	cancel func() bool
	task   *Task
	timer  *handle
}

func newFuture(l *Loop) *Future { return &Future{loop: l} }

// Done reports whether the future has a result or an exception.
func (f *Future) Done() bool { return f.done }

// Result is the outcome of a done future.
func (f *Future) Result() (any, error) { return f.result, f.err }

// Retrieve is Result as the program's task.result() or task.exception()
// asks for it: the exception counts as retrieved, so asyncio does not
// report it as never retrieved.
func (f *Future) Retrieve() (any, error) {
	f.retrieved = true
	return f.result, f.err
}

func (f *Future) resolve(v any, err error) {
	if f.done {
		return
	}
	f.done, f.result, f.err = true, v, err
	f.cancelled = IsCancelled(err)
	cb0, first, cbs := f.cb0, f.first, f.cbs
	f.cb0, f.first, f.cbs = nil, nil, nil
	if first != nil {
		f.fire(first)
	} else if cb0 != nil {
		f.run(cb0)
	}
	for _, cb := range cbs {
		f.run(cb)
	}
}

func (f *Future) run(cb func()) {
	if f.loop != nil {
		f.loop.callSoon(cb)
	} else {
		cb()
	}
}

// runner is a done callback, or a ready-queue entry, that is an object
// rather than a closure: the simulator's own callbacks (a task's wake-up,
// a call to the threadpool) are then no allocation each.
type runner interface{ fire() }

// fire runs r as a done callback.
func (f *Future) fire(r runner) {
	if f.loop != nil {
		f.loop.callSoonRunner(r)
	} else {
		r.fire()
	}
}

// onDone adds a done callback (scheduled at once if already done).
func (f *Future) onDone(cb func()) {
	if f.done {
		f.run(cb)
		return
	}
	if f.cb0 == nil && f.first == nil {
		f.cb0 = cb
		return
	}
	f.cbs = append(f.cbs, cb)
}

// onDoneRunner adds r as a done callback, as onDone(r.fire) does, without
// a closure when it is the first.
func (f *Future) onDoneRunner(r runner) {
	if f.done || f.cb0 != nil || f.first != nil {
		f.onDone(r.fire)
		return
	}
	f.first = r
}

// awaited reports whether anything waits for the future.
func (f *Future) awaited() bool { return f.retrieved || f.cb0 != nil || f.first != nil }

// Cancel asks the future to cancel, as Future.cancel() does.
func (f *Future) Cancel() bool {
	if f.done {
		return false
	}
	switch {
	case f.task != nil:
		return f.task.cancelTask()
	case f.timer != nil:
		f.timer.cancelled = true
	case f.cancel != nil:
		return f.cancel()
	}
	f.resolve(nil, cancelledError())
	return true
}

// Task is an asyncio task: a fiber stepped by its loop.
type Task struct {
	fut         *Future
	own         Future // what fut points to: one allocation for both
	loop        *Loop
	fiber       Fiber
	failedRepr  string // its repr when it failed, for the never-retrieved report
	num         int    // asyncio's name is "Task-<num>"
	lane        int
	ctx         Ctx
	waitingOn   *Future
	mustCancel  bool
	cancelAsked bool
	started     bool
	req         *Request
	// the name set_name or create_task(name=) gave it, and what its lane
	// says besides the name
	name, prefix, label string
}

// Future is the task seen as the future other tasks await.
func (t *Task) Future() *Future { return t.fut }

// Name is the task's asyncio name, "Task-3".
func (t *Task) Name() string {
	if t.name != "" {
		return t.name
	}
	return "Task-" + strconv.Itoa(t.num)
}

// SetName renames the task (Task.set_name, create_task(name=...)), and
// its lane.
func (t *Task) SetName(name string) {
	t.name = name
	t.loop.s.rec.Rename(t.lane, t.prefix+name+" "+t.label)
}

// Lane is the trace lane that shows the task.
func (t *Task) Lane() int { return t.lane }

// fire steps the task with the outcome of what it awaited: asyncio's
// Task.__wakeup, a done callback of that future.
func (t *Task) fire() {
	f := t.waitingOn
	t.waitingOn = nil
	t.loop.stepNow(t, f.result, f.err)
}

// cancel follows Task.cancel(): cancel what the task waits for, or throw
// CancelledError into it at its next step.
func (t *Task) cancelTask() bool {
	if t.fut.done {
		return false
	}
	if w := t.waitingOn; w != nil && w.Cancel() {
		return true
	}
	t.mustCancel = true
	return true
}

// taskList keeps tasks in creation order and forgets finished ones, so a
// long run does not keep every task it ever made alive.
type taskList struct{ items []*Task }

func (l *taskList) add(t *Task) {
	if len(l.items) >= 64 && len(l.items) == cap(l.items) {
		l.compact()
		// Mostly unfinished (a backlog of thousands of requests): grow,
		// or every few tasks added would go through all of them again.
		if len(l.items) > cap(l.items)/2 {
			l.items = slices.Grow(l.items, cap(l.items))
		}
	}
	l.items = append(l.items, t)
}

func (l *taskList) compact() {
	kept := l.items[:0]
	for _, t := range l.items {
		if !t.fut.done {
			kept = append(kept, t)
		}
	}
	clear(l.items[len(kept):])
	l.items = kept
}

// pending lists the unfinished tasks in creation order.
func (l *taskList) pending() []*Task {
	l.compact()
	return append([]*Task(nil), l.items...)
}
