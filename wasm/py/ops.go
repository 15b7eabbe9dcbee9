package py

import (
	"fmt"
	"math"
	"math/big"
	"strings"
)

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// truthy is Python's bool(v).
func truthy(v Value) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case Bytes:
		return x != ""
	case *Set:
		return x.used > 0
	case *List:
		return len(x.Items) > 0
	case *Tuple:
		return len(x.Items) > 0
	case *Dict:
		return len(x.Keys) > 0
	case *Instance:
		if b, ok := instanceTruthy(x); ok {
			return b
		}
	}
	return true
}

// number returns v as int or float, with bools as ints.
func number(v Value) (i int64, f float64, isFloat, ok bool) {
	switch x := v.(type) {
	case bool:
		return boolInt(x), 0, false, true
	case int64:
		return x, 0, false, true
	case float64:
		return 0, x, true, true
	}
	return 0, 0, false, false
}

func toFloat(v Value) (float64, bool) {
	if b, ok := v.(*big.Int); ok {
		f, _ := new(big.Float).SetInt(b).Float64()
		return f, true
	}
	i, f, isF, ok := number(v)
	if !ok {
		return 0, false
	}
	if isF {
		return f, true
	}
	return float64(i), true
}

// binary applies an arithmetic operator.
func binary(op string, x, y Value) (Value, *Exception) {
	if r, ok, exc := instanceBinary(op, x, y); ok {
		return r, exc
	}
	if r, ok, exc := operandBinary(op, x, y); ok {
		return r, exc
	}
	if op == "|" && isTypeLike(x) && isTypeLike(y) && (x != nil || y != nil) {
		return &typingForm{name: "Union", args: []Value{x, y}}, nil // int | None
	}
	if s, ok := x.(string); ok && op == "%" {
		args := []Value{y}
		if t, isTuple := y.(*Tuple); isTuple {
			args = t.Items
		}
		if _, isDict := y.(*Dict); isDict {
			return nil, newExc(excType, "%-formatting with a dict is not simulated; use an f-string")
		}
		return percentFormat(s, args)
	}
	xi, xf, xF, xok := number(x)
	yi, yf, yF, yok := number(y)
	if xok && yok {
		if !xF && !yF {
			v, exc := intOp(op, xi, yi)
			if exc == errIntOverflow {
				return bigOp(op, big.NewInt(xi), big.NewInt(yi))
			}
			return v, exc
		}
		if !xF {
			xf = float64(xi)
		}
		if !yF {
			yf = float64(yi)
		}
		return floatOp(op, xf, yf)
	}
	if v, ok, exc := bigBinary(op, x, y); ok {
		return v, exc
	}
	if v, ok, exc := bytesBinary(op, x, y); ok {
		return v, exc
	}
	if v, ok, exc := setBinary(op, x, y); ok {
		return v, exc
	}
	if op == "*" {
		// int * sequence repeats, like sequence * int.
		if _, isInt := x.(int64); isInt {
			switch y.(type) {
			case string, *List:
				x, y = y, x
			}
		}
	}
	switch a := x.(type) {
	case string:
		if b, ok := y.(string); ok && op == "+" {
			if exc := checkString(len(a) + len(b)); exc != nil {
				return nil, exc
			}
			return a + b, nil
		}
		if n, ok := y.(int64); ok && op == "*" {
			n = max(n, 0)
			if len(a) > 0 && n > maxString/int64(len(a)) {
				return nil, stringTooLong(repeatLen(len(a), n))
			}
			return strings.Repeat(a, int(n)), nil
		}
		if op == "%" {
			return nil, newExc(excType, "%-formatting is not simulated; use an f-string")
		}
	case *List:
		if b, ok := y.(*List); ok && op == "+" {
			if exc := checkItems("list", len(a.Items)+len(b.Items)); exc != nil {
				return nil, exc
			}
			return &List{Items: append(append([]Value{}, a.Items...), b.Items...)}, nil
		}
		if n, ok := y.(int64); ok && op == "*" {
			n = max(n, 0)
			if len(a.Items) > 0 && n > maxIterate/int64(len(a.Items)) {
				return nil, tooManyItems("list", repeatLen(len(a.Items), n))
			}
			out := &List{Items: make([]Value, 0, len(a.Items)*int(n))}
			for range n {
				out.Items = append(out.Items, a.Items...)
			}
			return out, nil
		}
	case *Tuple:
		if b, ok := y.(*Tuple); ok && op == "+" {
			if exc := checkItems("tuple", len(a.Items)+len(b.Items)); exc != nil {
				return nil, exc
			}
			return &Tuple{Items: append(append([]Value{}, a.Items...), b.Items...)}, nil
		}
	}
	return nil, newExc(excType, "unsupported operand type(s) for "+op+": '"+typeName(x)+"' and '"+typeName(y)+"'")
}

