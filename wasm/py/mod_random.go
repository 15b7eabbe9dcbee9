package py

import (
	"fmt"
	"math"
	"math/bits"
)

// random is CPython's: the same Mersenne Twister, seeded the same way
// from an int, and the same arithmetic on top of it, so random.seed(42)
// followed by randint, choice or shuffle gives what CPython gives. An
// unseeded run starts from seed 0 rather than the operating system's
// randomness, so every run of a scenario is the same.

type mersenne struct {
	mt  [624]uint32
	idx int
}

func (m *mersenne) initGenrand(s uint32) {
	m.mt[0] = s
	for i := 1; i < 624; i++ {
		m.mt[i] = 1812433253*(m.mt[i-1]^(m.mt[i-1]>>30)) + uint32(i)
	}
	m.idx = 624
}

// initByArray is init_by_array, which CPython's seed(int) uses with the
// int's 32-bit words, least significant first.
func (m *mersenne) initByArray(key []uint32) {
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

func (m *mersenne) genrand() uint32 {
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

func (m *mersenne) seed(n uint64) {
	key := []uint32{uint32(n)}
	if hi := uint32(n >> 32); hi != 0 {
		key = append(key, hi)
	}
	m.initByArray(key)
}

// random is random.random(): 53 random bits as a float in [0, 1).
func (m *mersenne) random() float64 {
	a, b := m.genrand()>>5, m.genrand()>>6
	return (float64(a)*67108864 + float64(b)) / 9007199254740992
}

// getrandbits(k) for k <= 64.
func (m *mersenne) getrandbits(k int) uint64 {
	if k <= 32 {
		return uint64(m.genrand() >> (32 - k))
	}
	lo := uint64(m.genrand())
	hi := uint64(m.genrand() >> (64 - k))
	return hi<<32 | lo
}

// randbelow is _randbelow_with_getrandbits: a uniform int in [0, n).
func (m *mersenne) randbelow(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	k := bits.Len64(n)
	r := m.getrandbits(k)
	for r >= n {
		r = m.getrandbits(k)
	}
	return r
}

func (r *Run) rng() *mersenne {
	if r.random == nil {
		r.random = &mersenne{}
		r.random.seed(0)
	}
	return r.random
}

func randomModule() *Module {
	fns := map[string]func(c *call, m *mersenne) (Value, *Exception){
		"seed": func(c *call, m *mersenne) (Value, *Exception) {
			v, _ := c.arg(0, "a")
			switch x := v.(type) {
			case nil:
				m.seed(0)
			case int64:
				if x < 0 {
					x = -x
				}
				m.seed(uint64(x))
			case bool:
				m.seed(uint64(boolInt(x)))
			default:
				return nil, c.errorf("random.seed() with a %s is not simulated; seed with an int", typeName(v))
			}
			return nil, nil
		},
		"random": func(c *call, m *mersenne) (Value, *Exception) { return m.random(), nil },
		"uniform": func(c *call, m *mersenne) (Value, *Exception) {
			a, ok1 := toFloat(c.args[0])
			b, ok2 := toFloat(c.args[1])
			if !ok1 || !ok2 {
				return nil, c.errorf("uniform() needs two numbers")
			}
			return a + (b-a)*m.random(), nil
		},
		"randint": func(c *call, m *mersenne) (Value, *Exception) {
			a, ok1 := c.args[0].(int64)
			b, ok2 := c.args[1].(int64)
			if !ok1 || !ok2 || len(c.args) != 2 {
				return nil, c.errorf("randint() needs two ints")
			}
			if b < a {
				return nil, newExc(excValue, fmt.Sprintf("empty range in randrange(%d, %d)", a, b+1))
			}
			return a + int64(m.randbelow(uint64(b-a+1))), nil
		},
		"randrange": func(c *call, m *mersenne) (Value, *Exception) {
			var start, stop, step int64 = 0, 0, 1
			ints := make([]int64, len(c.args))
			for i, a := range c.args {
				n, ok := a.(int64)
				if !ok {
					return nil, c.errorf("randrange() needs ints")
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
				return nil, c.errorf("randrange() takes 1 to 3 arguments")
			}
			if step == 0 {
				return nil, newExc(excValue, "zero step for randrange()")
			}
			n := (stop - start + step - stepSign(step)) / step
			if n <= 0 {
				return nil, newExc(excValue, fmt.Sprintf("empty range in randrange(%d, %d)", start, stop))
			}
			return start + step*int64(m.randbelow(uint64(n))), nil
		},
		"choice": func(c *call, m *mersenne) (Value, *Exception) {
			items, exc := iterate(c.args[0])
			if exc != nil {
				return nil, exc
			}
			if len(items) == 0 {
				return nil, newExc(excIndex, "Cannot choose from an empty sequence")
			}
			return items[m.randbelow(uint64(len(items)))], nil
		},
		"choices": func(c *call, m *mersenne) (Value, *Exception) {
			items, exc := iterate(c.args[0])
			if exc != nil {
				return nil, exc
			}
			k := int64(1)
			if v, ok := c.arg(-1, "k"); ok {
				k, _ = v.(int64)
			}
			if _, weighted := c.arg(1, "weights"); weighted {
				return nil, c.errorf("choices() with weights is not simulated")
			}
			out := &List{}
			n := float64(len(items))
			for i := int64(0); i < k && i < maxIterate; i++ {
				out.Items = append(out.Items, items[int(math.Floor(m.random()*n))])
			}
			return out, nil
		},
		"shuffle": func(c *call, m *mersenne) (Value, *Exception) {
			l, ok := c.args[0].(*List)
			if !ok {
				return nil, c.errorf("shuffle() needs a list")
			}
			x := l.Items
			for i := len(x) - 1; i > 0; i-- {
				j := m.randbelow(uint64(i + 1))
				x[i], x[j] = x[j], x[i]
			}
			return nil, nil
		},
		"sample": func(c *call, m *mersenne) (Value, *Exception) {
			pop, exc := iterate(c.args[0])
			if exc != nil {
				return nil, exc
			}
			kv, _ := c.arg(1, "k")
			k, ok := kv.(int64)
			n := int64(len(pop))
			if !ok || k < 0 || k > n {
				return nil, newExc(excValue, "Sample larger than population or is negative")
			}
			result := make([]Value, k)
			setsize := int64(21)
			if k > 5 {
				setsize += int64(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
			}
			if n <= setsize {
				pool := append([]Value{}, pop...)
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
			return &List{Items: result}, nil
		},
	}
	mod := &Module{Name: "random", Attrs: map[string]Value{}}
	for name, fn := range fns {
		fn := fn
		mod.Attrs[name] = &Builtin{Name: name, Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			if name != "seed" && name != "random" && len(c.args) == 0 {
				return nil, c.errorf("%s() is missing its arguments", name)
			}
			return fn(c, c.f.run.rng())
		})}
	}
	return mod
}

func stepSign(n int64) int64 {
	if n < 0 {
		return -1
	}
	return 1
}
