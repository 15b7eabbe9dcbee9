package py

import (
	"fmt"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// futureVal is an asyncio future, task or gather seen from Python.
type futureVal struct {
	fut     *sim.Future
	task    *sim.Task
	convert func(Value) Value
	label   string
}

func (v *futureVal) TypeName() string {
	if v.task != nil {
		return "Task"
	}
	return "Future"
}

func (v *futureVal) String() string {
	if v.task != nil {
		state := "pending"
		if v.fut.Done() {
			state = "finished"
		}
		return fmt.Sprintf("<Task %s name='%s'>", state, v.task.Name())
	}
	return "<Future>"
}

func (v *futureVal) Attr(name string) (Value, bool) {
	if v.fut == nil {
		// a task or gather made for a loop that has not started yet
		switch name {
		case "done", "cancelled":
			return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) { return false, nil })), true
		}
		return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) {
			return nil, newExc(excRuntime, "the event loop this belongs to has not started yet")
		})), true
	}
	switch name {
	case "cancel":
		return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) { return v.fut.Cancel(), nil })), true
	case "done":
		return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) { return v.fut.Done(), nil })), true
	case "cancelled":
		return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) {
			_, err := v.fut.Result()
			return v.fut.Done() && sim.IsCancelled(err), nil
		})), true
	case "result":
		return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) {
			if !v.fut.Done() {
				return nil, newExc(excRuntime, "Result is not set.")
			}
			r, err := v.fut.Retrieve()
			if err != nil {
				return nil, fromSim(err)
			}
			return v.conv(r), nil
		})), true
	case "set_result", "set_exception":
		if v.task != nil {
			return nil, false
		}
		return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) {
			if len(c.args) != 1 {
				return nil, c.errorf("%s() takes exactly one argument", name)
			}
			if v.fut.Done() {
				return nil, newExc(excInvalidState, "invalid state")
			}
			if name == "set_result" {
				v.fut.SetResult(c.args[0])
				return nil, nil
			}
			v.fut.SetError(toSim(toException(c.args[0])))
			return nil, nil
		})), true
	case "exception":
		return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) {
			if !v.fut.Done() {
				return nil, newExc(excInvalidState, "Exception is not set.")
			}
			_, err := v.fut.Retrieve()
			if err == nil {
				return nil, nil
			}
			if sim.IsCancelled(err) {
				return nil, fromSim(err)
			}
			return fromSim(err), nil
		})), true
	case "set_name":
		if v.task != nil {
			return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) {
				n, _ := c.arg(0, "value")
				v.task.SetName(str(n))
				v.label = "await " + v.task.Name()
				return nil, nil
			})), true
		}
	case "add_done_callback":
		return method(v, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if len(c.args) != 1 {
				return nil, nil, c.errorf("add_done_callback() takes one callback")
			}
			loop := c.ctx().Loop()
			if loop == nil {
				return nil, nil, newExc(excRuntime, "no running event loop")
			}
			cb := pyCallback(c, c.args[0], []Value{v}, "Handle")
			v.fut.WhenDone(func() { loop.CallSoon(cb) })
			return nil, nil, nil
		}), true
	case "get_name":
		if v.task != nil {
			return method(v, name, pure(func(c *call, _ Value) (Value, *Exception) { return v.task.Name(), nil })), true
		}
	}
	return nil, false
}

func (v *futureVal) conv(r Value) Value {
	if v.convert != nil {
		return v.convert(r)
	}
	return r
}

func (v *futureVal) await(f *Fiber) (Value, sim.Effect, *Exception) {
	if v.fut == nil {
		return nil, nil, newExc(excRuntime, "the event loop this belongs to has not started yet")
	}
	if v.fut.Done() {
		r, err := v.fut.Retrieve()
		if err != nil {
			return nil, nil, fromSim(err)
		}
		return v.conv(r), nil, nil
	}
	f.convert = v.convert
	return nil, sim.Await{F: v.fut, Label: v.label}, nil
}

// sleepAw is asyncio.sleep(d).
type sleepAw struct {
	d      sim.Time
	result Value
}

func (s *sleepAw) TypeName() string          { return "coroutine" }
func (s *sleepAw) Attr(string) (Value, bool) { return nil, false }
func (s *sleepAw) String() string            { return "<coroutine object sleep>" }

