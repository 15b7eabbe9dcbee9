// Package warnings is Python's warnings module, simulated: warn prints
// as CPython's default filter does, to the console.
package warnings

import (
	"fmt"

	"looplab/wasm/py"
)

func init() { py.Register(module()) }

// module's warn writes "file:line: UserWarning: message".
func module() *py.Module {
	return &py.Module{Name: "warnings", Attrs: map[string]py.Value{
		"warn": &py.Builtin{Name: "warn", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			msg, _ := c.Arg(0, "message")
			cat := "UserWarning"
			if v, ok := c.Arg(1, "category"); ok && v != nil {
				cat = py.ClassName(v)
			}
			file, line := c.Where()
			c.Print(fmt.Sprintf("%s:%d: %s: %s", file, line, cat, py.Str(msg)))
			return nil, nil
		})},
		"filterwarnings": &py.Builtin{Name: "filterwarnings", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) { return nil, nil })},
		"simplefilter":   &py.Builtin{Name: "simplefilter", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) { return nil, nil })},
	}}
}
