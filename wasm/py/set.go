package py

import (
	"slices"
	"strconv"
	"strings"
)

// Set is a set or frozenset, laid out as CPython's setobject.c lays one
// out: an open-addressing table probed the same way with the same hashes
// (pyHash), so that iterating it (printing it, list(s), for x in s)
// gives CPython's order, an order learners otherwise take for sorted or
// random.
type Set struct {
	Frozen bool
	table  []setEntry
	fill   int // active and dummy entries
	used   int // active entries
	finger int // where pop looks next
}

type setEntry struct {
	key   Value
	hk    any // the key's identity (hashKey), for equality
	hash  uint64
	state uint8
}

const (
	slotEmpty = iota
	slotActive
	slotDummy
)

const (
	setMinSize    = 8
	linearProbes  = 9
	perturbShift  = 5
	dummyHash     = ^uint64(0)
	maxSetEntries = maxIterate
)

func newSet(frozen bool) *Set {
	return &Set{Frozen: frozen, table: make([]setEntry, setMinSize)}
}

func (s *Set) mask() uint64 { return uint64(len(s.table) - 1) }

// Len is the number of members.
func (s *Set) Len() int { return s.used }

// Add adds v, as set_add_entry does.
func (s *Set) Add(v Value) *Exception {
	hk, ok := hashKey(v)
	h, hok := pyHash(v)
	if !ok || !hok {
		return newExc(excType, "unhashable type: '"+typeName(v)+"'")
	}
	if s.used >= maxSetEntries {
		return tooManyItems("set", s.used+1)
	}
	s.addEntry(v, hk, h)
	return nil
}

