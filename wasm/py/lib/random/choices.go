package random

import (
	"fmt"
	"math"
	"math/big"

	"looplab/wasm/py"
)

// weight is one of choices()'s cumulative weights: an int, exact as
// Python's are, or a float once a float has been added in.
type weight struct {
	n       *big.Int // nil for a float
	f       float64
	isFloat bool
}

// weightOf reads a weight; false when v is no int or float.
func weightOf(v py.Value) (weight, bool) {
	switch x := v.(type) {
	case bool:
		return weight{n: big.NewInt(int64(boolBits(x)))}, true
	case int64:
		return weight{n: big.NewInt(x)}, true
	case *big.Int:
		return weight{n: new(big.Int).Set(x)}, true
	case float64:
		return weight{f: x, isFloat: true}, true
	}
	return weight{}, false
}

// float is float(w), rounded to the nearest as Python's int-to-float is;
// false when the int is too large for a float.
func (w weight) float() (float64, bool) {
	if w.isFloat {
		return w.f, true
	}
	f, _ := new(big.Float).SetInt(w.n).Float64()
	return f, !math.IsInf(f, 0)
}

// plus is w + v, as Python adds an int or float to an int or float.
func (w weight) plus(v weight) (weight, bool) {
	if !w.isFloat && !v.isFloat {
		return weight{n: new(big.Int).Add(w.n, v.n)}, true
	}
	a, ok1 := w.float()
	b, ok2 := v.float()
	return weight{f: a + b, isFloat: true}, ok1 && ok2
}

// above is x < w, compared exactly as Python compares a float with an int.
func (w weight) above(x float64) bool {
	if w.isFloat {
		return x < w.f
	}
	return new(big.Float).SetFloat64(x).Cmp(new(big.Float).SetInt(w.n)) < 0
}

// choices is CPython 3.11's Random.choices(population, weights=None, *,
// cum_weights=None, k=1): without weights, population[floor(random() *
// n)] k times; with them, a bisection (bisect_right) of random() * total
// over the cumulative weights.
func choices(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
	population := c.Args()[0]
	items, exc := py.Iterate(population)
	if exc != nil {
		return nil, exc
	}
	k := int64(1)
	if v, ok := c.Arg(-1, "k"); ok {
		switch x := v.(type) {
		case int64:
			k = x
		case bool:
			k = int64(boolBits(x))
		default:
			return nil, py.NewError(py.TypeError, fmt.Sprintf("'%s' object cannot be interpreted as an integer", py.TypeName(v)))
		}
	}
	weightsArg, _ := c.Arg(1, "weights")
	cumArg, _ := c.Arg(-1, "cum_weights")
	n := len(items)
	out := &py.List{}
	if cumArg == nil && weightsArg == nil {
		for i := int64(0); i < k && i < py.MaxItems; i++ {
			j := int(math.Floor(m.random() * float64(n)))
			if j >= n {
				return nil, indexError(population)
			}
			out.Items = append(out.Items, items[j])
		}
		return out, nil
	}
	var cum []weight
	if cumArg == nil {
		ws, exc := py.Iterate(weightsArg)
		if exc != nil {
			if num, isInt := weightsArg.(int64); isInt {
				return nil, py.NewError(py.TypeError, fmt.Sprintf("The number of choices must be a keyword argument: k=%d", num))
			}
			return nil, exc
		}
		for i, v := range ws {
			w, ok := weightOf(v)
			if !ok {
				return nil, py.NotSimulated("choices() with a weight of type %s is not simulated", py.TypeName(v))
			}
			if i > 0 {
				if w, ok = cum[i-1].plus(w); !ok {
					return nil, py.NewError(py.OverflowError, "int too large to convert to float")
				}
			}
			cum = append(cum, w)
		}
	} else {
		if weightsArg != nil {
			return nil, py.NewError(py.TypeError, "Cannot specify both weights and cumulative weights")
		}
		ws, exc := py.Iterate(cumArg)
		if exc != nil {
			return nil, exc
		}
		for _, v := range ws {
			w, ok := weightOf(v)
			if !ok {
				return nil, py.NotSimulated("choices() with a cumulative weight of type %s is not simulated", py.TypeName(v))
			}
			cum = append(cum, w)
		}
	}
	if len(cum) != n {
		return nil, py.NewError(py.ValueError, "The number of weights does not match the population")
	}
	if n == 0 {
		return nil, py.NewError(py.IndexError, "list index out of range")
	}
	total, ok := cum[n-1].float()
	if !ok {
		return nil, py.NewError(py.OverflowError, "int too large to convert to float")
	}
	if total <= 0 {
		return nil, py.NewError(py.ValueError, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, py.NewError(py.ValueError, "Total of weights must be finite")
	}
	for i := int64(0); i < k && i < py.MaxItems; i++ {
		x := m.random() * total
		lo, hi := 0, n-1
		for lo < hi {
			mid := (lo + hi) / 2
			if cum[mid].above(x) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		out.Items = append(out.Items, items[lo])
	}
	return out, nil
}

// indexError is the IndexError of indexing an empty population.
func indexError(population py.Value) *py.Exception {
	name := py.TypeName(population)
	switch name {
	case "str":
		name = "string"
	case "range":
		name = "range object"
	}
	return py.NewError(py.IndexError, name+" index out of range")
}
