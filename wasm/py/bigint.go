package py

import (
	"math"
	"math/big"
	"strings"
)

// Python's integers have no size limit. LoopLab's are int64 until a
// result does not fit, and *big.Int from there: a *big.Int value is
// always outside int64's range, so every int that fits stays an int64
// and the fast paths never see the slow kind.

// maxBigBits bounds a big integer, so that 10**10**9 fails at once
// instead of filling the tab's memory; CPython refuses to print an int of
// more than 4300 digits anyway.
const maxBigBits = 1 << 16

func bigTooLarge() *Exception {
	return newExc(excOverflow, "integer too large for the simulator (more than 65,536 bits)")
}

// normInt is b as an int64 when it fits.
func normInt(b *big.Int) Value {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}

// bigOf is an int (bool, int64 or *big.Int) as a *big.Int.
func bigOf(v Value) (*big.Int, bool) {
	switch x := v.(type) {
	case *big.Int:
		return x, true
	case int64:
		return big.NewInt(x), true
	case bool:
		return big.NewInt(boolInt(x)), true
	}
	return nil, false
}

// bigFloat is b as a float, or OverflowError as Python says it.
func bigFloat(b *big.Int) (float64, *Exception) {
	f, _ := new(big.Float).SetInt(b).Float64()
	if math.IsInf(f, 0) {
		return 0, newExc(excOverflow, "int too large to convert to float")
	}
	return f, nil
}

// bigBinary is an operator with a big integer on one side (ok false
// when neither side is one, or the other side is not a number).
func bigBinary(op string, x, y Value) (Value, bool, *Exception) {
	_, xb := x.(*big.Int)
	_, yb := y.(*big.Int)
	if !xb && !yb {
		return nil, false, nil
	}
	a, aok := bigOf(x)
	b, bok := bigOf(y)
	if aok && bok {
		v, exc := bigOp(op, a, b)
		return v, true, exc
	}
	// a float on the other side: Python converts the int
	var xf, yf float64
	var exc *Exception
	if aok {
		if yf, bok = y.(float64); !bok {
			return nil, false, nil
		}
		xf, exc = bigFloat(a)
	} else {
		if xf, aok = x.(float64); !aok {
			return nil, false, nil
		}
		yf, exc = bigFloat(b)
	}
	if exc != nil {
		return nil, true, exc
	}
	v, exc := floatOp(op, xf, yf)
	return v, true, exc
}

// bigOp is intOp on big integers.
func bigOp(op string, a, b *big.Int) (Value, *Exception) {
	r := new(big.Int)
	switch op {
	case "+":
		r.Add(a, b)
	case "-":
		r.Sub(a, b)
	case "*":
		if a.BitLen()+b.BitLen() > maxBigBits+1 {
			return nil, bigTooLarge()
		}
		r.Mul(a, b)
	case "/":
		if b.Sign() == 0 {
			return nil, newExc(excZeroDiv, "division by zero")
		}
		f, _ := new(big.Rat).SetFrac(a, b).Float64()
		if math.IsInf(f, 0) {
			return nil, newExc(excOverflow, "integer division result too large for a float")
		}
		return f, nil
	case "//", "%":
		if b.Sign() == 0 {
			return nil, newExc(excZeroDiv, "integer division or modulo by zero")
		}
		q, m := new(big.Int).QuoRem(a, b, new(big.Int))
		if m.Sign() != 0 && m.Sign() != b.Sign() { // floor, as Python does
			q.Sub(q, big.NewInt(1))
			m.Add(m, b)
		}
		if op == "//" {
			return normInt(q), nil
		}
		return normInt(m), nil
	case "**":
		if b.Sign() < 0 {
			fa, exc := bigFloat(a)
			if exc != nil {
				return nil, exc
			}
			fb, _ := bigFloat(b)
			return math.Pow(fa, fb), nil
		}
		if a.CmpAbs(big.NewInt(1)) <= 0 {
			return intPowSmall(a, b), nil
		}
		if !b.IsInt64() || int64(a.BitLen()-1)*b.Int64() > maxBigBits {
			return nil, bigTooLarge()
		}
		r.Exp(a, b, nil)
	case "&":
		r.And(a, b)
	case "|":
		r.Or(a, b)
	case "^":
		r.Xor(a, b)
	case "<<":
		if b.Sign() < 0 {
			return nil, newExc(excValue, "negative shift count")
		}
		if a.Sign() == 0 {
			return int64(0), nil
		}
		if !b.IsInt64() || int64(a.BitLen())+b.Int64() > maxBigBits {
			return nil, bigTooLarge()
		}
		r.Lsh(a, uint(b.Int64()))
	case ">>":
		if b.Sign() < 0 {
			return nil, newExc(excValue, "negative shift count")
		}
		if !b.IsInt64() || b.Int64() > int64(a.BitLen()) {
			if a.Sign() < 0 {
				return int64(-1), nil
			}
			return int64(0), nil
		}
		r.Rsh(a, uint(b.Int64())) // Rsh floors, as Python's >> does
	default:
		return nil, newExc(excType, "unsupported operator "+op)
	}
	if r.BitLen() > maxBigBits {
		return nil, bigTooLarge()
	}
	return normInt(r), nil
}

