package py

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"unicode/utf8"

	"looplab/wasm/sim"
)

func noAttr(x Value, name string) *Exception {
	if m, ok := x.(*Module); ok {
		return newExc(excAttribute, fmt.Sprintf("module '%s' has no attribute '%s' (or it is not simulated)", m.Name, name))
	}
	if t := typeName(x); cpythonHas(t, name) {
		return notSimulated("%s.%s is not simulated", t, name)
	}
	if t, ok := x.(*LibType); ok {
		return newExc(excAttribute, fmt.Sprintf("type object '%s' has no attribute '%s'", t.Name, name))
	}
	return newExc(excAttribute, fmt.Sprintf("'%s' object has no attribute '%s'", typeName(x), name))
}

func method(self Value, name string, fn func(c *call, self Value) (Value, sim.Effect, *Exception)) *BoundMethod {
	return &BoundMethod{Self: self, Name: name, Fn: fn}
}

// pure wraps a method that computes a value without effects.
func pure(fn func(c *call, self Value) (Value, *Exception)) func(c *call, self Value) (Value, sim.Effect, *Exception) {
	return func(c *call, self Value) (Value, sim.Effect, *Exception) {
		v, exc := fn(c, self)
		return v, nil, exc
	}
}

func getAttr(x Value, name string) (Value, *Exception) {
	switch v := x.(type) {
	case *Module:
		if a, ok := resolve(v.Attrs, name); ok {
			return a, nil
		}
	case object:
		if a, ok := v.Attr(name); ok {
			return a, nil
		}
	case *List:
		if m, ok := listMethods[name]; ok {
			return method(v, name, pure(m)), nil
		}
	case *Dict:
		if m, ok := dictMethods[name]; ok {
			return method(v, name, pure(m)), nil
		}
	case string:
		if m, ok := strMethods[name]; ok {
			return method(v, name, pure(m)), nil
		}
	case Bytes:
		if m, ok := bytesMethods[name]; ok {
			return method(v, name, pure(m)), nil
		}
	case int64, *big.Int, bool:
		if m, ok := intMethods[name]; ok {
			return method(v, name, pure(m)), nil
		}
		if a, ok := intAttr(v, name); ok {
			return a, nil
		}
	case *Set:
		if m, ok := setMethods[name]; ok && (!v.Frozen || !setMutators[name]) {
			return method(v, name, pure(m)), nil
		}
	case *Exception:
		if v.Type.Class != nil {
			if a, ok := instanceAttr(v, v.Type.Class, v.Attrs, name); ok {
				return a, nil
			}
		} else if a, ok := v.Attrs[name]; ok {
			return a, nil
		}
		switch name {
		case "__class__":
			return v.Type, nil
		case "__cause__", "__context__":
			return nil, nil
		case "args":
			return &Tuple{Items: v.Args}, nil
		case "status_code":
			return int64(v.Status), nil
		case "detail":
			if len(v.Args) > 0 {
				return v.Args[0], nil
			}
			return nil, nil
		}
	case *Function:
		if v.Attrs != nil {
			if a, ok := v.Attrs.Get(name); ok {
				return a, nil
			}
		}
		switch name {
		case "__dict__":
			if v.Attrs == nil {
				v.Attrs = newDict()
			}
			return v.Attrs, nil
		case "__name__", "__qualname__":
			if v.Name != "" {
				return v.Name, nil
			}
			return v.Code.Name, nil
		case "__doc__":
			if v.Code.Decl != nil && v.Code.Decl.Doc != "" {
				return v.Code.Decl.Doc, nil
			}
			return nil, nil
		}
	case *Instance:
		if a, ok := instanceAttr(v, v.Class, v.Attrs, name); ok {
			return a, nil
		}
		return nil, newExc(excAttribute, fmt.Sprintf("'%s' object has no attribute '%s'", v.Class.Name, name))
	case *Class:
		if a, ok := classAttr(v, name); ok {
			return a, nil
		}
		return nil, newExc(excAttribute, fmt.Sprintf("type object '%s' has no attribute '%s'", v.Name, name))
	case *ExcType:
		if v.Class != nil {
			if a, ok := classAttr(v.Class, name); ok {
				return a, nil
			}
		}
		if name == "__name__" || name == "__qualname__" {
			return v.Name, nil
		}
	case *Coroutine:
		if name == "close" { // a coroutine never run: closing it silences the never-awaited warning
			return method(v, "close", pure(func(c *call, _ Value) (Value, *Exception) {
				v.Started = true
				return nil, nil
			})), nil
		}
	case *Builtin:
		if name == "__name__" || name == "__qualname__" {
			return v.Name, nil
		}
		if v.Name == "dict" && name == "fromkeys" {
			return dictFromkeys, nil
		}
		if v.Name == "int" && name == "from_bytes" {
			return intFromBytes, nil
		}
		if m, ok := typeMethods(v.Name)[name]; ok { // str.upper: the method, unbound
			return &Builtin{Name: v.Name + "." + name, Fn: func(c *call) (Value, sim.Effect, *Exception) {
				if len(c.args) == 0 || typeName(c.args[0]) != v.Name {
					return nil, nil, newExc(excType, fmt.Sprintf("descriptor '%s' for '%s' objects needs an argument", name, v.Name))
				}
				r, exc := m(&call{f: c.f, name: name, args: c.args[1:], kw: c.kw, kwVals: c.kwVals}, c.args[0])
				return r, nil, exc
			}}, nil
		}
	case *Method:
		switch name {
		case "__self__":
			return v.Self, nil
		case "__func__":
			return v.Fn, nil
		case "__name__", "__qualname__":
			return v.Fn.Code.Name, nil
		}
	}
	return nil, noAttr(x, name)
}

