package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// Ctx is what a running fiber may ask of the simulator without waiting:
// create tasks and futures, submit work to pools, print. It belongs to one
// task or one job.
type Ctx struct {
	s      *Sim
	thread *Thread
	task   *Task
	owner  int // lane credited with this code's work when there is no task
	req    *Request
	loop   *Loop // the loop running this code when there is no task (a callback)
	// spawned is set when this code has just started a thread: it is
	// resolved when the new thread first runs (see ThreadStarting)
	spawned *Future
}

// ThreadStarting is what code that has just started a thread does next,
// as CPython's Thread.start() does: it waits, GIL released, until the new
// thread runs, and the new thread keeps the GIL until it lets go of it
// (a blocking call, its end, or the switch interval). So the new thread's
// first lines run before the starter's next ones. The call then returns
// result. It is nil when this code started no thread.
func (c *Ctx) ThreadStarting(result any) Effect {
	f := c.spawned
	if f == nil {
		return nil
	}
	c.spawned = nil
	return Wait{F: f, Timeout: -1, Label: "Thread.start()", Result: result}
}

// Now is the virtual time (time.perf_counter() and loop.time() read it).
func (c *Ctx) Now() Time { return c.s.now }

// Sim is the simulation this code runs in.
func (c *Ctx) Sim() *Sim { return c.s }

// Print records program output, on the lane of the code that prints.
func (c *Ctx) Print(text string) { c.s.rec.Print(c.s.now, c.outputLane(), text) }

// Warn records a warning (asyncio debug mode's log lines), on the lane of
// the code it is about.
func (c *Ctx) Warn(text string) { c.s.rec.Warn(c.s.now, c.outputLane(), text) }

// outputLane is the lane whose code runs in c, for its prints: a task's
// (a request's own task included); a request's for its code run in a
// worker thread (a def endpoint, a sync dependency or background task);
// otherwise the thread's own: a thread's target, a pool worker's job for
// a task, a callback on the loop (the loop's lane), module code (the main
// thread's, or an app worker's loop's, since uvicorn imports the app there).
func (c *Ctx) outputLane() int {
	switch {
	case c.task != nil:
		return c.task.lane
	case c.req != nil && c.owner == c.req.lane:
		return c.owner
	case c.thread != nil:
		return c.thread.lane
	}
	return c.owner
}

// line is the line of the scenario's code that c's fiber is at (see
// Fiber.Line), for the spans its calls set on other lanes than its thread's.
func (c *Ctx) line() int32 {
	switch {
	case c.task != nil:
		return lineOf(c.task.fiber)
	case c.thread != nil && c.thread.fctx == c:
		return lineOf(c.thread.fib)
	}
	return 0
}

// Task is the running task, nil outside an event loop.
func (c *Ctx) Task() *Task { return c.task }

// Loop is the running event loop, nil in a plain thread.
func (c *Ctx) Loop() *Loop {
	if c.task == nil {
		return c.loop
	}
	return c.task.loop
}

// Process is the process the code runs in.
func (c *Ctx) Process() *Process { return c.thread.proc }

// ThreadName names the running thread, as threading.current_thread().name.
func (c *Ctx) ThreadName() string { return c.thread.PyName() }

// Lane is the lane credited with this code.
func (c *Ctx) Lane() int {
	if c.task != nil {
		return c.task.lane
	}
	return c.owner
}

// Request is the HTTP request this code serves, if any.
func (c *Ctx) Request() *Request {
	if c.task != nil && c.task.req != nil {
		return c.task.req
	}
	return c.req
}

// CreateTask schedules f as a new task on the running loop
// (asyncio.create_task; also gather and wait_for wrapping coroutines).
// Its lane is named after label, the call as the code would write it
// ("fetch(3)"), after the request that made it, if any.
func (c *Ctx) CreateTask(f Fiber, label string) *Task {
	prefix := ""
	if r := c.Request(); r != nil {
		prefix = r.name + " › "
	}
	return c.Loop().createTask(f, prefix, label, "is created")
}

// Sleep is a future done after d (asyncio.sleep's future and its timer).
func (c *Ctx) Sleep(d Time) *Future {
	l := c.Loop()
	sl := &sleep{}
	f, h := &sl.fut, &sl.timer
	*f = Future{loop: l, timer: h}
	h.fut = f
	l.addTimer(h, d)
	return f
}

// sleep is a sleep's future and its timer, allocated together.
type sleep struct {
	fut   Future
	timer handle
}

