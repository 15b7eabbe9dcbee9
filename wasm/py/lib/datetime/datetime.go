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
	us   int64  // the date and time it reads as, in Unix microseconds
	tz   *tzVal // its tzinfo, nil when naive
	date bool   // a date, not a datetime
}

type timedeltaVal struct{ us int64 }

// tzVal is a datetime.timezone: timezone.utc, or the fixed offset that
// strptime's %z reads (named when %Z reads a name too).
type tzVal struct {
	offset int64 // microseconds east of UTC
	name   string
}

var utc = &tzVal{}

func (tz *tzVal) TypeName() string             { return "timezone" }
func (tz *tzVal) Attr(string) (py.Value, bool) { return nil, false }

func (tz *tzVal) String() string {
	switch {
	case tz.name != "":
		return tz.name
	case tz.offset == 0:
		return "UTC"
	}
	return "UTC" + offsetText(tz.offset, ":")
}

func (tz *tzVal) Repr() string {
	if tz.offset == 0 && tz.name == "" {
		return "datetime.timezone.utc"
	}
	r := "datetime.timezone(" + (&timedeltaVal{us: tz.offset}).Repr()
	if tz.name != "" {
		r += ", " + py.Quote(tz.name)
	}
	return r + ")"
}

// offsetText is a UTC offset as isoformat (sep ":") and %z (sep "")
// write it: +05:30, with seconds and microseconds only when there are.
func offsetText(us int64, sep string) string {
	sign := "+"
	if us < 0 {
		sign, us = "-", -us
	}
	s := fmt.Sprintf("%s%02d%s%02d", sign, us/3600e6, sep, us/60e6%60)
	if us%60e6 != 0 {
		s += fmt.Sprintf("%s%02d", sep, us/1e6%60)
	}
	if us%1e6 != 0 {
		s += fmt.Sprintf(".%06d", us%1e6)
	}
	return s
}

// instant is d in Unix microseconds: an aware datetime counts its offset.
func (d *datetimeVal) instant() int64 {
	if d.tz == nil {
		return d.us
	}
	return d.us - d.tz.offset
}

// at is d moved to read as us, keeping its tzinfo.
func (d *datetimeVal) at(us int64) *datetimeVal {
	moved := *d
	moved.us = us
	return &moved
}

func (d *datetimeVal) TypeName() string {
	if d.date {
		return "date"
	}
	return "datetime"
}

// dateOnly are the attributes a datetime has and a date lacks.
var dateOnly = map[string]bool{"hour": true, "minute": true, "second": true, "microsecond": true, "tzinfo": true, "utcoffset": true, "tzname": true, "timestamp": true, "date": true}

func (d *datetimeVal) Attr(name string) (py.Value, bool) {
	if d.date && dateOnly[name] {
		return nil, false
	}
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
	case "isoweekday":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) { return int64(t.wday + 1), nil })), true
	case "tzinfo":
		if d.tz != nil {
			return d.tz, true
		}
		return nil, true
	case "utcoffset", "tzname":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			switch {
			case d.tz == nil:
				return nil, nil
			case name == "tzname":
				return d.tz.String(), nil
			}
			return &timedeltaVal{us: d.tz.offset}, nil
		})), true
	case "isoformat":
		return py.NewMethod(d, name, d.isoformat), true
	case "strftime":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			f, _ := c.Arg(0, "format")
			s, ok := f.(string)
			if !ok {
				return nil, c.Errorf("strftime() argument 1 must be str")
			}
			return d.strftime(s), nil
		})), true
	case "timestamp":
		return py.NewMethod(d, name, (func(c *py.Call) (py.Value, *py.Exception) {
			return float64(d.instant()) / 1e6, nil
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
			if exc := checkCivil(t, d.date); exc != nil {
				return nil, exc
			}
			return d.at(microsOf(t)), nil
		})), true
	}
	return nil, false
}

// isoformat is isoformat(sep="T", timespec="auto"); a date's takes
// neither.
func (d *datetimeVal) isoformat(c *py.Call) (py.Value, *py.Exception) {
	if d.date {
		return d.iso("", ""), nil
	}
	sep, timespec := "T", "auto"
	if v, ok := c.Arg(0, "sep"); ok {
		s, isStr := v.(string)
		if !isStr || len([]rune(s)) != 1 {
			return nil, py.NewError(py.TypeError, "isoformat() argument 1 must be a unicode character, not "+py.TypeName(v))
		}
		sep = s
	}
	if v, ok := c.Arg(1, "timespec"); ok {
		s, isStr := v.(string)
		if !isStr {
			return nil, py.NewError(py.TypeError, "isoformat() argument 2 must be str, not "+py.TypeName(v))
		}
		timespec = s
	}
	s := d.iso(sep, timespec)
	if s == "" {
		return nil, py.NewError(py.ValueError, "Unknown timespec value")
	}
	return s, nil
}

