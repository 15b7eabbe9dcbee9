package py

import (
	"fmt"
	"path"
	"strings"

	"looplab/wasm/sim"
)

// Small modules programs import in passing: os, sys and typing (whose
// annotations LoopLab accepts and ignores).

func osModule() *Module {
	environ := newDict()
	for _, kv := range [][2]string{{"HOME", "/root"}, {"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"PYTHONASYNCIODEBUG", ""}} {
		if kv[1] != "" {
			environ.Set(kv[0], kv[1])
		}
	}
	osPath := &Module{Name: "os.path", Attrs: map[string]Value{
		"join": &Builtin{Name: "join", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			parts := make([]string, len(c.args))
			for i, a := range c.args {
				s, ok := a.(string)
				if !ok {
					return nil, c.errorf("join() arguments must be str")
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
		"dirname": &Builtin{Name: "dirname", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			s, _ := c.args[0].(string)
			i := strings.LastIndexByte(s, '/')
			if i < 0 {
				return "", nil
			}
			if i == 0 {
				return "/", nil
			}
			return s[:i], nil
		})},
		"basename": &Builtin{Name: "basename", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			s, _ := c.args[0].(string)
			return s[strings.LastIndexByte(s, '/')+1:], nil
		})},
		"splitext": &Builtin{Name: "splitext", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			s, _ := c.args[0].(string)
			base := s[strings.LastIndexByte(s, '/')+1:]
			dot := strings.LastIndexByte(base, '.')
			if dot <= 0 || strings.Trim(base[:dot], ".") == "" { // ".bashrc" has no extension
				return &Tuple{Items: []Value{s, ""}}, nil
			}
			cut := len(s) - len(base) + dot
			return &Tuple{Items: []Value{s[:cut], s[cut:]}}, nil
		})},
		"exists": &Builtin{Name: "exists", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			s, _ := c.args[0].(string)
			_, ok := c.f.run.fileSystem()[absPath(s)]
			return ok, nil
		})},
		"abspath": &Builtin{Name: "abspath", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			s, _ := c.args[0].(string)
			if !strings.HasPrefix(s, "/") {
				s = "/app/" + s
			}
			return path.Clean(s), nil
		})},
	}}
	return &Module{Name: "os", Attrs: map[string]Value{
		"environ": environ,
		"path":    osPath,
		"sep":     "/",
		"remove": &Builtin{Name: "remove", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			s, _ := c.args[0].(string)
			fs := c.f.run.fileSystem()
			if _, ok := fs[absPath(s)]; !ok {
				return nil, &Exception{Type: excFileNotFound, Args: []Value{"[Errno 2] No such file or directory: " + quote(s)}}
			}
			delete(fs, absPath(s))
			return nil, nil
		})},
		"getpid": &Builtin{Name: "getpid", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			return int64(c.ctx().Process().PID()), nil, nil
		}},
		"cpu_count": &Builtin{Name: "cpu_count", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			return int64(c.ctx().Sim().Config().Cores), nil, nil
		}},
		"getenv": &Builtin{Name: "getenv", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			k, _ := c.arg(0, "key")
			def, _ := c.arg(1, "default")
			if v, ok := environ.Get(k); ok {
				return v, nil
			}
			return def, nil
		})},
	}}
}

// typingForm is a typing construct (Optional, List[int], int | None):
// programs use them in annotations, which only pydantic models check.
type typingForm struct {
	name string
	args []Value
}

func (t *typingForm) TypeName() string          { return "_SpecialForm" }
func (t *typingForm) Attr(string) (Value, bool) { return nil, false }
func (t *typingForm) String() string {
	if len(t.args) == 0 {
		return "typing." + t.name
	}
	parts := make([]string, len(t.args))
	for i, a := range t.args {
		parts[i] = typeText(a)
	}
	return "typing." + t.name + "[" + strings.Join(parts, ", ") + "]"
}

// typeText names a type as an annotation writes it.
func typeText(v Value) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case *Builtin:
		return x.Name
	case *Class:
		return x.Name
	case *ExcType:
		return x.Name
	case *typingForm:
		return strings.TrimPrefix(x.String(), "typing.")
	}
	return repr(v)
}

// isTypeLike reports whether v can stand in an annotation as a type.
func isTypeLike(v Value) bool {
	switch x := v.(type) {
	case nil, *Class, *ExcType, *typingForm:
		return true
	case *Builtin:
		_, ok := builtinTypes[x.Name]
		return ok || x.Name == "set"
	}
	return false
}

// typeArgs is X[args] for a type: list[int], Optional[str], dict[str, Any].
func typeArgs(x, i Value) (Value, bool) {
	var name string
	switch t := x.(type) {
	case *typingForm:
		name = t.name
	case *Builtin:
		if _, ok := builtinTypes[t.Name]; !ok {
			return nil, false
		}
		name = t.Name
	default:
		return nil, false
	}
	args := []Value{i}
	if tup, ok := i.(*Tuple); ok {
		args = tup.Items
	}
	return &typingForm{name: name, args: args}, true
}

