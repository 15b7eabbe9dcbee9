// Package sys is Python's sys module, simulated: stdout and stderr both
// write to the console, exit raises SystemExit, and the version is 3.11.
package sys

import "looplab/wasm/py"

func init() {
	stream := func(name string) *streamVal { return &streamVal{name: name} }
	py.Register(&py.Module{Name: "sys", Attrs: map[string]py.Value{
		"stdout":       stream("stdout"),
		"stderr":       stream("stderr"),
		"argv":         &py.List{Items: []py.Value{"main.py"}},
		"version":      "3.11.7 (simulated by LoopLab)",
		"version_info": &py.Tuple{Items: []py.Value{int64(3), int64(11), int64(7), "final", int64(0)}},
		"platform":     "linux",
		"maxsize":      int64(9223372036854775807),
		"exit": &py.Builtin{Name: "exit", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return nil, &py.Exception{Type: py.SystemExit, Args: c.Args()}
		})},
		"getrecursionlimit": &py.Builtin{Name: "getrecursionlimit", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return int64(py.MaxDepth), nil
		})},
	}})
}

// streamVal is sys.stdout or sys.stderr: both write to the console.
type streamVal struct{ name string }

func (s *streamVal) TypeName() string { return "TextIOWrapper" }
func (s *streamVal) String() string {
	return "<_io.TextIOWrapper name='<" + s.name + ">' mode='w' encoding='utf-8'>"
}
func (s *streamVal) Attr(name string) (py.Value, bool) {
	switch name {
	case "write":
		return py.NewMethod(s, name, func(c *py.Call) (py.Value, *py.Exception) {
			args := c.Args()
			text, ok := py.Value(nil), false
			if len(args) == 1 {
				text, ok = args[0].(string)
			}
			if !ok {
				return nil, c.Errorf("write() argument must be str")
			}
			c.Write(text.(string))
			return int64(len([]rune(text.(string)))), nil
		}), true
	case "flush":
		return py.NewMethod(s, name, func(c *py.Call) (py.Value, *py.Exception) { return nil, nil }), true
	}
	return nil, false
}
