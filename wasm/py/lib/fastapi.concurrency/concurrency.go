// Package concurrency is fastapi.concurrency: run_in_threadpool(fn, *args) runs
// fn in the process's threadpool (AnyIO's worker threads, the 40 tokens
// FastAPI's def endpoints share) and is awaited.
package concurrency

import "looplab/wasm/py"

func init() {
	py.Register(&py.Module{Name: "fastapi.concurrency", Attrs: map[string]py.Value{
		"run_in_threadpool": &py.Builtin{Name: "run_in_threadpool", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return c.InThreadpool("run_in_threadpool")
		})},
	}})
}