func typingModule() *Module {
	m := &Module{Name: "typing", Attrs: map[string]Value{"TYPE_CHECKING": false}}
	for _, n := range []string{"Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet",
		"Callable", "Awaitable", "Coroutine", "Iterable", "Iterator", "AsyncIterator", "AsyncIterable",
		"Generator", "AsyncGenerator", "Sequence", "Mapping", "Type", "Literal", "Annotated", "Final",
		"ClassVar", "NoReturn", "Self", "Deque", "DefaultDict", "MutableMapping"} {
		m.Attrs[n] = &typingForm{name: n}
	}
	for _, n := range []string{"Generic", "Protocol", "NamedTuple", "TypedDict"} {
		c := &Class{Name: n, Dict: map[string]Value{}, Bases: []*Class{objectClass}}
		c.MRO, _ = c3(c)
		m.Attrs[n] = c
	}
	m.Attrs["TypeVar"] = &Builtin{Name: "TypeVar", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
		name, _ := c.arg(0, "name")
		s, _ := name.(string)
		return &typingForm{name: s}, nil
	})}
	m.Attrs["cast"] = &Builtin{Name: "cast", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
		if len(c.args) != 2 {
			return nil, c.errorf("cast() takes a type and a value")
		}
		return c.args[1], nil
	})}
	return m
}

// percentFormat is "text %s %d" % args, for the specifiers logging uses.
func percentFormat(format string, args []Value) (string, *Exception) {
	var b strings.Builder
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 == len(format) {
			b.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("0123456789.-+ ", format[j]) >= 0 {
			j++
		}
		if j == len(format) {
			return "", newExc(excValue, "incomplete format")
		}
		verb := format[j]
		if verb == '%' {
			b.WriteByte('%')
			i = j
			continue
		}
		if n >= len(args) {
			return "", newExc(excType, "not enough arguments for format string")
		}
		spec := percentSpec(format[i+1 : j])
		v := args[n]
		n++
		switch verb {
		case 's':
			s, _ := formatValue(str(v), spec)
			b.WriteString(s)
		case 'r':
			s, _ := formatValue(repr(v), spec)
			b.WriteString(s)
		case 'd', 'i':
			if f, ok := v.(float64); ok {
				v = int64(f)
			}
			s, err := formatValue(v, spec+"d")
			if err != nil {
				return "", newExc(excType, "%d format: a real number is required, not "+typeName(v))
			}
			b.WriteString(s)
		case 'f', 'e', 'g', 'x', 'X', 'o':
			if spec == "" && verb == 'f' {
				spec = ".6"
			}
			s, err := formatValue(v, spec+string(verb))
			if err != nil {
				return "", newExc(excType, err.Error())
			}
			b.WriteString(s)
		default:
			return "", newExc(excValue, fmt.Sprintf("unsupported format character '%c'", verb))
		}
		i = j
	}
	if n < len(args) {
		return "", newExc(excType, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// percentSpec turns %-format flags into a format spec: right-aligned
// unless '-', '0' pads numbers, '+' and ' ' are signs.
func percentSpec(flags string) string {
	align, sign, zero := ">", "", ""
	i := 0
	for ; i < len(flags) && strings.IndexByte("-+ 0", flags[i]) >= 0; i++ {
		switch flags[i] {
		case '-':
			align = "<"
		case '+', ' ':
			sign = flags[i : i+1]
		case '0':
			zero = "0"
		}
	}
	rest := flags[i:]
	if rest == "" || rest[0] == '.' {
		return sign + rest
	}
	if zero != "" && align == ">" {
		return sign + "0" + rest
	}
	return align + sign + rest
}

// sysModule is sys as programs use it in passing: stdout and stderr
// (both the console), argv, version, platform, exit.
func sysModule() *Module {
	stream := func(name string) *streamVal { return &streamVal{name: name} }
	return &Module{Name: "sys", Attrs: map[string]Value{
		"stdout":       stream("stdout"),
		"stderr":       stream("stderr"),
		"argv":         &List{Items: []Value{"main.py"}},
		"version":      "3.11.7 (simulated by LoopLab)",
		"version_info": &Tuple{Items: []Value{int64(3), int64(11), int64(7), "final", int64(0)}},
		"platform":     "linux",
		"maxsize":      int64(9223372036854775807),
		"exit": &Builtin{Name: "exit", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			return nil, &Exception{Type: excSystemExit, Args: c.args}
		})},
		"getrecursionlimit": &Builtin{Name: "getrecursionlimit", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			return int64(maxDepth), nil
		})},
	}}
}

// excSystemExit ends a script without a traceback (sys.exit).
var excSystemExit = &ExcType{Name: "SystemExit", Parent: excBase}

// streamVal is sys.stdout or sys.stderr: both write to the console.
type streamVal struct{ name string }

func (s *streamVal) TypeName() string { return "TextIOWrapper" }
func (s *streamVal) String() string {
	return "<_io.TextIOWrapper name='<" + s.name + ">' mode='w' encoding='utf-8'>"
}
func (s *streamVal) Attr(name string) (Value, bool) {
	switch name {
	case "write":
		return method(s, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			text, ok := c.args[0].(string)
			if len(c.args) != 1 || !ok {
				return nil, nil, c.errorf("write() argument must be str")
			}
			c.f.run.printText(c.ctx(), text)
			return int64(len([]rune(text))), nil, nil
		}), true
	case "flush":
		return method(s, name, pure(func(c *call, _ Value) (Value, *Exception) { return nil, nil })), true
	}
	return nil, false
}