func (s *sleepAw) await(f *Fiber) (Value, sim.Effect, *Exception) {
	if s.d == 0 {
		return nil, sim.Yield{}, nil
	}
	f.convert = nil // the sleep's future ends with nil: the result as it is
	if res := s.result; res != nil {
		f.convert = func(Value) Value { return res }
	}
	return nil, sim.Await{F: f.ctx.Sleep(s.d), Label: f.run.sleepLabel(s.d, true)}, nil
}

// lazyAw is an awaitable that does its work when awaited (wait_for,
// to_thread, run_in_threadpool and the I/O of client libraries).
type lazyAw struct {
	name string
	call string // the call as the code wrote it, for a task's lane ("" for name(…))
	run  func(f *Fiber) (Value, sim.Effect, *Exception)
}

func (l *lazyAw) TypeName() string          { return "coroutine" }
func (l *lazyAw) Attr(string) (Value, bool) { return nil, false }
func (l *lazyAw) String() string            { return "<coroutine object " + l.name + ">" }
func (l *lazyAw) await(f *Fiber) (Value, sim.Effect, *Exception) {
	return l.run(f)
}

// toFuture makes an awaitable into a future on the running loop: a
// coroutine becomes a task, as asyncio.ensure_future does.
func toFuture(f *Fiber, v Value) (*sim.Future, *Exception) {
	switch x := v.(type) {
	case *futureVal:
		return x.fut, nil
	case *Coroutine:
		t, exc := f.newTask(x)
		if exc != nil {
			return nil, exc
		}
		return t.Future(), nil
	case awaitable:
		if exc := f.run.countTask(); exc != nil {
			return nil, exc
		}
		at := f.frames[len(f.frames)-1].pos()
		fr := &Frame{code: awaitCode(x, at), globals: f.frames[0].globals}
		return f.ctx.CreateTask(newFiber(f.run, fr), awaitableCall(x)).Future(), nil
	}
	return nil, newExc(excType, fmt.Sprintf("An asyncio.Future, a coroutine or an awaitable is required, not %s", typeName(v)))
}

// awaitCode is a tiny function body "return await aw", used to run a
// non-coroutine awaitable as a task; it stands at at, where the task was
// made, for its spans' lines.
func awaitCode(aw Value, at syntax.Pos) *Code {
	return &Code{Name: "await", Instrs: []Instr{{Op: opConst}, {Op: opAwait}, {Op: opReturn}},
		Pos: samePos(at, 3), Consts: []Value{aw}, VarArgs: -1, KwArgs: -1, Def: at}
}

// awaitableCall names an awaitable for the lane of the task that runs
// it, as the code wrote it: "asyncio.sleep(1)", "fetch(3)".
func awaitableCall(x Value) string {
	switch a := x.(type) {
	case *sleepAw:
		return "asyncio.sleep(" + a.d.Text() + ")"
	case *lazyAw:
		if a.call != "" {
			return a.call
		}
		return a.name + "(...)"
	case *Coroutine:
		return coroutineCall(a)
	case *futureVal:
		if a.task != nil {
			return a.task.Name()
		}
	}
	return typeName(x)
}

func (f *Fiber) newTask(co *Coroutine) (*sim.Task, *Exception) {
	if co.Started {
		return nil, newExc(excRuntime, "cannot reuse already awaited coroutine")
	}
	if exc := f.run.countTask(); exc != nil {
		return nil, exc
	}
	co.Started = true
	t := f.ctx.CreateTask(newFiber(f.run, co.Frame), coroutineCall(co))
	return t, nil
}

func needLoop(c *call) *Exception {
	if c.ctx().Loop() == nil {
		return newExc(excRuntime, "no running event loop")
	}
	return nil
}

