// Package concurrent.futures (in the folder concurrent.futures, imported
// as futures) is the Go half of concurrent.futures: thread and process
// pools on the simulator, submitting a call to one, and waiting for
// futures. The executors themselves are classes in executors.py beside
// this file.
package futures

import (
	"fmt"

	"looplab/wasm/py"
	"looplab/wasm/sim"
)

func init() {
	m := module()
	py.Register(&py.Module{Name: "concurrent", Attrs: map[string]py.Value{}})
	py.Register(m)
}

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

func (p *poolVal) Attr(name string) (py.Value, bool) { return nil, false }

// Pool makes a pool an executor loop.run_in_executor accepts.
func (p *poolVal) Pool() *sim.Pool { return p.pool }

// newPool is a pool of max workers (None: the default); a thread pool's
// threads are named from prefix, as thread_name_prefix names them.
func newPool(c *py.Call, process bool, max py.Value, prefix string) (py.Value, sim.Effect, *py.Exception) {
	n := int64(0)
	if max != nil {
		k, ok := max.(int64)
		if !ok || k <= 0 {
			return nil, nil, py.NewError(py.ValueError, "max_workers must be greater than 0")
		}
		if k > 1000 {
			return nil, nil, py.NewError(py.ValueError, "max_workers over 1000 is beyond the simulator's limit")
		}
		n = k
	}
	if process {
		return &poolVal{pool: c.Ctx().NewProcessPool(int(n)), process: true}, nil, nil
	}
	return &poolVal{pool: c.Ctx().NewNamedThreadPool(int(n), prefix)}, nil, nil
}

// module is concurrent.futures' primitives, which executors.py builds on.
func module() *py.Module {
	return &py.Module{Name: "concurrent.futures", Attrs: map[string]py.Value{
		"TimeoutError": py.TimeoutError,
		"Future":       py.AnnotationOnly("Future"),
		"_new_pool": &py.Builtin{Name: "_new_pool", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			args := c.Args()
			process := len(args) > 1 && py.Truthy(args[1])
			var max py.Value
			if len(args) > 0 {
				max = args[0]
			}
			prefix := ""
			if len(args) > 2 {
				prefix = py.Str(args[2])
			}
			return newPool(c, process, max, prefix)
		}},
		"_submit": &py.Builtin{Name: "_submit", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			pool, ok := c.Args()[0].(*poolVal)
			args, _ := c.Args()[2].(*py.Tuple)
			kwd, _ := c.Args()[3].(*py.Dict)
			if !ok || args == nil || kwd == nil {
				return nil, nil, c.Errorf("_submit needs a pool, a function, its arguments and keywords")
			}
			var kw []string
			var kwv []py.Value
			for i, k := range kwd.Keys {
				kw = append(kw, py.Str(k))
				kwv = append(kwv, kwd.Values[i])
			}
			job := c.Job(c.Args()[1], args.Items, kw, kwv)
			return py.NewConcurrentFuture(c.Ctx().Submit(pool.pool, job)), nil, nil
		}},
		// _shutdown(pool) lets the pool's workers end once its work is done
		"_shutdown": &py.Builtin{Name: "_shutdown", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			pool, ok := c.Args()[0].(*poolVal)
			if !ok {
				return nil, c.Errorf("_shutdown needs a pool")
			}
			pool.pool.Shutdown()
			return nil, nil
		})},
		"_wait_any": &py.Builtin{Name: "_wait_any", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) { return waitFutures(c, false) }},
		"_wait_all": &py.Builtin{Name: "_wait_all", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) { return waitFutures(c, true) }},
	}}
}

// waitFutures blocks the calling thread until one (or all) of the
// concurrent futures is done, and returns those that are.
func waitFutures(c *py.Call, all bool) (py.Value, sim.Effect, *py.Exception) {
	items, exc := py.Iterate(c.Args()[0])
	if exc != nil {
		return nil, nil, exc
	}
	timeout := sim.Time(-1)
	if len(c.Args()) > 1 && c.Args()[1] != nil {
		if timeout, exc = py.Seconds(c.Args()[1], "timeout"); exc != nil {
			return nil, nil, exc
		}
	}
	var futs []*sim.Future
	for _, it := range items {
		cf, ok := py.ConcurrentFutureOf(it)
		if !ok {
			return nil, nil, c.Errorf("wait() needs futures from an executor, not %s", py.TypeName(it))
		}
		futs = append(futs, cf)
	}
	done := func() *py.List {
		out := &py.List{}
		for i, cf := range futs {
			if cf.Done() {
				out.Items = append(out.Items, items[i])
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
		if cf.Done() {
			continue
		}
		cf.WhenDone(func() {
			if left--; !all || left == 0 {
				joined.SetResult(nil)
			}
		})
	}
	c.Then(func(py.Value) py.Value { return done() })
	label := "concurrent.futures.wait(...)"
	var timedOut error // wait() returns what is done by then
	if len(c.Args()) > 2 && py.Truthy(c.Args()[2]) {
		label = "as_completed(...)" // which raises instead
		timedOut = py.SimError(py.NewError(py.TimeoutError, fmt.Sprintf("%d (of %d) futures unfinished", left, len(futs))))
	}
	return nil, sim.Wait{F: joined, Timeout: timeout, TimedOut: timedOut, Label: label}, nil
}