func setAttr(x Value, name string, v Value) *Exception {
	if o, ok := x.(interface{ setAttr(string, Value) bool }); ok && o.setAttr(name, v) {
		return nil
	}
	if o, ok := x.(Settable); ok && o.SetAttr(name, v) {
		return nil
	}
	return newExc(excAttribute, fmt.Sprintf("cannot set attribute '%s' on '%s' in the simulator", name, typeName(x)))
}

func index(n int, i Value) (int, *Exception) {
	k, ok := i.(int64)
	if b, isBool := i.(bool); isBool {
		k, ok = boolInt(b), true
	}
	if !ok {
		return 0, newExc(excType, "indices must be integers, not "+typeName(i))
	}
	if k < 0 {
		k += int64(n)
	}
	if k < 0 || k >= int64(n) {
		return 0, newExc(excIndex, "index out of range")
	}
	return int(k), nil
}

func subscript(x, i Value) (Value, *Exception) {
	if r, ok, exc := instanceGetItem(x, i); ok {
		return r, exc
	}
	if form, ok := typeArgs(x, i); ok {
		return form, nil
	}
	if s, ok := i.(*slice); ok {
		return s.apply(x)
	}
	switch v := x.(type) {
	case Bytes:
		k, exc := index(len(v), i)
		if exc != nil {
			return nil, exc
		}
		return int64(v[k]), nil
	case *List:
		k, exc := index(len(v.Items), i)
		if exc != nil {
			return nil, exc
		}
		return v.Items[k], nil
	case *Tuple:
		k, exc := index(len(v.Items), i)
		if exc != nil {
			return nil, exc
		}
		return v.Items[k], nil
	case string:
		if isASCII(v) { // most strings: no need to decode them
			k, exc := index(len(v), i)
			if exc != nil {
				return nil, exc
			}
			return v[k : k+1], nil
		}
		r := []rune(v)
		k, exc := index(len(r), i)
		if exc != nil {
			return nil, exc
		}
		return string(r[k]), nil
	case *Dict:
		if val, ok := v.Get(i); ok {
			return val, nil
		}
		return nil, &Exception{Type: excKey, Args: []Value{i}}
	case object:
		if g, ok := v.(interface {
			item(Value) (Value, *Exception)
		}); ok {
			return g.item(i)
		}
	}
	return nil, newExc(excType, fmt.Sprintf("'%s' object is not subscriptable", typeName(x)))
}