func asyncioModule() *Module {
	m := &Module{Name: "asyncio", Attrs: map[string]Value{
		"TimeoutError":      excTimeout,
		"CancelledError":    excCancelled,
		"InvalidStateError": excInvalidState,
	}}
	fns := map[string]func(c *call) (Value, sim.Effect, *Exception){
		"sleep": func(c *call) (Value, sim.Effect, *Exception) {
			v, ok := c.arg(0, "delay")
			if !ok {
				return nil, nil, c.errorf("sleep() missing required argument: 'delay'")
			}
			if f, ok := toFloat(v); ok && f < 0 {
				v = int64(0) // asyncio.sleep treats a negative delay as 0
			}
			d, exc := seconds(v, "asyncio.sleep()")
			res, _ := c.arg(1, "result")
			return &sleepAw{d: d, result: res}, nil, exc
		},
		"create_task":   createTask,
		"ensure_future": createTask,
		"gather":        gather,
		"wait_for":      waitFor,
		"run":           asyncioRun,
		"get_running_loop": func(c *call) (Value, sim.Effect, *Exception) {
			if exc := needLoop(c); exc != nil {
				return nil, nil, exc
			}
			return c.f.run.loopValue(c.ctx().Loop()), nil, nil
		},
		"get_event_loop":           getEventLoop,
		"new_event_loop":           func(c *call) (Value, sim.Effect, *Exception) { return &loopVal{}, nil, nil },
		"set_event_loop":           setEventLoop,
		"run_coroutine_threadsafe": runCoroutineThreadsafe,
		"Semaphore":                newSemaphore,
		"BoundedSemaphore": func(c *call) (Value, sim.Effect, *Exception) {
			v, _, exc := newSemaphore(c)
			if s, ok := v.(*semVal); ok {
				s.kind, s.bound = "BoundedSemaphore", s.sem.Value()
			}
			return v, nil, exc
		},
		"Lock": func(c *call) (Value, sim.Effect, *Exception) {
			return &semVal{sem: sim.NewSemaphore(1), kind: "Lock"}, nil, nil
		},
		"to_thread": func(c *call) (Value, sim.Effect, *Exception) {
			if len(c.args) == 0 {
				return nil, nil, c.errorf("to_thread() needs a function")
			}
			job := jobFor(c.f.run, c.f.frames[0].globals, c.args[0], c.args[1:], c.pos())
			return &lazyAw{name: "to_thread", call: passedCall("to_thread", c.args[0], c.args[1:]), run: func(f *Fiber) (Value, sim.Effect, *Exception) {
				return nil, sim.Await{F: f.ctx.RunInExecutor(nil, job), Label: "await asyncio.to_thread(" + job.Label + ")"}, nil
			}}, nil, nil
		},
	}
	for name, fn := range asyncioTaskFns() {
		fns[name] = fn
	}
	for name, fn := range fns {
		m.Attrs[name] = &Builtin{Name: "asyncio." + name, Fn: fn}
	}
	return m
}

func createTask(c *call) (Value, sim.Effect, *Exception) {
	if exc := needLoop(c); exc != nil {
		return nil, nil, exc
	}
	v, _ := c.arg(0, "coro")
	switch x := v.(type) {
	case *Coroutine:
		t, exc := c.f.newTask(x)
		if exc != nil {
			return nil, nil, exc
		}
		if n, ok := c.arg(-1, "name"); ok && n != nil {
			t.SetName(str(n))
		}
		tv := c.f.run.taskValue(t)
		tv.label = "await " + t.Name()
		return tv, nil, nil
	case *futureVal:
		return x, nil, nil
	}
	fut, exc := toFuture(c.f, v)
	if exc != nil {
		return nil, nil, exc
	}
	return &futureVal{fut: fut, label: "await a task"}, nil, nil
}

// gather wraps its coroutines in tasks at once, in argument order, and
// returns a future of the results in the same order.
func gather(c *call) (Value, sim.Effect, *Exception) {
	if c.ctx().Loop() == nil {
		return gatherLater(c)
	}
	futs := make([]*sim.Future, 0, len(c.args))
	for _, a := range c.args {
		fut, exc := toFuture(c.f, a)
		if exc != nil {
			return nil, nil, exc
		}
		futs = append(futs, fut)
	}
	retExc := false
	if v, ok := c.arg(-1, "return_exceptions"); ok {
		retExc = truthy(v)
	}
	label := fmt.Sprintf("await asyncio.gather(%d awaitables)", len(futs))
	return &futureVal{fut: c.ctx().Gather(futs, retExc), convert: gatherResults, label: label}, nil, nil
}

// gatherResults is a gather's list of results (exceptions as values).
func gatherResults(v Value) Value {
	items, _ := v.([]any)
	out := &List{Items: make([]Value, len(items))}
	for i, it := range items {
		if err, ok := it.(error); ok {
			out.Items[i] = fromSim(err)
		} else {
			out.Items[i] = it
		}
	}
	return out
}

