// Package threading is Python's threading module, simulated: a Thread
// runs its target on a new OS thread of the process, which takes the GIL
// like any other; Lock, Event, Condition, Semaphore and Barrier are
// written in Python (sync.py) on the waiters defined here.
package threading

import (
	"fmt"
	"strconv"

	"looplab/wasm/py"
	"looplab/wasm/sim"
)

func init() { py.Register(module()) }

// threadVal is a threading.Thread: a plain function run in a new OS thread
// of the process, which takes the GIL like any other.
type threadVal struct {
	target py.Value
	args   []py.Value
	kw     []string
	kwv    []py.Value
	name   string
	daemon bool
	th     *sim.Thread // once started
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

func (t *threadVal) Attr(name string) (py.Value, bool) {
	switch name {
	case "name":
		return t.name, true
	case "daemon":
		return t.daemon, true
	case "start":
		return py.NewEffectMethod(t, name, t.start), true
	case "join":
		return py.NewEffectMethod(t, name, t.join), true
	case "is_alive":
		return py.NewMethod(t, name, (func(c *py.Call) (py.Value, *py.Exception) {
			return t.th != nil && t.th.Alive(), nil
		})), true
	}
	return nil, false
}

func (t *threadVal) SetAttr(name string, v py.Value) bool {
	switch name {
	case "name":
		t.name = py.Str(v)
		return true
	case "daemon":
		if t.th != nil {
			return false // CPython: cannot set daemon status of active thread
		}
		t.daemon = py.Truthy(v)
		return true
	}
	return false
}

// newThreadVal is Thread(group=None, target=None, name=None, args=(),
// kwargs=None, *, daemon=None).
func newThreadVal(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	if g, _ := c.Arg(0, "group"); g != nil {
		return nil, nil, py.NewError(py.ValueError, "group argument must be None for now")
	}
	t := &threadVal{}
	t.target, _ = c.Arg(1, "target")
	if v, ok := c.Arg(3, "args"); ok && v != nil {
		items, exc := py.Iterate(v)
		if exc != nil {
			return nil, nil, exc
		}
		t.args = items
	}
	if v, ok := c.Arg(4, "kwargs"); ok && v != nil {
		d, isDict := v.(*py.Dict)
		if !isDict {
			return nil, nil, c.Errorf("Thread() kwargs must be a dict, not %s", py.TypeName(v))
		}
		for i, k := range d.Keys {
			ks, isStr := k.(string)
			if !isStr {
				return nil, nil, c.Errorf("keywords must be strings")
			}
			t.kw, t.kwv = append(t.kw, ks), append(t.kwv, d.Values[i])
		}
	}
	if v, ok := c.Arg(-1, "daemon"); ok && v != nil {
		t.daemon = py.Truthy(v)
	} else {
		t.daemon = c.Ctx().InDaemon() // a new thread inherits its creator's flag
	}
	if v, _ := c.Arg(2, "name"); v != nil {
		t.name = py.Str(v)
	} else {
		// Python 3.10+: "Thread-N (target)", numbered per process.
		t.name = "Thread-" + strconv.Itoa(c.Ctx().NextThreadNumber())
		if t.target != nil {
			t.name += " (" + py.CallableName(t.target) + ")"
		}
	}
	return t, nil, nil
}

func (t *threadVal) start(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	if t.th != nil {
		return nil, nil, py.NewError(py.RuntimeError, "threads can only be started once")
	}
	th, eff, exc := c.StartThread(py.ThreadStart{Target: t.target, Args: t.args, Kw: t.kw, KwVals: t.kwv, Name: t.name, Daemon: t.daemon})
	if exc != nil {
		return nil, nil, exc
	}
	t.th = th
	threadObjects(c)[th] = t
	return nil, eff, nil
}

// threadsKey finds a run's started Threads by their simulator thread, so
// that enumerate() and current_thread() give back the program's own
// objects.
type threadsKey struct{}

func threadObjects(c *py.Call) map[*sim.Thread]*threadVal {
	return c.State(threadsKey{}, func() any { return map[*sim.Thread]*threadVal{} }).(map[*sim.Thread]*threadVal)
}

// threadObject is th as threading shows it: the Thread the program
// started, or a stand-in for the main thread or a pool's worker.
func threadObject(c *py.Call, th *sim.Thread) py.Value {
	if t, ok := threadObjects(c)[th]; ok {
		return t
	}
	return &currentThread{name: th.PyName()}
}

// join(timeout=None) blocks the calling thread, with the GIL released,
// until the thread ends or the timeout passes; it returns None either way.
func (t *threadVal) join(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	if t.th == nil {
		return nil, nil, py.NewError(py.RuntimeError, "cannot join thread before it is started")
	}
	if c.Ctx().IsCurrent(t.th) {
		return nil, nil, py.NewError(py.RuntimeError, "cannot join current thread")
	}
	timeout := sim.Time(-1)
	if v, ok := c.Arg(0, "timeout"); ok && v != nil {
		if f, ok := py.ToFloat(v); ok && f < 0 {
			v = int64(0) // a negative timeout does not wait, as in CPython
		}
		d, exc := py.Seconds(v, "join() timeout")
		if exc != nil {
			return nil, nil, exc
		}
		timeout = d
	}
	eff := c.Ctx().Join(t.th, timeout)
	if eff == nil {
		return nil, nil, nil
	}
	c.Returns(nil)
	return nil, eff, nil
}

// currentThread is what threading.current_thread() returns: enough of a
// Thread to ask its name.
type currentThread struct {
	name   string
	daemon bool
}

func (t *currentThread) TypeName() string { return "Thread" }
func (t *currentThread) String() string   { return fmt.Sprintf("<Thread(%s, started)>", t.name) }
func (t *currentThread) Attr(name string) (py.Value, bool) {
	switch name {
	case "name":
		return t.name, true
	case "daemon":
		return t.daemon, true
	case "is_alive":
		return py.NewMethod(t, name, (func(c *py.Call) (py.Value, *py.Exception) { return true, nil })), true
	}
	return nil, false
}

func module() *py.Module {
	m := &py.Module{Name: "threading", Attrs: map[string]py.Value{
		"Thread": &py.Builtin{Name: "Thread", Fn: newThreadVal},
		"current_thread": &py.Builtin{Name: "current_thread", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			for _, th := range c.Ctx().PyThreads() {
				if c.Ctx().IsCurrent(th) {
					return threadObject(c, th), nil
				}
			}
			return &currentThread{name: c.Ctx().ThreadName(), daemon: c.Ctx().InDaemon()}, nil
		})},
		"active_count": &py.Builtin{Name: "active_count", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return int64(len(c.Ctx().PyThreads())), nil
		})},
		"enumerate": &py.Builtin{Name: "enumerate", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			out := &py.List{}
			for _, th := range c.Ctx().PyThreads() {
				out.Items = append(out.Items, threadObject(c, th))
			}
			return out, nil
		})},
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
func (w *threadWaiter) Attr(name string) (py.Value, bool) {
	if name == "wake" {
		return py.NewMethod(w, name, (func(c *py.Call) (py.Value, *py.Exception) {
			w.fut.SetResult(true)
			return nil, nil
		})), true
	}
	return nil, false
}

