package py

import (
	"fmt"
	"strconv"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// threadVal is a threading.Thread: a plain function run in a new OS thread
// of the process, which takes the GIL like any other.
type threadVal struct {
	target  Value
	args    []Value
	kw      []string
	kwv     []Value
	name    string
	daemon  bool
	globals *Globals
	th      *sim.Thread // once started
}

func (t *threadVal) TypeName() string { return "Thread" }

func (t *threadVal) String() string {
	state := "initial"
	switch {
	case t.th != nil && t.th.Alive():
		state = "started"
	case t.th != nil:
		state = "stopped"
	}
	if t.daemon {
		state += " daemon"
	}
	return fmt.Sprintf("<Thread(%s, %s)>", t.name, state)
}

func (t *threadVal) Attr(name string) (Value, bool) {
	switch name {
	case "name":
		return t.name, true
	case "daemon":
		return t.daemon, true
	case "start":
		return method(t, name, t.start), true
	case "join":
		return method(t, name, t.join), true
	case "is_alive":
		return method(t, name, pure(func(c *call, _ Value) (Value, *Exception) {
			return t.th != nil && t.th.Alive(), nil
		})), true
	}
	return nil, false
}

func (t *threadVal) setAttr(name string, v Value) bool {
	switch name {
	case "name":
		t.name = str(v)
		return true
	case "daemon":
		if t.th != nil {
			return false // CPython: cannot set daemon status of active thread
		}
		t.daemon = truthy(v)
		return true
	}
	return false
}

// newThreadVal is Thread(group=None, target=None, name=None, args=(),
// kwargs=None, *, daemon=None).
func newThreadVal(c *call) (Value, sim.Effect, *Exception) {
	if g, _ := c.arg(0, "group"); g != nil {
		return nil, nil, newExc(excValue, "group argument must be None for now")
	}
	t := &threadVal{globals: c.f.frames[0].globals}
	t.target, _ = c.arg(1, "target")
	if v, ok := c.arg(3, "args"); ok && v != nil {
		items, exc := iterate(v)
		if exc != nil {
			return nil, nil, exc
		}
		t.args = items
	}
	if v, ok := c.arg(4, "kwargs"); ok && v != nil {
		d, isDict := v.(*Dict)
		if !isDict {
			return nil, nil, c.errorf("Thread() kwargs must be a dict, not %s", typeName(v))
		}
		for i, k := range d.Keys {
			ks, isStr := k.(string)
			if !isStr {
				return nil, nil, c.errorf("keywords must be strings")
			}
			t.kw, t.kwv = append(t.kw, ks), append(t.kwv, d.Values[i])
		}
	}
	if v, ok := c.arg(-1, "daemon"); ok && v != nil {
		t.daemon = truthy(v)
	} else {
		t.daemon = c.ctx().InDaemon() // a new thread inherits its creator's flag
	}
	if v, _ := c.arg(2, "name"); v != nil {
		t.name = str(v)
	} else {
		// Python 3.10+: "Thread-N (target)", numbered per process.
		t.name = "Thread-" + strconv.Itoa(c.ctx().NextThreadNumber())
		if t.target != nil {
			t.name += " (" + callableName(t.target) + ")"
		}
	}
	return t, nil, nil
}

func (t *threadVal) start(c *call, _ Value) (Value, sim.Effect, *Exception) {
	if t.th != nil {
		return nil, nil, newExc(excRuntime, "threads can only be started once")
	}
	r := c.f.run
	if r.threads >= maxThreads {
		return nil, nil, newExc(excRuntime, fmt.Sprintf("can't start new thread: the simulator's limit is %d threads", maxThreads))
	}
	r.threads++
	var fib *Fiber
	if t.target == nil {
		fib = newFiber(r, &Frame{code: returnNone, globals: t.globals})
	} else {
		fib = callFiber(r, t.globals, t.target, t.args, t.kw, t.kwv, c.pos())
	}
	name := t.name
	t.th = c.ctx().StartThread(sim.ThreadSpec{Fiber: fib, Name: name, Daemon: t.daemon,
		Exit: func(c *sim.Ctx, v any, err error) {
			if err != nil {
				// threading.excepthook prints it; the process goes on.
				r.print(c, "Exception in thread "+name+":")
				r.printTraceback(c, fromSim(err))
			}
			// An async def target only makes a coroutine, which nobody runs.
			if co, ok := v.(*Coroutine); ok && !co.Started {
				c.Warn("RuntimeWarning: coroutine '" + co.Fn.Code.Name + "' was never awaited")
			}
		}})
	return nil, c.ctx().ThreadStarting(nil), nil
}

// join(timeout=None) blocks the calling thread, with the GIL released,
// until the thread ends or the timeout passes; it returns None either way.
func (t *threadVal) join(c *call, _ Value) (Value, sim.Effect, *Exception) {
	if t.th == nil {
		return nil, nil, newExc(excRuntime, "cannot join thread before it is started")
	}
	if c.ctx().IsCurrent(t.th) {
		return nil, nil, newExc(excRuntime, "cannot join current thread")
	}
	timeout := sim.Time(-1)
	if v, ok := c.arg(0, "timeout"); ok && v != nil {
		if f, ok := toFloat(v); ok && f < 0 {
			v = int64(0) // a negative timeout does not wait, as in CPython
		}
		d, exc := seconds(v, "join() timeout")
		if exc != nil {
			return nil, nil, exc
		}
		timeout = d
	}
	eff := c.ctx().Join(t.th, timeout)
	if eff == nil {
		return nil, nil, nil
	}
	c.f.convert = func(Value) Value { return nil }
	return nil, eff, nil
}

// returnNone is the body of a Thread without a target.
var returnNone = &Code{Name: "run", Instrs: []Instr{{Op: opConst}, {Op: opReturn}},
	Pos: make([]syntax.Pos, 2), Consts: []Value{nil}, VarArgs: -1, KwArgs: -1}

// currentThread is what threading.current_thread() returns: enough of a
// Thread to ask its name.
type currentThread struct {
	name   string
	daemon bool
}

func (t *currentThread) TypeName() string { return "Thread" }
func (t *currentThread) String() string   { return fmt.Sprintf("<Thread(%s, started)>", t.name) }
func (t *currentThread) Attr(name string) (Value, bool) {
	switch name {
	case "name":
		return t.name, true
	case "daemon":
		return t.daemon, true
	case "is_alive":
		return method(t, name, pure(func(c *call, _ Value) (Value, *Exception) { return true, nil })), true
	}
	return nil, false
}

func threadingModule() *Module {
	m := &Module{Name: "threading", Attrs: map[string]Value{
		"Thread": &Builtin{Name: "Thread", Fn: newThreadVal},
		"current_thread": &Builtin{Name: "current_thread", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			return &currentThread{name: c.ctx().ThreadName(), daemon: c.ctx().InDaemon()}, nil, nil
		}},
	}}
	threadingPrimitives(m)
	return m
}

