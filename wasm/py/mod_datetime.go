package py

import (
	"fmt"
	"math"
	"strings"
)

// datetime on the virtual clock: now() is the run's epoch plus the
// virtual time, in UTC (a learner's local zone would differ from
// machine to machine). Datetimes and timedeltas add, subtract and
// compare; strftime knows the usual directives.

type datetimeVal struct {
	us    int64 // Unix microseconds, UTC
	aware bool  // has tzinfo=timezone.utc
	date  bool  // a date, not a datetime
}

type timedeltaVal struct{ us int64 }

type tzVal struct{}

func (tzVal) TypeName() string          { return "timezone" }
func (tzVal) Attr(string) (Value, bool) { return nil, false }
func (tzVal) String() string            { return "datetime.timezone.utc" }

func (d *datetimeVal) TypeName() string {
	if d.date {
		return "date"
	}
	return "datetime"
}

func (d *datetimeVal) Attr(name string) (Value, bool) {
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
		return method(d, name, pure(func(c *call, _ Value) (Value, *Exception) { return int64(t.wday), nil })), true
	case "tzinfo":
		if d.aware {
			return tzVal{}, true
		}
		return nil, true
	case "isoformat":
		return method(d, name, pure(func(c *call, _ Value) (Value, *Exception) {
			sep := "T"
			if v, ok := c.arg(0, "sep"); ok {
				sep, _ = v.(string)
			}
			return d.iso(sep), nil
		})), true
	case "strftime":
		return method(d, name, pure(func(c *call, _ Value) (Value, *Exception) {
			f, _ := c.arg(0, "format")
			s, ok := f.(string)
			if !ok {
				return nil, c.errorf("strftime() argument 1 must be str")
			}
			return strftime(d.us, s), nil
		})), true
	case "timestamp":
		return method(d, name, pure(func(c *call, _ Value) (Value, *Exception) {
			return float64(d.us) / 1e6, nil
		})), true
	case "date":
		return method(d, name, pure(func(c *call, _ Value) (Value, *Exception) {
			day, _ := floorDiv(d.us, 86400e6)
			return &datetimeVal{us: day * 86400e6, date: true}, nil
		})), true
	case "replace":
		return method(d, name, pure(func(c *call, _ Value) (Value, *Exception) {
			parts := map[string]*int{"year": &t.year, "month": &t.month, "day": &t.day, "hour": &t.hour, "minute": &t.minute, "second": &t.second, "microsecond": &t.micro}
			for i, k := range c.kw {
				p, ok := parts[k]
				n, isInt := c.kwVals[i].(int64)
				if !ok || !isInt {
					return nil, c.errorf("replace() got an unexpected argument '%s'", k)
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

func (td *timedeltaVal) Attr(name string) (Value, bool) {
	days, rest := floorDiv(td.us, 86400e6)
	switch name {
	case "days":
		return days, true
	case "seconds":
		return rest / 1e6, true
	case "microseconds":
		return rest % 1e6, true
	case "total_seconds":
		return method(td, name, pure(func(c *call, _ Value) (Value, *Exception) { return float64(td.us) / 1e6, nil })), true
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

// binaryOp is the arithmetic of datetimes and timedeltas.
func timeBinary(op string, x, y Value) (Value, bool, *Exception) {
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
				return nil, true, newExc(excZeroDiv, "division by zero")
			}
			return float64(tx.us) / float64(ty.us), true, nil
		}
	case xIsTD:
		if f, ok := toFloat(y); ok {
			switch op {
			case "*":
				return &timedeltaVal{us: int64(math.RoundToEven(float64(tx.us) * f))}, true, nil
			case "/":
				if f == 0 {
					return nil, true, newExc(excZeroDiv, "division by zero")
				}
				return &timedeltaVal{us: int64(math.RoundToEven(float64(tx.us) / f))}, true, nil
			}
		}
	case yIsTD && op == "*":
		if f, ok := toFloat(x); ok {
			return &timedeltaVal{us: int64(math.RoundToEven(float64(ty.us) * f))}, true, nil
		}
	}
	return nil, true, newExc(excType, fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", op, typeName(x), typeName(y)))
}

// timeOrder compares two datetimes or two timedeltas.
func timeOrder(x, y Value) (int, bool) {
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

func datetimeModule() *Module {
	now := func(c *call) int64 { return epoch*1e6 + int64(c.ctx().Now()) }
	dtClass := &libType{name: "datetime", ctor: func(c *call) (Value, *Exception) { return civilArgs(c, false) }, attrs: map[string]Value{
		"now": &Builtin{Name: "now", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			tz, _ := c.arg(0, "tz")
			return &datetimeVal{us: now(c), aware: tz != nil}, nil
		})},
		"utcnow": &Builtin{Name: "utcnow", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			return &datetimeVal{us: now(c)}, nil
		})},
		"fromtimestamp": &Builtin{Name: "fromtimestamp", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			ts, ok := toFloat(c.args[0])
			if !ok {
				return nil, c.errorf("fromtimestamp() needs a number")
			}
			tz, _ := c.arg(1, "tz")
			return &datetimeVal{us: int64(math.Round(ts * 1e6)), aware: tz != nil}, nil
		})},
	}}
	dateClass := &libType{name: "date", ctor: func(c *call) (Value, *Exception) { return civilArgs(c, true) }, attrs: map[string]Value{
		"today": &Builtin{Name: "today", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			day, _ := floorDiv(now(c), 86400e6)
			return &datetimeVal{us: day * 86400e6, date: true}, nil
		})},
	}}
	timedelta := &Builtin{Name: "timedelta", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
		units := map[string]float64{"days": 86400e6, "seconds": 1e6, "microseconds": 1, "milliseconds": 1e3, "minutes": 60e6, "hours": 3600e6, "weeks": 7 * 86400e6}
		order := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
		total := 0.0
		for i, a := range c.args {
			if i >= len(order) {
				return nil, c.errorf("timedelta() takes at most 7 arguments")
			}
			f, ok := toFloat(a)
			if !ok {
				return nil, c.errorf("unsupported type for timedelta %s component: %s", order[i], typeName(a))
			}
			total += f * units[order[i]]
		}
		for i, k := range c.kw {
			u, ok := units[k]
			f, isNum := toFloat(c.kwVals[i])
			if !ok || !isNum {
				return nil, c.errorf("timedelta() got an unexpected keyword argument '%s'", k)
			}
			total += f * u
		}
		return &timedeltaVal{us: int64(math.RoundToEven(total))}, nil
	})}
	return &Module{Name: "datetime", Attrs: map[string]Value{
		"datetime":  dtClass,
		"date":      dateClass,
		"timedelta": timedelta,
		"timezone":  &Module{Name: "timezone", Attrs: map[string]Value{"utc": tzVal{}}},
	}}
}