func setItem(x, i, val Value) *Exception {
	switch v := x.(type) {
	case *List:
		k, exc := index(len(v.Items), i)
		if exc != nil {
			return exc
		}
		v.Items[k] = val
		return nil
	case *Dict:
		if !v.Set(i, val) {
			return newExc(excType, "unhashable type: '"+typeName(i)+"'")
		}
		return nil
	case *Instance:
		if _, ok, exc := callDunder(v, "__setitem__", i, val); ok {
			return exc
		}
	}
	return newExc(excType, fmt.Sprintf("'%s' object does not support item assignment", typeName(x)))
}

// slice is slice(lo, hi, step) for list, tuple and str subscripts.
type slice struct{ lo, hi, step Value }

func (s *slice) apply(x Value) (Value, *Exception) {
	var items []Value
	var runes []rune // a str's characters, unless it is ASCII
	var n int64
	switch v := x.(type) {
	case *List:
		items = v.Items
		n = int64(len(items))
	case *Tuple:
		items = v.Items
		n = int64(len(items))
	case Bytes:
		n = int64(len(v))
	case string:
		if isASCII(v) {
			n = int64(len(v))
		} else {
			runes = []rune(v)
			n = int64(len(runes))
		}
	default:
		return nil, newExc(excType, fmt.Sprintf("'%s' object is not subscriptable", typeName(x)))
	}
	step := int64(1)
	if s.step != nil {
		st, ok := s.step.(int64)
		if !ok || st == 0 {
			return nil, newExc(excValue, "slice step must be a non-zero integer")
		}
		step = st
	}
	bound := func(v Value, def int64) (int64, *Exception) {
		if v == nil {
			return def, nil
		}
		k, ok := v.(int64)
		if !ok {
			return 0, newExc(excType, "slice indices must be integers or None")
		}
		if k < 0 {
			k += n
		}
		if step > 0 {
			return max(0, min(k, n)), nil
		}
		return max(-1, min(k, n-1)), nil
	}
	var lo, hi int64
	var exc *Exception
	if step > 0 {
		lo, exc = bound(s.lo, 0)
		if exc == nil {
			hi, exc = bound(s.hi, n)
		}
	} else {
		lo, exc = bound(s.lo, n-1)
		if exc == nil {
			hi, exc = bound(s.hi, -1)
		}
	}
	if exc != nil {
		return nil, exc
	}
	if b, ok := x.(Bytes); ok {
		if step == 1 {
			return b[lo:max(lo, hi)], nil
		}
		var w strings.Builder
		for i := lo; (step > 0 && i < hi) || (step < 0 && i > hi); i += step {
			w.WriteByte(b[i])
		}
		return Bytes(w.String()), nil
	}
	if str, ok := x.(string); ok {
		if runes == nil && step == 1 {
			return str[lo:max(lo, hi)], nil
		}
		var b strings.Builder
		for i := lo; (step > 0 && i < hi) || (step < 0 && i > hi); i += step {
			if runes == nil {
				b.WriteByte(str[i])
			} else {
				b.WriteRune(runes[i])
			}
		}
		return b.String(), nil
	}
	var out []Value
	if k := (hi - lo + step - sign(step)) / step; k > 0 {
		out = make([]Value, 0, k)
	}
	for i := lo; (step > 0 && i < hi) || (step < 0 && i > hi); i += step {
		out = append(out, items[i])
	}
	if _, ok := x.(*Tuple); ok {
		return &Tuple{Items: out}, nil
	}
	return &List{Items: out}, nil
}

func sign(n int64) int64 {
	if n < 0 {
		return -1
	}
	return 1
}

// isASCII reports whether s is all ASCII, so that its characters are its
// bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// iterator is what GET_ITER makes.
type iterator interface{ next() (Value, bool) }

type itemsIter struct {
	items []Value
	i     int
}

func (it *itemsIter) next() (Value, bool) {
	if it.i >= len(it.items) {
		return nil, false
	}
	it.i++
	return it.items[it.i-1], true
}

type rangeIter struct{ cur, stop, step int64 }

