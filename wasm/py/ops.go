package py

import (
	"math"
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
	case *List:
		return len(x.Items) > 0
	case *Tuple:
		return len(x.Items) > 0
	case *Dict:
		return len(x.Keys) > 0
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
	xi, xf, xF, xok := number(x)
	yi, yf, yF, yok := number(y)
	if xok && yok {
		if !xF && !yF {
			return intOp(op, xi, yi)
		}
		if !xF {
			xf = float64(xi)
		}
		if !yF {
			yf = float64(yi)
		}
		return floatOp(op, xf, yf)
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
			return a + b, nil
		}
		if n, ok := y.(int64); ok && op == "*" {
			if n < 0 {
				n = 0
			}
			if int64(len(a))*n > 1<<20 {
				return nil, newExc(excMemory, "string too large for the simulator")
			}
			return strings.Repeat(a, int(n)), nil
		}
		if op == "%" {
			return nil, newExc(excType, "%-formatting is not simulated; use an f-string")
		}
	case *List:
		if b, ok := y.(*List); ok && op == "+" {
			return &List{Items: append(append([]Value{}, a.Items...), b.Items...)}, nil
		}
		if n, ok := y.(int64); ok && op == "*" {
			if n < 0 {
				n = 0
			}
			if int64(len(a.Items))*n > 1<<20 {
				return nil, newExc(excMemory, "list too large for the simulator")
			}
			out := &List{}
			for range n {
				out.Items = append(out.Items, a.Items...)
			}
			return out, nil
		}
	case *Tuple:
		if b, ok := y.(*Tuple); ok && op == "+" {
			return &Tuple{Items: append(append([]Value{}, a.Items...), b.Items...)}, nil
		}
	}
	return nil, newExc(excType, "unsupported operand type(s) for "+op+": '"+typeName(x)+"' and '"+typeName(y)+"'")
}

func intOp(op string, a, b int64) (Value, *Exception) {
	switch op {
	case "+":
		return a + b, nil
	case "-":
		return a - b, nil
	case "*":
		return a * b, nil
	case "/":
		if b == 0 {
			return nil, newExc(excZeroDiv, "division by zero")
		}
		return float64(a) / float64(b), nil
	case "//", "%":
		if b == 0 {
			return nil, newExc(excZeroDiv, "integer division or modulo by zero")
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
		r := int64(1)
		for range b {
			next := r * a
			if a != 0 && next/a != r {
				return nil, newExc(excOverflow, "integer too large for the simulator")
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
		if b < 0 || b > 62 {
			return nil, newExc(excValue, "shift count out of range for the simulator")
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

// equal is Python's ==.
func equal(x, y Value) bool {
	if xf, ok := toFloat(x); ok {
		if yf, ok := toFloat(y); ok {
			xi, _, xF, _ := number(x)
			yi, _, yF, _ := number(y)
			if !xF && !yF {
				return xi == yi
			}
			return xf == yf
		}
		return false
	}
	switch a := x.(type) {
	case nil:
		return y == nil
	case string:
		b, ok := y.(string)
		return ok && a == b
	case *List:
		b, ok := y.(*List)
		return ok && equalItems(a.Items, b.Items)
	case *Tuple:
		b, ok := y.(*Tuple)
		return ok && equalItems(a.Items, b.Items)
	case *Dict:
		b, ok := y.(*Dict)
		if !ok || len(a.Keys) != len(b.Keys) {
			return false
		}
		for i, k := range a.Keys {
			v, ok := b.Get(k)
			if !ok || !equal(a.Values[i], v) {
				return false
			}
		}
		return true
	}
	return x == y
}

func equalItems(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// compare applies a comparison operator.
func compare(op string, x, y Value) (bool, *Exception) {
	switch op {
	case "==":
		return equal(x, y), nil
	case "!=":
		return !equal(x, y), nil
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
	c, err := order(x, y, op)
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

func order(x, y Value, op string) (int, *Exception) {
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
		for i := 0; i < len(xs) && i < len(ys); i++ {
			if !equal(xs[i], ys[i]) {
				return order(xs[i], ys[i], op)
			}
		}
		return len(xs) - len(ys), nil
	}
	return 0, newExc(excType, "'"+op+"' not supported between instances of '"+typeName(x)+"' and '"+typeName(y)+"'")
}

func contains(container, x Value) (bool, *Exception) {
	switch c := container.(type) {
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

// unary applies -, +, ~ or not.
func unary(op string, x Value) (Value, *Exception) {
	if op == "not" {
		return !truthy(x), nil
	}
	i, f, isF, ok := number(x)
	if !ok {
		return nil, newExc(excType, "bad operand type for unary "+op+": '"+typeName(x)+"'")
	}
	switch {
	case op == "-" && isF:
		return -f, nil
	case op == "-":
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
