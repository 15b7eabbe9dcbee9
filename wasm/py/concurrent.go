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

func (p *poolVal) TypeName() string {
	if p.process {
		return "ProcessPoolExecutor"
	}
	return "ThreadPoolExecutor"
}

func (p *poolVal) String() string {
	return fmt.Sprintf("<%s max_workers=%d>", p.TypeName(), p.pool.Max())
}

func (p *poolVal) Attr(name string) (Value, bool) { return nil, false }

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

// concurrentModule is concurrent.futures: its executors are classes in
// lib/concurrent.futures on these primitives.
func concurrentModule() *Module {
	return &Module{Name: "concurrent.futures", Attrs: map[string]Value{
		"TimeoutError": excTimeout,
		"Future":       &typingForm{name: "Future"},
		"_new_pool": &Builtin{Name: "_new_pool", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			process := len(c.args) > 1 && truthy(c.args[1])
			return newPool(process)(&call{f: c.f, name: c.name, args: c.args[:min(1, len(c.args))]})
		}},
		"_submit": &Builtin{Name: "_submit", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			pool, ok := c.args[0].(*poolVal)
			args, _ := c.args[2].(*Tuple)
			kwd, _ := c.args[3].(*Dict)
			if !ok || args == nil || kwd == nil {
				return nil, nil, c.errorf("_submit needs a pool, a function, its arguments and keywords")
			}
			var kw []string
			var kwv []Value
			for i, k := range kwd.Keys {
				kw = append(kw, str(k))
				kwv = append(kwv, kwd.Values[i])
			}
			fn := c.args[1]
			job := sim.Job{Fiber: callFiber(c.f.run, c.f.frames[0].globals, fn, args.Items, kw, kwv, c.pos()), Label: callLabel(fn, args.Items)}
			return &cfutureVal{fut: c.ctx().Submit(pool.pool, job)}, nil, nil
		}},
		"_wait_any": &Builtin{Name: "_wait_any", Fn: func(c *call) (Value, sim.Effect, *Exception) { return waitFutures(c, false) }},
		"_wait_all": &Builtin{Name: "_wait_all", Fn: func(c *call) (Value, sim.Effect, *Exception) { return waitFutures(c, true) }},
	}}
}

// waitFutures blocks the calling thread until one (or all) of the
// concurrent futures is done, and returns those that are.
func waitFutures(c *call, all bool) (Value, sim.Effect, *Exception) {
	items, exc := iterate(c.args[0])
	if exc != nil {
		return nil, nil, exc
	}
	timeout := sim.Time(-1)
	if len(c.args) > 1 && c.args[1] != nil {
		if timeout, exc = seconds(c.args[1], "timeout"); exc != nil {
			return nil, nil, exc
		}
	}
	var futs []*cfutureVal
	for _, it := range items {
		cf, ok := it.(*cfutureVal)
		if !ok {
			return nil, nil, c.errorf("wait() needs futures from an executor, not %s", typeName(it))
		}
		futs = append(futs, cf)
	}
	done := func() *List {
		out := &List{}
		for _, cf := range futs {
			if cf.fut.Done() {
				out.Items = append(out.Items, cf)
			}
		}
		return out
	}
	d := done()
	if (all && len(d.Items) == len(futs)) || (!all && len(d.Items) > 0) || len(futs) == 0 {
		return d, nil, nil
	}
	joined := sim.NewConcurrentFuture()
	left := len(futs) - len(d.Items)
	for _, cf := range futs {
		if cf.fut.Done() {
			continue
		}
		cf.fut.WhenDone(func() {
			if left--; !all || left == 0 {
				joined.SetResult(nil)
			}
		})
	}
	c.f.convert = func(Value) Value { return done() }
	label := "concurrent.futures.wait(...)"
	var timedOut error // wait() returns what is done by then
	if len(c.args) > 2 && truthy(c.args[2]) {
		label = "as_completed(...)" // which raises instead
		timedOut = toSim(newExc(excTimeout, fmt.Sprintf("%d (of %d) futures unfinished", left, len(futs))))
	}
	return nil, sim.Wait{F: joined, Timeout: timeout, TimedOut: timedOut, Label: label}, nil
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