func (it *rangeIter) next() (Value, bool) {
	if (it.step > 0 && it.cur >= it.stop) || (it.step < 0 && it.cur <= it.stop) {
		return nil, false
	}
	v := it.cur
	it.cur += it.step
	return v, true
}

// rangeVal is range(start, stop, step).
type rangeVal struct{ start, stop, step int64 }

func (r *rangeVal) TypeName() string          { return "range" }
func (r *rangeVal) Attr(string) (Value, bool) { return nil, false }
func (r *rangeVal) String() string {
	if r.step == 1 {
		return fmt.Sprintf("range(%d, %d)", r.start, r.stop)
	}
	return fmt.Sprintf("range(%d, %d, %d)", r.start, r.stop, r.step)
}

func (r *rangeVal) len() int64 {
	if r.step > 0 && r.stop > r.start {
		return (r.stop - r.start + r.step - 1) / r.step
	}
	if r.step < 0 && r.stop < r.start {
		return (r.start - r.stop - r.step - 1) / -r.step
	}
	return 0
}

func getIter(x Value) (Value, *Exception) {
	switch it := x.(type) {
	case *fileVal, *itemsIter, *rangeIter, *nextIter, *genIter:
		return it, nil // an iterator is its own iterator (a file: its lines)
	}
	if g, ok := x.(*Generator); ok {
		if g.Async {
			return nil, newExc(excType, "'async_generator' object is not iterable")
		}
		return &genIter{g: g}, nil
	}
	if it, ok, exc := instanceIter(x); ok {
		return it, exc
	}
	if r, ok := x.(*rangeVal); ok {
		return &rangeIter{cur: r.start, stop: r.stop, step: r.step}, nil
	}
	items, exc := iterate(x)
	if exc != nil {
		return nil, exc
	}
	return &itemsIter{items: items}, nil
}

// iterate lists the items of an iterable.
func iterate(x Value) ([]Value, *Exception) {
	switch v := x.(type) {
	case *List:
		return v.Items, nil
	case *Tuple:
		return v.Items, nil
	case *Dict:
		return v.Keys, nil
	case string:
		var out []Value
		for _, r := range v {
			out = append(out, string(r))
		}
		return out, nil
	case *Set:
		return v.Items(), nil
	case Bytes:
		out := make([]Value, len(v))
		for i := range len(v) {
			out[i] = int64(v[i])
		}
		return out, nil
	case *rangeVal:
		n := v.len()
		if n > maxIterate {
			return nil, newExc(excMemory, fmt.Sprintf("range of %d items is over the simulator's limit of %d", n, maxIterate))
		}
		out := make([]Value, 0, n)
		for i := v.start; (v.step > 0 && i < v.stop) || (v.step < 0 && i > v.stop); i += v.step {
			out = append(out, i)
		}
		return out, nil
	case *itemsIter:
		return v.items[v.i:], nil
	case *Instance, *Class, *nextIter, *Generator, *genIter, *fileVal:
		var it Value = v
		if _, isIter := v.(iterator); !isIter {
			var exc *Exception
			if it, exc = getIter(v); exc != nil {
				return nil, exc
			}
		}
		var out []Value
		for {
			item, more := it.(iterator).next()
			if !more {
				break
			}
			if len(out) >= maxIterate {
				return nil, tooManyItems("list", len(out)+1)
			}
			out = append(out, item)
		}
		if ni, ok := it.(*nextIter); ok && ni.err != nil {
			return nil, ni.err
		}
		if gi, ok := it.(*genIter); ok && gi.err != nil {
			return nil, gi.err
		}
		return out, nil
	}
	return nil, newExc(excType, fmt.Sprintf("'%s' object is not iterable", typeName(x)))
}

