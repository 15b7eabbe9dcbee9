package py

import (
	binenc "encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"unicode/utf8"
)

// pyHash is hash(v) as CPython 3.11 computes it, with PYTHONHASHSEED=0
// for str and bytes (CPython salts those at random on each start unless
// told not to). A set's order depends on these numbers: with them a set
// of ints prints in CPython's order, and a set of strings in the order
// CPython prints it under PYTHONHASHSEED=0. ok is false for an
// unhashable value.
func pyHash(v Value) (uint64, bool) {
	switch x := v.(type) {
	case nil:
		return 0xfc1bad2e0, true // None's hash is its address; any fixed number will do
	case bool:
		return uint64(boolInt(x)), true
	case int64:
		return uint64(intHash(big.NewInt(x))), true
	case *big.Int:
		return uint64(intHash(x)), true
	case float64:
		return floatHash(x), true
	case string:
		return strHash(x), true
	case Bytes:
		return bytesHash([]byte(x)), true
	case *Tuple:
		return tupleHash(x.Items)
	case *Set:
		if !x.Frozen {
			return 0, false
		}
		return x.frozenHash(), true
	case *Instance:
		if x.Class.enum != nil {
			if name, ok := x.Attrs["_name_"].(string); ok {
				return strHash(name), true // Enum.__hash__ is hash(self._name_)
			}
		}
		if h, ok := instanceHash(x, 0); ok {
			if _, fields := h.(instanceKey); fields {
				// A frozen dataclass's __hash__ is hash() of its fields' tuple.
				return tupleHash(x.Class.data.values(x).Items)
			}
			if n, isInt := h.(int64); isInt {
				return uint64(intHash(big.NewInt(n))), true
			}
			return uint64(x.id) * 16, true // object.__hash__: its address over 16
		}
		return 0, false
	}
	if _, ok := hashKey(v); ok {
		return uint64(len(typeName(v))) * 0x9e3779b97f4a7c15, true
	}
	return 0, false
}

const hashModulus = 1<<61 - 1

// floatHash is _Py_HashDouble.
func floatHash(v float64) uint64 {
	switch {
	case math.IsInf(v, 1):
		return 314159
	case math.IsInf(v, -1):
		return ^uint64(314159) + 1
	case math.IsNaN(v):
		return 0
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return uint64(intHash(big.NewInt(int64(v))))
	}
	m, e := math.Frexp(v)
	sign := uint64(1)
	if m < 0 {
		sign, m = ^uint64(0), -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	x *= sign
	if x == ^uint64(0) {
		x--
	}
	return x
}

// strHash hashes a str as CPython does: siphash13 over its characters at
// the width CPython stores them in (1, 2 or 4 bytes each).
func strHash(s string) uint64 {
	if s == "" {
		return 0
	}
	width := 1
	for _, r := range s {
		switch {
		case r > 0xffff:
			width = 4
		case r > 0xff && width < 2:
			width = 2
		}
	}
	buf := make([]byte, 0, utf8.RuneCountInString(s)*width)
	for _, r := range s {
		switch width {
		case 1:
			buf = append(buf, byte(r))
		case 2:
			buf = binenc.LittleEndian.AppendUint16(buf, uint16(r))
		default:
			buf = binenc.LittleEndian.AppendUint32(buf, uint32(r))
		}
	}
	return bytesHash(buf)
}

func bytesHash(b []byte) uint64 {
	if len(b) == 0 {
		return 0
	}
	h := siphash13(b)
	if h == ^uint64(0) {
		h--
	}
	return h
}

// siphash13 is SipHash-1-3 with the zero key, as CPython's
// PYTHONHASHSEED=0 uses it.
func siphash13(b []byte) uint64 {
	v0, v1, v2, v3 := uint64(0x736f6d6570736575), uint64(0x646f72616e646f6d), uint64(0x6c7967656e657261), uint64(0x7465646279746573)
	round := func() {
		v0 += v1
		v1 = bits.RotateLeft64(v1, 13)
		v1 ^= v0
		v0 = bits.RotateLeft64(v0, 32)
		v2 += v3
		v3 = bits.RotateLeft64(v3, 16)
		v3 ^= v2
		v0 += v3
		v3 = bits.RotateLeft64(v3, 21)
		v3 ^= v0
		v2 += v1
		v1 = bits.RotateLeft64(v1, 17)
		v1 ^= v2
		v2 = bits.RotateLeft64(v2, 32)
	}
	n := len(b)
	for ; len(b) >= 8; b = b[8:] {
		m := binenc.LittleEndian.Uint64(b)
		v3 ^= m
		round()
		v0 ^= m
	}
	var last [8]byte
	copy(last[:], b)
	last[7] = byte(n)
	m := binenc.LittleEndian.Uint64(last[:])
	v3 ^= m
	round()
	v0 ^= m
	v2 ^= 0xff
	round()
	round()
	round()
	return v0 ^ v1 ^ v2 ^ v3
}

// tupleHash is CPython's xxHash-based tuple hash.
func tupleHash(items []Value) (uint64, bool) {
	const prime1, prime2, prime5 = 11400714785074694791, 14029467366897019727, 2870177450012600261
	acc := uint64(prime5)
	for _, it := range items {
		lane, ok := pyHash(it)
		if !ok {
			return 0, false
		}
		acc += lane * prime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= prime1
	}
	acc += uint64(len(items)) ^ (prime5 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, true
	}
	return acc, true
}
