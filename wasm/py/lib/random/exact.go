package random

import (
	"math"
	"math/big"
)

// gauss and normalvariate draw through log, sin and cos, and CPython
// calls the C library's, which round almost always to the nearest
// float. Go's math package is off by one in the last bit for about a
// quarter of all arguments, which print would show, so these compute
// each result to 128 bits and round once. (glibc itself misses the
// nearest float about once in a thousand calls, so a last digit can
// still differ now and then.)

const exactPrec = 128

func exact(x float64) *big.Float { return new(big.Float).SetPrec(exactPrec).SetFloat64(x) }

var (
	exactPi, _, _ = big.ParseFloat("3.14159265358979323846264338327950288419716939937510582097494459", 10, exactPrec, big.ToNearestEven)
	exactLn2      = atanh2(new(big.Float).SetPrec(exactPrec).Quo(exact(1), exact(3)))
)

// small reports whether term no longer changes sum at exactPrec.
func small(term, sum *big.Float) bool {
	return term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -exactPrec
}

// atanh2 is 2·atanh(t) = log((1+t)/(1-t)), for |t| well below 1:
// 2·(t + t³/3 + t⁵/5 + …).
func atanh2(t *big.Float) *big.Float {
	t2 := new(big.Float).SetPrec(exactPrec).Mul(t, t)
	pow := new(big.Float).SetPrec(exactPrec).Set(t)
	sum := new(big.Float).SetPrec(exactPrec).Set(t)
	for k := 3; ; k += 2 {
		pow.Mul(pow, t2)
		term := new(big.Float).SetPrec(exactPrec).Quo(pow, exact(float64(k)))
		if small(term, sum) {
			return sum.Mul(sum, exact(2))
		}
		sum.Add(sum, term)
	}
}

// exactLog is log(x) for a finite x > 0, correctly rounded: x = m·2^e
// with m in [√½, √2), and log m = 2·atanh((m-1)/(m+1)).
func exactLog(x float64) float64 {
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m, e = m*2, e-1
	}
	num := new(big.Float).SetPrec(exactPrec).Sub(exact(m), exact(1))
	den := new(big.Float).SetPrec(exactPrec).Add(exact(m), exact(1))
	r := atanh2(num.Quo(num, den))
	r.Add(r, new(big.Float).SetPrec(exactPrec).Mul(exactLn2, exact(float64(e))))
	f, _ := r.Float64()
	return f
}

// exactSinCos is sin(x) and cos(x), correctly rounded, for the x in
// [0, 2π) that gauss uses: x = k·π/2 + r with |r| <= π/4, then Taylor
// series in r.
func exactSinCos(x float64) (sin, cos float64) {
	halfPi := new(big.Float).SetPrec(exactPrec).Quo(exactPi, exact(2))
	q, _ := new(big.Float).SetPrec(exactPrec).Quo(exact(x), halfPi).Float64()
	k := math.Round(q)
	r := new(big.Float).SetPrec(exactPrec).Mul(halfPi, exact(k))
	r.Sub(exact(x), r)
	r2 := new(big.Float).SetPrec(exactPrec).Mul(r, r)
	// taylor sums first·(1 - r²/(n(n+1)) + r⁴/(n(n+1)(n+2)(n+3)) - …)
	taylor := func(first *big.Float, n int) float64 {
		sum := new(big.Float).SetPrec(exactPrec).Set(first)
		term := new(big.Float).SetPrec(exactPrec).Set(first)
		for ; ; n += 2 {
			term.Mul(term, r2)
			term.Quo(term, exact(float64(-n*(n+1))))
			if small(term, sum) {
				f, _ := sum.Float64()
				return f
			}
			sum.Add(sum, term)
		}
	}
	s, c := taylor(r, 2), taylor(exact(1), 1)
	switch int64(k) & 3 {
	case 1:
		return c, -s
	case 2:
		return -s, -c
	case 3:
		return -c, s
	}
	return s, c
}
