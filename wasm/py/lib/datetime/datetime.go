// Package datetime is Python's datetime module on the virtual clock:
// now() is the run's epoch plus the virtual time, in UTC (a learner's
// local zone would differ from machine to machine). Datetimes and
// timedeltas add, subtract and compare; strftime knows the usual
// directives.
package datetime

import (
	"fmt"
	"math"
	"strings"

	"looplab/wasm/py"
)

type datetimeVal struct {
	us    int64 // Unix microseconds, UTC
	aware bool  // has tzinfo=timezone.utc
	date  bool  // a date, not a datetime
}

type timedeltaVal struct{ us int64 }

type tzVal struct{}

func (tzVal) TypeName() string             { return "timezone" }
func (tzVal) Attr(string) (py.Value, bool) { return nil, false }
func (tzVal) String() string               { return "datetime.timezone.utc" }

func (d *datetimeVal) TypeName() string {
	if d.date {
		return "date"
	}
	return "datetime"
}

func (d *datetimeVal) Attr(name string) (py.Value, bool) {
	t := civilOf(d.us)
	switch name {
	case "year":
		return int64(t.year), true
	case "month":
		return int64(t.month), true
	case "day":
		return int64(t.day), true
	case "hour":
		return int64(t.hour), true
	case "minute":
		return int64(t.minute), true
	case "second":
		return int64(t.second), true
	case "microsecond":
		return int64(t.micro), true
	case "weekday":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) { return int64(t.wday), nil })), true
	case "tzinfo":
		if d.aware {
			return tzVal{}, true
		}
		return nil, true
	case "isoformat":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			sep := "T"
			if v, ok := c.Arg(0, "sep"); ok {
				sep, _ = v.(string)
			}
			return d.iso(sep), nil
		})), true
	case "strftime":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			f, _ := c.Arg(0, "format")
			s, ok := f.(string)
			if !ok {
				return nil, c.Errorf("strftime() argument 1 must be str")
			}
			return Strftime(d.us, s), nil
		})), true
	case "timestamp":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			return float64(d.us) / 1e6, nil
		})), true
	case "date":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			day, _ := floorDiv(d.us, 86400e6)
			return &datetimeVal{us: day * 86400e6, date: true}, nil
		})), true
	case "replace":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			parts := map[string]*int{"year": &t.year, "month": &t.month, "day": &t.day, "hour": &t.hour, "minute": &t.minute, "second": &t.second, "microsecond": &t.micro}
			kw, kwVals := c.Kwargs()
			for i, k := range kw {
				p, ok := parts[k]
				n, isInt := kwVals[i].(int64)
				if !ok || !isInt {
					return nil, c.Errorf("replace() got an unexpected argument '%s'", k)
				}
				*p = int(n)
			}
			return &datetimeVal{us: microsOf(t), aware: d.aware, date: d.date}, nil
		})), true
	}
	return nil, false
}

func (d *datetimeVal) iso(sep string) string {
	t := civilOf(d.us)
	s := fmt.Sprintf("%04d-%02d-%02d", t.year, t.month, t.day)
	if d.date {
		return s
	}
	s += fmt.Sprintf("%s%02d:%02d:%02d", sep, t.hour, t.minute, t.second)
	if t.micro != 0 {
		s += fmt.Sprintf(".%06d", t.micro)
	}
	if d.aware {
		s += "+00:00"
	}
	return s
}

func (d *datetimeVal) String() string { return d.iso(" ") }

func (d *datetimeVal) Repr() string {
	t := civilOf(d.us)
	if d.date {
		return fmt.Sprintf("datetime.date(%d, %d, %d)", t.year, t.month, t.day)
	}
	args := []int{t.year, t.month, t.day, t.hour, t.minute}
	if t.micro != 0 {
		args = append(args, t.second, t.micro)
	} else if t.second != 0 {
		args = append(args, t.second)
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = fmt.Sprint(a)
	}
	tz := ""
	if d.aware {
		tz = ", tzinfo=datetime.timezone.utc"
	}
	return "datetime.datetime(" + strings.Join(parts, ", ") + tz + ")"
}

func (td *timedeltaVal) TypeName() string { return "timedelta" }

func (td *timedeltaVal) Attr(name string) (py.Value, bool) {
	days, rest := floorDiv(td.us, 86400e6)
	switch name {
	case "days":
		return days, true
	case "seconds":
		return rest / 1e6, true
	case "microseconds":
		return rest % 1e6, true
	case "total_seconds":
		return py.NewMethod(td, name, (func(c *py.Call) (py.Value, *py.Exception) { return float64(td.us) / 1e6, nil })), true
	}
	return nil, false
}

