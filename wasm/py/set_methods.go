package py

// The set operations, each built the way setobject.c builds it (which
// table is walked, which set is copied), so that their results iterate
// in CPython's order too.

func builtinSet(c *call) (Value, *Exception)       { return setFromArg(c, false) }
func builtinFrozenset(c *call) (Value, *Exception) { return setFromArg(c, true) }

func setFromArg(c *call, frozen bool) (Value, *Exception) {
	s := newSet(frozen)
	v, ok := c.arg(0, "iterable")
	if !ok {
		return s, nil
	}
	if o, isSet := v.(*Set); isSet && frozen && o.Frozen {
		return o, nil // frozenset(f) is f
	}
	return s, s.update(v)
}

// asSet is a method's argument as a set: itself, or a new set of its items.
func asSet(v Value) (*Set, *Exception) {
	if s, ok := v.(*Set); ok {
		return s, nil
	}
	s := newSet(false)
	return s, s.update(v)
}

func setUnion(s *Set, others ...Value) (*Set, *Exception) {
	r := s.copySet(s.Frozen)
	for _, o := range others {
		if o == Value(s) {
			continue
		}
		if exc := r.update(o); exc != nil {
			return nil, exc
		}
	}
	return r, nil
}

func setIntersection(s *Set, other Value) (*Set, *Exception) {
	if other == Value(s) {
		return s.copySet(s.Frozen), nil
	}
	r := newSet(s.Frozen)
	o, isSet := other.(*Set)
	if !isSet {
		items, exc := iterate(other)
		if exc != nil {
			return nil, exc
		}
		for _, it := range items {
			in, exc := s.Has(it)
			if exc != nil {
				return nil, exc
			}
			if in {
				r.Add(it)
				if r.used >= s.used {
					break
				}
			}
		}
		return r, nil
	}
	big, small := s, o
	if o.used > s.used {
		big, small = o, s
	}
	for _, e := range small.table {
		if e.state != slotActive {
			continue
		}
		if i, _ := big.find(e.key); i >= 0 {
			r.addEntry(e.key, e.hk, e.hash)
		}
	}
	return r, nil
}

// differenceUpdate removes other's members from s, in place
// (set_difference_update_internal).
func (s *Set) differenceUpdate(other Value) *Exception {
	if other == Value(s) {
		s.clear()
		return nil
	}
	if o, isSet := other.(*Set); isSet {
		if o.used>>3 > s.used {
			o, _ = setIntersection(s, o)
		}
		for _, e := range o.table {
			if e.state == slotActive {
				s.Discard(e.key)
			}
		}
	} else {
		items, exc := iterate(other)
		if exc != nil {
			return exc
		}
		for _, it := range items {
			if _, exc := s.Discard(it); exc != nil {
				return exc
			}
		}
	}
	if uint64(s.fill-s.used) > s.mask()/4 {
		s.resize(s.used * 4)
	}
	return nil
}

func setDifference(s *Set, other Value) (*Set, *Exception) {
	otherSize := 0
	switch o := other.(type) {
	case *Set:
		otherSize = o.used
	case *Dict:
		otherSize = len(o.Keys)
	}
	if otherSize == 0 && !isSetOrDict(other) || s.used>>2 > otherSize {
		r := s.copySet(s.Frozen)
		return r, r.differenceUpdate(other)
	}
	r := newSet(s.Frozen)
	for _, e := range s.table {
		if e.state != slotActive {
			continue
		}
		in, exc := contains(other, e.key)
		if exc != nil {
			return nil, exc
		}
		if !in {
			r.addEntry(e.key, e.hk, e.hash)
		}
	}
	return r, nil
}

func isSetOrDict(v Value) bool {
	switch v.(type) {
	case *Set, *Dict:
		return true
	}
	return false
}

// symmetricDifferenceUpdate is s ^= other, in place.
func (s *Set) symmetricDifferenceUpdate(other Value) *Exception {
	if other == Value(s) {
		s.clear()
		return nil
	}
	o, isSet := other.(*Set)
	if !isSet {
		if d, isDict := other.(*Dict); isDict {
			for _, k := range d.Keys {
				if found, exc := s.Discard(k); exc != nil {
					return exc
				} else if !found {
					s.Add(k)
				}
			}
			return nil
		}
		o = newSet(s.Frozen)
		if exc := o.update(other); exc != nil {
			return exc
		}
	}
	for _, e := range o.table {
		if e.state != slotActive {
			continue
		}
		if found, _ := s.Discard(e.key); !found {
			s.addEntry(e.key, e.hk, e.hash)
		}
	}
	return nil
}

func setSymmetricDifference(s *Set, other Value) (*Set, *Exception) {
	r := newSet(s.Frozen)
	if exc := r.update(other); exc != nil {
		return nil, exc
	}
	return r, r.symmetricDifferenceUpdate(s)
}

