// Package time is Python's time module on the virtual clock: sleep
// blocks the calling thread (the event loop itself, when called from
// async def) with the GIL released; perf_counter and monotonic count
// from the run's start, time from py.py.Epoch.
package time

import (
	"looplab/wasm/py"
	"looplab/wasm/sim"
)

func init() { py.Register(module()) }

// sleep is time.sleep: it blocks the calling thread (the event loop
// itself when called from async def) and releases the GIL.
func sleep(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	v, ok := c.Arg(0, "secs")
	if !ok {
		return nil, nil, c.Errorf("time.sleep() takes exactly one argument")
	}
	if f, ok := py.ToFloat(v); ok && f < 0 {
		return nil, nil, py.NewError(py.ValueError, "sleep length must be non-negative")
	}
	d, exc := py.Seconds(v, "time.sleep()")
	if exc != nil {
		return nil, nil, exc
	}
	return nil, sim.Block{D: d, Label: c.SleepLabel(d, false)}, nil
}

func wallClock(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	return py.Epoch + c.Now().Seconds(), nil, nil
}

func clock(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	return c.Now().Seconds(), nil, nil
}

func module() *py.Module {
	return &py.Module{Name: "time", Attrs: map[string]py.Value{
		"sleep":        &py.Builtin{Name: "sleep", Fn: sleep},
		"perf_counter": &py.Builtin{Name: "perf_counter", Fn: clock},
		"monotonic":    &py.Builtin{Name: "monotonic", Fn: clock},
		"time":         &py.Builtin{Name: "time", Fn: wallClock},
		"time_ns": &py.Builtin{Name: "time_ns", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			return int64(py.Epoch)*1_000_000_000 + int64(c.Now())*1000, nil, nil
		}},
	}}
}