// probe visits the slots CPython's set probes for hash h, in its order
// (a run of linear probes, then a perturbed jump), until visit says stop.
// The table always has an empty slot, so the probing ends.
func (s *Set) probe(h uint64, visit func(j int) (stop bool)) {
	mask := s.mask()
	i := h & mask
	perturb := h
	for {
		last := i
		if i+linearProbes <= mask {
			last = i + linearProbes
		}
		for j := i; j <= last; j++ {
			if visit(int(j)) {
				return
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// addEntry adds a member unless it is there, as set_add_entry: into the
// last dummy passed, or else the empty slot that ends the probing.
func (s *Set) addEntry(v Value, hk any, h uint64) {
	free := -1
	s.probe(h, func(j int) bool {
		e := &s.table[j]
		switch {
		case e.state == slotEmpty:
			if free >= 0 {
				e = &s.table[free]
			} else {
				s.fill++
			}
			s.used++
			*e = setEntry{key: v, hk: hk, hash: h, state: slotActive}
			if free < 0 && uint64(s.fill)*5 >= s.mask()*3 {
				s.resize(s.used * 4)
			}
			return true
		case e.state == slotActive && e.hash == h && e.hk == hk:
			return true // already there
		case e.state == slotDummy:
			free = j // the last dummy passed, as set_add_entry keeps it
		}
		return false
	})
}

// find is the index of v's entry, or -1.
func (s *Set) find(v Value) (int, *Exception) {
	hk, ok := hashKey(v)
	h, hok := pyHash(v)
	if !ok || !hok {
		return -1, newExc(excType, "unhashable type: '"+typeName(v)+"'")
	}
	found := -1
	s.probe(h, func(j int) bool {
		e := &s.table[j]
		if e.state == slotActive && e.hash == h && e.hk == hk {
			found = j
		}
		return found >= 0 || e.state == slotEmpty
	})
	return found, nil
}

// Has reports whether v is a member.
func (s *Set) Has(v Value) (bool, *Exception) {
	i, exc := s.find(v)
	return i >= 0, exc
}

// Discard removes v if it is there, leaving a dummy as CPython does.
func (s *Set) Discard(v Value) (bool, *Exception) {
	i, exc := s.find(v)
	if i < 0 {
		return false, exc
	}
	s.table[i] = setEntry{hash: dummyHash, state: slotDummy}
	s.used--
	return true, nil
}

// resize rebuilds the table for minUsed entries, as set_table_resize.
func (s *Set) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill = s.used
	for _, e := range old {
		if e.state == slotActive {
			s.insertClean(e)
		}
	}
}

// insertClean places an entry known to be new in a table without
// dummies, in the first empty slot of its probing.
func (s *Set) insertClean(e setEntry) {
	s.probe(e.hash, func(j int) bool {
		if s.table[j].state != slotEmpty {
			return false
		}
		s.table[j] = e
		return true
	})
}

// merge adds other's members, as set_merge does.
func (s *Set) merge(other *Set) {
	if other == s || other.used == 0 {
		return
	}
	if uint64(s.fill+other.used)*5 >= s.mask()*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used {
		copy(s.table, other.table)
		s.fill, s.used = other.fill, other.used
		return
	}
	if s.fill == 0 {
		s.fill, s.used = other.used, other.used
		for _, e := range other.table {
			if e.state == slotActive {
				s.insertClean(e)
			}
		}
		return
	}
	for _, e := range other.table {
		if e.state == slotActive {
			s.addEntry(e.key, e.hk, e.hash)
		}
	}
}

// Items are the members in table order, the order Python iterates them.
func (s *Set) Items() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if e.state == slotActive {
			out = append(out, e.key)
		}
	}
	return out
}

// copySet is set(s) or s.copy().
func (s *Set) copySet(frozen bool) *Set {
	c := newSet(frozen)
	c.merge(s)
	return c
}

// update adds every item of an iterable: a set merges, anything else is
// added item by item (set_update_internal).
func (s *Set) update(v Value) *Exception {
	if o, ok := v.(*Set); ok {
		s.merge(o)
		return nil
	}
	if d, ok := v.(*Dict); ok && uint64(s.fill+len(d.Keys))*5 >= s.mask()*3 {
		s.resize((s.used + len(d.Keys)) * 2) // one resize up front, as for a dict CPython does
	}
	items, exc := iterate(v)
	if exc != nil {
		return exc
	}
	for _, it := range items {
		if exc := s.Add(it); exc != nil {
			return exc
		}
	}
	return nil
}

// pop removes and returns an arbitrary member, the one set_pop finds.
func (s *Set) pop() (Value, *Exception) {
	if s.used == 0 {
		return nil, newExc(excKey, "pop from an empty set")
	}
	i := s.finger & int(s.mask())
	for s.table[i].state != slotActive {
		i++
		if i >= len(s.table) {
			i = 0
		}
	}
	v := s.table[i].key
	s.table[i] = setEntry{hash: dummyHash, state: slotDummy}
	s.used--
	s.finger = i + 1
	return v, nil
}

// clear empties the set; pop's finger stays where it was, as in CPython.
func (s *Set) clear() {
	s.table, s.fill, s.used = make([]setEntry, setMinSize), 0, 0
}

// swapBody takes r's table, as set_swap_bodies does for the in-place
// operations: the set keeps its own finger and kind.
func (s *Set) swapBody(r *Set) {
	s.table, s.fill, s.used = r.table, r.fill, r.used
}

// frozenHash is frozenset.__hash__: the shuffled hashes of the members,
// xored (CPython xors in the empty and dummy slots too and then takes
// them out again, which comes to the same).
func (s *Set) frozenHash() uint64 {
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for _, e := range s.table {
		if e.state == slotActive {
			h ^= shuffle(e.hash)
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == ^uint64(0) {
		h = 590923713
	}
	return h
}

// setKey is a frozenset's identity as a dict key or set member.
type setKey string

// Equal members hash alike (1, True and 1.0 all hash to 1), so the
// sorted hashes name the set; two different members of equal hash are
// rare enough (-1 and -2) to be left alone.
func (s *Set) key() (any, bool) {
	hashes := make([]uint64, 0, s.used)
	for _, e := range s.table {
		if e.state == slotActive {
			hashes = append(hashes, e.hash)
		}
	}
	slices.Sort(hashes)
	var b strings.Builder
	for _, h := range hashes {
		b.WriteString(strconv.FormatUint(h, 36))
		b.WriteByte(',')
	}
	return setKey(b.String()), true
}

func (s *Set) TypeName() string {
	if s.Frozen {
		return "frozenset"
	}
	return "set"
}

// String is the repr: {1, 2}, set(), frozenset({1, 2}).
func (s *Set) repr(w *reprWriter) {
	switch {
	case s.used == 0:
		w.WriteString(s.TypeName() + "()")
		return
	case s.Frozen:
		w.WriteString("frozenset(")
	}
	w.WriteByte('{')
	w.items(s.Items())
	w.WriteByte('}')
	if s.Frozen {
		w.WriteByte(')')
	}
}
