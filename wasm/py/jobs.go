package py

import (
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// jobFor packages "fn(*args)" to run in a worker thread or process. A
// Python function becomes the job's first frame; anything else callable
// (time.sleep, cpu) is called by a tiny generated function, which stands
// at, the call that hands it over. Bad arguments surface as an exception
// when the job runs, as in Python.
func jobFor(r *Run, g *Globals, fn Value, args []Value, at syntax.Pos) sim.Job {
	return sim.Job{Fiber: callFiber(r, g, fn, args, nil, nil, at), Label: callLabel(fn, args)}
}

// callFiber is a fiber that calls fn(*args, **dict(zip(kw, kwv))) and
// ends with its result. Unless fn is a Python function, it stands at at
// (the call that hands fn over), so that its spans have a line.
func callFiber(r *Run, g *Globals, fn Value, args []Value, kw []string, kwv []Value, at syntax.Pos) *Fiber {
	if fnv, ok := fn.(*Function); ok && !fnv.Code.Async {
		if fr, exc := newFrame(fnv, args, kw, kwv); exc == nil {
			return newFiber(r, fr)
		}
	}
	consts := append(append([]Value{fn}, args...), kwv...)
	instrs := make([]Instr, 0, len(consts)+2)
	for i := range consts {
		instrs = append(instrs, Instr{Op: opConst, A: int32(i)})
	}
	names := int32(-1)
	if len(kw) > 0 {
		names = int32(len(consts))
		consts = append(consts, kw)
	}
	instrs = append(instrs, Instr{Op: opCall, A: int32(len(args)), B: names}, Instr{Op: opReturn})
	code := &Code{Name: callableName(fn), File: r.prog.File, Instrs: instrs, Pos: samePos(at, len(instrs)),
		Consts: consts, VarArgs: -1, KwArgs: -1, Def: at}
	if fnv, ok := fn.(*Function); ok {
		code.Def = fnv.Code.Def
	}
	return newFiber(r, &Frame{code: code, globals: g})
}

// samePos is n instructions' positions, all at.
func samePos(at syntax.Pos, n int) []syntax.Pos {
	ps := make([]syntax.Pos, n)
	for i := range ps {
		ps[i] = at
	}
	return ps
}

func callableName(fn Value) string {
	switch x := fn.(type) {
	case *Function:
		return x.Code.Name
	case *Builtin:
		return x.Name
	case *BoundMethod:
		return x.Name
	}
	return typeName(fn)
}

// callLabel shows a call the way it reads in code: "cpu(0.8)".
func callLabel(fn Value, args []Value) string {
	if f, ok := fn.(*Function); ok && len(args) == 0 {
		if f.Code.label0 == "" {
			f.Code.label0 = f.Code.Name + "()"
		}
		return f.Code.label0
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = repr(a)
	}
	return callableName(fn) + "(" + strings.Join(parts, ", ") + ")"
}