// repeatLen is n * times for an error message, -1 when that overflows.
func repeatLen(n int, times int64) int {
	if times > math.MaxInt/int64(n) {
		return -1
	}
	return n * int(times)
}

// errIntOverflow is intOp's answer when the result does not fit an
// int64: binary redoes the operation on big integers.
var errIntOverflow = newExc(excOverflow, "int64 overflow")

func intOp(op string, a, b int64) (Value, *Exception) {
	switch op {
	case "+":
		r := a + b
		if (r > a) != (b > 0) {
			return nil, errIntOverflow
		}
		return r, nil
	case "-":
		r := a - b
		if (r < a) != (b > 0) {
			return nil, errIntOverflow
		}
		return r, nil
	case "*":
		r := a * b
		if a != 0 && (r/a != b || a == -1 && b == math.MinInt64 || b == -1 && a == math.MinInt64) {
			return nil, errIntOverflow
		}
		return r, nil
	case "/":
		if b == 0 {
			return nil, newExc(excZeroDiv, "division by zero")
		}
		return float64(a) / float64(b), nil
	case "//", "%":
		if b == 0 {
			return nil, newExc(excZeroDiv, "integer division or modulo by zero")
		}
		if a == math.MinInt64 && b == -1 {
			if op == "%" {
				return int64(0), nil
			}
			return nil, errIntOverflow
		}
		q, r := a/b, a%b
		if r != 0 && (r < 0) != (b < 0) {
			q--
			r += b
		}
		if op == "//" {
			return q, nil
		}
		return r, nil
	case "**":
		if b < 0 {
			return math.Pow(float64(a), float64(b)), nil
		}
		if a == -1 { // the loop below would run b times
			return 1 - 2*(b&1), nil
		}
		r := int64(1)
		for range b {
			next := r * a
			if a != 0 && (next/a != r || a == -1 && r == math.MinInt64) {
				return nil, errIntOverflow
			}
			r = next
			if r == 0 || r == 1 && a == 1 {
				break
			}
		}
		return r, nil
	case "&":
		return a & b, nil
	case "|":
		return a | b, nil
	case "^":
		return a ^ b, nil
	case "<<":
		if b < 0 {
			return nil, newExc(excValue, "negative shift count")
		}
		if b > 63 || (a<<b)>>b != a {
			if a == 0 {
				return int64(0), nil
			}
			return nil, errIntOverflow
		}
		return a << b, nil
	case ">>":
		if b < 0 {
			return nil, newExc(excValue, "negative shift count")
		}
		return a >> min(b, 63), nil
	}
	return nil, newExc(excType, "unsupported operator "+op)
}

func floatOp(op string, a, b float64) (Value, *Exception) {
	switch op {
	case "+":
		return a + b, nil
	case "-":
		return a - b, nil
	case "*":
		return a * b, nil
	case "/":
		if b == 0 {
			return nil, newExc(excZeroDiv, "float division by zero")
		}
		return a / b, nil
	case "//", "%":
		if b == 0 {
			return nil, newExc(excZeroDiv, "float modulo")
		}
		q := math.Floor(a / b)
		if op == "//" {
			return q, nil
		}
		return a - q*b, nil
	case "**":
		return math.Pow(a, b), nil
	}
	return nil, newExc(excType, "unsupported operand type(s) for "+op+": 'float'")
}

