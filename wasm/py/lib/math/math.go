// Package math is Python's math module, simulated: its constants and
// functions on floats in Go, and the exact integer functions (comb,
// perm, isqrt, lcm, prod, gcd) in Python, in integers.py beside this file.
package math

import (
	"math"
	"math/big"

	"looplab/wasm/py"
)

func init() { py.Register(module()) }

func module() *py.Module {
	m := &py.Module{Name: "math", Attrs: map[string]py.Value{
		"pi": math.Pi, "e": math.E, "tau": 2 * math.Pi, "inf": math.Inf(1), "nan": math.NaN(),
	}}
	for name, fn := range map[string]func(float64) float64{
		"sqrt": math.Sqrt, "exp": math.Exp, "log2": math.Log2, "log10": math.Log10,
		"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "fabs": math.Abs, "atan": math.Atan,
	} {
		fn := fn
		m.Attrs[name] = &py.Builtin{Name: name, Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			if len(c.Args()) != 1 {
				return nil, c.Errorf("math.%s() takes exactly one argument", c.Name())
			}
			x, ok := py.ToFloat(c.Args()[0])
			if !ok {
				return nil, c.Errorf("must be real number, not %s", py.TypeName(c.Args()[0]))
			}
			if (c.Name() == "sqrt" || c.Name() == "log2" || c.Name() == "log10") && x < 0 {
				return nil, py.NewError(py.ValueError, "math domain error")
			}
			return fn(x), nil
		})}
	}
	ints := map[string]func(float64) float64{"floor": math.Floor, "ceil": math.Ceil, "trunc": math.Trunc}
	for name, fn := range ints {
		fn := fn
		m.Attrs[name] = &py.Builtin{Name: name, Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			if len(c.Args()) != 1 {
				return nil, c.Errorf("math.%s() takes exactly one argument", c.Name())
			}
			if i, ok := c.Args()[0].(int64); ok {
				return i, nil
			}
			x, ok := py.ToFloat(c.Args()[0])
			if !ok {
				return nil, c.Errorf("must be real number, not %s", py.TypeName(c.Args()[0]))
			}
			if math.IsInf(x, 0) || math.IsNaN(x) || math.Abs(x) > 9e18 {
				return nil, py.NewError(py.OverflowError, "cannot convert float to integer")
			}
			return int64(fn(x)), nil
		})}
	}
	m.Attrs["log"] = &py.Builtin{Name: "log", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		x, ok := py.ToFloat(c.Args()[0])
		if !ok || x <= 0 {
			return nil, py.NewError(py.ValueError, "math domain error")
		}
		if len(c.Args()) == 2 {
			b, _ := py.ToFloat(c.Args()[1])
			return math.Log(x) / math.Log(b), nil
		}
		return math.Log(x), nil
	})}
	m.Attrs["pow"] = &py.Builtin{Name: "pow", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		x, _ := py.ToFloat(c.Args()[0])
		y, _ := py.ToFloat(c.Args()[1])
		return math.Pow(x, y), nil
	})}
	m.Attrs["isclose"] = &py.Builtin{Name: "isclose", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		a, _ := py.ToFloat(c.Args()[0])
		b, _ := py.ToFloat(c.Args()[1])
		rel, abs := 1e-9, 0.0
		if v, ok := c.Arg(-1, "rel_tol"); ok {
			rel, _ = py.ToFloat(v)
		}
		if v, ok := c.Arg(-1, "abs_tol"); ok {
			abs, _ = py.ToFloat(v)
		}
		return a == b || math.Abs(a-b) <= math.Max(rel*math.Max(math.Abs(a), math.Abs(b)), abs), nil
	})}
	m.Attrs["isnan"] = &py.Builtin{Name: "isnan", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		x, _ := py.ToFloat(c.Args()[0])
		return math.IsNaN(x), nil
	})}
	m.Attrs["isinf"] = &py.Builtin{Name: "isinf", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		x, _ := py.ToFloat(c.Args()[0])
		return math.IsInf(x, 0), nil
	})}
	m.Attrs["factorial"] = &py.Builtin{Name: "factorial", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		n, ok := c.Args()[0].(int64)
		if !ok || n < 0 {
			return nil, py.NewError(py.ValueError, "factorial() not defined for negative values")
		}
		if n > 5000 { // 5000! has 54,000 bits
			return nil, py.IntTooLarge()
		}
		return py.Int(new(big.Int).MulRange(1, n)), nil
	})}
	return m
}
