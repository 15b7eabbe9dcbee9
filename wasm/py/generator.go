package py

import (
	"fmt"

	"looplab/wasm/sim"
)

// Generators keep their frame between runs. Resuming one pushes its frame
// on the fiber that asks for the next value, so a generator that blocks
// (time.sleep) or an async generator that awaits suspends the task that
// iterates it, as in CPython. A yield pops the frame and hands the value
// to the frame below; how a return ends depends on who resumed it: a for
// loop leaves the loop, next() or send() raise StopIteration, and Go code
// (list(gen)) is told through the stop frame (see callSync).

// Generator is a generator (or async generator) object.
type Generator struct {
	Frame   *Frame
	Async   bool
	started bool
	running bool
	done    bool
	run     *Run
	// next(gen, default): what the call gives when the generator ends
	nextDefault Value
	hasDefault  bool
}

// How a generator's frame was resumed, which decides what its yield and
// its return hand back.
const (
	resumeFor  = iota + 1 // by a for loop's opForIter: return leaves the loop
	resumeCall            // by next(), send(), throw() or an awaited __anext__
	resumeStop            // by Go code, above a stop frame
)

func (g *Generator) name() string { return g.Frame.code.Name }

func (g *Generator) TypeName() string {
	if g.Async {
		return "async_generator"
	}
	return "generator"
}

func (g *Generator) String() string {
	return fmt.Sprintf("<%s object %s at 0x7f00%08x>", g.TypeName(), g.name(), 0x2000)
}

// resume runs the generator until it yields or ends. send is the value
// its paused yield returns; throw, if set, is raised where it is paused.
func (f *Fiber) resumeGen(g *Generator, mode, exitTo int, send Value, throw *Exception) (sim.Effect, *Exception) {
	if g.running {
		return nil, newExc(excValue, g.TypeName()+" already executing")
	}
	if g.done {
		if throw != nil {
			return nil, throw
		}
		return nil, f.genEnded(g, mode, exitTo, nil)
	}
	if !g.started && send != nil && throw == nil {
		return nil, newExc(excType, "can't send non-None value to a just-started "+g.TypeName())
	}
	if len(f.frames) >= maxDepth {
		return nil, recursionTooDeep()
	}
	fr := g.Frame
	fr.genMode, fr.exitTo = mode, exitTo
	if g.started && throw == nil {
		fr.push(send)
	}
	g.started, g.running = true, true
	f.frames = append(f.frames, fr)
	if throw != nil {
		return f.throw(throw), nil
	}
	return nil, nil
}

// genEnded is what the frame below sees when the generator has ended
// (returning v): the for loop ends, or StopIteration is raised.
func (f *Fiber) genEnded(g *Generator, mode, exitTo int, v Value) *Exception {
	caller := f.frames[len(f.frames)-1]
	switch mode {
	case resumeFor:
		caller.pop() // the iterator
		caller.pc = exitTo
		return nil
	case resumeStop:
		f.stopped, f.stopExc = true, stopIteration(g, v)
		return nil
	}
	if g.hasDefault {
		g.hasDefault = false
		caller.push(g.nextDefault)
		return nil
	}
	return stopIteration(g, v)
}

func stopIteration(g *Generator, v Value) *Exception {
	if g.Async {
		return &Exception{Type: excStopAsyncIteration}
	}
	e := &Exception{Type: excStopIteration}
	if v != nil {
		e.Args = []Value{v}
	}
	return e
}

// yieldValue is opYield: the generator's frame leaves the fiber and v
// goes to whoever resumed it. It reports whether the fiber must stop
// (Go code asked for the value).
func (f *Fiber) yieldValue(fr *Frame, v Value) bool {
	g := fr.gen
	g.running = false
	f.frames = f.frames[:len(f.frames)-1]
	if fr.genMode == resumeStop {
		f.stopped, f.stopValue = true, v
		return true
	}
	f.frames[len(f.frames)-1].push(v)
	return false
}

// genReturn is opReturn in a generator's frame.
func (f *Fiber) genReturn(fr *Frame, v Value) (stop bool, exc *Exception) {
	g := fr.gen
	g.running, g.done = false, true
	f.frames = f.frames[:len(f.frames)-1]
	exc = f.genEnded(g, fr.genMode, fr.exitTo, v)
	return fr.genMode == resumeStop, exc
}

// genIter drives a generator from Go code (list(gen), sorted(gen), x in
// gen): it cannot wait, as a synchronous call cannot.
type genIter struct {
	g   *Generator
	err *Exception
}

func (it *genIter) TypeName() string          { return "generator" }
func (it *genIter) Attr(string) (Value, bool) { return nil, false }

func (it *genIter) next() (Value, bool) {
	if it.err != nil || it.g.done {
		return nil, false
	}
	f := it.g.run.current()
	v, exc := f.runStopped(func() (sim.Effect, *Exception) {
		return f.resumeGen(it.g, resumeStop, 0, nil, nil)
	}, it.g.name()+"()")
	if exc != nil {
		if !exc.Type.isA(excStopIteration) {
			it.err = exc
		}
		return nil, false
	}
	return v, true
}