// gatherLater is gather() called where no loop runs, as code before
// asyncio.run did: its tasks belong to the thread's current loop and
// start when that loop runs (loop.run_until_complete(gather(...))).
func gatherLater(c *call) (Value, sim.Effect, *Exception) {
	v, _, exc := getEventLoop(c)
	if exc != nil {
		return nil, nil, exc
	}
	lv := v.(*loopVal)
	if lv.isClosed() {
		return nil, nil, newExc(excRuntime, "Event loop is closed")
	}
	retExc := false
	if rv, ok := c.arg(-1, "return_exceptions"); ok {
		retExc = truthy(rv)
	}
	args := c.args
	for _, a := range args {
		switch x := a.(type) {
		case *Coroutine:
			if x.Started {
				return nil, nil, newExc(excRuntime, "cannot reuse already awaited coroutine")
			}
			x.Started = true
		case *futureVal:
		default:
			return nil, nil, newExc(excType, "An asyncio.Future, a coroutine or an awaitable is required")
		}
	}
	r := c.f.run
	fv := &futureVal{convert: gatherResults, label: fmt.Sprintf("await asyncio.gather(%d awaitables)", len(args))}
	lv.queue = append(lv.queue, func(sc *sim.Ctx) {
		futs := make([]*sim.Future, 0, len(args))
		for _, a := range args {
			switch x := a.(type) {
			case *Coroutine:
				t := sc.CreateTask(newFiber(r, x.Frame), coroutineCall(x))
				futs = append(futs, r.taskValue(t).fut)
			case *futureVal:
				futs = append(futs, x.fut)
			}
		}
		fv.fut = sc.Gather(futs, retExc)
	})
	return fv, nil, nil
}

func waitFor(c *call) (Value, sim.Effect, *Exception) {
	aw, ok := c.arg(0, "fut")
	if !ok {
		return nil, nil, c.errorf("wait_for() missing required argument: 'fut'")
	}
	tv, ok := c.arg(1, "timeout")
	if !ok {
		return nil, nil, c.errorf("wait_for() missing required argument: 'timeout'")
	}
	var timeout sim.Time = -1
	if tv != nil {
		d, exc := seconds(tv, "timeout")
		if exc != nil {
			return nil, nil, exc
		}
		timeout = d
	}
	args := []string{awaitableCall(aw)}
	if timeout >= 0 {
		args = append(args, timeout.Text())
	}
	return &lazyAw{name: "wait_for", call: callText("asyncio.wait_for", args), run: func(f *Fiber) (Value, sim.Effect, *Exception) {
		fut, exc := toFuture(f, aw)
		if exc != nil {
			return nil, nil, exc
		}
		if timeout < 0 {
			return nil, sim.Await{F: fut, Label: "await asyncio.wait_for(...)"}, nil
		}
		return nil, sim.Await{F: f.ctx.WaitFor(fut, timeout), Label: "await asyncio.wait_for(..., timeout=" + timeout.Text() + ")"}, nil
	}}, nil, nil
}

// asyncioRun starts an event loop on the calling thread.
func asyncioRun(c *call) (Value, sim.Effect, *Exception) {
	if c.ctx().Loop() != nil {
		return nil, nil, newExc(excRuntime, "asyncio.run() cannot be called from a running event loop")
	}
	v, _ := c.arg(0, "main")
	co, ok := v.(*Coroutine)
	if !ok {
		return nil, nil, newExc(excValue, "a coroutine was expected, got "+repr(v))
	}
	if co.Started {
		return nil, nil, newExc(excRuntime, "cannot reuse already awaited coroutine")
	}
	co.Started = true
	fib := newFiber(c.f.run, co.Frame)
	return nil, sim.RunLoop{Main: fib, Name: coroutineCall(co), Lane: -1}, nil
}

// loopVal is an event loop, as get_running_loop() returns it; another
// thread may keep it to hand the loop work (threadsafe.go).
type loopVal struct {
	loop *sim.Loop // nil until it runs (new_event_loop)
	// what was asked of it before it ran: tasks to create, callbacks
	queue     []func(c *sim.Ctx)
	stop      *sim.Future // run_forever's: stop() completes it
	closed    bool
	autoClose bool // asyncio.run's loop, closed once it stops
}

