package deeplink

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// jsString is JavaScript's String(v): the shortest digits that read back
// as v, in plain decimals from 1e-6 up to 1e21 and in exponent form
// ("1e+21", "1.5e-7") outside that; "Infinity", "-Infinity" and "NaN"
// for the others, which Apply never writes into code but a note may show.
func jsString(v float64) string {
	switch {
	case v == 0:
		return "0" // -0 too
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	if a := math.Abs(v); a >= 1e-6 && a < 1e21 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatFloat(v, 'e', -1, 64) // "1e-07", "1.5e+21"
	mant, exp, _ := strings.Cut(s, "e")
	return mant + "e" + exp[:1] + strings.TrimLeft(exp[1:], "0")
}

// jsToFixed is JavaScript's Number(v.toFixed(digits)): v rounded to digits
// decimals on its exact binary value, a tie going to the larger number,
// then read back as the nearest float64. From 1e21 on toFixed leaves v as
// it is; Math.round(v) is jsToFixed(v, 0).
func jsToFixed(v float64, digits int) float64 {
	if math.Abs(v) >= 1e21 || !finite(v) {
		return v
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	r := new(big.Rat).SetFloat64(v)
	r.Mul(r, new(big.Rat).SetInt(scale))
	r.Add(r, big.NewRat(1, 2))
	n := new(big.Int).Div(r.Num(), r.Denom()) // floor: the denominator is positive
	f, _ := new(big.Rat).SetFrac(n, scale).Float64()
	if f == 0 {
		return 0 // toFixed's "-0.00" reads back as -0, which String writes as "0"
	}
	return f
}
