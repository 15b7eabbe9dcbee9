// Package multiprocessing is Python's multiprocessing module: Pool is
// written in Python (pool.py) on the simulator's process pools, and
// cpu_count reads the simulated machine's cores.
package multiprocessing

import (
	"looplab/wasm/py"
	"looplab/wasm/sim"
)

func init() {
	py.Register(&py.Module{Name: "multiprocessing", Attrs: map[string]py.Value{
		"cpu_count": &py.Builtin{Name: "cpu_count", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			return int64(c.Ctx().Sim().Config().Cores), nil, nil
		}},
	}})
}
