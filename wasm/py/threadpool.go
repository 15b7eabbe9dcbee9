package py

import (
	"strings"

	"looplab/wasm/sim"
)

// InThreadpool is an awaitable that runs the call's first argument,
// called with the rest, in the process's threadpool (AnyIO's worker
// threads under the default limiter of 40 tokens, which Starlette's
// run_in_threadpool and FastAPI's def endpoints share). name is the
// call as the code writes it ("to_thread.run_sync").
func (c *call) InThreadpool(name string) (Value, *Exception) {
	if len(c.args) == 0 {
		return nil, c.errorf("%s() needs a function", name[strings.LastIndexByte(name, '.')+1:])
	}
	job := jobFor(c.f.run, c.f.frames[0].globals, c.args[0], c.args[1:], c.pos())
	return &lazyAw{name: name[strings.LastIndexByte(name, '.')+1:], call: passedCall(name, c.args[0], c.args[1:]), run: func(f *Fiber) (Value, sim.Effect, *Exception) {
		return nil, sim.Await{F: f.ctx.RunInThreadpool(job), Label: "await " + name + "(" + job.Label + ")"}, nil
	}}, nil
}