// intPowSmall is a**b for a in -1, 0, 1.
func intPowSmall(a, b *big.Int) Value {
	switch {
	case b.Sign() == 0:
		return int64(1)
	case a.Sign() >= 0:
		return a.Int64()
	case b.Bit(0) == 1:
		return int64(-1)
	}
	return int64(1)
}

// bigCompare orders x and y when one is a big integer and the other a
// number (ok false otherwise).
func bigCompare(x, y Value) (int, bool) {
	_, xb := x.(*big.Int)
	_, yb := y.(*big.Int)
	if !xb && !yb {
		return 0, false
	}
	a, aok := bigOf(x)
	b, bok := bigOf(y)
	if aok && bok {
		return a.Cmp(b), true
	}
	toBigFloat := func(v Value) (*big.Float, bool) {
		if f, ok := v.(float64); ok && !math.IsNaN(f) {
			return new(big.Float).SetFloat64(f), true
		}
		if bi, ok := bigOf(v); ok {
			return new(big.Float).SetInt(bi), true
		}
		return nil, false
	}
	fa, aok := toBigFloat(x)
	fb, bok := toBigFloat(y)
	if !aok || !bok {
		return 0, false
	}
	return fa.Cmp(fb), true
}

// bigUnary is -x, +x, ~x or abs(x) of a big integer.
func bigUnary(op string, b *big.Int) Value {
	switch op {
	case "-":
		return normInt(new(big.Int).Neg(b))
	case "~":
		return normInt(new(big.Int).Not(b))
	case "abs":
		return normInt(new(big.Int).Abs(b))
	}
	return b
}

// parseBigInt reads int(s)'s digits when they do not fit an int64.
func parseBigInt(s string, base int) (Value, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "")
	b, ok := new(big.Int).SetString(s, base)
	if !ok || b.BitLen() > maxBigBits {
		return nil, false
	}
	return normInt(b), true
}

// formatBigInt formats a big integer for an f-string's spec.
func (fs spec) formatBigInt(x *big.Int) (string, error) {
	neg := x.Sign() < 0
	abs := new(big.Int).Abs(x)
	switch fs.typ {
	case 0, 'd', 'n':
		return fs.signed(neg, group(abs.Text(10), fs.grouping)), nil
	case 'x', 'X', 'o', 'b':
		base := map[rune]int{'x': 16, 'X': 16, 'o': 8, 'b': 2}[fs.typ]
		d := abs.Text(base)
		if fs.typ == 'X' {
			d = strings.ToUpper(d)
		}
		if fs.alt {
			d = "0" + string(fs.typ) + d
		}
		return fs.signed(neg, d), nil
	case 'f', 'F', 'e', 'E', 'g', 'G', '%':
		f, exc := bigFloat(x)
		if exc != nil {
			return "", exc
		}
		return fs.formatFloat(f)
	}
	return "", errUnknownIntFormat(fs.typ)
}

// powMod is pow(base, exp, mod) on integers.
func powMod(x, y, m Value) (Value, *Exception) {
	b, ok1 := bigOf(x)
	e, ok2 := bigOf(y)
	n, ok3 := bigOf(m)
	switch {
	case !ok1 || !ok2 || !ok3:
		return nil, newExc(excType, "pow() 3rd argument not allowed unless all arguments are integers")
	case n.Sign() == 0:
		return nil, newExc(excValue, "pow() 3rd argument cannot be 0")
	case e.Sign() < 0:
		return nil, newExc(excValue, "pow() with a negative exponent and a modulus is not simulated")
	}
	r := new(big.Int).Exp(b, e, new(big.Int).Abs(n))
	if r.Sign() != 0 && n.Sign() < 0 { // the result takes the modulus' sign
		r.Add(r, n)
	}
	return normInt(r), nil
}

// intHash is hash(n) as CPython computes it: n modulo the prime 2**61-1,
// keeping its sign, with -1 made -2.
func intHash(n *big.Int) int64 {
	const modulus = 1<<61 - 1
	h := new(big.Int).Rem(new(big.Int).Abs(n), big.NewInt(modulus)).Int64()
	if n.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}
