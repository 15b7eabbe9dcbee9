// Package random is Python's random module, simulated: CPython's
// Mersenne Twister and the arithmetic on top of it, seeded the same way.
package random

import (
	"crypto/sha512"
	"fmt"
	"math"
	"math/big"
	"math/bits"

	"looplab/wasm/py"
)

// random is CPython's: the same Mersenne Twister, seeded the same way
// from an int, and the same arithmetic on top of it, so random.seed(42)
// followed by randint, choice or shuffle gives what CPython gives. An
// unseeded run starts from seed 0 rather than the operating system's
// randomness, so every run of a scenario is the same.

type Mersenne struct {
	mt  [624]uint32
	idx int
	// gauss makes two numbers at a time and keeps the second for its
	// next call, as CPython's gauss_next
	gaussNext    float64
	hasGaussNext bool
}

func (m *Mersenne) initGenrand(s uint32) {
	m.mt[0] = s
	for i := 1; i < 624; i++ {
		m.mt[i] = 1812433253*(m.mt[i-1]^(m.mt[i-1]>>30)) + uint32(i)
	}
	m.idx = 624
}

// initByArray is init_by_array, which CPython's seed(int) uses with the
// int's 32-bit words, least significant first.
func (m *Mersenne) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := max(624, len(key))
	for ; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
	}
	m.mt[0] = 0x80000000
	m.idx = 624
}

