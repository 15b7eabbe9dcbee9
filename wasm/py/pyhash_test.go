package py

import (
	"math"
	"math/big"
	"testing"
)

// The hashes CPython 3.11 gives (with PYTHONHASHSEED=0), as unsigned
// 64-bit numbers: a set's order follows from them.
func TestHashesAreCPythons(t *testing.T) {
	big70 := new(big.Int).Lsh(big.NewInt(1), 70)
	frozen := func(items ...Value) *Set {
		s := newSet(true)
		for _, it := range items {
			s.Add(it)
		}
		return s
	}
	for _, tc := range []struct {
		v    Value
		want uint64
	}{
		{"", 0},
		{"a", 4644417185603328019},
		{"abc", 13851880170939887858},
		{"hello world!", 839851713330019024},
		{"é", 6047309291227476195},
		{"naïve", 7682306841811832039},
		{"日本", 6243316497235261705},
		{"😀x", 9520015811591012698},
		{Bytes(""), 0},
		{Bytes("abc"), 13851880170939887858},
		{Bytes("\x00\xff"), 15733103089836330399},
		{int64(0), 0},
		{int64(1), 1},
		{int64(-1), 18446744073709551614},
		{int64(-2), 18446744073709551614},
		{int64(1) << 61, 1},
		{big70, 512},
		{new(big.Int).Neg(big70), 18446744073709551104},
		{0.5, 1152921504606846976},
		{-3.75, 16717361816799281149},
		{1e20, 848750603811160107},
		{1.1, 230584300921369601},
		{math.Inf(1), 314159},
		{&Tuple{}, 5740354900026072187},
		{&Tuple{Items: []Value{int64(1), "a"}}, 3906047847676358913},
		{&Tuple{Items: []Value{&Tuple{Items: []Value{int64(1), int64(2)}}, &Tuple{Items: []Value{int64(3)}}}}, 10143192190029844477},
		{true, 1},
		{frozen(int64(1), int64(2), int64(3)), 18174368672485334456},
		{frozen(), 133146708735736},
	} {
		got, ok := pyHash(tc.v)
		if !ok || got != tc.want {
			t.Errorf("hash(%s) = %d (ok %v), want %d", repr(tc.v), got, ok, tc.want)
		}
	}
}
