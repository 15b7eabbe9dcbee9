package py

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// builtins are the names every scenario can use without importing.
var builtins = map[string]Value{}

func init() {
	for name, fn := range map[string]func(c *call) (Value, sim.Effect, *Exception){
		"print": builtinPrint,
		"cpu":   builtinCPU,
	} {
		builtins[name] = &Builtin{Name: name, Fn: fn}
	}
	for name, fn := range map[string]func(c *call) (Value, *Exception){
		"len": builtinLen, "range": builtinRange, "str": builtinStr, "repr": builtinRepr,
		"int": builtinInt, "float": builtinFloat, "bytes": builtinBytes, "set": builtinSet, "frozenset": builtinFrozenset, "bool": builtinBool, "list": builtinList,
		"tuple": builtinTuple, "dict": builtinDict, "min": builtinMin, "max": builtinMax,
		"sum": builtinSum, "abs": builtinAbs, "round": builtinRound, "sorted": builtinSorted,
		"slice": builtinSlice,
	} {
		builtins[name] = &Builtin{Name: name, Fn: pureBuiltin(fn)}
	}
	for _, e := range builtinExceptions {
		builtins[e.Name] = e
	}
}

func pureBuiltin(fn func(c *call) (Value, *Exception)) func(c *call) (Value, sim.Effect, *Exception) {
	return func(c *call) (Value, sim.Effect, *Exception) {
		v, exc := fn(c)
		return v, nil, exc
	}
}

// seconds reads a duration argument in seconds.
func seconds(v Value, what string) (sim.Time, *Exception) {
	f, ok := toFloat(v)
	if !ok {
		return 0, newExc(excType, fmt.Sprintf("%s must be a number of seconds, not %s", what, typeName(v)))
	}
	if f < 0 || math.IsNaN(f) {
		return 0, newExc(excValue, what+" must not be negative")
	}
	if f > 1e6 {
		f = 1e6 // beyond any time limit; the run stops there with a message
	}
	return sim.Time(math.Round(f * float64(trace.Second))), nil
}

func builtinPrint(c *call) (Value, sim.Effect, *Exception) {
	var exc *Exception
	sep, end := " ", "\n"
	if v, ok := c.arg(-1, "sep"); ok && v != nil {
		if sep, exc = strChecked(v); exc != nil {
			return nil, nil, exc
		}
	}
	if v, ok := c.arg(-1, "end"); ok && v != nil {
		if end, exc = strChecked(v); exc != nil {
			return nil, nil, exc
		}
	}
	parts := make([]string, len(c.args))
	n := len(end) + max(len(parts)-1, 0)*len(sep)
	for i, a := range c.args {
		if parts[i], exc = strChecked(a); exc != nil {
			return nil, nil, exc
		}
		n += len(parts[i])
	}
	if exc := checkString(n); exc != nil {
		return nil, nil, exc
	}
	c.f.run.printText(c.ctx(), strings.Join(parts, sep)+end)
	return nil, nil, nil
}

// builtinCPU is cpu(seconds): pure-Python CPU work that takes that long on
// one core alone; it holds the GIL, so threads share it.
func builtinCPU(c *call) (Value, sim.Effect, *Exception) {
	v, ok := c.arg(0, "seconds")
	if !ok {
		return nil, nil, c.errorf("cpu() needs the seconds of CPU work, as in cpu(0.5)")
	}
	d, exc := seconds(v, "cpu()")
	if exc != nil {
		return nil, nil, exc
	}
	return nil, sim.CPU{D: d, Label: "cpu(" + d.Text() + ")"}, nil
}

func builtinLen(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "")
	switch x := v.(type) {
	case string:
		return int64(utf8.RuneCountInString(x)), nil
	case Bytes:
		return int64(len(x)), nil
	case *Set:
		return int64(x.used), nil
	case *List:
		return int64(len(x.Items)), nil
	case *Tuple:
		return int64(len(x.Items)), nil
	case *Dict:
		return int64(len(x.Keys)), nil
	case *rangeVal:
		return x.len(), nil
	}
	if n, ok, exc := instanceLen(v); ok {
		return n, exc
	}
	return nil, c.errorf("object of type '%s' has no len()", typeName(v))
}

func builtinRange(c *call) (Value, *Exception) {
	var n [3]int64
	for i, a := range c.args {
		k, ok := a.(int64)
		if !ok || i > 2 {
			return nil, c.errorf("range() takes up to 3 integers")
		}
		n[i] = k
	}
	switch len(c.args) {
	case 1:
		return &rangeVal{0, n[0], 1}, nil
	case 2:
		return &rangeVal{n[0], n[1], 1}, nil
	case 3:
		if n[2] == 0 {
			return nil, newExc(excValue, "range() arg 3 must not be zero")
		}
		return &rangeVal{n[0], n[1], n[2]}, nil
	}
	return nil, c.errorf("range expected at least 1 argument, got 0")
}

