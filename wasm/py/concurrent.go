package py

import (
	"fmt"

	"looplab/wasm/sim"
)

// poolVal is a ThreadPoolExecutor or ProcessPoolExecutor.
type poolVal struct {
	pool    *sim.Pool
	process bool
}

func (p *poolVal) typeName() string {
	if p.process {
		return "ProcessPoolExecutor"
	}
	return "ThreadPoolExecutor"
}

func (p *poolVal) String() string {
	return fmt.Sprintf("<%s max_workers=%d>", p.typeName(), p.pool.Max())
}

func (p *poolVal) attr(name string) (Value, bool) { return nil, false }

func newPool(process bool) func(c *call) (Value, sim.Effect, *Exception) {
	return func(c *call) (Value, sim.Effect, *Exception) {
		n := int64(0)
		if v, ok := c.arg(0, "max_workers"); ok && v != nil {
			k, ok := v.(int64)
			if !ok || k <= 0 {
				return nil, nil, newExc(excValue, "max_workers must be greater than 0")
			}
			if k > 1000 {
				return nil, nil, newExc(excValue, "max_workers over 1000 is beyond the simulator's limit")
			}
			n = k
		}
		if process {
			return &poolVal{pool: c.ctx().NewProcessPool(int(n)), process: true}, nil, nil
		}
		return &poolVal{pool: c.ctx().NewThreadPool(int(n))}, nil, nil
	}
}

func concurrentModule() *Module {
	return &Module{Name: "concurrent.futures", Attrs: map[string]Value{
		"ThreadPoolExecutor":  &Builtin{Name: "ThreadPoolExecutor", Fn: newPool(false)},
		"ProcessPoolExecutor": &Builtin{Name: "ProcessPoolExecutor", Fn: newPool(true)},
		"TimeoutError":        excTimeout,
	}}
}

// runInThreadpool is Starlette's run_in_threadpool(fn, *args).
func runInThreadpool(c *call) (Value, sim.Effect, *Exception) {
	if len(c.args) == 0 {
		return nil, nil, c.errorf("run_in_threadpool() needs a function")
	}
	job := jobFor(c.f.run, c.f.frames[0].globals, c.args[0], c.args[1:], c.pos())
	return &lazyAw{name: "run_in_threadpool", call: passedCall("run_in_threadpool", c.args[0], c.args[1:]), run: func(f *Fiber) (Value, sim.Effect, *Exception) {
		return nil, sim.Await{F: f.ctx.RunInThreadpool(job), Label: "await run_in_threadpool(" + job.Label + ")"}, nil
	}}, nil, nil
}