// threadingPrimitives are the module's private helpers for lib/threading.
func threadingPrimitives(m *py.Module) {
	m.Attrs["_waiter"] = &py.Builtin{Name: "_waiter", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		label, _ := c.Arg(0, "label")
		return &threadWaiter{fut: sim.NewConcurrentFuture(), label: py.Str(label)}, nil
	})}
	// _block(waiter, timeout) blocks the calling thread until woken (True)
	// or timeout seconds pass (False; a negative timeout waits for good)
	m.Attrs["_block"] = &py.Builtin{Name: "_block", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
		w, ok := c.Args()[0].(*threadWaiter)
		if !ok {
			return nil, nil, c.Errorf("_block needs a waiter")
		}
		if w.fut.Done() {
			return true, nil, nil
		}
		timeout := sim.Time(-1)
		if f, ok := py.ToFloat(c.Args()[1]); ok && f >= 0 {
			d, exc := py.Seconds(f, "timeout")
			if exc != nil {
				return nil, nil, exc
			}
			timeout = d
		}
		if c.Ctx().Loop() != nil {
			// on the event loop this blocks the loop, as it does in CPython
		}
		c.Then(func(v py.Value) py.Value { return v == true })
		return nil, sim.Wait{F: w.fut, Timeout: timeout, Label: w.label}, nil
	}}
	m.Attrs["get_ident"] = &py.Builtin{Name: "get_ident", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
		return int64(140000000000000 + c.Ctx().Lane()), nil, nil
	}}
}