func isSubset(a, b *Set) bool {
	if a.used > b.used {
		return false
	}
	for _, e := range a.table {
		if e.state == slotActive {
			if i, _ := b.find(e.key); i < 0 {
				return false
			}
		}
	}
	return true
}

func setEqual(a, b *Set) bool { return a.used == b.used && isSubset(a, b) }

// setBinary is |, &, - and ^ between two sets (ok false otherwise).
func setBinary(op string, x, y Value) (Value, bool, *Exception) {
	a, aok := x.(*Set)
	b, bok := y.(*Set)
	if !aok || !bok {
		return nil, false, nil
	}
	var r *Set
	var exc *Exception
	switch op {
	case "|":
		r, exc = setUnion(a, b)
	case "&":
		r, exc = setIntersection(a, b)
	case "-":
		r, exc = setDifference(a, b)
	case "^":
		r, exc = setSymmetricDifference(a, b)
	default:
		return nil, false, nil
	}
	return r, true, exc
}

// setOrder is <, <=, > and >= between sets: subset and superset.
func setOrder(op string, x, y Value) (bool, bool) {
	a, aok := x.(*Set)
	b, bok := y.(*Set)
	if !aok || !bok {
		return false, false
	}
	switch op {
	case "<=":
		return isSubset(a, b), true
	case "<":
		return a.used < b.used && isSubset(a, b), true
	case ">=":
		return isSubset(b, a), true
	case ">":
		return b.used < a.used && isSubset(b, a), true
	}
	return false, false
}

// setMutators are the methods a frozenset lacks.
var setMutators = map[string]bool{
	"add": true, "discard": true, "remove": true, "pop": true, "clear": true, "update": true,
	"intersection_update": true, "difference_update": true, "symmetric_difference_update": true,
}

var setMethods = map[string]func(c *call, self Value) (Value, *Exception){
	"add": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "elem")
		return nil, self.(*Set).Add(v)
	},
	"discard": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "elem")
		_, exc := self.(*Set).Discard(v)
		return nil, exc
	},
	"remove": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "elem")
		found, exc := self.(*Set).Discard(v)
		if exc == nil && !found {
			exc = &Exception{Type: excKey, Args: []Value{v}}
		}
		return nil, exc
	},
	"pop":   func(c *call, self Value) (Value, *Exception) { return self.(*Set).pop() },
	"clear": func(c *call, self Value) (Value, *Exception) { self.(*Set).clear(); return nil, nil },
	"copy": func(c *call, self Value) (Value, *Exception) {
		s := self.(*Set)
		if s.Frozen {
			return s, nil
		}
		return s.copySet(false), nil
	},
	"update": func(c *call, self Value) (Value, *Exception) {
		for _, o := range c.args {
			if exc := self.(*Set).update(o); exc != nil {
				return nil, exc
			}
		}
		return nil, nil
	},
	"union": func(c *call, self Value) (Value, *Exception) { return setUnion(self.(*Set), c.args...) },
	"intersection": func(c *call, self Value) (Value, *Exception) {
		r := self.(*Set).copySet(self.(*Set).Frozen)
		for _, o := range c.args {
			var exc *Exception
			if r, exc = setIntersection(r, o); exc != nil {
				return nil, exc
			}
		}
		return r, nil
	},
	"difference": func(c *call, self Value) (Value, *Exception) {
		s := self.(*Set)
		if len(c.args) == 0 {
			return s.copySet(s.Frozen), nil
		}
		r, exc := setDifference(s, c.args[0])
		for _, o := range c.args[1:] {
			if exc == nil {
				exc = r.differenceUpdate(o)
			}
		}
		return r, exc
	},
	"symmetric_difference": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "other")
		return setSymmetricDifference(self.(*Set), v)
	},
	"intersection_update": func(c *call, self Value) (Value, *Exception) {
		s := self.(*Set)
		r := s
		for _, o := range c.args {
			var exc *Exception
			if r, exc = setIntersection(r, o); exc != nil {
				return nil, exc
			}
		}
		if len(c.args) == 0 {
			r = s.copySet(s.Frozen)
		}
		s.swapBody(r)
		return nil, nil
	},
	"difference_update": func(c *call, self Value) (Value, *Exception) {
		for _, o := range c.args {
			if exc := self.(*Set).differenceUpdate(o); exc != nil {
				return nil, exc
			}
		}
		return nil, nil
	},
	"symmetric_difference_update": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "other")
		return nil, self.(*Set).symmetricDifferenceUpdate(v)
	},
	"issubset": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "other")
		if o, isSet := v.(*Set); isSet {
			return isSubset(self.(*Set), o), nil
		}
		r, exc := setIntersection(self.(*Set), v)
		return exc == nil && r.used == self.(*Set).used, exc
	},
	"issuperset": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "other")
		o, exc := asSet(v)
		return exc == nil && isSubset(o, self.(*Set)), exc
	},
	"isdisjoint": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "other")
		r, exc := setIntersection(self.(*Set), v)
		return exc == nil && r.used == 0, exc
	},
}
