// Package anyio is the Go half of anyio: to_thread.run_sync runs in
// AnyIO's worker threads under its default limiter of 40 tokens (the one
// Starlette's threadpool uses), and from_thread.run hands a coroutine
// from a worker thread to the event loop and blocks until it is done.
// The rest (task groups, cancel scopes, streams, locks) is anyio.py.
package anyio

import (
	"looplab/wasm/py"
	"looplab/wasm/sim"
)

func init() {
	m := module()
	py.Register(m)
	py.Register(m.Attrs["to_thread"].(*py.Module))
	py.Register(m.Attrs["from_thread"].(*py.Module))
}

func module() *py.Module {
	runSync := &py.Builtin{Name: "run_sync", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		return c.InThreadpool("to_thread.run_sync")
	})}
	fromThread := &py.Builtin{Name: "run", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
		if len(c.Args()) == 0 {
			return nil, nil, c.Errorf("from_thread.run() needs an async function")
		}
		if c.Ctx().Loop() != nil {
			return nil, nil, py.NewError(py.RuntimeError, "This function can only be run from an AnyIO worker thread")
		}
		loop := c.Ctx().Process().Loop()
		if loop == nil || !loop.Running() {
			return nil, nil, py.NewError(py.RuntimeError, "This function can only be run from an AnyIO worker thread")
		}
		args := c.Args()
		fut, exc := c.RunOnLoop(loop, args[0], args[1:], "from_thread.run()")
		if exc != nil {
			return nil, nil, exc
		}
		return nil, sim.Wait{F: fut, Timeout: -1, Label: "from_thread.run(" + py.CallLabel(args[0], args[1:]) + ")"}, nil
	}}
	return &py.Module{Name: "anyio", Attrs: map[string]py.Value{
		"to_thread":   &py.Module{Name: "anyio.to_thread", Attrs: map[string]py.Value{"run_sync": runSync}},
		"from_thread": &py.Module{Name: "anyio.from_thread", Attrs: map[string]py.Value{"run": fromThread}},
	}}
}