// Gather is asyncio.gather over futures (coroutines are made tasks by the
// caller, in argument order): done when all are, results in argument order.
func (c *Ctx) Gather(children []*Future, returnExceptions bool) *Future {
	l := c.Loop()
	outer := newFuture(l)
	results := make([]any, len(children))
	left := len(children)
	if left == 0 {
		outer.resolve(results, nil)
		return outer
	}
	for i, ch := range children {
		ch.onDone(func() {
			// gather's callback asks each child for its exception, even
			// once the outer future is done: none is "never retrieved".
			ch.retrieved = true
			if outer.done {
				return
			}
			if ch.err != nil && !returnExceptions {
				outer.resolve(nil, ch.err)
				return
			}
			if ch.err != nil {
				results[i] = ch.err
			} else {
				results[i] = ch.result
			}
			if left--; left == 0 {
				outer.resolve(results, nil)
			}
		})
	}
	outer.cancel = func() bool {
		any := false
		for _, ch := range children {
			if ch.Cancel() {
				any = true
			}
		}
		return any
	}
	return outer
}

// WaitFor is asyncio.wait_for: on timeout it cancels inner, waits for the
// cancellation to finish, then fails with TimeoutError. The timer is a loop
// callback, so it cannot fire while the loop is blocked.
func (c *Ctx) WaitFor(inner *Future, timeout Time) *Future {
	l := c.Loop()
	outer := newFuture(l)
	timedOut := false
	timer := l.callLater(timeout, func() {
		if inner.done || outer.done {
			return
		}
		timedOut = true
		c.s.rec.Event(c.s.now, trace.EvTimeout, c.Lane(), "wait_for times out after "+timeout.Text()+" s and cancels what it waited for")
		inner.Cancel()
	})
	inner.onDone(func() {
		timer.cancelled = true
		if timedOut && inner.cancelled {
			outer.resolve(nil, timeoutError())
			return
		}
		outer.resolve(inner.result, inner.err)
	})
	outer.cancel = func() bool {
		timer.cancelled = true
		return inner.Cancel()
	}
	return outer
}

// Cancel cancels a task (Task.cancel()).
func (c *Ctx) Cancel(t *Task) bool { return t.fut.Cancel() }

// Job is code to run in a worker thread or process.
type Job struct {
	Fiber Fiber
	Label string // what the owner lane says while it runs, "cpu(0.8)"
}

// RunInExecutor is loop.run_in_executor: p nil means the loop's default
// executor. The returned asyncio future completes through
// call_soon_threadsafe, so the awaiting task needs the loop to be free.
func (c *Ctx) RunInExecutor(p *Pool, j Job) *Future {
	l := c.Loop()
	if p == nil {
		p = c.thread.proc.defaultExecutor()
	}
	f := newFuture(l)
	cf := p.submit(c, j)
	cf.onDone(func() {
		l.callSoon(func() {
			if !f.done {
				f.resolve(cf.result, cf.err)
			}
		})
	})
	return f
}

// RunInThreadpool is Starlette's run_in_threadpool (AnyIO's
// to_thread.run_sync): it takes one of the process's 40 limiter tokens,
// waiting FIFO when none is free, and runs j in an AnyIO worker thread.
func (c *Ctx) RunInThreadpool(j Job) *Future {
	return c.thread.proc.anyioPool().run(c, j)
}

// NewThreadPool is ThreadPoolExecutor(max_workers=n); n <= 0 means the
// default min(32, cores + 4).
func (c *Ctx) NewThreadPool(n int) *Pool { return c.NewNamedThreadPool(n, "") }

// NewNamedThreadPool is ThreadPoolExecutor(max_workers=n,
// thread_name_prefix=prefix): its threads are prefix_0, prefix_1 …; with
// no prefix, ThreadPoolExecutor-K_0 …, K counting the executors of the
// process made without one.
func (c *Ctx) NewNamedThreadPool(n int, prefix string) *Pool {
	if n <= 0 {
		n = min(32, c.s.cfg.Cores+4)
	}
	p := c.thread.proc
	pl := c.s.newPool(p, poolThreads, n)
	if prefix != "" {
		pl.pyPrefix = prefix
		return pl
	}
	pl.pyPrefix = fmt.Sprintf("ThreadPoolExecutor-%d", p.executors)
	p.executors++
	return pl
}

// NewProcessPool is ProcessPoolExecutor(max_workers=n); n <= 0 means the
// number of cores.
func (c *Ctx) NewProcessPool(n int) *Pool {
	if n <= 0 {
		n = c.s.cfg.Cores
	}
	return c.s.newPool(c.thread.proc, poolProcesses, n)
}