func builtinStr(c *call) (Value, *Exception) {
	v, ok := c.arg(0, "")
	if !ok {
		return "", nil
	}
	if b, isBytes := v.(Bytes); isBytes {
		if enc, given := c.arg(1, "encoding"); given {
			e, _ := enc.(string)
			return decode(b, e) // str(b"hi", "utf-8") decodes
		}
	}
	s, exc := strChecked(v)
	if _, isStr := v.(string); exc == nil && !isStr {
		exc = c.f.run.built(len(s))
	}
	return s, exc
}

func builtinRepr(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "")
	s, exc := reprChecked(v)
	if exc == nil {
		exc = c.f.run.built(len(s))
	}
	return s, exc
}

func builtinInt(c *call) (Value, *Exception) {
	v, ok := c.arg(0, "")
	if !ok {
		return int64(0), nil
	}
	switch x := v.(type) {
	case bool:
		return boolInt(x), nil
	case int64, *big.Int:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, newExc(excOverflow, "cannot convert float infinity or NaN to integer")
		}
		if math.Abs(x) > 9e18 {
			b, _ := big.NewFloat(math.Trunc(x)).Int(nil)
			return normInt(b), nil
		}
		return int64(x), nil
	case string:
		base := int64(10)
		if b, ok := c.arg(1, "base"); ok {
			if base, ok = b.(int64); !ok || base < 0 || base == 1 || base > 36 {
				return nil, newExc(excValue, "int() base must be >= 2 and <= 36, or 0")
			}
		}
		digits := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(x, "_", "")))
		if base == 16 || base == 8 || base == 2 { // an optional prefix: int("0xff", 16)
			digits = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(digits, "0x"), "0o"), "0b")
		}
		n, err := strconv.ParseInt(digits, int(base), 64)
		if err != nil {
			if v, ok := parseBigInt(digits, int(base)); ok {
				return v, nil
			}
			if base != 10 {
				return nil, newExc(excValue, fmt.Sprintf("invalid literal for int() with base %d: %s", base, quote(x)))
			}
			return nil, newExc(excValue, fmt.Sprintf("invalid literal for int() with base 10: %s", quote(x)))
		}
		return n, nil
	}
	return nil, c.errorf("int() argument must be a string or a number, not '%s'", typeName(v))
}

func builtinFloat(c *call) (Value, *Exception) {
	v, ok := c.arg(0, "")
	if !ok {
		return 0.0, nil
	}
	if b, ok := v.(*big.Int); ok {
		return bigFloat(b)
	}
	if f, ok := toFloat(v); ok {
		return f, nil
	}
	if s, ok := v.(string); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return nil, newExc(excValue, "could not convert string to float: "+quote(s))
		}
		return f, nil
	}
	return nil, c.errorf("float() argument must be a string or a number, not '%s'", typeName(v))
}

func builtinBool(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "")
	return truthy(v), nil
}

func builtinList(c *call) (Value, *Exception) {
	v, ok := c.arg(0, "")
	if !ok {
		return &List{}, nil
	}
	items, exc := iterate(v)
	return &List{Items: append([]Value{}, items...)}, exc
}

func builtinTuple(c *call) (Value, *Exception) {
	v, ok := c.arg(0, "")
	if !ok {
		return &Tuple{}, nil
	}
	items, exc := iterate(v)
	return &Tuple{Items: append([]Value{}, items...)}, exc
}

func builtinDict(c *call) (Value, *Exception) {
	d := newDict()
	if v, ok := c.arg(0, ""); ok {
		if exc := mergeInto(d, v); exc != nil {
			return nil, exc
		}
	}
	for i, k := range c.kw {
		d.Set(k, c.kwVals[i])
	}
	return d, nil
}

// mergeInto adds v's items to d, as dict(v) and d.update(v) do: v is a
// mapping (a dict, or one of collections' dicts) or an iterable of pairs.
func mergeInto(d *Dict, v Value) *Exception {
	if src, isMap := mappingOf(v); isMap {
		for i, k := range src.Keys {
			d.Set(k, src.Values[i])
		}
		return nil
	}
	// an iterable of pairs: dict(zip(keys, values)), dict([("a", 1)])
	items, exc := iterate(v)
	if exc != nil {
		return exc
	}
	for i, it := range items {
		pair, exc := iterate(it)
		if exc != nil || len(pair) != 2 {
			n := len(pair)
			if exc != nil {
				return newExc(excType, fmt.Sprintf("cannot convert dictionary update sequence element #%d to a sequence", i))
			}
			return newExc(excValue, fmt.Sprintf("dictionary update sequence element #%d has length %d; 2 is required", i, n))
		}
		if !d.Set(pair[0], pair[1]) {
			return newExc(excType, "unhashable type: '"+typeName(pair[0])+"'")
		}
	}
	return nil
}

// mappingOf is the dict behind v: v itself, or the dict inside one of
// collections' Counter, defaultdict and OrderedDict, which are dict
// subclasses in CPython (written here as classes of their own), so
// dict(counter), {**groups}, f(**options) and json.dumps take them.
func mappingOf(v Value) (*Dict, bool) {
	switch x := v.(type) {
	case *Dict:
		return x, true
	case *Instance:
		if libClass(x.Class, "collections/collections.py", "_Mapping") {
			d, ok := x.Attrs["_d"].(*Dict)
			return d, ok
		}
	}
	return nil, false
}