// libType is a library class written in Go: callable, with class
// attributes (datetime.now, date.today).
type libType struct {
	name  string
	ctor  func(c *call) (Value, *Exception)
	attrs map[string]Value
}

func (t *libType) TypeName() string { return "type" }
func (t *libType) String() string   { return "<class '" + t.name + "'>" }
func (t *libType) Attr(name string) (Value, bool) {
	if name == "__name__" {
		return t.name, true
	}
	v, ok := t.attrs[name]
	return v, ok
}

// civilArgs is datetime(year, month, day, hour=0, minute=0, second=0,
// microsecond=0) or date(year, month, day).
func civilArgs(c *call, date bool) (Value, *Exception) {
	names := []string{"year", "month", "day", "hour", "minute", "second", "microsecond"}
	if date {
		names = names[:3]
	}
	vals := make([]int, len(names))
	for i, n := range names {
		v, ok := c.arg(i, n)
		if !ok {
			if i < 3 {
				return nil, c.errorf("function missing required argument '%s' (pos %d)", n, i+1)
			}
			continue
		}
		k, isInt := v.(int64)
		if !isInt {
			return nil, c.errorf("'%s' object cannot be interpreted as an integer", typeName(v))
		}
		vals[i] = int(k)
	}
	if vals[1] < 1 || vals[1] > 12 {
		return nil, newExc(excValue, "month must be in 1..12")
	}
	if vals[2] < 1 || vals[2] > 31 {
		return nil, newExc(excValue, "day is out of range for month")
	}
	t := civil{year: vals[0], month: vals[1], day: vals[2]}
	if !date {
		t.hour, t.minute, t.second, t.micro = vals[3], vals[4], vals[5], vals[6]
	}
	return &datetimeVal{us: microsOf(t), date: date}, nil
}
