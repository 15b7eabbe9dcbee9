package py

import (
	"fmt"
	"sort"
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// Frame is one running function.
type Frame struct {
	code     *Code
	globals  *Globals
	pc       int
	locals   []Value
	stack    []Value
	blocks   []tryBlock
	handling []*Exception // exceptions being handled, for a bare raise
	closure  []*cell      // the enclosing functions' variables it uses
	// what its return hands the caller: ret (a new instance, after
	// __init__) when set, nothing when discard (a with block's __exit__,
	// a property's setter)
	ret     Value
	discard bool
	// a generator's frame: its generator, how it was last resumed, and
	// where a for loop over it goes when it ends
	gen     *Generator
	genMode int
	exitTo  int
}

type tryBlock struct{ handler, depth, handling int }

func (fr *Frame) push(v Value) { fr.stack = append(fr.stack, v) }

func (fr *Frame) pop() Value {
	n := len(fr.stack) - 1
	v := fr.stack[n]
	fr.stack[n] = nil
	fr.stack = fr.stack[:n]
	return v
}

func (fr *Frame) top() Value { return fr.stack[len(fr.stack)-1] }

// pos is where the instruction being executed came from.
func (fr *Frame) pos() syntax.Pos {
	if fr.pc > 0 && fr.pc <= len(fr.code.Pos) {
		return fr.code.Pos[fr.pc-1]
	}
	return fr.code.Def
}

// Fiber runs frames for one task, job or script; it implements sim.Fiber.
type Fiber struct {
	run     *Run
	frames  []*Frame
	ctx     *sim.Ctx
	pending bool              // suspended inside an instruction that wants a value
	convert func(Value) Value // turns the simulator's value into Python's
	root    *Code             // the task's coroutine, for debug descriptions
	// markStart makes the first Resume record the request's start (a def
	// endpoint starts when its worker thread first runs it).
	markStart bool
	frameBuf  [4]*Frame // most fibers never nest deeper
	// a call Go code makes into Python (a __repr__, a sort key) runs until
	// it returns to stop, see callSync
	stop      *Frame
	stopped   bool
	stopValue Value
	stopExc   *Exception
}

func newFiber(r *Run, fr *Frame) *Fiber {
	f := &Fiber{run: r, root: fr.code}
	f.frames = append(f.frameBuf[:0], fr)
	return f
}

// Resume implements sim.Fiber.
func (f *Fiber) Resume(c *sim.Ctx, v any, err error) sim.Effect {
	f.ctx = c
	f.run.cur = f
	if f.markStart {
		f.markStart = false
		c.MarkStart()
	}
	if err != nil {
		f.pending = false
		f.convert = nil
		if eff := f.throw(fromSim(err)); eff != nil {
			return eff
		}
	} else if f.pending {
		f.pending = false
		if f.convert != nil {
			v = f.convert(v)
			f.convert = nil
		}
		f.frames[len(f.frames)-1].push(v)
	}
	return f.exec()
}

// Line implements sim.Fiber: the line of the instruction the innermost
// frame is at (the call or await that suspended it; its def before it
// starts), or of the frame around it when that one is generated code
// with no lines of its own (a client's connect, a job calling a builtin).
func (f *Fiber) Line() int32 {
	for i := len(f.frames) - 1; i >= 0; i-- {
		if f.frames[i].code.Library {
			continue
		}
		if l := f.frames[i].pos().Line; l > 0 {
			return int32(l)
		}
	}
	return 0
}

// Describe implements sim.Describer, as asyncio's task repr shows it.
func (f *Fiber) Describe(done bool) string {
	name := f.root.Name + "()"
	file := f.run.shownPath(f.root.File)
	if done || len(f.frames) == 0 {
		return fmt.Sprintf("coro=<%s done, defined at %s:%d>", name, file, f.root.Def.Line)
	}
	return fmt.Sprintf("coro=<%s running at %s:%d>", name, file, f.frames[0].pos().Line)
}

// throw raises exc where the fiber is: the innermost try block catches it,
// or it leaves the fiber (returned as a Done effect).
func (f *Fiber) throw(exc *Exception) sim.Effect {
	for len(f.frames) > 0 {
		fr := f.frames[len(f.frames)-1]
		if fr == f.stop {
			f.stopped, f.stopExc = true, exc
			return sim.Done{}
		}
		if exc.Pos.Line == 0 && !fr.code.Library {
			exc.Pos = fr.pos()
		}
		if n := len(fr.blocks); n > 0 {
			b := fr.blocks[n-1]
			fr.blocks = fr.blocks[:n-1]
			clear(fr.stack[b.depth:])
			fr.stack = fr.stack[:b.depth]
			fr.handling = append(fr.handling[:b.handling], exc)
			exc.caught = tbEntry{Name: fr.code.Name, Pos: fr.pos(), File: fr.code.File}
			fr.push(exc)
			fr.pc = b.handler
			return nil
		}
		exc.Trace = append(exc.Trace, tbEntry{Name: fr.code.Name, Pos: fr.pos(), File: fr.code.File})
		if g := fr.gen; g != nil {
			g.running, g.done = false, true
			if exc.Type.isA(excStopIteration) || (g.Async && exc.Type.isA(excStopAsyncIteration)) {
				// PEP 479: a StopIteration escaping a generator is a bug
				exc = newExc(excRuntime, g.TypeName()+" raised "+exc.Type.Name)
			}
		}
		f.frames = f.frames[:len(f.frames)-1]
	}
	return sim.Done{Err: toSim(exc)}
}

// tbEntry is one line of a traceback.
type tbEntry struct {
	Name string
	Pos  syntax.Pos
	File string
}

// suspend returns an effect from inside an instruction that wants a value.
func (f *Fiber) suspend(eff sim.Effect) sim.Effect {
	f.pending = true
	return eff
}

// fatal stops the whole simulation with a positioned error (a runaway
// scenario, not a Python exception a learner could catch).
func (f *Fiber) fatal(msg string) sim.Effect {
	pos := f.frames[len(f.frames)-1].pos()
	for i := len(f.frames) - 1; i >= 0; i-- {
		if !f.frames[i].code.Library {
			pos = f.frames[i].pos() // the learner's line, not a library's
			break
		}
	}
	err := &syntax.Error{Pos: pos, Msg: msg}
	f.ctx.Sim().Fail(err)
	return sim.Done{Err: &sim.Exception{Type: "RuntimeError", Msg: msg}}
}

// exec runs instructions until the fiber needs the simulator or ends.
func (f *Fiber) exec() sim.Effect {
	r := f.run
	for {
		fr := f.frames[len(f.frames)-1]
		if r.steps++; r.steps > r.maxSteps {
			return f.fatal(fmt.Sprintf("the scenario ran more than %d steps (the step limit): a loop that never ends, or never awaits, spins here as it would in CPython; for CPU-bound work, cpu(seconds) stands for the time it takes", r.maxSteps))
		}
		in := fr.code.Instrs[fr.pc]
		fr.pc++
		var exc *Exception
		switch in.Op {
		case opNop:
		case opConst:
			fr.push(fr.code.Consts[in.A])
		case opLoadLocal:
			v := fr.locals[in.A]
			if v == unbound {
				exc = newExc(excName, fmt.Sprintf("local variable '%s' referenced before assignment", localName(fr.code, int(in.A))))
				break
			}
			fr.push(v)
		case opStoreLocal:
			fr.locals[in.A] = fr.pop()
		case opLoadGlobal:
			g := fr.globals
			if !g.Defined[in.A] {
				exc = nameError(g.Prog.GlobalNames[in.A], fr)
				break
			}
			fr.push(g.Values[in.A])
		case opStoreGlobal:
			fr.globals.Values[in.A] = fr.pop()
			fr.globals.Defined[in.A] = true
		case opLoadAttr:
			if eff, e := f.loadAttr(fr.pop(), fr.code.Consts[in.A].(string)); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opStoreAttr:
			obj := fr.pop()
			if eff, e := f.storeAttr(obj, fr.code.Consts[in.A].(string), fr.pop()); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opSubscr:
			i := fr.pop()
			x := fr.pop()
			_, isSlice := i.(*slice)
			if s, isStr := x.(string); isStr {
				// finding characters, which takes decoding when not ASCII
				if w := cost(s); w > 0 && !isASCII(s) {
					r.steps += 8 * w
				} else {
					r.steps += w
				}
			} else if isSlice {
				r.steps += cost(x)
			}
			var v Value
			v, exc = subscript(x, i)
			if exc == nil && isSlice {
				if _, isStr := v.(string); !isStr {
					exc = r.builtValue(v) // a list's or tuple's slice is a copy
				}
			}
			if exc == nil {
				fr.push(v)
			}
		case opStoreSubscr:
			i := fr.pop()
			obj := fr.pop()
			exc = setItem(obj, i, fr.pop())
		case opBinary:
			y := fr.pop()
			var v Value
			if in.B == 1 {
				v, exc = inplace(binaryOps[in.A], fr.pop(), y)
			} else {
				v, exc = binary(binaryOps[in.A], fr.pop(), y)
			}
			if exc == nil {
				r.steps += cost(v)
				exc = r.builtValue(v)
			}
			if exc == nil {
				fr.push(v)
			}
		case opUnary:
			var v Value
			v, exc = unary(unaryOps[in.A], fr.pop())
			if exc == nil {
				fr.push(v)
			}
		case opCompare:
			y := fr.pop()
			x := fr.pop()
			op := compareOps[in.A]
			if _, isDict := y.(*Dict); op == "in" || op == "not in" {
				if !isDict {
					r.steps += cost(y)
				}
			} else {
				r.steps += min(cost(x), cost(y))
			}
			var b bool
			b, exc = compare(op, x, y)
			if exc == nil {
				fr.push(b)
			}
		case opJump:
			fr.pc = int(in.A)
		case opPopJumpIfFalse:
			if !truthy(fr.pop()) {
				fr.pc = int(in.A)
			}
		case opPopJumpIfTrue:
			if truthy(fr.pop()) {
				fr.pc = int(in.A)
			}
		case opJumpIfFalseOrPop:
			if !truthy(fr.top()) {
				fr.pc = int(in.A)
			} else {
				fr.pop()
			}
		case opJumpIfTrueOrPop:
			if truthy(fr.top()) {
				fr.pc = int(in.A)
			} else {
				fr.pop()
			}
		case opBuildList:
			fr.push(&List{Items: fr.popN(int(in.A))})
		case opBuildSet:
			s := newSet(in.B == 1)
			for _, it := range fr.popN(int(in.A)) {
				if exc = s.Add(it); exc != nil {
					break
				}
			}
			if in.B == 1 {
				// a display of constants: the compiler makes it a
				// frozenset, rebuilds that from its own items when it
				// merges constants, and the set is that one copied
				again := newSet(true)
				for _, it := range s.Items() {
					again.Add(it)
				}
				s = again.copySet(false)
			}
			fr.push(s)
		case opSetAdd:
			exc = fr.locals[in.A].(*Set).Add(fr.pop())
		case opBuildTuple:
			fr.push(&Tuple{Items: fr.popN(int(in.A))})
		case opBuildDict:
			items := fr.popN(2 * int(in.A))
			kv := make([]Value, 2*in.A) // keys and values share one allocation
			d := &Dict{Keys: kv[:0:in.A], Values: kv[in.A : in.A : 2*in.A]}
			for i := 0; i < len(items); i += 2 {
				if !d.Set(items[i], items[i+1]) {
					exc = newExc(excType, "unhashable type: '"+typeName(items[i])+"'")
				}
			}
			fr.push(d)
		case opListAppend:
			l := fr.locals[in.A].(*List)
			if len(l.Items) >= maxIterate {
				exc = tooManyItems("list", len(l.Items)+1)
				break
			}
			l.Items = append(l.Items, fr.pop())
		case opDictSetItem:
			v := fr.pop()
			k := fr.pop()
			if !fr.locals[in.A].(*Dict).Set(k, v) {
				exc = newExc(excType, "unhashable type: '"+typeName(k)+"'")
			}
		case opListExtend:
			var items []Value
			items, exc = iterate(fr.pop())
			l := fr.top().(*List)
			if exc == nil {
				exc = checkItems("list", len(l.Items)+len(items))
			}
			if exc == nil {
				r.steps += len(items) / workItems
				exc = r.built(itemSize * len(items))
			}
			if exc == nil {
				l.Items = append(l.Items, items...)
			}
		case opDictUpdate:
			m, ok := mappingOf(fr.pop())
			if !ok {
				exc = newExc(excType, "argument after ** must be a mapping")
				break
			}
			d := fr.top().(*Dict)
			for i, k := range m.Keys {
				d.Set(k, m.Values[i])
			}
		case opBuildString:
			parts := fr.popN(int(in.A))
			n := 0
			for _, p := range parts {
				n += len(p.(string))
			}
			if exc = checkString(n); exc == nil {
				exc = r.built(n)
			}
			if exc != nil {
				break
			}
			r.steps += n / workBytes
			var b strings.Builder
			b.Grow(n)
			for _, p := range parts {
				b.WriteString(p.(string))
			}
			fr.push(b.String())
		case opFormat:
			v := fr.pop()
			switch in.B {
			case 'r':
				v, exc = reprChecked(v)
			case 's', 'a':
				v, exc = strChecked(v)
			}
			if exc != nil {
				break
			}
			if _, isStr := v.(string); !isStr && fr.code.Consts[in.A].(string) == "" {
				// {x} is str(x), with the same limits
				if v, exc = strChecked(v); exc != nil {
					break
				}
			}
			s, err := formatValue(v, fr.code.Consts[in.A].(string))
			if err != nil {
				exc = newExc(excValue, err.Error())
				break
			}
			r.steps += len(s) / workBytes
			if exc = checkString(len(s)); exc == nil {
				exc = r.built(len(s))
			}
			if exc == nil {
				fr.push(s)
			}
		case opCall:
			var kw []string
			if in.B >= 0 {
				kw = fr.code.Consts[in.B].([]string)
			}
			n := int(in.A) + len(kw)
			var vals []Value
			if _, ok := fr.stack[len(fr.stack)-n-1].(*Function); ok {
				// newFrame copies arguments into locals, so a view will do.
				base := len(fr.stack) - n
				vals = fr.stack[base:len(fr.stack):len(fr.stack)]
				fr.stack = fr.stack[:base]
			} else {
				vals = fr.popN(n)
			}
			fn := fr.pop()
			if eff, e := f.callValue(fn, vals[:in.A], kw, vals[in.A:]); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opCallEx:
			kwd := fr.pop().(*Dict)
			args := fr.pop().(*List)
			fn := fr.pop()
			var kw []string
			var kwv []Value
			for i, k := range kwd.Keys {
				ks, ok := k.(string)
				if !ok {
					exc = newExc(excType, "keywords must be strings")
					break
				}
				kw = append(kw, ks)
				kwv = append(kwv, kwd.Values[i])
			}
			if exc != nil {
				break
			}
			if eff, e := f.callValue(fn, append([]Value{}, args.Items...), kw, kwv); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opMakeFunction:
			code := fr.code.Consts[in.A].(*Code)
			var closure []*cell
			if n := len(code.Free); n > 0 {
				closure = make([]*cell, n)
				for i := n - 1; i >= 0; i-- {
					closure[i] = fr.pop().(*cell)
				}
			}
			defaults := fr.popN(int(in.B))
			fn := &Function{Code: code, Defaults: defaults, Globals: fr.globals, Closure: closure}
			if n := len(code.KwDefaults); n > 0 {
				fn.KwDefaults = map[string]Value{}
				for i, name := range code.KwDefaults {
					fn.KwDefaults[name] = defaults[len(defaults)-n+i]
				}
				fn.Defaults = defaults[:len(defaults)-n]
			}
			fr.push(fn)
		case opLoadDeref:
			v := fr.locals[in.A].(*cell).v
			if v == unbound {
				exc = newExc(excName, fmt.Sprintf("local variable '%s' referenced before assignment", localName(fr.code, int(in.A))))
				break
			}
			fr.push(v)
		case opStoreDeref:
			fr.locals[in.A].(*cell).v = fr.pop()
		case opLoadFree:
			v := fr.closure[in.A].v
			if v == unbound {
				exc = newExc(excName, fmt.Sprintf("cannot access free variable '%s' where it is not associated with a value in enclosing scope", fr.code.Free[in.A]))
				break
			}
			fr.push(v)
		case opStoreFree:
			fr.closure[in.A].v = fr.pop()
		case opLoadCell:
			fr.push(fr.locals[in.A])
		case opLoadFreeCell:
			fr.push(fr.closure[in.A])
		case opDelName:
			exc = fr.delName(in.A, in.B)
		case opDelAttr:
			exc = delAttr(fr.pop(), fr.code.Consts[in.A].(string))
		case opDelSubscr:
			i := fr.pop()
			exc = delItem(fr.pop(), i)
		case opAwait:
			if eff, e := f.await(fr.pop()); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opReturn:
			v := fr.pop()
			if fr.gen != nil {
				stop, e := f.genReturn(fr, v)
				if stop {
					return sim.Done{}
				}
				exc = e
				break
			}
			f.frames = f.frames[:len(f.frames)-1]
			if len(f.frames) == 0 {
				return sim.Done{Value: v}
			}
			if fr.ret != nil {
				if v != nil {
					exc = newExc(excType, fmt.Sprintf("__init__() should return None, not '%s'", typeName(v)))
					break
				}
				v = fr.ret
			}
			if f.frames[len(f.frames)-1] == f.stop {
				f.stopped, f.stopValue = true, v
				return sim.Done{}
			}
			if !fr.discard {
				f.frames[len(f.frames)-1].push(v)
			}
		case opPop:
			if v := fr.pop(); in.A == 1 {
				f.droppedValue(v, fr)
			}
		case opDup:
			fr.push(fr.top())
		case opRot2:
			n := len(fr.stack)
			fr.stack[n-1], fr.stack[n-2] = fr.stack[n-2], fr.stack[n-1]
		case opGetIter:
			var it Value
			it, exc = f.vmIter(fr.pop(), in.A == 1)
			if exc == nil {
				fr.push(it)
			}
		case opForIter:
			if g, ok := fr.top().(*Generator); ok {
				_, exc = f.resumeGen(g, resumeFor, int(in.A), nil, nil)
				break
			}
			it := fr.top().(iterator)
			v, ok := it.next()
			if ni, isNext := it.(*nextIter); !ok && isNext && ni.err != nil {
				exc = ni.err
				break
			}
			if gi, isGen := it.(*genIter); !ok && isGen && gi.err != nil {
				exc = gi.err
				break
			}
			if !ok {
				fr.pop()
				fr.pc = int(in.A)
			} else {
				fr.push(v)
			}
		case opUnpack:
			var items []Value
			if items, exc = iterate(fr.pop()); exc == nil {
				items, exc = unpackItems(items, int(in.A), int(in.B))
			}
			if exc == nil {
				for i := len(items) - 1; i >= 0; i-- {
					fr.push(items[i])
				}
			}
		case opSetupTry:
			fr.blocks = append(fr.blocks, tryBlock{handler: int(in.A), depth: len(fr.stack), handling: len(fr.handling)})
		case opPopTry:
			fr.blocks = fr.blocks[:len(fr.blocks)-1]
		case opExcMatch:
			cls := fr.pop()
			e := fr.top().(*Exception)
			var ok bool
			ok, exc = excMatches(e, cls)
			fr.push(ok)
		case opRaise:
			if in.A == 0 {
				if len(fr.handling) == 0 {
					exc = newExc(excRuntime, "No active exception to reraise")
				} else {
					exc = fr.handling[len(fr.handling)-1]
				}
				break
			}
			if in.A == 2 {
				cause := fr.pop()
				exc = toException(fr.pop())
				if cause != nil {
					cause = toException(cause)
				}
				exc.setAttr("__cause__", cause)
				break
			}
			exc = toException(fr.pop())
		case opReraise:
			exc = fr.pop().(*Exception)
		case opPopExcept:
			fr.handling = fr.handling[:len(fr.handling)-1]
		case opWithEnter:
			if eff, e := f.enter(fr.pop(), in.A == 1); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opWithExit:
			if eff, e := f.exitWith(fr.pop(), in.A == 1, nil); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opWithExitExc:
			mgr := fr.pop()
			if eff, e := f.exitWith(mgr, in.A == 1, fr.top().(*Exception)); e != nil {
				exc = e
			} else if eff != nil {
				return eff
			}
		case opYield:
			if f.yieldValue(fr, fr.pop()) {
				return sim.Done{}
			}
		case opMakeClass:
			var v Value
			if v, exc = f.makeClass(fr, fr.code.Consts[in.A].(*classInfo)); exc == nil {
				fr.push(v)
			}
		default:
			return f.fatal(fmt.Sprintf("internal error: unknown instruction %d", in.Op))
		}
		if exc != nil {
			if exc.Type == excNotSimulated {
				return f.fatal(str(exc.Args[0]))
			}
			if eff := f.throw(exc); eff != nil {
				return eff
			}
		}
	}
}

func (fr *Frame) popN(n int) []Value {
	m := len(fr.stack) - n
	out := make([]Value, n)
	copy(out, fr.stack[m:])
	clear(fr.stack[m:])
	fr.stack = fr.stack[:m]
	return out
}

// unbound marks a local that has no value yet.
var unbound = &struct{ name string }{"unbound"}

func localName(c *Code, i int) string {
	if i < len(c.LocalNames) {
		return c.LocalNames[i]
	}
	if i < len(c.Params) {
		return c.Params[i]
	}
	return fmt.Sprintf("#%d", i)
}

func excMatches(e *Exception, cls Value) (bool, *Exception) {
	switch c := cls.(type) {
	case *ExcType:
		return e.Type.isA(c), nil
	case *Tuple:
		for _, it := range c.Items {
			if ok, err := excMatches(e, it); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	return false, newExc(excType, "catching classes that do not inherit from BaseException is not allowed")
}

func toException(v Value) *Exception {
	switch x := v.(type) {
	case *Exception:
		return x
	case *ExcType:
		return &Exception{Type: x}
	}
	return newExc(excType, "exceptions must derive from BaseException")
}

// nameError is the NameError for reading a global nothing has defined,
// with the hint CPython 3.11 prints after it, from the frame's locals,
// the defined globals and the builtins.
func nameError(name string, fr *Frame) *Exception {
	e := newExc(excName, fmt.Sprintf("name '%s' is not defined", name))
	var locals, globals, builtinNames []string
	for i, v := range fr.locals {
		if v != unbound && v != nil {
			locals = append(locals, localName(fr.code, i))
		}
	}
	g := fr.globals
	for i, n := range g.Prog.GlobalNames {
		if g.Defined[i] {
			globals = append(globals, n)
		}
	}
	for n := range builtins {
		builtinNames = append(builtinNames, n)
	}
	sort.Strings(builtinNames)
	e.Hint = didYouMean(name, locals, globals, builtinNames)
	return e
}

// droppedValue warns about a coroutine that an expression statement made
// and dropped without awaiting it, as CPython warns when it frees one:
// "greet()" where "await greet()" was meant, the classic slip, runs
// nothing.
func (f *Fiber) droppedValue(v Value, fr *Frame) {
	var name string
	switch x := v.(type) {
	case *Coroutine:
		if x.Started {
			return
		}
		name = x.Fn.Code.Name
	case *sleepAw:
		name = "sleep"
	case *lazyAw:
		name = x.name
	default:
		return
	}
	r := f.run
	if fr.code.File != r.prog.File {
		return
	}
	line := fr.pos().Line
	r.print(f.ctx, fmt.Sprintf("%s:%d: RuntimeWarning: coroutine '%s' was never awaited", r.prog.path(), line, name))
	if src := r.prog.sourceLine(line); src != "" {
		r.print(f.ctx, "  "+src)
	}
	r.print(f.ctx, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback")
}