// equal is Python's ==. Containers nested past maxNesting compare unequal;
// compare raises for them instead.
func equal(x, y Value) bool {
	eq, _ := equalAt(x, y, 0)
	return eq
}

// equalAt is equal at nesting depth d; deep reports that the containers
// were nested past maxNesting.
func equalAt(x, y Value, d int) (eq, deep bool) {
	if c, ok := bigCompare(x, y); ok {
		return c == 0, false
	}
	if xf, ok := toFloat(x); ok {
		if yf, ok := toFloat(y); ok {
			xi, _, xF, _ := number(x)
			yi, _, yF, _ := number(y)
			if !xF && !yF {
				return xi == yi, false
			}
			return xf == yf, false
		}
		return false, false
	}
	if _, ok := x.(*Instance); ok {
		eq, _ := instanceEqual(x, y)
		return eq, false
	}
	if _, ok := y.(*Instance); ok {
		eq, _ := instanceEqual(x, y)
		return eq, false
	}
	if c, ok := orderedCompare(x, y); ok {
		return c == 0, false
	}
	switch a := x.(type) {
	case nil:
		return y == nil, false
	case string:
		b, ok := y.(string)
		return ok && a == b, false
	case Bytes:
		b, ok := y.(Bytes)
		return ok && a == b, false
	case *Set:
		b, ok := y.(*Set)
		return ok && setEqual(a, b), false
	case *List, *Tuple, *Dict:
		if d >= maxNesting {
			return false, true
		}
	}
	switch a := x.(type) {
	case *List:
		b, ok := y.(*List)
		if !ok {
			return false, false
		}
		return equalItems(a.Items, b.Items, d+1)
	case *Tuple:
		b, ok := y.(*Tuple)
		if !ok {
			return false, false
		}
		return equalItems(a.Items, b.Items, d+1)
	case *Dict:
		b, ok := y.(*Dict)
		if !ok || len(a.Keys) != len(b.Keys) {
			return false, false
		}
		for i, k := range a.Keys {
			v, ok := b.Get(k)
			if !ok {
				return false, false
			}
			if eq, deep := equalAt(a.Values[i], v, d+1); !eq {
				return false, deep
			}
		}
		return true, false
	}
	return x == y, false
}

// equalItems compares items pairwise; like CPython, an item compares
// equal to itself without looking inside, so a list that contains itself
// equals itself.
func equalItems(a, b []Value, d int) (eq, deep bool) {
	if len(a) != len(b) {
		return false, false
	}
	for i := range a {
		if same(a[i], b[i]) {
			continue
		}
		if eq, deep := equalAt(a[i], b[i], d); !eq {
			return false, deep
		}
	}
	return true, false
}

// same reports whether x and y are the same container.
func same(x, y Value) bool {
	switch a := x.(type) {
	case *List:
		b, ok := y.(*List)
		return ok && a == b
	case *Tuple:
		b, ok := y.(*Tuple)
		return ok && a == b
	case *Dict:
		b, ok := y.(*Dict)
		return ok && a == b
	}
	return false
}

