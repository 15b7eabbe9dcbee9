package py

import (
	"fmt"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// ThreadStart is a Python callable to run on a new thread of the
// process (threading.Thread's target, or none), and the thread's name
// and daemon flag.
type ThreadStart struct {
	Target Value // nil: the thread runs and ends
	Args   []Value
	Kw     []string
	KwVals []Value
	Name   string
	Daemon bool
}

// StartThread starts the thread, within the run's limit on threads. The
// effect it returns hands the GIL to the new thread until the thread lets
// go, as CPython's Thread.start() does; the builtin returns it. An
// exception that ends the thread is printed as threading.excepthook
// prints it, and the process goes on.
func (c *call) StartThread(t ThreadStart) (*sim.Thread, sim.Effect, *Exception) {
	r := c.f.run
	if r.threads >= maxThreads {
		return nil, nil, newExc(excRuntime, fmt.Sprintf("can't start new thread: the simulator's limit is %d threads", maxThreads))
	}
	r.threads++
	globals := c.f.frames[0].globals
	var fib *Fiber
	if t.Target == nil {
		fib = newFiber(r, &Frame{code: returnNone, globals: globals})
	} else {
		fib = callFiber(r, globals, t.Target, t.Args, t.Kw, t.KwVals, c.pos())
	}
	name := t.Name
	th := c.ctx().StartThread(sim.ThreadSpec{Fiber: fib, Name: name, Daemon: t.Daemon,
		Exit: func(c *sim.Ctx, v any, err error) {
			if err != nil {
				r.print(c, "Exception in thread "+name+":")
				r.printTraceback(c, fromSim(err))
			}
			// An async def target only makes a coroutine, which nobody runs.
			if co, ok := v.(*Coroutine); ok && !co.Started {
				c.Warn("RuntimeWarning: coroutine '" + co.Fn.Code.Name + "' was never awaited")
			}
		}})
	return th, c.ctx().ThreadStarting(nil), nil
}

// returnNone is the body of a Thread without a target.
var returnNone = &Code{Name: "run", Instrs: []Instr{{Op: opConst}, {Op: opReturn}},
	Pos: make([]syntax.Pos, 2), Consts: []Value{nil}, VarArgs: -1, KwArgs: -1}
