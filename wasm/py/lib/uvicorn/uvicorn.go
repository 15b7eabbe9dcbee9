// Package uvicorn is uvicorn as a program calls it: uvicorn.run does
// nothing, since the simulator always serves the app with uvicorn (the
// workers setting says how many processes).
package uvicorn

import "looplab/wasm/py"

func init() {
	py.Register(&py.Module{Name: "uvicorn", Attrs: map[string]py.Value{
		"run": &py.Builtin{Name: "uvicorn.run", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) { return nil, nil })},
	}})
}