func (l *loopVal) TypeName() string { return "_UnixSelectorEventLoop" }
func (l *loopVal) Attr(name string) (Value, bool) {
	if v, ok := l.lifecycle(name); ok {
		return v, true
	}
	if v, ok := l.primitive(name); ok {
		return v, true
	}
	switch name {
	case "call_soon":
		return method(l, name, l.callSoon(false)), true
	case "call_soon_threadsafe":
		return method(l, name, l.callSoon(true)), true
	case "run_in_executor":
		return method(l, name, runInExecutor), true
	case "create_future":
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			return &futureVal{fut: c.ctx().NewFuture(nil), label: "await a future"}, nil
		})), true
	case "_waiter":
		// a library's waiter (lib/asyncio): a future that, cancelled,
		// leaves the waiter list it is on
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			label, _ := c.args[0].(string)
			list, _ := c.args[1].(*List)
			fv := &futureVal{label: "await " + label}
			fv.fut = c.ctx().NewFuture(func() {
				for i, w := range list.Items {
					if w == Value(fv) {
						list.Items = append(list.Items[:i], list.Items[i+1:]...)
						break
					}
				}
			})
			return fv, nil
		})), true
	case "time":
		return method(l, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			return c.ctx().Now().Seconds(), nil, nil
		}), true
	case "set_debug":
		// The simulator always reports what debug mode would (slow steps),
		// so turning it on or off changes nothing here; the code that does
		// it runs, and the export runs it in debug mode for real.
		return method(l, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if _, ok := c.arg(0, "enabled"); !ok {
				return nil, nil, c.errorf("set_debug() missing 1 required positional argument: 'enabled'")
			}
			return nil, nil, nil
		}), true
	}
	return nil, false
}

func runInExecutor(c *call, _ Value) (Value, sim.Effect, *Exception) {
	if len(c.args) < 2 {
		return nil, nil, c.errorf("run_in_executor() needs an executor (or None) and a function")
	}
	var pool *sim.Pool
	executor := c.args[0]
	if inst, ok := executor.(*Instance); ok {
		executor = inst.Attrs["_pool"] // a concurrent.futures executor (lib/)
	}
	switch ex := executor.(type) {
	case nil:
	case Executor:
		pool = ex.Pool()
	default:
		return nil, nil, c.errorf("run_in_executor() needs an executor or None, not %s", typeName(ex))
	}
	job := jobFor(c.f.run, c.f.frames[0].globals, c.args[1], c.args[2:], c.pos())
	where := "the default executor"
	if pool != nil {
		where = "a pool"
	}
	fut := c.ctx().RunInExecutor(pool, job)
	return &futureVal{fut: fut, label: "await " + job.Label + " in " + where}, nil, nil
}

// semVal is asyncio.Semaphore or Lock.
type semVal struct {
	sem   *sim.Semaphore
	kind  string
	bound int // a BoundedSemaphore's initial value, which release must not pass
}

func newSemaphore(c *call) (Value, sim.Effect, *Exception) {
	n := int64(1)
	if v, ok := c.arg(0, "value"); ok {
		k, ok := v.(int64)
		if !ok || k < 0 {
			return nil, nil, newExc(excValue, "Semaphore initial value must be >= 0")
		}
		n = k
	}
	return &semVal{sem: sim.NewSemaphore(int(n)), kind: "Semaphore"}, nil, nil
}

func (s *semVal) TypeName() string { return s.kind }
func (s *semVal) String() string {
	return fmt.Sprintf("<asyncio.locks.%s [value=%d]>", s.kind, s.sem.Value())
}

func (s *semVal) Attr(name string) (Value, bool) {
	switch name {
	case "acquire":
		return method(s, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			return &lazyAw{name: "acquire", run: func(f *Fiber) (Value, sim.Effect, *Exception) { return s.acquire(f) }}, nil, nil
		}), true
	case "release":
		return method(s, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			switch {
			case s.kind == "Lock" && s.sem.Value() > 0:
				return nil, nil, newExc(excRuntime, "Lock is not acquired.")
			case s.kind == "BoundedSemaphore" && s.sem.Value() >= s.bound:
				return nil, nil, newExc(excValue, "BoundedSemaphore released too many times")
			}
			c.ctx().Release(s.sem)
			return nil, nil, nil
		}), true
	case "locked":
		return method(s, name, pure(func(c *call, _ Value) (Value, *Exception) { return s.sem.Value() == 0, nil })), true
	}
	return nil, false
}

func (s *semVal) acquire(f *Fiber) (Value, sim.Effect, *Exception) {
	fut := f.ctx.Acquire(s.sem)
	if fut == nil {
		return true, nil, nil
	}
	return nil, sim.Await{F: fut, Label: "waiting for the " + s.kind}, nil
}

func (s *semVal) enter(f *Fiber, async bool) (Value, sim.Effect, *Exception) {
	if !async {
		return nil, nil, newExc(excType, "use 'async with' with an asyncio."+s.kind)
	}
	if f.ctx.Loop() == nil {
		return nil, nil, newExc(excRuntime, "no running event loop")
	}
	_, eff, exc := s.acquire(f)
	if eff != nil {
		f.convert = func(Value) Value { return nil }
	}
	return nil, eff, exc
}

func (s *semVal) exit(f *Fiber, async bool) *Exception {
	f.ctx.Release(s.sem)
	return nil
}
