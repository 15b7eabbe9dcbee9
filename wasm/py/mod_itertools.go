package py

import (
	"fmt"

	"looplab/wasm/sim"
)

// itertools, functools, uuid and warnings: the parts programs use.
// itertools' finite tools are eager (they return lists, bounded by the
// item limit); count, cycle and repeat without a count are endless
// iterators for a loop to break out of.

// endless is count(), cycle() or repeat() without a count.
type endless struct {
	next_ func() Value
}

func (e *endless) typeName() string          { return "itertools" }
func (e *endless) attr(string) (Value, bool) { return nil, false }
func (e *endless) next() (Value, bool)       { return e.next_(), true }

func itertoolsModule() *Module {
	m := &Module{Name: "itertools", Attrs: map[string]Value{}}
	fns := map[string]func(c *call) (Value, *Exception){
		"count": func(c *call) (Value, *Exception) {
			var cur, step Value = int64(0), int64(1)
			if v, ok := c.arg(0, "start"); ok {
				cur = v
			}
			if v, ok := c.arg(1, "step"); ok {
				step = v
			}
			return &endless{next_: func() Value {
				v := cur
				cur, _ = binary("+", cur, step)
				return v
			}}, nil
		},
		"cycle": func(c *call) (Value, *Exception) {
			items, exc := iterate(c.args[0])
			if exc != nil || len(items) == 0 {
				return &itemsIter{}, exc
			}
			i := 0
			return &endless{next_: func() Value {
				v := items[i%len(items)]
				i++
				return v
			}}, nil
		},
		"repeat": func(c *call) (Value, *Exception) {
			x := c.args[0]
			if n, ok := c.arg(1, "times"); ok {
				k, _ := n.(int64)
				if exc := checkItems("list", int(k)); exc != nil {
					return nil, exc
				}
				items := make([]Value, max(k, 0))
				for i := range items {
					items[i] = x
				}
				return &itemsIter{items: items}, nil
			}
			return &endless{next_: func() Value { return x }}, nil
		},
		"chain": func(c *call) (Value, *Exception) {
			var out []Value
			for _, a := range c.args {
				items, exc := iterate(a)
				if exc != nil {
					return nil, exc
				}
				out = append(out, items...)
			}
			return &itemsIter{items: out}, checkItems("list", len(out))
		},
		"islice": func(c *call) (Value, *Exception) {
			var start, stop, step int64 = 0, -1, 1
			ints := make([]int64, 0, 3)
			for _, a := range c.args[1:] {
				n, _ := a.(int64)
				if a == nil {
					n = -1
				}
				ints = append(ints, n)
			}
			switch len(ints) {
			case 1:
				stop = ints[0]
			case 2:
				start, stop = ints[0], ints[1]
			case 3:
				start, stop, step = ints[0], ints[1], max(ints[2], 1)
			}
			it, exc := getIter(c.args[0])
			if exc != nil {
				return nil, exc
			}
			var out []Value
			for i := int64(0); stop < 0 || i < stop; i++ {
				v, more := it.(iterator).next()
				if !more {
					break
				}
				if i >= start && (i-start)%step == 0 {
					out = append(out, v)
				}
				if len(out) > maxIterate {
					return nil, tooManyItems("list", len(out))
				}
			}
			return &itemsIter{items: out}, nil
		},
		"product": func(c *call) (Value, *Exception) {
			out := [][]Value{{}}
			for _, a := range c.args {
				items, exc := iterate(a)
				if exc != nil {
					return nil, exc
				}
				var next [][]Value
				for _, prefix := range out {
					for _, it := range items {
						next = append(next, append(append([]Value{}, prefix...), it))
						if len(next) > maxIterate {
							return nil, tooManyItems("list", len(next))
						}
					}
				}
				out = next
			}
			return tuples(out), nil
		},
		"combinations": func(c *call) (Value, *Exception) { return choose(c, false) },
		"permutations": func(c *call) (Value, *Exception) { return choose(c, true) },
		"accumulate": func(c *call) (Value, *Exception) {
			items, exc := iterate(c.args[0])
			if exc != nil || len(items) == 0 {
				return &itemsIter{}, exc
			}
			out := []Value{items[0]}
			acc := items[0]
			for _, it := range items[1:] {
				if acc, exc = binary("+", acc, it); exc != nil {
					return nil, exc
				}
				out = append(out, acc)
			}
			return &itemsIter{items: out}, nil
		},
	}
	for name, fn := range fns {
		m.Attrs[name] = &Builtin{Name: name, Fn: pureBuiltin(fn)}
	}
	return m
}

func tuples(rows [][]Value) Value {
	out := make([]Value, len(rows))
	for i, r := range rows {
		out[i] = &Tuple{Items: r}
	}
	return &itemsIter{items: out}
}

// choose is combinations(items, r) or permutations(items, r), in the
// order itertools gives them.
func choose(c *call, ordered bool) (Value, *Exception) {
	items, exc := iterate(c.args[0])
	if exc != nil {
		return nil, exc
	}
	r := len(items)
	if v, ok := c.arg(1, "r"); ok && v != nil {
		n, _ := v.(int64)
		r = int(n)
	}
	var out [][]Value
	used := make([]bool, len(items))
	var rec func(start int, cur []Value) *Exception
	rec = func(start int, cur []Value) *Exception {
		if len(cur) == r {
			out = append(out, append([]Value{}, cur...))
			if len(out) > maxIterate {
				return tooManyItems("list", len(out))
			}
			return nil
		}
		from := start
		if ordered {
			from = 0
		}
		for i := from; i < len(items); i++ {
			if ordered && used[i] {
				continue
			}
			used[i] = true
			if exc := rec(i+1, append(cur, items[i])); exc != nil {
				return exc
			}
			used[i] = false
		}
		return nil
	}
	if r <= len(items) && r >= 0 {
		if exc := rec(0, nil); exc != nil {
			return nil, exc
		}
	}
	return tuples(out), nil
}

