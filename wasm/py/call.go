package py

import (
	"fmt"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// call is one call of a builtin: its arguments and the running fiber.
type call struct {
	f      *Fiber
	name   string
	args   []Value
	kw     []string
	kwVals []Value
}

func (c *call) ctx() *sim.Ctx { return c.f.ctx }

// pos is where the call is in the code.
func (c *call) pos() syntax.Pos { return c.f.frames[len(c.f.frames)-1].pos() }

// arg returns the i-th positional argument or the keyword argument name.
func (c *call) arg(i int, name string) (Value, bool) {
	if i >= 0 && i < len(c.args) {
		return c.args[i], true
	}
	for j, k := range c.kw {
		if k == name {
			return c.kwVals[j], true
		}
	}
	return nil, false
}

func (c *call) errorf(format string, args ...any) *Exception {
	return newExc(excType, fmt.Sprintf(format, args...))
}

// callValue calls fn. A Python function pushes a frame and returns
// (nil, nil); a builtin may return an effect, which suspends the fiber.
func (f *Fiber) callValue(fn Value, args []Value, kw []string, kwVals []Value) (sim.Effect, *Exception) {
	fr := f.frames[len(f.frames)-1]
	switch x := fn.(type) {
	case *Function:
		nf, exc := newFrame(x, args, kw, kwVals)
		if exc != nil {
			return nil, exc
		}
		if x.Code.Generator {
			nf.gen = &Generator{Frame: nf, Async: x.Code.Async, run: f.run}
			fr.push(nf.gen)
			return nil, nil
		}
		if x.Code.Async {
			fr.push(&Coroutine{Fn: x, Frame: nf})
			return nil, nil
		}
		if len(f.frames) >= maxDepth {
			return nil, recursionTooDeep()
		}
		f.frames = append(f.frames, nf)
		return nil, nil
	case *genMethod:
		return x.call(f, args)
	case *LibType:
		v, exc := x.New(&call{f: f, name: x.Name, args: args, kw: kw, kwVals: kwVals})
		if exc != nil {
			return nil, exc
		}
		fr.push(v)
		return nil, nil
	case *partialVal:
		return f.callValue(x.fn, append(append([]Value{}, x.args...), args...), append(append([]string{}, x.kw...), kw...), append(append([]Value{}, x.kwv...), kwVals...))
	case *Builtin:
		// next(gen), list(gen) and the like resume the generator here, on
		// the fiber, so that it may block or wait
		if g, ok := firstGenerator(args); ok {
			switch x.Name {
			case "next":
				g.hasDefault = len(args) == 2
				if g.hasDefault {
					g.nextDefault = args[1]
				}
				return f.resumeGen(g, resumeCall, 0, nil, nil)
			case "list", "tuple", "sorted", "sum", "any", "all":
				if len(args) == 1 && len(kw) == 0 {
					return f.drainThen(x, g)
				}
			}
		}
		f.run.steps += callCost(x.Name, nil, false, args)
		v, eff, exc := x.Fn(&call{f: f, name: x.Name, args: args, kw: kw, kwVals: kwVals})
		return f.result(v, eff, exc)
	case *BoundMethod:
		f.run.steps += callCost(x.Name, x.Self, true, args)
		v, eff, exc := x.Fn(&call{f: f, name: x.Name, args: args, kw: kw, kwVals: kwVals}, x.Self)
		return f.result(v, eff, exc)
	case *Method:
		self := make([]Value, 0, len(args)+1)
		return f.callValue(x.Fn, append(append(self, x.Self), args...), kw, kwVals)
	case *Class:
		return f.instantiate(x, args, kw, kwVals)
	case *Instance:
		if call, ok := x.Class.lookup("__call__"); ok {
			return f.callValue(bind(call, x, x.Class), args, kw, kwVals)
		}
	case *staticMethod:
		return f.callValue(x.fn, args, kw, kwVals)
	case *ExcType:
		if x.Class != nil {
			return f.newUserException(x, args, kw, kwVals)
		}
		e := &Exception{Type: x, Args: args}
		if x.isA(excHTTP) {
			c := &call{args: args, kw: kw, kwVals: kwVals}
			status, _ := c.arg(0, "status_code")
			n, ok := status.(int64)
			if !ok {
				return nil, newExc(excType, "HTTPException needs a status_code")
			}
			e.Status = int(n)
			detail, _ := c.arg(1, "detail")
			e.Args = []Value{detail}
		}
		fr.push(e)
		return nil, nil
	}
	return nil, newExc(excType, fmt.Sprintf("'%s' object is not callable", typeName(fn)))
}

// maxDepth is CPython's default recursion limit: frames live on the
// heap here, so a program may nest as deep as CPython lets it.
const maxDepth = 1000

// frameStack is the operand-stack room a new frame starts with.
const frameStack = 8

// result pushes a builtin's value or suspends on its effect.
func (f *Fiber) result(v Value, eff sim.Effect, exc *Exception) (sim.Effect, *Exception) {
	if exc != nil {
		return nil, exc
	}
	if eff != nil {
		return f.suspend(eff), nil
	}
	f.frames[len(f.frames)-1].push(v)
	return nil, nil
}

// allocFrame makes a frame and room for n values, its locals and operand
// stack: one allocation when n is small, as it nearly always is.
func allocFrame(n int) (*Frame, []Value) {
	switch {
	case n <= 8:
		x := new(struct {
			fr  Frame
			buf [8]Value
		})
		return &x.fr, x.buf[:n]
	case n <= 16:
		x := new(struct {
			fr  Frame
			buf [16]Value
		})
		return &x.fr, x.buf[:n]
	}
	return new(Frame), make([]Value, n)
}

// newFrame binds arguments to parameters, as Python does.
func newFrame(fn *Function, args []Value, kw []string, kwVals []Value) (*Frame, *Exception) {
	code := fn.Code
	fr, buf := allocFrame(code.NumLocals + frameStack)
	fr.code, fr.globals, fr.closure = code, fn.Globals, fn.Closure
	fr.locals, fr.stack = buf[:code.NumLocals:code.NumLocals], buf[code.NumLocals:code.NumLocals]
	for i := range fr.locals {
		fr.locals[i] = unbound
	}
	np := code.NumParams
	if len(args) > np && code.VarArgs < 0 {
		return nil, newExc(excType, fmt.Sprintf("%s() takes %d positional argument%s but %d were given", code.Name, np, plural(np), len(args)))
	}
	for i := 0; i < len(args) && i < np; i++ {
		fr.locals[i] = args[i]
	}
	if code.VarArgs >= 0 {
		rest := []Value{}
		if len(args) > np {
			rest = append(rest, args[np:]...)
		}
		fr.locals[code.VarArgs] = &Tuple{Items: rest}
	}
	var extra *Dict
	if code.KwArgs >= 0 {
		extra = newDict()
		fr.locals[code.KwArgs] = extra
	}
	for j, k := range kw {
		i := -1
		for p, name := range code.Params {
			if name == k && p >= code.PosOnly {
				i = p
				break
			}
		}
		for p, name := range code.KwOnly {
			if name == k {
				i = int(code.KwOnlySlots[p])
			}
		}
		switch {
		case i < 0 && extra != nil:
			extra.Set(k, kwVals[j])
		case i < 0:
			return nil, newExc(excType, fmt.Sprintf("%s() got an unexpected keyword argument '%s'", code.Name, k))
		case fr.locals[i] != unbound:
			return nil, newExc(excType, fmt.Sprintf("%s() got multiple values for argument '%s'", code.Name, k))
		default:
			fr.locals[i] = kwVals[j]
		}
	}
	firstDefault := np - len(fn.Defaults)
	for i := 0; i < np; i++ {
		if fr.locals[i] != unbound {
			continue
		}
		if i >= firstDefault {
			fr.locals[i] = fn.Defaults[i-firstDefault]
			continue
		}
		return nil, newExc(excType, fmt.Sprintf("%s() missing required argument: '%s'", code.Name, code.Params[i]))
	}
	for p, slot := range code.KwOnlySlots {
		if fr.locals[slot] != unbound {
			continue
		}
		if d, ok := fn.KwDefaults[code.KwOnly[p]]; ok {
			fr.locals[slot] = d
			continue
		}
		return nil, newExc(excType, fmt.Sprintf("%s() missing 1 required keyword-only argument: '%s'", code.Name, code.KwOnly[p]))
	}
	if len(code.Cells) > 0 {
		fr.wrapCells()
	}
	return fr, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// awaitable is implemented by everything "await" accepts besides coroutines.
type awaitable interface {
	await(f *Fiber) (Value, sim.Effect, *Exception)
}

func (f *Fiber) await(x Value) (sim.Effect, *Exception) {
	switch a := x.(type) {
	case *Coroutine:
		if a.Started {
			return nil, newExc(excRuntime, "cannot reuse already awaited coroutine")
		}
		a.Started = true
		if len(f.frames) >= maxDepth {
			return nil, recursionTooDeep()
		}
		f.frames = append(f.frames, a.Frame)
		return nil, nil
	case *genAwait:
		return f.resumeGen(a.g, resumeCall, 0, a.send, a.throw)
	case awaitable:
		if f.ctx.Loop() == nil {
			return nil, newExc(excRuntime, "no running event loop")
		}
		v, eff, exc := a.await(f)
		return f.result(v, eff, exc)
	}
	return nil, newExc(excType, fmt.Sprintf("object %s can't be used in 'await' expression", typeName(x)))
}

// contextManager is implemented by objects usable in with / async with.
type contextManager interface {
	enter(f *Fiber, async bool) (Value, sim.Effect, *Exception)
	exit(f *Fiber, async bool) *Exception
}

func (f *Fiber) enter(x Value, async bool) (sim.Effect, *Exception) {
	if cls := classOf(x); cls != nil {
		return f.enterUser(x, cls, async)
	}
	if r, ok := x.(Resource); ok {
		v, exc := r.Enter(async)
		return f.result(v, nil, exc)
	}
	cm, ok := x.(contextManager)
	if !ok {
		word := "the context manager protocol"
		if async {
			word = "the asynchronous context manager protocol"
		}
		return nil, newExc(excType, fmt.Sprintf("'%s' object does not support %s", typeName(x), word))
	}
	v, eff, exc := cm.enter(f, async)
	return f.result(v, eff, exc)
}

// exitWith leaves a with block: exc is the exception that ends it, or
// nil. With an exception, whether the manager swallows it is pushed.
func (f *Fiber) exitWith(x Value, async bool, exc *Exception) (sim.Effect, *Exception) {
	if cls := classOf(x); cls != nil {
		return f.exitUser(x, cls, async, exc, exc != nil)
	}
	var e *Exception
	if r, ok := x.(Resource); ok {
		e = r.Exit(async)
	} else {
		e = x.(contextManager).exit(f, async)
	}
	if e != nil {
		return nil, e
	}
	if exc != nil {
		f.frames[len(f.frames)-1].push(false)
	}
	return nil, nil
}
