// Package logging is Python's logging module, simulated: records go to
// the console as CPython's default handler writes them to stderr, with
// asctime on the virtual clock.
package logging

import (
	"fmt"
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/py/lib/datetime"
)

func init() { py.Register(module()) }

// logger is what getLogger returns.
type logger struct{ name string }

type logConfig struct {
	level  int64
	format string
}

var logLevels = map[string]int64{"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40, "CRITICAL": 50}

// configKey finds a run's configuration among its libraries' states.
type configKey struct{}

// config is the run's basicConfig: WARNING and CPython's default format
// until the program sets them.
func config(c *py.Call) *logConfig {
	return c.State(configKey{}, func() any {
		// Until basicConfig, CPython's last-resort handler writes the
		// bare message, for WARNING and above.
		return &logConfig{level: 30, format: "%(message)s"}
	}).(*logConfig)
}

func (l *logger) TypeName() string { return "Logger" }
func (l *logger) String() string   { return fmt.Sprintf("<Logger %s>", l.name) }

func (l *logger) Attr(name string) (py.Value, bool) {
	level := map[string]string{"debug": "DEBUG", "info": "INFO", "warning": "WARNING", "warn": "WARNING",
		"error": "ERROR", "exception": "ERROR", "critical": "CRITICAL"}[name]
	if level == "" {
		if name == "setLevel" {
			return py.NewMethod(l, name, func(c *py.Call) (py.Value, *py.Exception) { return nil, nil }), true
		}
		return nil, false
	}
	return py.NewMethod(l, name, func(c *py.Call) (py.Value, *py.Exception) {
		// exception() and exc_info=True add the traceback of the
		// exception being handled.
		excInfo := name == "exception"
		if v, ok := c.Arg(-1, "exc_info"); ok {
			excInfo = py.Truthy(v)
		}
		return nil, l.log(c, level, excInfo)
	}), true
}

func (l *logger) log(c *py.Call, level string, excInfo bool) *py.Exception {
	cfg := config(c)
	if logLevels[level] < cfg.level {
		return nil
	}
	args := c.Args()
	if len(args) == 0 {
		return c.Errorf("a log call needs a message")
	}
	msg := py.Str(args[0])
	if len(args) > 1 {
		args := args[1:]
		if len(args) == 1 {
			if t, ok := args[0].(*py.Tuple); ok {
				args = t.Items
			}
		}
		out, exc := py.PercentFormat(msg, args)
		if exc != nil {
			return exc
		}
		msg = out
	}
	c.Print(record(cfg.format, func(key string) (string, bool) {
		switch key {
		case "levelname":
			return level, true
		case "name":
			return l.name, true
		case "message":
			return msg, true
		case "asctime":
			now := int64(c.Now())
			secs := py.Epoch + now/1e6
			return datetime.Strftime(secs*1e6, "%Y-%m-%d %H:%M:%S") + fmt.Sprintf(",%03d", now/1000%1000), true
		case "threadName":
			return c.Ctx().ThreadName(), true
		case "funcName":
			return c.FuncName(), true
		case "process":
			return fmt.Sprint(c.Ctx().Process().PID()), true
		}
		return "", false
	}))
	if excInfo {
		tb := c.HandledTraceback()
		if tb == nil {
			tb = []string{"NoneType: None"} // as CPython prints it outside an except
		}
		for _, line := range tb {
			c.Print(line)
		}
	}
	return nil
}

// record fills format's %(key)s fields in one pass, as CPython's %
// does: a message that itself holds "%(name)s" stays as written. A field
// that field does not know stays as written too.
func record(format string, field func(key string) (string, bool)) string {
	var b strings.Builder
	for {
		i := strings.Index(format, "%(")
		if i < 0 {
			break
		}
		end := strings.Index(format[i:], ")s")
		if end < 0 {
			break
		}
		b.WriteString(format[:i])
		if v, ok := field(format[i+2 : i+end]); ok {
			b.WriteString(v)
		} else {
			b.WriteString(format[i : i+end+2])
		}
		format = format[i+end+2:]
	}
	b.WriteString(format)
	return b.String()
}

func module() *py.Module {
	m := &py.Module{Name: "logging", Attrs: map[string]py.Value{}}
	for k, v := range logLevels {
		m.Attrs[k] = v
	}
	m.Attrs["getLogger"] = &py.Builtin{Name: "getLogger", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		name := "root"
		if v, ok := c.Arg(0, "name"); ok && v != nil {
			name = py.Str(v)
		}
		return &logger{name: name}, nil
	})}
	m.Attrs["basicConfig"] = &py.Builtin{Name: "basicConfig", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		cfg := config(c)
		cfg.format = "%(levelname)s:%(name)s:%(message)s" // logging.BASIC_FORMAT
		if v, ok := c.Arg(-1, "level"); ok {
			switch x := v.(type) {
			case int64:
				cfg.level = x
			case string:
				cfg.level = logLevels[x]
			}
		}
		if v, ok := c.Arg(-1, "format"); ok {
			cfg.format, _ = v.(string)
		}
		return nil, nil
	})}
	root := &logger{name: "root"}
	for _, fn := range []string{"debug", "info", "warning", "error", "critical", "exception"} {
		m.Attrs[fn], _ = root.Attr(fn)
	}
	return m
}