func (m *Mersenne) genrand() uint32 {
	if m.idx >= 624 {
		for i := 0; i < 624; i++ {
			y := (m.mt[i] & 0x80000000) | (m.mt[(i+1)%624] & 0x7fffffff)
			v := m.mt[(i+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.mt[i] = v
		}
		m.idx = 0
	}
	y := m.mt[m.idx]
	m.idx++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (m *Mersenne) seed(n uint64) {
	key := []uint32{uint32(n)}
	if hi := uint32(n >> 32); hi != 0 {
		key = append(key, hi)
	}
	m.initByArray(key)
	m.hasGaussNext = false
}

// random is random.random(): 53 random bits as a float in [0, 1).
func (m *Mersenne) random() float64 {
	a, b := m.genrand()>>5, m.genrand()>>6
	return (float64(a)*67108864 + float64(b)) / 9007199254740992
}

// GetRandBits is getrandbits(k), for k <= 64.
func (m *Mersenne) GetRandBits(k int) uint64 {
	if k <= 32 {
		return uint64(m.genrand() >> (32 - k))
	}
	lo := uint64(m.genrand())
	hi := uint64(m.genrand() >> (64 - k))
	return hi<<32 | lo
}

// randbelow is _randbelow_with_getrandbits: a uniform int in [0, n).
func (m *Mersenne) randbelow(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	k := bits.Len64(n)
	r := m.GetRandBits(k)
	for r >= n {
		r = m.GetRandBits(k)
	}
	return r
}

// stateKey finds a run's generator among its libraries' states.
type stateKey struct{}

// Generator is the run's generator, seeded with 0 until the program
// seeds it: uuid4 draws from it too, so every run is the same.
func Generator(c *py.Call) *Mersenne {
	return c.State(stateKey{}, func() any {
		m := &Mersenne{}
		m.seed(0)
		return m
	}).(*Mersenne)
}

func init() { py.Register(module()) }

// function is one of the module's functions, which are also the methods
// of a random.Random: it draws from m.
type function func(c *py.Call, m *Mersenne) (py.Value, *py.Exception)

// takesNoArgs are the functions that may be called with no arguments.
var takesNoArgs = map[string]bool{"seed": true, "random": true, "gauss": true, "normalvariate": true}

func module() *py.Module {
	mod := &py.Module{Name: "random", Attrs: map[string]py.Value{}}
	for name, fn := range functions {
		mod.Attrs[name] = &py.Builtin{Name: name, Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return call(c, name, fn, Generator(c))
		})}
	}
	mod.Attrs["Random"] = &py.LibType{Name: "Random", New: newRandom}
	return mod
}

// call is a call of the function name, on the module's generator or a
// Random's.
func call(c *py.Call, name string, fn function, m *Mersenne) (py.Value, *py.Exception) {
	if !takesNoArgs[name] && len(c.Args()) == 0 {
		return nil, c.Errorf("%s() is missing its arguments", name)
	}
	return fn(c, m)
}

// functions are the module's functions, which are also the methods of a
// random.Random.
var functions = newFunctions()

func newFunctions() map[string]function {
	return map[string]function{
		"seed": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			v, _ := c.Arg(0, "a")
			return nil, seed(c, m, v)
		},
		"random": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) { return m.random(), nil },
		"uniform": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			a, ok1 := py.ToFloat(c.Args()[0])
			b, ok2 := py.ToFloat(c.Args()[1])
			if !ok1 || !ok2 {
				return nil, c.Errorf("uniform() needs two numbers")
			}
			return a + (b-a)*m.random(), nil
		},
		"randint": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			a, ok1 := c.Args()[0].(int64)
			b, ok2 := c.Args()[1].(int64)
			if !ok1 || !ok2 || len(c.Args()) != 2 {
				return nil, c.Errorf("randint() needs two ints")
			}
			if b < a {
				return nil, py.NewError(py.ValueError, fmt.Sprintf("empty range in randrange(%d, %d)", a, b+1))
			}
			return a + int64(m.randbelow(uint64(b-a+1))), nil
		},
		"randrange": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			var start, stop, step int64 = 0, 0, 1
			ints := make([]int64, len(c.Args()))
			for i, a := range c.Args() {
				n, ok := a.(int64)
				if !ok {
					return nil, c.Errorf("randrange() needs ints")
				}
				ints[i] = n
			}
			switch len(ints) {
			case 1:
				stop = ints[0]
			case 2:
				start, stop = ints[0], ints[1]
			case 3:
				start, stop, step = ints[0], ints[1], ints[2]
			default:
				return nil, c.Errorf("randrange() takes 1 to 3 arguments")
			}
			if step == 0 {
				return nil, py.NewError(py.ValueError, "zero step for randrange()")
			}
			n := (stop - start + step - stepSign(step)) / step
			if n <= 0 {
				return nil, py.NewError(py.ValueError, fmt.Sprintf("empty range in randrange(%d, %d)", start, stop))
			}
			return start + step*int64(m.randbelow(uint64(n))), nil
		},
		"choice": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			items, exc := py.Iterate(c.Args()[0])
			if exc != nil {
				return nil, exc
			}
			if len(items) == 0 {
				return nil, py.NewError(py.IndexError, "Cannot choose from an empty sequence")
			}
			return items[m.randbelow(uint64(len(items)))], nil
		},
		"choices": choices,
		"shuffle": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			l, ok := c.Args()[0].(*py.List)
			if !ok {
				return nil, c.Errorf("shuffle() needs a list")
			}
			x := l.Items
			for i := len(x) - 1; i > 0; i-- {
				j := m.randbelow(uint64(i + 1))
				x[i], x[j] = x[j], x[i]
			}
			return nil, nil
		},
		"sample": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			pop, exc := py.Iterate(c.Args()[0])
			if exc != nil {
				return nil, exc
			}
			kv, _ := c.Arg(1, "k")
			k, ok := kv.(int64)
			n := int64(len(pop))
			if !ok || k < 0 || k > n {
				return nil, py.NewError(py.ValueError, "Sample larger than population or is negative")
			}
			result := make([]py.Value, k)
			setsize := int64(21)
			if k > 5 {
				setsize += int64(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
			}
			if n <= setsize {
				pool := append([]py.Value{}, pop...)
				for i := int64(0); i < k; i++ {
					j := m.randbelow(uint64(n - i))
					result[i] = pool[j]
					pool[j] = pool[n-i-1]
				}
			} else {
				selected := map[uint64]bool{}
				for i := int64(0); i < k; i++ {
					j := m.randbelow(uint64(n))
					for selected[j] {
						j = m.randbelow(uint64(n))
					}
					selected[j] = true
					result[i] = pop[j]
				}
			}
			return &py.List{Items: result}, nil
		},
		"gauss": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			mu, sigma, exc := muSigma(c, "gauss")
			if exc != nil {
				return nil, exc
			}
			// CPython's: two normal numbers from one angle and radius
			// (Box-Muller), the second kept for the next call
			z := m.gaussNext
			if !m.hasGaussNext {
				x2pi := m.random() * (2 * math.Pi)
				g2rad := math.Sqrt(-2 * exactLog(1-m.random()))
				sin, cos := exactSinCos(x2pi)
				z, m.gaussNext = cos*g2rad, sin*g2rad
			}
			m.hasGaussNext = !m.hasGaussNext
			return mu + z*sigma, nil
		},
		"normalvariate": func(c *py.Call, m *Mersenne) (py.Value, *py.Exception) {
			mu, sigma, exc := muSigma(c, "normalvariate")
			if exc != nil {
				return nil, exc
			}
			// CPython's Kinderman-Monahan ratio method; its NV_MAGICCONST
			// is 4*exp(-0.5)/sqrt(2.0)
			const magic = 1.7155277699214135
			for {
				u1 := m.random()
				u2 := 1 - m.random()
				z := magic * (u1 - 0.5) / u2
				if z*z/4 <= -exactLog(u2) {
					return mu + z*sigma, nil
				}
			}
		},
	}
}