// compare applies a comparison operator.
func compare(op string, x, y Value) (bool, *Exception) {
	switch op {
	case "==", "!=":
		if classOf(x) != nil || classOf(y) != nil {
			eq, exc := instanceEq(x, y)
			return eq == (op == "=="), exc
		}
		eq, deep := equalAt(x, y, 0)
		if deep {
			return false, nestedTooDeep("in comparison")
		}
		return eq == (op == "=="), nil
	case "is":
		return identical(x, y), nil
	case "is not":
		return !identical(x, y), nil
	case "in", "not in":
		in, err := contains(y, x)
		if op == "not in" {
			in = !in
		}
		return in, err
	}
	if b, ok, exc := instanceOrder(op, x, y); ok {
		return b, exc
	}
	if b, ok := setOrder(op, x, y); ok {
		return b, nil
	}
	c, err := order(x, y, op, 0)
	if err != nil {
		return false, err
	}
	switch op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

func identical(x, y Value) bool {
	switch x.(type) {
	case nil, bool:
		return x == y
	}
	return equal(x, y) && typeName(x) == typeName(y)
}

func order(x, y Value, op string, d int) (int, *Exception) {
	if c, ok := orderedCompare(x, y); ok {
		return c, nil
	}
	if classOf(x) != nil || classOf(y) != nil {
		if lt, _, exc := instanceOrder("<", x, y); exc != nil || lt {
			return -1, exc
		}
		if gt, _, exc := instanceOrder("<", y, x); exc != nil || gt {
			return 1, exc
		}
		return 0, nil
	}
	if c, ok := bigCompare(x, y); ok {
		return c, nil
	}
	if xf, ok := toFloat(x); ok {
		if yf, ok := toFloat(y); ok {
			switch {
			case xf < yf:
				return -1, nil
			case xf > yf:
				return 1, nil
			}
			return 0, nil
		}
	}
	if a, ok := x.(string); ok {
		if b, ok := y.(string); ok {
			return strings.Compare(a, b), nil
		}
	}
	if a, ok := x.(Bytes); ok {
		if b, ok := y.(Bytes); ok {
			return strings.Compare(string(a), string(b)), nil
		}
	}
	var xs, ys []Value
	switch a := x.(type) {
	case *List:
		if b, ok := y.(*List); ok {
			xs, ys = a.Items, b.Items
		}
	case *Tuple:
		if b, ok := y.(*Tuple); ok {
			xs, ys = a.Items, b.Items
		}
	}
	if xs != nil || ys != nil {
		if d >= maxNesting {
			return 0, nestedTooDeep("in comparison")
		}
		for i := 0; i < len(xs) && i < len(ys); i++ {
			if same(xs[i], ys[i]) {
				continue
			}
			eq, deep := equalAt(xs[i], ys[i], d+1)
			if deep {
				return 0, nestedTooDeep("in comparison")
			}
			if !eq {
				return order(xs[i], ys[i], op, d+1)
			}
		}
		return len(xs) - len(ys), nil
	}
	return 0, newExc(excType, "'"+op+"' not supported between instances of '"+typeName(x)+"' and '"+typeName(y)+"'")
}

func contains(container, x Value) (bool, *Exception) {
	if in, ok, exc := instanceContains(container, x); ok {
		return in, exc
	}
	switch c := container.(type) {
	case *Set:
		return c.Has(x)
	case Bytes:
		switch s := x.(type) {
		case Bytes:
			return strings.Contains(string(c), string(s)), nil
		case int64:
			if s < 0 || s > 255 {
				return false, newExc(excValue, "byte must be in range(0, 256)")
			}
			return strings.IndexByte(string(c), byte(s)) >= 0, nil
		}
		return false, newExc(excType, "a bytes-like object is required, not '"+typeName(x)+"'")
	case string:
		s, ok := x.(string)
		if !ok {
			return false, newExc(excType, "'in <string>' requires string as left operand, not "+typeName(x))
		}
		return strings.Contains(c, s), nil
	case *List:
		for _, it := range c.Items {
			if equal(it, x) {
				return true, nil
			}
		}
		return false, nil
	case *Tuple:
		for _, it := range c.Items {
			if equal(it, x) {
				return true, nil
			}
		}
		return false, nil
	case *Dict:
		_, ok := c.Get(x)
		return ok, nil
	}
	return false, newExc(excType, "argument of type '"+typeName(container)+"' is not iterable")
}

var unaryDunders = map[string]string{"-": "__neg__", "+": "__pos__", "~": "__invert__"}

// unary applies -, +, ~ or not; an instance's class may define the first
// three.
func unary(op string, x Value) (Value, *Exception) {
	if op == "not" {
		return !truthy(x), nil
	}
	if b, ok := x.(*big.Int); ok {
		return bigUnary(op, b), nil
	}
	if inst, ok := x.(*Instance); ok {
		if r, found, exc := callDunder(inst, unaryDunders[op]); found {
			return r, exc
		}
	}
	i, f, isF, ok := number(x)
	if !ok {
		return nil, newExc(excType, "bad operand type for unary "+op+": '"+typeName(x)+"'")
	}
	switch {
	case op == "-" && isF:
		return -f, nil
	case op == "-":
		if i == math.MinInt64 {
			return new(big.Int).Neg(big.NewInt(i)), nil
		}
		return -i, nil
	case op == "+" && isF:
		return f, nil
	case op == "+":
		return i, nil
	case op == "~" && !isF:
		return ^i, nil
	}
	return nil, newExc(excType, "bad operand type for unary "+op+": 'float'")
}

// inplace is x op= y: a list, set or dict (or an instance with __iadd__
// and the like) changes in place and is the result; anything else is
// x op y.
func inplace(op string, x, y Value) (Value, *Exception) {
	switch a := x.(type) {
	case *List:
		switch op {
		case "+":
			items, exc := iterate(y)
			if exc != nil {
				return nil, newExc(excType, fmt.Sprintf("'%s' object is not iterable", typeName(y)))
			}
			if exc := checkItems("list", len(a.Items)+len(items)); exc != nil {
				return nil, exc
			}
			a.Items = append(a.Items, items...)
			return a, nil
		case "*":
			r, exc := binary(op, x, y)
			if l, ok := r.(*List); ok {
				a.Items = l.Items
				return a, nil
			}
			return r, exc
		}
	case *Set:
		b, ok := y.(*Set)
		if !ok || a.Frozen {
			break
		}
		var exc *Exception
		switch op {
		case "|":
			exc = a.update(b)
		case "&":
			var r *Set
			if r, exc = setIntersection(a, b); exc == nil {
				a.swapBody(r)
			}
		case "-":
			exc = a.differenceUpdate(b)
		case "^":
			exc = a.symmetricDifferenceUpdate(b)
		default:
			return binary(op, x, y)
		}
		return a, exc
	case *Dict:
		if b, ok := y.(*Dict); ok && op == "|" {
			for i, k := range b.Keys {
				a.Set(k, b.Values[i])
			}
			return a, nil
		}
	case *Instance:
		if name, ok := binaryDunders[op]; ok {
			if r, found, exc := callDunder(x, "__i"+name+"__", y); found && (exc != nil || r != notImplemented) {
				return r, exc
			}
		}
	}
	return binary(op, x, y)
}

// unpackItems is what "a, b, c = items" stores, with CPython's errors;
// star (when > 0) is the index plus one of a *starred target, which
// takes a list of the items the others leave.
func unpackItems(items []Value, n, star int) ([]Value, *Exception) {
	if star == 0 {
		switch {
		case len(items) > n:
			return nil, newExc(excValue, fmt.Sprintf("too many values to unpack (expected %d)", n))
		case len(items) < n:
			return nil, newExc(excValue, fmt.Sprintf("not enough values to unpack (expected %d, got %d)", n, len(items)))
		}
		return items, nil
	}
	if len(items) < n-1 {
		return nil, newExc(excValue, fmt.Sprintf("not enough values to unpack (expected at least %d, got %d)", n-1, len(items)))
	}
	before, after := star-1, n-star
	out := make([]Value, 0, n)
	out = append(out, items[:before]...)
	out = append(out, &List{Items: append([]Value{}, items[before:len(items)-after]...)})
	return append(out, items[len(items)-after:]...), nil
}
