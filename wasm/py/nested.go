package py

import (
	"fmt"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// Some Python runs because Go code asked for it, in the middle of an
// instruction: print calling a class's __str__, sorted calling a key
// function, == calling __eq__. callSync runs such a call to its end on
// the fiber that is running, above a stop frame, and hands back its
// value. It cannot wait: there is no way to suspend the Go code that
// asked, so a sleep, a blocking call or an await inside it stops the
// simulation with a positioned error (CPython would run it; LoopLab
// says it does not simulate it rather than run it wrongly).

// stopCode is the code of the frame a synchronous call returns to.
var stopCode = &Code{Name: "<call>", VarArgs: -1, KwArgs: -1}

// callSync calls fn(args...) and runs it to its end.
func (f *Fiber) callSync(fn Value, args []Value) (Value, *Exception) {
	name := "this function"
	switch x := fn.(type) {
	case *Function:
		name = x.Code.Name + "()"
	case *Method:
		name = x.Fn.Code.Name + "()"
	}
	return f.runStopped(func() (sim.Effect, *Exception) { return f.callValue(fn, args, nil, nil) }, name)
}

// runStopped pushes a stop frame, lets start push what is to run (or
// leave a builtin's value on the stop frame), and runs until control
// comes back to the stop frame: a return or, for a generator, a yield.
func (f *Fiber) runStopped(start func() (sim.Effect, *Exception), name string) (Value, *Exception) {
	if f == nil || len(f.frames) == 0 {
		return nil, newExc(excRuntime, "cannot call Python code here in the simulator")
	}
	saved := f.frames[len(f.frames)-1]
	stop := &Frame{code: stopCode, globals: saved.globals}
	outerStop, outerStopped := f.stop, f.stopped
	outerValue, outerExc := f.stopValue, f.stopExc
	f.frames = append(f.frames, stop)
	base := len(f.frames)
	defer func() {
		clear(f.frames[base-1:])
		f.frames = f.frames[:base-1]
		f.stop, f.stopped = outerStop, outerStopped
		f.stopValue, f.stopExc = outerValue, outerExc
	}()
	f.stop, f.stopped, f.stopValue, f.stopExc = stop, false, nil, nil
	eff, exc := start()
	switch {
	case exc != nil:
		return nil, exc
	case eff != nil:
		f.pending = false
		return nil, f.cannotWait(name)
	case f.stopped:
		if f.stopExc != nil {
			return nil, f.stopExc
		}
		return f.stopValue, nil
	case len(f.frames) == base:
		return stop.pop(), nil // a builtin: its value is on the stop frame
	}
	runExec(f)
	if !f.stopped {
		// it wanted to wait, or ran into the step limit (which has
		// failed the simulation already, so this one error is not seen)
		f.pending = false
		return nil, f.cannotWait(name)
	}
	if f.stopExc != nil {
		return nil, f.stopExc
	}
	return f.stopValue, nil
}

// runExec is (*Fiber).exec, reached through a variable: exec's
// instructions call into Go code that calls back here, a cycle Go's
// package initialisation would otherwise reject.
var runExec func(f *Fiber) sim.Effect

func init() { runExec = (*Fiber).exec }

// cannotWait fails the simulation: the code called wanted to wait.
func (f *Fiber) cannotWait(name string) *Exception {
	msg := fmt.Sprintf("%s waits (sleeps, blocks or awaits) where Python calls it for you (in a __repr__, __eq__, sort key and the like); the simulator cannot pause there, so do the waiting in ordinary code", name)
	pos := syntax.Pos{}
	for i := len(f.frames) - 1; i >= 0; i-- {
		if l := f.frames[i].pos(); l.Line > 0 {
			pos = l
			break
		}
	}
	if f.ctx != nil {
		f.ctx.Sim().Fail(&syntax.Error{Pos: pos, Msg: msg})
	}
	return newExc(excRuntime, msg)
}

// current is the fiber a run is executing, for Go code that calls back
// into Python.
func (r *Run) current() *Fiber {
	if r == nil {
		return nil
	}
	return r.cur
}