// genMethod is a generator's send, throw or close, and next(gen): each
// resumes the frame on the calling fiber.
type genMethod struct {
	g    *Generator
	name string
}

func (m *genMethod) TypeName() string          { return "builtin_function_or_method" }
func (m *genMethod) Attr(string) (Value, bool) { return nil, false }

func (m *genMethod) call(f *Fiber, args []Value) (sim.Effect, *Exception) {
	switch m.name {
	case "__next__":
		return f.resumeGen(m.g, resumeCall, 0, nil, nil)
	case "send":
		if len(args) != 1 {
			return nil, newExc(excType, fmt.Sprintf("send() takes exactly one argument (%d given)", len(args)))
		}
		return f.resumeGen(m.g, resumeCall, 0, args[0], nil)
	case "throw":
		if len(args) < 1 {
			return nil, newExc(excType, "throw expected at least 1 argument, got 0")
		}
		return f.resumeGen(m.g, resumeCall, 0, nil, toException(args[0]))
	case "close":
		m.g.done = true
		f.frames[len(f.frames)-1].push(nil)
		return nil, nil
	}
	return nil, newExc(excAttribute, m.name)
}

// genAwait is what an async generator's __anext__, asend and athrow
// return: awaiting it resumes the generator.
type genAwait struct {
	g     *Generator
	send  Value
	throw *Exception
}

func (a *genAwait) TypeName() string          { return "async_generator_asend" }
func (a *genAwait) Attr(string) (Value, bool) { return nil, false }

func (g *Generator) Attr(name string) (Value, bool) {
	if g.Async {
		switch name {
		case "__anext__", "asend", "athrow", "aclose":
			return &Builtin{Name: name, Fn: func(c *call) (Value, sim.Effect, *Exception) {
				aw := &genAwait{g: g}
				switch name {
				case "asend":
					if len(c.args) == 1 {
						aw.send = c.args[0]
					}
				case "athrow":
					if len(c.args) >= 1 {
						aw.throw = toException(c.args[0])
					}
				case "aclose":
					g.done = true
					return &lazyAw{name: "aclose", run: func(*Fiber) (Value, sim.Effect, *Exception) { return nil, nil, nil }}, nil, nil
				}
				return aw, nil, nil
			}}, true
		case "__aiter__":
			return &Builtin{Name: name, Fn: func(c *call) (Value, sim.Effect, *Exception) { return g, nil, nil }}, true
		}
		return nil, false
	}
	switch name {
	case "__next__", "send", "throw", "close":
		return &genMethod{g: g, name: name}, true
	case "__iter__":
		return &Builtin{Name: name, Fn: func(c *call) (Value, sim.Effect, *Exception) { return g, nil, nil }}, true
	}
	return nil, false
}

// excStopAsyncIteration ends an async iterator.
var excStopAsyncIteration = &ExcType{Name: "StopAsyncIteration", Parent: excException}

// vmIter is iter(x) for a for loop (async: an async for): generators are
// resumed by the loop itself, not through an iterator.
func (f *Fiber) vmIter(x Value, async bool) (Value, *Exception) {
	if g, ok := x.(*Generator); ok {
		if g.Async != async {
			if async {
				return nil, newExc(excType, "'async for' requires an object with __aiter__ method, got generator")
			}
			return nil, newExc(excType, "'async_generator' object is not iterable")
		}
		return g, nil
	}
	if async {
		if cls := classOf(x); cls != nil {
			if r, found, exc := callDunder(x, "__aiter__"); found {
				if exc != nil {
					return nil, exc
				}
				if g, ok := r.(*Generator); ok && g.Async {
					return g, nil
				}
				return nil, newExc(excType, "'async for' over an object whose __anext__ is not an async generator is not simulated; make __aiter__ an async generator (async def with yield)")
			}
		}
		return nil, newExc(excType, fmt.Sprintf("'async for' requires an object with __aiter__ method, got %s", typeName(x)))
	}
	if cls := classOf(x); cls != nil {
		if r, found, exc := callDunder(x, "__iter__"); found {
			if exc != nil {
				return nil, exc
			}
			if g, ok := r.(*Generator); ok && !g.Async {
				return g, nil // __iter__ written as a generator: resumed in the loop
			}
		}
	}
	return getIter(x)
}

// drainThen is list(gen) (or tuple, sorted, sum) as the VM runs it: the
// generator is drained by Python code on this fiber (lib/builtins), so it
// may block or wait.
func (f *Fiber) drainThen(b *Builtin, g *Generator) (sim.Effect, *Exception) {
	name := "_drain"
	if b.Name != "list" {
		name += "_" + b.Name
	}
	v, _ := resolve(builtins, name)
	drain, ok := v.(*Function)
	if !ok {
		return nil, newExc(excRuntime, "internal error: no "+name)
	}
	return f.callValue(drain, []Value{g}, nil, nil)
}

// firstGenerator is a call's first argument when it is a (sync) generator.
func firstGenerator(args []Value) (*Generator, bool) {
	if len(args) == 0 {
		return nil, false
	}
	g, ok := args[0].(*Generator)
	return g, ok && !g.Async
}
