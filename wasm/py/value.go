// Package py runs LoopLab's Python on the simulator: it checks and
// compiles the syntax tree into a small bytecode, and runs it as
// resumable fibers whose blocking, sleeping and awaiting become simulator
// effects. It holds the language (values, compiler, VM, builtins, and
// the class machinery dataclasses, enum and functools.partial stand on)
// and the runtime that await and threads are made of: asyncio's event
// loops, tasks and futures, threads and pools, and FastAPI's app as the
// server runs it. Every library is a folder of wasm/py/lib, a Go package
// written against library.go, Python run by the interpreter, or both;
// wasm/py/lib links them all.
package py

import (
	"math/big"
	"strconv"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// Value is a Python value: nil (None), bool, int64, float64, string, or one
// of the pointer types below.
type Value = any

// List is a Python list.
type List struct{ Items []Value }

// Tuple is a Python tuple.
type Tuple struct{ Items []Value }

// Dict is an insertion-ordered Python dict with hashable keys (None, bool,
// int, float, str, tuples of those).
type Dict struct {
	Keys   []Value
	Values []Value
	index  map[any]int
}

// Function is a def or async def (or lambda) bound to its globals.
type Function struct {
	Code     *Code
	Defaults []Value // for the last len(Defaults) parameters
	Globals  *Globals
	Closure  []*cell // one for each of Code.Free
	// KwDefaults are the keyword-only parameters' defaults
	KwDefaults map[string]Value
	// Name, when set, is the name functools.wraps gave it
	Name string
	// Attrs are the attributes a program set on it (f.calls = 0), its
	// __dict__ in the order they were set; nil until it sets one
	Attrs *Dict
}

// setAttr is f.name = v: __name__ renames the function; anything else
// joins its __dict__, as in CPython.
func (fn *Function) setAttr(name string, v Value) bool {
	if name == "__name__" || name == "__qualname__" {
		s, ok := v.(string)
		if ok {
			fn.Name = s
		}
		return ok
	}
	if fn.Attrs == nil {
		fn.Attrs = newDict()
	}
	fn.Attrs.Set(name, v)
	return true
}

// Coroutine is what calling an async def returns: a prepared frame that
// runs when awaited or wrapped in a task.
type Coroutine struct {
	Fn      *Function
	Frame   *Frame
	Started bool
	// call is how the code wrote the call that made it, when its
	// arguments do not say (a client's request: "client.get('…')")
	call string
}

// Builtin is a function implemented in Go. It may return an effect, in
// which case the fiber suspends and the value the simulator hands back
// becomes the call's result.
type Builtin struct {
	Name string
	Fn   func(c *call) (Value, sim.Effect, *Exception)
}

// Module is an imported (simulated) module.
type Module struct {
	Name  string
	Attrs map[string]Value
}

// BoundMethod is obj.method.
type BoundMethod struct {
	Self Value
	Name string
	Fn   func(c *call, self Value) (Value, sim.Effect, *Exception)
}

// Globals is one process's module namespace: every uvicorn worker and the
// script's main process import the module on their own.
type Globals struct {
	Values  []Value
	Defined []bool
	Prog    *Program
}

// ExcType is an exception class.
type ExcType struct {
	Name   string
	Parent *ExcType
	Class  *Class // the class statement that made it, if one did
}

// Exception is a raised exception instance.
type Exception struct {
	Type   *ExcType
	Args   []Value
	Status int // HTTPException's status_code
	Pos    syntax.Pos
	Trace  []tbEntry // frames it left, innermost first
	Attrs  map[string]Value
	// Hint follows the message in a traceback, as CPython's "Did you
	// mean" does; it is not part of str(e).
	Hint string
	// caught is the frame and line where an except clause last took it,
	// the first line of its traceback while it is handled.
	caught tbEntry
	run    *Run // for a class statement's exception: the run that made it
}

func (e *Exception) Error() string {
	if m := e.message(); m != "" {
		return e.Type.Name + ": " + m
	}
	return e.Type.Name
}

func (e *Exception) message() string {
	switch len(e.Args) {
	case 0:
		return ""
	case 1:
		if e.Type.isA(excKey) {
			return repr(e.Args[0]) // str(KeyError('k')) is "'k'"
		}
		return str(e.Args[0])
	}
	return repr(&Tuple{Items: e.Args})
}

// isA reports whether t is cls or a subclass of it.
func (t *ExcType) isA(cls *ExcType) bool {
	for ; t != nil; t = t.Parent {
		if t == cls {
			return true
		}
	}
	return false
}

func newDict() *Dict { return &Dict{} }

// smallDict is the size up to which lookups scan the keys instead of
// keeping an index map: most scenario dicts are tiny response bodies.
const smallDict = 8

func (d *Dict) find(hk any) (int, bool) {
	if d.index != nil {
		i, ok := d.index[hk]
		return i, ok
	}
	for i, k := range d.Keys {
		if kk, _ := hashKey(k); kk == hk {
			return i, true
		}
	}
	return 0, false
}

// hashKey maps a value to a comparable Go key, or false when unhashable.
func hashKey(v Value) (any, bool) { return hashKeyAt(v, 0) }

// tupleKey is a tuple's key: its items' keys, each tagged with its kind
// and its length written out, so that no two tuples and no string share one.
type tupleKey string

// hashKeyAt is hashKey at nesting depth d: tuples nested past maxNesting
// are unhashable, as CPython's recursion limit makes them.
// appendSized writes a text item of a tuple's key: its kind, its length
// and itself, so that no two tuples' keys run together.
func appendSized(b []byte, kind byte, text string) []byte {
	b = append(strconv.AppendInt(append(b, kind), int64(len(text)), 10), ':')
	return append(b, text...)
}

// bigKey is a big integer's key in a dict or set.
type bigKey string

func hashKeyAt(v Value, d int) (any, bool) {
	switch x := v.(type) {
	case nil, string, Bytes:
		return x, true
	case bool:
		if x {
			return int64(1), true
		}
		return int64(0), true
	case int64:
		return x, true
	case *big.Int:
		return bigKey(x.String()), true
	case float64:
		if x == float64(int64(x)) {
			return int64(x), true
		}
		return x, true
	case *Tuple:
		if d >= maxNesting {
			return nil, false
		}
		var b []byte
		for _, it := range x.Items {
			k, ok := hashKeyAt(it, d+1)
			if !ok {
				return nil, false
			}
			switch k := k.(type) {
			case nil:
				b = append(b, 'N')
			case int64:
				b = strconv.AppendInt(append(b, 'i'), k, 10)
			case float64:
				b = strconv.AppendFloat(append(b, 'f'), k, 'g', -1, 64)
			case string:
				b = appendSized(b, 's', k)
			case tupleKey:
				b = appendSized(b, 't', string(k))
			case bigKey:
				b = append(append(b, 'b'), k...)
			case Bytes:
				b = appendSized(b, 'y', string(k))
			case setKey:
				b = appendSized(b, 'z', string(k))
			}
			b = append(b, ';')
		}
		return tupleKey(b), true
	case *Instance:
		return instanceHash(x, d)
	case *Set:
		if !x.Frozen {
			return nil, false
		}
		return x.key()
	case *Class, *ExcType, *Function, *Builtin, *Module, *futureVal, *cfutureVal, *Generator, *Coroutine:
		return x, true
	}
	return nil, false
}

// Get looks a key up.
func (d *Dict) Get(k Value) (Value, bool) {
	hk, ok := hashKey(k)
	if !ok {
		return nil, false
	}
	i, ok := d.find(hk)
	if !ok {
		return nil, false
	}
	return d.Values[i], true
}

// Set stores a key; it reports false for an unhashable key.
func (d *Dict) Set(k, v Value) bool {
	hk, ok := hashKey(k)
	if !ok {
		return false
	}
	if i, ok := d.find(hk); ok {
		d.Values[i] = v
		return true
	}
	d.Keys = append(d.Keys, k)
	d.Values = append(d.Values, v)
	switch n := len(d.Keys); {
	case n > smallDict && d.index == nil:
		d.index = make(map[any]int, n)
		for i, key := range d.Keys {
			kk, _ := hashKey(key)
			d.index[kk] = i
		}
	case d.index != nil:
		d.index[hk] = n - 1
	}
	return true
}