func floorDiv(a, b int64) (int64, int64) {
	q, r := a/b, a%b
	if r < 0 {
		q, r = q-1, r+b
	}
	return q, r
}

func (td *timedeltaVal) String() string {
	days, rest := floorDiv(td.us, 86400e6)
	secs, us := rest/1e6, rest%1e6
	s := fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	if us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	if days != 0 {
		unit := "days"
		if days == 1 || days == -1 {
			unit = "day"
		}
		s = fmt.Sprintf("%d %s, %s", days, unit, s)
	}
	return s
}

func (td *timedeltaVal) Repr() string {
	days, rest := floorDiv(td.us, 86400e6)
	secs, us := rest/1e6, rest%1e6
	var parts []string
	if days != 0 {
		parts = append(parts, fmt.Sprintf("days=%d", days))
	}
	if secs != 0 {
		parts = append(parts, fmt.Sprintf("seconds=%d", secs))
	}
	if us != 0 {
		parts = append(parts, fmt.Sprintf("microseconds=%d", us))
	}
	if len(parts) == 0 {
		parts = []string{"0"}
	}
	return "datetime.timedelta(" + strings.Join(parts, ", ") + ")"
}

// timeBinary is the arithmetic of datetimes and timedeltas.
func timeBinary(op string, x, y py.Value) (py.Value, bool, *py.Exception) {
	dx, xIsDT := x.(*datetimeVal)
	dy, yIsDT := y.(*datetimeVal)
	tx, xIsTD := x.(*timedeltaVal)
	ty, yIsTD := y.(*timedeltaVal)
	if !xIsDT && !yIsDT && !xIsTD && !yIsTD {
		return nil, false, nil
	}
	switch {
	case xIsDT && yIsDT && op == "-":
		return &timedeltaVal{us: dx.us - dy.us}, true, nil
	case xIsDT && yIsTD && (op == "+" || op == "-"):
		d := ty.us
		if op == "-" {
			d = -d
		}
		return &datetimeVal{us: dx.us + d, aware: dx.aware, date: dx.date}, true, nil
	case xIsTD && yIsDT && op == "+":
		return &datetimeVal{us: dy.us + tx.us, aware: dy.aware, date: dy.date}, true, nil
	case xIsTD && yIsTD:
		switch op {
		case "+":
			return &timedeltaVal{us: tx.us + ty.us}, true, nil
		case "-":
			return &timedeltaVal{us: tx.us - ty.us}, true, nil
		case "/":
			if ty.us == 0 {
				return nil, true, py.NewError(py.ZeroDivisionError, "division by zero")
			}
			return float64(tx.us) / float64(ty.us), true, nil
		}
	case xIsTD:
		if f, ok := py.ToFloat(y); ok {
			switch op {
			case "*":
				return &timedeltaVal{us: int64(math.RoundToEven(float64(tx.us) * f))}, true, nil
			case "/":
				if f == 0 {
					return nil, true, py.NewError(py.ZeroDivisionError, "division by zero")
				}
				return &timedeltaVal{us: int64(math.RoundToEven(float64(tx.us) / f))}, true, nil
			}
		}
	case yIsTD && op == "*":
		if f, ok := py.ToFloat(x); ok {
			return &timedeltaVal{us: int64(math.RoundToEven(float64(ty.us) * f))}, true, nil
		}
	}
	return nil, true, py.NewError(py.TypeError, fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", op, py.TypeName(x), py.TypeName(y)))
}

// timeOrder compares two datetimes or two timedeltas.
func timeOrder(x, y py.Value) (int, bool) {
	switch a := x.(type) {
	case *datetimeVal:
		if b, ok := y.(*datetimeVal); ok {
			switch {
			case a.us < b.us:
				return -1, true
			case a.us > b.us:
				return 1, true
			}
			return 0, true
		}
	case *timedeltaVal:
		if b, ok := y.(*timedeltaVal); ok {
			switch {
			case a.us < b.us:
				return -1, true
			case a.us > b.us:
				return 1, true
			}
			return 0, true
		}
	}
	return 0, false
}

func init() { py.Register(module()) }

func module() *py.Module {
	now := func(c *py.Call) int64 { return py.Epoch*1e6 + int64(c.Now()) }
	dtClass := &py.LibType{Name: "datetime", New: func(c *py.Call) (py.Value, *py.Exception) { return civilArgs(c, false) }, Attrs: map[string]py.Value{
		"now": &py.Builtin{Name: "now", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			tz, _ := c.Arg(0, "tz")
			return &datetimeVal{us: now(c), aware: tz != nil}, nil
		})},
		"utcnow": &py.Builtin{Name: "utcnow", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return &datetimeVal{us: now(c)}, nil
		})},
		"fromtimestamp": &py.Builtin{Name: "fromtimestamp", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			ts, ok := py.ToFloat(c.Args()[0])
			if !ok {
				return nil, c.Errorf("fromtimestamp() needs a number")
			}
			tz, _ := c.Arg(1, "tz")
			return &datetimeVal{us: int64(math.Round(ts * 1e6)), aware: tz != nil}, nil
		})},
	}}
	dateClass := &py.LibType{Name: "date", New: func(c *py.Call) (py.Value, *py.Exception) { return civilArgs(c, true) }, Attrs: map[string]py.Value{
		"today": &py.Builtin{Name: "today", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			day, _ := floorDiv(now(c), 86400e6)
			return &datetimeVal{us: day * 86400e6, date: true}, nil
		})},
	}}
	timedelta := &py.Builtin{Name: "timedelta", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		units := map[string]float64{"days": 86400e6, "seconds": 1e6, "microseconds": 1, "milliseconds": 1e3, "minutes": 60e6, "hours": 3600e6, "weeks": 7 * 86400e6}
		order := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
		total := 0.0
		for i, a := range c.Args() {
			if i >= len(order) {
				return nil, c.Errorf("timedelta() takes at most 7 arguments")
			}
			f, ok := py.ToFloat(a)
			if !ok {
				return nil, c.Errorf("unsupported type for timedelta %s component: %s", order[i], py.TypeName(a))
			}
			total += f * units[order[i]]
		}
		kw, kwVals := c.Kwargs()
		for i, k := range kw {
			u, ok := units[k]
			f, isNum := py.ToFloat(kwVals[i])
			if !ok || !isNum {
				return nil, c.Errorf("timedelta() got an unexpected keyword argument '%s'", k)
			}
			total += f * u
		}
		return &timedeltaVal{us: int64(math.RoundToEven(total))}, nil
	})}
	return &py.Module{Name: "datetime", Attrs: map[string]py.Value{
		"datetime":  dtClass,
		"date":      dateClass,
		"timedelta": timedelta,
		"timezone":  &py.Module{Name: "timezone", Attrs: map[string]py.Value{"utc": tzVal{}}},
	}}
}

