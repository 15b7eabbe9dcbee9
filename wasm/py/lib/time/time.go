// Package time is Python's time module on the virtual clock: sleep
// blocks the calling thread (the event loop itself, when called from
// async def) with the GIL released; perf_counter and monotonic count
// from the run's start, time from py.py.Epoch.
package time

import (
	"fmt"
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/py/lib/datetime"
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
		"localtime":    &py.Builtin{Name: "localtime", Fn: py.Pure(structTimeOf)},
		"gmtime":       &py.Builtin{Name: "gmtime", Fn: py.Pure(structTimeOf)},
		"strftime": &py.Builtin{Name: "strftime", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			f, ok := c.Arg(0, "format")
			format, isStr := f.(string)
			if !ok || !isStr {
				return nil, c.Errorf("strftime() argument 1 must be str, not %s", py.TypeName(f))
			}
			us, exc := when(c, 1)
			if exc != nil {
				return nil, exc
			}
			return datetime.Strftime(us, format), nil
		})},
		"ctime": &py.Builtin{Name: "ctime", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			us, exc := secondsArg(c)
			if exc != nil {
				return nil, exc
			}
			return datetime.Strftime(us, "%c"), nil
		})},
		"time_ns": &py.Builtin{Name: "time_ns", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			return int64(py.Epoch)*1_000_000_000 + int64(c.Now())*1000, nil, nil
		}},
	}}
}

// now is the virtual wall clock in Unix microseconds.
func now(c *py.Call) int64 { return py.Epoch*1_000_000 + int64(c.Now()) }

// secondsArg is the call's optional first argument, seconds since the
// epoch (None or absent: now), in microseconds.
func secondsArg(c *py.Call) (int64, *py.Exception) {
	v, _ := c.Arg(0, "secs")
	if v == nil {
		return now(c), nil
	}
	f, ok := py.ToFloat(v)
	if !ok {
		return 0, c.Errorf("'%s' object cannot be interpreted as an integer", py.TypeName(v))
	}
	return int64(f) * 1_000_000, nil
}

// when is the struct_time argument at position i, or now.
func when(c *py.Call, i int) (int64, *py.Exception) {
	v, _ := c.Arg(i, "t")
	if v == nil {
		return now(c), nil
	}
	st, ok := v.(*structTime)
	if !ok {
		return 0, c.Errorf("Tuple or struct_time argument required")
	}
	return st.us, nil
}

func structTimeOf(c *py.Call) (py.Value, *py.Exception) {
	us, exc := secondsArg(c)
	if exc != nil {
		return nil, exc
	}
	return &structTime{us: us / 1_000_000 * 1_000_000, fields: datetime.StructTime(us)}, nil
}

// structTime is time.struct_time: its fields by name or index.
type structTime struct {
	us     int64
	fields [9]int
}

var structFields = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

func (s *structTime) TypeName() string { return "struct_time" }
func (s *structTime) String() string {
	parts := make([]string, len(structFields))
	for i, n := range structFields {
		parts[i] = fmt.Sprintf("%s=%d", n, s.fields[i])
	}
	return "time.struct_time(" + strings.Join(parts, ", ") + ")"
}
func (s *structTime) Attr(name string) (py.Value, bool) {
	for i, n := range structFields {
		if n == name {
			return int64(s.fields[i]), true
		}
	}
	switch name {
	case "tm_zone":
		return "UTC", true
	case "tm_gmtoff":
		return int64(0), true
	}
	return nil, false
}