// threadWaiter is what lib/threading's primitives block a thread on:
// wake() releases it, at once, from whichever thread calls it.
type threadWaiter struct {
	fut   *sim.Future
	label string
}

func (w *threadWaiter) TypeName() string { return "_waiter" }
func (w *threadWaiter) Attr(name string) (Value, bool) {
	if name == "wake" {
		return method(w, name, pure(func(c *call, _ Value) (Value, *Exception) {
			w.fut.SetResult(true)
			return nil, nil
		})), true
	}
	return nil, false
}

// threadingPrimitives are the module's private helpers for lib/threading.
func threadingPrimitives(m *Module) {
	m.Attrs["_waiter"] = &Builtin{Name: "_waiter", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
		label, _ := c.arg(0, "label")
		return &threadWaiter{fut: sim.NewConcurrentFuture(), label: str(label)}, nil
	})}
	// _block(waiter, timeout) blocks the calling thread until woken (True)
	// or timeout seconds pass (False; a negative timeout waits for good)
	m.Attrs["_block"] = &Builtin{Name: "_block", Fn: func(c *call) (Value, sim.Effect, *Exception) {
		w, ok := c.args[0].(*threadWaiter)
		if !ok {
			return nil, nil, c.errorf("_block needs a waiter")
		}
		if w.fut.Done() {
			return true, nil, nil
		}
		timeout := sim.Time(-1)
		if f, ok := toFloat(c.args[1]); ok && f >= 0 {
			d, exc := seconds(f, "timeout")
			if exc != nil {
				return nil, nil, exc
			}
			timeout = d
		}
		if c.ctx().Loop() != nil {
			// on the event loop this blocks the loop, as it does in CPython
		}
		c.f.convert = func(v Value) Value { return v == true }
		return nil, sim.Wait{F: w.fut, Timeout: timeout, Label: w.label}, nil
	}}
	m.Attrs["get_ident"] = &Builtin{Name: "get_ident", Fn: func(c *call) (Value, sim.Effect, *Exception) {
		return int64(140000000000000 + c.ctx().Lane()), nil, nil
	}}
}