// iso is d in ISO 8601, its time of day cut to timespec ("" when
// timespec is none of CPython's).
func (d *datetimeVal) iso(sep, timespec string) string {
	t := civilOf(d.us)
	s := fmt.Sprintf("%04d-%02d-%02d", t.year, t.month, t.day)
	if d.date {
		return s
	}
	if timespec == "auto" {
		timespec = "seconds"
		if t.micro != 0 {
			timespec = "microseconds"
		}
	}
	clock := fmt.Sprintf("%02d:%02d:%02d.%06d", t.hour, t.minute, t.second, t.micro)
	n, ok := map[string]int{"hours": 2, "minutes": 5, "seconds": 8, "milliseconds": 12, "microseconds": 15}[timespec]
	if !ok {
		return ""
	}
	s += sep + clock[:n]
	if d.tz != nil {
		s += offsetText(d.tz.offset, ":")
	}
	return s
}

// strftime is Strftime, with %z and %Z from d's tzinfo (empty when naive).
func (d *datetimeVal) strftime(f string) string {
	if d.tz == nil {
		return strftime(d.us, f, "", "")
	}
	return strftime(d.us, f, offsetText(d.tz.offset, ""), d.tz.String())
}

func (d *datetimeVal) String() string { return d.iso(" ", "auto") }

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
	if d.tz != nil {
		tz = ", tzinfo=" + d.tz.Repr()
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
		if (dx.tz == nil) != (dy.tz == nil) {
			return nil, true, py.NewError(py.TypeError, "can't subtract offset-naive and offset-aware datetimes")
		}
		return &timedeltaVal{us: dx.instant() - dy.instant()}, true, nil
	case xIsDT && yIsTD && (op == "+" || op == "-"):
		d := ty.us
		if op == "-" {
			d = -d
		}
		return dx.at(dx.us + d), true, nil
	case xIsTD && yIsDT && op == "+":
		return dy.at(dy.us + tx.us), true, nil
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
			case a.instant() < b.instant():
				return -1, true
			case a.instant() > b.instant():
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
			if tz, _ := c.Arg(0, "tz"); tz != nil {
				return &datetimeVal{us: now(c), tz: utc}, nil
			}
			return &datetimeVal{us: now(c)}, nil
		})},
		"utcnow": &py.Builtin{Name: "utcnow", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return &datetimeVal{us: now(c)}, nil
		})},
		"fromtimestamp": &py.Builtin{Name: "fromtimestamp", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			ts, ok := py.ToFloat(c.Args()[0])
			if !ok {
				return nil, c.Errorf("fromtimestamp() needs a number")
			}
			d := &datetimeVal{us: int64(math.Round(ts * 1e6))}
			if tz, _ := c.Arg(1, "tz"); tz != nil {
				d.tz = utc
			}
			return d, nil
		})},
		"strptime": &py.Builtin{Name: "strptime", Fn: py.Pure(strptime)},
		"today": &py.Builtin{Name: "today", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return &datetimeVal{us: now(c)}, nil
		})},
		"fromisoformat": &py.Builtin{Name: "fromisoformat", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return fromISOFormat(c, false)
		})},
	}}
	dateClass := &py.LibType{Name: "date", New: func(c *py.Call) (py.Value, *py.Exception) { return civilArgs(c, true) }, Attrs: map[string]py.Value{
		"today": &py.Builtin{Name: "today", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			day, _ := floorDiv(now(c), 86400e6)
			return &datetimeVal{us: day * 86400e6, date: true}, nil
		})},
		"fromisoformat": &py.Builtin{Name: "fromisoformat", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return fromISOFormat(c, true)
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
		"timezone":  &py.Module{Name: "timezone", Attrs: map[string]py.Value{"utc": utc}},
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
	t := civil{year: vals[0], month: vals[1], day: vals[2]}
	if !date {
		t.hour, t.minute, t.second, t.micro = vals[3], vals[4], vals[5], vals[6]
	}
	if exc := checkCivil(t, date); exc != nil {
		return nil, exc
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
func (d *datetimeVal) Format(spec string) string            { return d.strftime(spec) }

func binaryOf(self py.Value, op string, other py.Value, right bool) (py.Value, bool, *py.Exception) {
	if right {
		return timeBinary(op, other, self)
	}
	return timeBinary(op, self, other)
}
