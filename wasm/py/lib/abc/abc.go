// Package abc is Python's abc module: ABC is a plain base class here,
// and abstractmethod marks nothing (LoopLab does not stop abstract
// classes being made).
package abc

import "looplab/wasm/py"

func init() {
	py.Register(&py.Module{Name: "abc", Attrs: map[string]py.Value{
		"ABC": py.NewClass("ABC"),
		"abstractmethod": &py.Builtin{Name: "abstractmethod", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			if len(c.Args()) != 1 {
				return nil, c.Errorf("abstractmethod() takes exactly one argument")
			}
			return c.Args()[0], nil
		})},
	}})
}