// civilArgs is datetime(year, month, day, hour=0, minute=0, second=0,
// microsecond=0) or date(year, month, day).
func civilArgs(c *py.Call, date bool) (py.Value, *py.Exception) {
	names := []string{"year", "month", "day", "hour", "minute", "second", "microsecond"}
	if date {
		names = names[:3]
	}
	vals := make([]int, len(names))
	for i, n := range names {
		v, ok := c.Arg(i, n)
		if !ok {
			if i < 3 {
				return nil, c.Errorf("function missing required argument '%s' (pos %d)", n, i+1)
			}
			continue
		}
		k, isInt := v.(int64)
		if !isInt {
			return nil, c.Errorf("'%s' object cannot be interpreted as an integer", py.TypeName(v))
		}
		vals[i] = int(k)
	}
	if vals[1] < 1 || vals[1] > 12 {
		return nil, py.NewError(py.ValueError, "month must be in 1..12")
	}
	if vals[2] < 1 || vals[2] > 31 {
		return nil, py.NewError(py.ValueError, "day is out of range for month")
	}
	t := civil{year: vals[0], month: vals[1], day: vals[2]}
	if !date {
		t.hour, t.minute, t.second, t.micro = vals[3], vals[4], vals[5], vals[6]
	}
	return &datetimeVal{us: microsOf(t), date: date}, nil
}

// Binary, Compare and Format make datetimes and timedeltas operands of
// +, -, * and /, ordered, and formatted by strftime (datetime's
// __format__).
func (d *datetimeVal) Binary(op string, other py.Value, right bool) (py.Value, bool, *py.Exception) {
	return binaryOf(d, op, other, right)
}
func (td *timedeltaVal) Binary(op string, other py.Value, right bool) (py.Value, bool, *py.Exception) {
	return binaryOf(td, op, other, right)
}
func (d *datetimeVal) Compare(other py.Value) (int, bool)   { return timeOrder(d, other) }
func (td *timedeltaVal) Compare(other py.Value) (int, bool) { return timeOrder(td, other) }
func (d *datetimeVal) Format(spec string) string            { return Strftime(d.us, spec) }

func binaryOf(self py.Value, op string, other py.Value, right bool) (py.Value, bool, *py.Exception) {
	if right {
		return timeBinary(op, other, self)
	}
	return timeBinary(op, self, other)
}
