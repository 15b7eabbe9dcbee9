// Package os is Python's os module, simulated: environ and getenv read a
// fixed container-like environment, getpid and cpu_count the simulated
// process and machine, and os.path works on the run's in-memory file
// system (the one open() reads and writes).
package os

import (
	"path"
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/sim"
)

func init() {
	environ := py.NewDict()
	for _, kv := range [][2]string{{"HOME", "/root"}, {"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"PYTHONASYNCIODEBUG", ""}} {
		if kv[1] != "" {
			environ.Set(kv[0], kv[1])
		}
	}
	osPath := &py.Module{Name: "os.path", Attrs: map[string]py.Value{
		"join": &py.Builtin{Name: "join", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			parts := make([]string, len(c.Args()))
			for i, a := range c.Args() {
				s, ok := a.(string)
				if !ok {
					return nil, c.Errorf("join() arguments must be str")
				}
				if strings.HasPrefix(s, "/") {
					parts = parts[:0:0]
					parts = append(make([]string, i), s)
				}
				parts[i] = s
			}
			var kept []string
			for _, p := range parts {
				if p != "" {
					kept = append(kept, p)
				}
			}
			out := strings.Join(kept, "/")
			out = strings.ReplaceAll(out, "//", "/")
			return out, nil
		})},
		"dirname": &py.Builtin{Name: "dirname", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			s, _ := c.Args()[0].(string)
			i := strings.LastIndexByte(s, '/')
			if i < 0 {
				return "", nil
			}
			if i == 0 {
				return "/", nil
			}
			return s[:i], nil
		})},
		"basename": &py.Builtin{Name: "basename", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			s, _ := c.Args()[0].(string)
			return s[strings.LastIndexByte(s, '/')+1:], nil
		})},
		"splitext": &py.Builtin{Name: "splitext", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			s, _ := c.Args()[0].(string)
			base := s[strings.LastIndexByte(s, '/')+1:]
			dot := strings.LastIndexByte(base, '.')
			if dot <= 0 || strings.Trim(base[:dot], ".") == "" { // ".bashrc" has no extension
				return &py.Tuple{Items: []py.Value{s, ""}}, nil
			}
			cut := len(s) - len(base) + dot
			return &py.Tuple{Items: []py.Value{s[:cut], s[cut:]}}, nil
		})},
		"exists": &py.Builtin{Name: "exists", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			s, _ := c.Args()[0].(string)
			_, ok := c.Files()[py.AbsPath(s)]
			return ok, nil
		})},
		"abspath": &py.Builtin{Name: "abspath", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			s, _ := c.Args()[0].(string)
			if !strings.HasPrefix(s, "/") {
				s = "/app/" + s
			}
			return path.Clean(s), nil
		})},
	}}
	py.Register(&py.Module{Name: "os", Attrs: map[string]py.Value{
		"environ": environ,
		"path":    osPath,
		"sep":     "/",
		"remove": &py.Builtin{Name: "remove", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			s, _ := c.Args()[0].(string)
			fs := c.Files()
			if _, ok := fs[py.AbsPath(s)]; !ok {
				return nil, &py.Exception{Type: py.FileNotFoundError, Args: []py.Value{"[Errno 2] No such file or directory: " + py.Quote(s)}}
			}
			delete(fs, py.AbsPath(s))
			return nil, nil
		})},
		"getpid": &py.Builtin{Name: "getpid", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			return int64(c.Ctx().Process().PID()), nil, nil
		}},
		"cpu_count": &py.Builtin{Name: "cpu_count", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			return int64(c.Ctx().Sim().Config().Cores), nil, nil
		}},
		"getenv": &py.Builtin{Name: "getenv", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			k, _ := c.Arg(0, "key")
			def, _ := c.Arg(1, "default")
			if v, ok := environ.Get(k); ok {
				return v, nil
			}
			return def, nil
		})},
	}})
	py.Register(osPath)
}