func extreme(c *call, want int) (Value, *Exception) {
	items := c.args
	if len(items) == 0 {
		if d, ok := c.arg(-1, "default"); ok {
			return d, nil
		}
	}
	if len(items) == 1 {
		var exc *Exception
		if items, exc = iterate(items[0]); exc != nil {
			return nil, exc
		}
	}
	if len(items) == 0 {
		if d, ok := c.arg(-1, "default"); ok {
			return d, nil // max([], default=None)
		}
		return nil, newExc(excValue, c.name+"() arg is an empty sequence")
	}
	keys := items
	if key, ok := c.arg(-1, "key"); ok && key != nil {
		var exc *Exception
		if keys, exc = keysOf(c.f, key, items); exc != nil {
			return nil, exc
		}
	}
	best := 0
	for i := 1; i < len(items); i++ {
		o, exc := order(keys[i], keys[best], "<", 0)
		if exc != nil {
			return nil, exc
		}
		if o*want > 0 {
			best = i
		}
	}
	return items[best], nil
}

func builtinMin(c *call) (Value, *Exception) { return extreme(c, -1) }
func builtinMax(c *call) (Value, *Exception) { return extreme(c, 1) }

func builtinSum(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "")
	items, exc := iterate(v)
	if exc != nil {
		return nil, exc
	}
	var total Value = int64(0)
	if s, ok := c.arg(1, "start"); ok {
		total = s
	}
	for _, it := range items {
		if total, exc = binary("+", total, it); exc != nil {
			return nil, exc
		}
		if exc = c.f.run.builtValue(total); exc != nil {
			return nil, exc
		}
	}
	return total, nil
}

func builtinAbs(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "")
	if b, ok := v.(*big.Int); ok {
		return bigUnary("abs", b), nil
	}
	i, f, isF, ok := number(v)
	switch {
	case !ok:
		return nil, c.errorf("bad operand type for abs(): '%s'", typeName(v))
	case isF:
		return math.Abs(f), nil
	case i == math.MinInt64:
		return new(big.Int).Neg(big.NewInt(i)), nil
	case i < 0:
		return -i, nil
	}
	return i, nil
}

func builtinRound(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "")
	if nd, _ := c.arg(1, "ndigits"); nd == nil {
		if _, isInt := bigOf(v); isInt {
			return v, nil // an int rounds to itself
		}
	}
	f, ok := toFloat(v)
	if !ok {
		return nil, c.errorf("type %s doesn't define __round__", typeName(v))
	}
	nd, has := c.arg(1, "ndigits")
	if !has || nd == nil {
		return int64(math.RoundToEven(f)), nil
	}
	n, ok := nd.(int64)
	if !ok {
		return nil, c.errorf("ndigits must be an integer")
	}
	if i, isInt := bigOf(v); isInt {
		if n >= 0 {
			return v, nil
		}
		return normInt(roundRat(new(big.Rat).SetInt(i), n).Num()), nil
	}
	return roundFloat(f, n), nil
}

// roundFloat is round(f, n) as CPython computes it: the decimal nearest
// the double's exact value, ties to even, read back as a double. So
// round(2.675, 2) is 2.67, because 2.675 is stored as 2.67499999...
func roundFloat(f float64, n int64) float64 {
	switch {
	case math.IsInf(f, 0) || math.IsNaN(f) || f == 0 || n > 330:
		return f
	case n < -330:
		return math.Copysign(0, f)
	case n >= 0:
		r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', int(n), 64), 64)
		return r
	}
	r, _ := roundRat(new(big.Rat).SetFloat64(f), n).Float64()
	return math.Copysign(r, f)
}

// roundRat rounds x to a multiple of 10**-n (n < 0), ties to even.
func roundRat(x *big.Rat, n int64) *big.Rat {
	unit := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil))
	q := new(big.Rat).Quo(x, unit)
	whole, rem := new(big.Int).QuoRem(q.Num(), q.Denom(), new(big.Int))
	// rem has x's sign; compare 2|rem| with the denominator for the tie.
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	if c := twice.Cmp(q.Denom()); c > 0 || c == 0 && whole.Bit(0) == 1 {
		whole.Add(whole, big.NewInt(int64(rem.Sign())))
	}
	return new(big.Rat).Mul(new(big.Rat).SetInt(whole), unit)
}

func builtinSorted(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "")
	items, exc := iterate(v)
	if exc != nil {
		return nil, exc
	}
	out := append([]Value{}, items...)
	if exc := sortCall(c, out); exc != nil {
		return nil, exc
	}
	return &List{Items: out}, nil
}

func builtinSlice(c *call) (Value, *Exception) {
	lo, _ := c.arg(0, "")
	hi, _ := c.arg(1, "")
	step, _ := c.arg(2, "")
	return &slice{lo, hi, step}, nil
}