// partialVal is functools.partial(fn, *args, **kwargs).
type partialVal struct {
	fn   Value
	args []Value
	kw   []string
	kwv  []Value
}

func (p *partialVal) typeName() string { return "functools.partial" }
func (p *partialVal) attr(name string) (Value, bool) {
	switch name {
	case "func":
		return p.fn, true
	case "args":
		return &Tuple{Items: p.args}, true
	}
	return nil, false
}
func (p *partialVal) String() string { return fmt.Sprintf("functools.partial(%s, ...)", repr(p.fn)) }

func functoolsModule() *Module {
	// wraps(fn)(wrapper) gives wrapper fn's name and docstring
	identityDecorator := &Builtin{Name: "wraps", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
		wrapped, _ := c.arg(0, "wrapped")
		return &Builtin{Name: "wraps", Fn: pureBuiltin(func(c2 *call) (Value, *Exception) {
			if exc := oneArg(c2); exc != nil {
				return nil, exc
			}
			if w, ok := c2.args[0].(*Function); ok {
				if fn, ok := wrapped.(*Function); ok {
					w.Name = fn.Code.Name
					if fn.Name != "" {
						w.Name = fn.Name
					}
				}
			}
			return c2.args[0], nil
		})}, nil
	})}
	return &Module{Name: "functools", Attrs: map[string]Value{
		"partial": &Builtin{Name: "partial", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			if len(c.args) == 0 {
				return nil, c.errorf("partial() needs a function")
			}
			return &partialVal{fn: c.args[0], args: c.args[1:], kw: c.kw, kwv: c.kwVals}, nil
		})},
		"reduce": &Builtin{Name: "reduce", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			items, exc := iterate(c.args[1])
			if exc != nil {
				return nil, exc
			}
			var acc Value
			if len(c.args) > 2 {
				acc = c.args[2]
			} else if len(items) == 0 {
				return nil, newExc(excType, "reduce() of empty iterable with no initial value")
			} else {
				acc, items = items[0], items[1:]
			}
			for _, it := range items {
				if acc, exc = c.f.callSync(c.args[0], []Value{acc, it}); exc != nil {
					return nil, exc
				}
			}
			return acc, nil
		})},
		"wraps": identityDecorator,
	}}
}

func uuidModule() *Module {
	return &Module{Name: "uuid", Attrs: map[string]Value{
		"uuid4": &Builtin{Name: "uuid4", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			m := c.f.run.rng()
			hi, lo := m.getrandbits(64), m.getrandbits(64)
			hi = hi&^0xf000 | 0x4000               // version 4
			lo = lo&^(0xc000<<48) | (0x8000 << 48) // the RFC 4122 variant
			s := fmt.Sprintf("%016x%016x", hi, lo)
			return &uuidVal{text: s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]}, nil
		})},
	}}
}

// uuidVal is a UUID; str() gives its text.
type uuidVal struct{ text string }

func (u *uuidVal) typeName() string { return "UUID" }
func (u *uuidVal) String() string   { return u.text }
func (u *uuidVal) repr() string     { return "UUID('" + u.text + "')" }
func (u *uuidVal) attr(name string) (Value, bool) {
	if name == "hex" {
		out := make([]byte, 0, 32)
		for i := 0; i < len(u.text); i++ {
			if u.text[i] != '-' {
				out = append(out, u.text[i])
			}
		}
		return string(out), true
	}
	return nil, false
}

// warningsModule's warn prints as CPython's default filter does, to the
// console: "file:line: UserWarning: message".
func warningsModule() *Module {
	return &Module{Name: "warnings", Attrs: map[string]Value{
		"warn": &Builtin{Name: "warn", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			msg, _ := c.arg(0, "message")
			cat := "UserWarning"
			if v, ok := c.arg(1, "category"); ok && v != nil {
				cat = typeNameOfClass(v)
			}
			c.f.run.print(c.ctx(), fmt.Sprintf("%s:%d: %s: %s", c.f.run.prog.path(), c.pos().Line, cat, str(msg)))
			return nil, nil, nil
		}},
		"filterwarnings": &Builtin{Name: "filterwarnings", Fn: pureBuiltin(func(c *call) (Value, *Exception) { return nil, nil })},
		"simplefilter":   &Builtin{Name: "simplefilter", Fn: pureBuiltin(func(c *call) (Value, *Exception) { return nil, nil })},
	}}
}

func typeNameOfClass(v Value) string {
	switch x := v.(type) {
	case *ExcType:
		return x.Name
	case *Class:
		return x.Name
	}
	return typeName(v)
}

func init() {
	for _, n := range []string{"UserWarning", "DeprecationWarning", "RuntimeWarning", "ResourceWarning", "FutureWarning"} {
		builtins[n] = &ExcType{Name: n, Parent: excWarning}
	}
	builtins["Warning"] = excWarning
}