// muSigma reads gauss's and normalvariate's mu=0.0 and sigma=1.0.
func muSigma(c *py.Call, name string) (mu, sigma float64, exc *py.Exception) {
	mu, sigma = 0, 1
	for i, p := range []*float64{&mu, &sigma} {
		if v, ok := c.Arg(i, []string{"mu", "sigma"}[i]); ok {
			f, isNum := py.ToFloat(v)
			if !isNum {
				return 0, 0, c.Errorf("%s() needs numbers, not %s", name, py.TypeName(v))
			}
			*p = f
		}
	}
	return mu, sigma, nil
}

// randomVal is a random.Random: a generator of its own, apart from the
// module's.
type randomVal struct{ m *Mersenne }

func (r *randomVal) TypeName() string { return "Random" }
func (r *randomVal) String() string   { return "<random.Random object>" }

func (r *randomVal) Attr(name string) (py.Value, bool) {
	fn, ok := functions[name]
	if !ok {
		return nil, false
	}
	return py.NewMethod(r, name, func(c *py.Call) (py.Value, *py.Exception) { return call(c, name, fn, r.m) }), true
}

// unseededKey counts the random.Random() made without a seed in a run.
type unseededKey struct{}

// newRandom is Random(x=None), seeded as seed(x) seeds. CPython seeds
// Random() from the operating system; here the n-th one of a run gets
// seed n, so runs repeat and two generators still differ (the module's
// own has seed 0).
func newRandom(c *py.Call) (py.Value, *py.Exception) {
	r := &randomVal{m: &Mersenne{}}
	x, _ := c.Arg(0, "x")
	if x == nil {
		n := c.State(unseededKey{}, func() any { return new(uint64) }).(*uint64)
		*n++
		r.m.seed(*n)
		return r, nil
	}
	return r, seed(c, r.m, x)
}

// seed is seed(a): the generator starts over from a, as CPython's
// seed(a, version=2) does: from the int's absolute value (None: 0), or
// from a str's UTF-8 bytes (or a bytes') followed by their SHA-512
// digest, read as one big-endian int.
func seed(c *py.Call, m *Mersenne, a py.Value) *py.Exception {
	if v, ok := c.Arg(1, "version"); ok {
		if n, isInt := v.(int64); !isInt || n != 2 {
			return py.NotSimulated("random.seed() with version=%s is not simulated", py.Repr(v))
		}
	}
	switch x := a.(type) {
	case nil:
		m.seed(0)
	case int64:
		if x < 0 {
			x = -x
		}
		m.seed(uint64(x))
	case bool:
		m.seed(boolBits(x))
	case *big.Int:
		m.seedBig(x)
	case string:
		m.seedBytes([]byte(x))
	case py.Bytes:
		m.seedBytes([]byte(x))
	default:
		return py.NotSimulated("random.seed() with a %s is not simulated; seed with an int or a str", py.TypeName(a))
	}
	return nil
}

// seedBig seeds from the int n's absolute value, its 32-bit words least
// significant first, as CPython's random_seed does.
func (m *Mersenne) seedBig(n *big.Int) {
	words := new(big.Int).Abs(n)
	mask := big.NewInt(0xffffffff)
	var key []uint32
	for words.Sign() > 0 {
		key = append(key, uint32(new(big.Int).And(words, mask).Uint64()))
		words.Rsh(words, 32)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.initByArray(key)
	m.hasGaussNext = false
}

// seedBytes is seed version 2 of a str or bytes: int.from_bytes(b +
// sha512(b).digest()).
func (m *Mersenne) seedBytes(b []byte) {
	digest := sha512.Sum512(b)
	m.seedBig(new(big.Int).SetBytes(append(append([]byte{}, b...), digest[:]...)))
}

func stepSign(n int64) int64 {
	if n < 0 {
		return -1
	}
	return 1
}

func boolBits(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
