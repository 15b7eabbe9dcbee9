package py

import "looplab/wasm/sim"

// anyioModule is the Go half of anyio: to_thread.run_sync runs in AnyIO's
// worker threads under its default limiter of 40 tokens (the one
// Starlette's threadpool uses), and from_thread.run hands a coroutine
// from a worker thread to the event loop and blocks until it is done.
// The rest is in lib/anyio.
func anyioModule() *Module {
	runSync := &Builtin{Name: "run_sync", Fn: func(c *call) (Value, sim.Effect, *Exception) {
		if len(c.args) == 0 {
			return nil, nil, c.errorf("run_sync() needs a function")
		}
		job := jobFor(c.f.run, c.f.frames[0].globals, c.args[0], c.args[1:], c.pos())
		return &lazyAw{name: "run_sync", call: passedCall("to_thread.run_sync", c.args[0], c.args[1:]), run: func(f *Fiber) (Value, sim.Effect, *Exception) {
			return nil, sim.Await{F: f.ctx.RunInThreadpool(job), Label: "await to_thread.run_sync(" + job.Label + ")"}, nil
		}}, nil, nil
	}}
	fromThread := &Builtin{Name: "run", Fn: func(c *call) (Value, sim.Effect, *Exception) {
		if len(c.args) == 0 {
			return nil, nil, c.errorf("from_thread.run() needs an async function")
		}
		if c.ctx().Loop() != nil {
			return nil, nil, newExc(excRuntime, "This function can only be run from an AnyIO worker thread")
		}
		loop := c.ctx().Process().Loop()
		if loop == nil || !loop.Running() {
			return nil, nil, newExc(excRuntime, "This function can only be run from an AnyIO worker thread")
		}
		v, exc := c.f.callSync(c.args[0], c.args[1:])
		if exc != nil {
			return nil, nil, exc
		}
		co, ok := v.(*Coroutine)
		if !ok || co.Started {
			return nil, nil, c.errorf("from_thread.run() needs an async function, not %s", typeName(c.args[0]))
		}
		co.Started = true
		fut, err := loop.RunCoroutine(newFiber(c.f.run, co.Frame), coroutineCall(co))
		if err != nil {
			return nil, nil, newExc(excRuntime, "Event loop is closed")
		}
		return nil, sim.Wait{F: fut, Timeout: -1, Label: "from_thread.run(" + callLabel(c.args[0], c.args[1:]) + ")"}, nil
	}}
	return &Module{Name: "anyio", Attrs: map[string]Value{
		"to_thread":   &Module{Name: "anyio.to_thread", Attrs: map[string]Value{"run_sync": runSync}},
		"from_thread": &Module{Name: "anyio.from_thread", Attrs: map[string]Value{"run": fromThread}},
	}}
}