var listMethods = map[string]func(c *call, self Value) (Value, *Exception){
	"append": func(c *call, self Value) (Value, *Exception) {
		l := self.(*List)
		v, ok := c.arg(0, "")
		if !ok {
			return nil, c.errorf("append() takes exactly one argument")
		}
		if len(l.Items) >= maxIterate {
			return nil, tooManyItems("list", len(l.Items)+1)
		}
		l.Items = append(l.Items, v)
		return nil, nil
	},
	"extend": func(c *call, self Value) (Value, *Exception) {
		l := self.(*List)
		v, _ := c.arg(0, "")
		items, exc := iterate(v)
		if exc == nil {
			exc = checkItems("list", len(l.Items)+len(items))
		}
		if exc == nil {
			exc = c.f.run.built(itemSize * len(items))
		}
		if exc != nil {
			return nil, exc
		}
		l.Items = append(l.Items, items...)
		return nil, nil
	},
	"pop": func(c *call, self Value) (Value, *Exception) {
		l := self.(*List)
		i := Value(int64(-1))
		if v, ok := c.arg(0, ""); ok {
			i = v
		}
		k, exc := index(len(l.Items), i)
		if exc != nil {
			return nil, newExc(excIndex, "pop index out of range")
		}
		v := l.Items[k]
		l.Items = append(l.Items[:k], l.Items[k+1:]...)
		return v, nil
	},
	"copy": func(c *call, self Value) (Value, *Exception) {
		return &List{Items: append([]Value{}, self.(*List).Items...)}, nil
	},
	"sort": func(c *call, self Value) (Value, *Exception) {
		return nil, sortCall(c, self.(*List).Items)
	},
}

// sortCall sorts items in place as sorted() and list.sort() do, with
// their key= and reverse= arguments: stably, also in reverse.
func sortCall(c *call, items []Value) *Exception {
	keys := items
	if key, ok := c.arg(-1, "key"); ok && key != nil {
		var exc *Exception
		if keys, exc = keysOf(c.f, key, items); exc != nil {
			return exc
		}
	}
	reverse := false
	if r, ok := c.arg(-1, "reverse"); ok {
		reverse = truthy(r)
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var exc *Exception
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := keys[idx[i]], keys[idx[j]]
		if reverse {
			a, b = b, a
		}
		o, e := order(a, b, "<", 0)
		if e != nil && exc == nil {
			exc = e
		}
		return o < 0
	})
	if exc != nil {
		return exc
	}
	sorted := make([]Value, len(items))
	for i, k := range idx {
		sorted[i] = items[k]
	}
	copy(items, sorted)
	return nil
}

// keysOf calls a key function on each item.
func keysOf(f *Fiber, key Value, items []Value) ([]Value, *Exception) {
	keys := make([]Value, len(items))
	for i, it := range items {
		k, exc := f.callSync(key, []Value{it})
		if exc != nil {
			return nil, exc
		}
		keys[i] = k
	}
	return keys, nil
}

var dictMethods = map[string]func(c *call, self Value) (Value, *Exception){
	"get": func(c *call, self Value) (Value, *Exception) {
		k, _ := c.arg(0, "")
		def, _ := c.arg(1, "")
		if v, ok := self.(*Dict).Get(k); ok {
			return v, nil
		}
		return def, nil
	},
	"keys": func(c *call, self Value) (Value, *Exception) {
		return &List{Items: append([]Value{}, self.(*Dict).Keys...)}, nil
	},
	"values": func(c *call, self Value) (Value, *Exception) {
		return &List{Items: append([]Value{}, self.(*Dict).Values...)}, nil
	},
	"items": func(c *call, self Value) (Value, *Exception) {
		d := self.(*Dict)
		out := &List{}
		for i, k := range d.Keys {
			out.Items = append(out.Items, &Tuple{Items: []Value{k, d.Values[i]}})
		}
		return out, nil
	},
	"update": func(c *call, self Value) (Value, *Exception) {
		d := self.(*Dict)
		if m, ok := c.arg(0, ""); ok {
			if exc := mergeInto(d, m); exc != nil {
				return nil, exc
			}
		}
		for i, k := range c.kw {
			d.Set(k, c.kwVals[i])
		}
		return nil, nil
	},
}

var strMethods = map[string]func(c *call, self Value) (Value, *Exception){
	"upper": func(c *call, self Value) (Value, *Exception) { return strings.ToUpper(self.(string)), nil },
	"encode": func(c *call, self Value) (Value, *Exception) {
		enc, exc := encodingArg(c)
		if exc != nil {
			return nil, exc
		}
		return encode(self.(string), enc)
	},
	"lower": func(c *call, self Value) (Value, *Exception) { return strings.ToLower(self.(string)), nil },
	"strip": func(c *call, self Value) (Value, *Exception) { return strings.TrimSpace(self.(string)), nil },
	"startswith": func(c *call, self Value) (Value, *Exception) {
		p, _ := c.arg(0, "")
		ps, ok := p.(string)
		if !ok {
			return nil, c.errorf("startswith() needs a str")
		}
		return strings.HasPrefix(self.(string), ps), nil
	},
	"endswith": func(c *call, self Value) (Value, *Exception) {
		p, _ := c.arg(0, "")
		ps, ok := p.(string)
		if !ok {
			return nil, c.errorf("endswith() needs a str")
		}
		return strings.HasSuffix(self.(string), ps), nil
	},
	"join": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "")
		items, exc := iterate(v)
		if exc != nil {
			return nil, exc
		}
		parts := make([]string, len(items))
		n := 0
		for i, it := range items {
			s, ok := it.(string)
			if !ok {
				return nil, c.errorf("sequence item %d: expected str instance, %s found", i, typeName(it))
			}
			parts[i] = s
			n += len(s)
		}
		if len(parts) > 1 {
			n += (len(parts) - 1) * len(self.(string))
		}
		if exc := checkString(n); exc != nil {
			return nil, exc
		}
		if exc := c.f.run.built(n); exc != nil {
			return nil, exc
		}
		return strings.Join(parts, self.(string)), nil
	},
	"split": func(c *call, self Value) (Value, *Exception) {
		var parts []string
		if sep, ok := c.arg(0, "sep"); ok && sep != nil {
			ss, ok := sep.(string)
			if !ok || ss == "" {
				return nil, newExc(excValue, "empty separator")
			}
			parts = strings.Split(self.(string), ss)
		} else {
			parts = strings.Fields(self.(string))
		}
		out := &List{}
		for _, p := range parts {
			out.Items = append(out.Items, p)
		}
		return out, nil
	},
	"replace": func(c *call, self Value) (Value, *Exception) {
		a, _ := c.arg(0, "")
		b, _ := c.arg(1, "")
		as, ok1 := a.(string)
		bs, ok2 := b.(string)
		if !ok1 || !ok2 {
			return nil, c.errorf("replace() needs str arguments")
		}
		s := self.(string)
		if len(bs) > len(as) {
			// Each match grows the string; an empty old string matches
			// between every two characters and at both ends.
			matches := utf8.RuneCountInString(s) + 1
			if as != "" {
				matches = strings.Count(s, as)
			}
			if n := len(s) + matches*(len(bs)-len(as)); n > maxString || matches > maxString {
				return nil, stringTooLong(max(n, maxString+1))
			}
		}
		count := -1 // replace(old, new, count): at most count, all when negative
		if v, ok := c.arg(2, "count"); ok {
			n, isInt := v.(int64)
			if !isInt {
				return nil, c.errorf("'%s' object cannot be interpreted as an integer", typeName(v))
			}
			count = int(max(n, -1))
		}
		out := strings.Replace(s, as, bs, count)
		if exc := c.f.run.built(len(out)); exc != nil {
			return nil, exc
		}
		return out, nil
	},
}

// dictFromkeys is dict.fromkeys(iterable, value=None).
var dictFromkeys = &Builtin{Name: "fromkeys", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "iterable")
	items, exc := iterate(v)
	if exc != nil {
		return nil, exc
	}
	value, _ := c.arg(1, "value")
	d := newDict()
	for _, k := range items {
		if !d.Set(k, value) {
			return nil, newExc(excType, "unhashable type: '"+typeName(k)+"'")
		}
	}
	return d, nil
})}

// typeMethods are a built-in type's methods, for str.upper and the like.
func typeMethods(typ string) map[string]func(c *call, self Value) (Value, *Exception) {
	switch typ {
	case "str":
		return strMethods
	case "list":
		return listMethods
	case "dict":
		return dictMethods
	case "bytes":
		return bytesMethods
	case "set":
		return setMethods
	case "int":
		return intMethods
	}
	return nil
}
