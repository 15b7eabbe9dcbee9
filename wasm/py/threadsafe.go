package py

import (
	"fmt"

	"looplab/wasm/sim"
)

// callSoon is loop.call_soon(callback, *args) or, with threadsafe,
// loop.call_soon_threadsafe: the callback runs on the loop's own thread in
// its next iteration, so a blocking call in it blocks the loop. Like
// asyncio's debug mode, whose warnings the simulator prints, it refuses
// coroutines, and call_soon from a thread other than the loop's.
func (l *loopVal) callSoon(threadsafe bool) func(c *call, _ Value) (Value, sim.Effect, *Exception) {
	what := "call_soon"
	if threadsafe {
		what = "call_soon_threadsafe"
	}
	return func(c *call, _ Value) (Value, sim.Effect, *Exception) {
		if len(c.args) == 0 {
			return nil, nil, c.errorf("%s() needs a callback", what)
		}
		fn, args := c.args[0], c.args[1:]
		if f, ok := fn.(*Function); ok && f.Code.Async {
			return nil, nil, newExc(excType, "coroutines cannot be used with "+what+"()")
		}
		if _, ok := fn.(*Coroutine); ok {
			return nil, nil, newExc(excType, "coroutines cannot be used with "+what+"()")
		}
		if !threadsafe && l.isRunning() && c.ctx().Loop() != l.loop {
			return nil, nil, newExc(excRuntime, "Non-thread-safe operation invoked on an event loop other than the current one")
		}
		cb := pyCallback(c, fn, args, "Handle")
		if !l.isRunning() {
			if l.isClosed() {
				return nil, nil, newExc(excRuntime, "Event loop is closed")
			}
			l.queue = append(l.queue, func(sc *sim.Ctx) { sc.Loop().CallSoon(cb) })
			return &handleVal{label: cb.Label}, nil, nil
		}
		if err := l.loop.CallSoon(cb); err != nil {
			return nil, nil, newExc(excRuntime, "Event loop is closed")
		}
		return &handleVal{label: cb.Label}, nil, nil
	}
}

// handleVal is the Handle call_soon returns (cancelling it is not simulated).
type handleVal struct{ label string }

func (h *handleVal) TypeName() string          { return "Handle" }
func (h *handleVal) String() string            { return "<Handle " + h.label + ">" }
func (h *handleVal) Attr(string) (Value, bool) { return nil, false }

// runCoroutineThreadsafe is asyncio.run_coroutine_threadsafe(coro, loop):
// from another thread, run coro as a task of loop; the concurrent future
// it returns is what that thread can wait on.
func runCoroutineThreadsafe(c *call) (Value, sim.Effect, *Exception) {
	v, _ := c.arg(0, "coro")
	co, ok := v.(*Coroutine)
	if !ok {
		return nil, nil, newExc(excType, "A coroutine object is required")
	}
	lv, ok := c.arg(1, "loop")
	l, isLoop := lv.(*loopVal)
	if !ok || !isLoop {
		return nil, nil, c.errorf("run_coroutine_threadsafe() needs the loop, as asyncio.get_running_loop() returned it")
	}
	if co.Started {
		return nil, nil, newExc(excRuntime, "cannot reuse already awaited coroutine")
	}
	co.Started = true
	fut, err := l.loop.RunCoroutine(newFiber(c.f.run, co.Frame), coroutineCall(co))
	if err != nil {
		return nil, nil, newExc(excRuntime, "Event loop is closed")
	}
	return &cfutureVal{fut: fut}, nil, nil
}

// cfutureVal is a concurrent.futures.Future, which a thread waits on by
// blocking (result), not by awaiting.
type cfutureVal struct{ fut *sim.Future }

func (f *cfutureVal) TypeName() string { return "Future" }
func (f *cfutureVal) String() string {
	if f.fut.Done() {
		return "<Future at 0x0 state=finished>"
	}
	return "<Future at 0x0 state=pending>"
}

func (f *cfutureVal) Attr(name string) (Value, bool) {
	switch name {
	case "done":
		return method(f, name, pure(func(c *call, _ Value) (Value, *Exception) { return f.fut.Done(), nil })), true
	case "result":
		return method(f, name, f.result), true
	}
	return nil, false
}

// result(timeout=None) blocks the calling thread, with the GIL released,
// until the future is done; TimeoutError if the timeout passes first.
func (f *cfutureVal) result(c *call, _ Value) (Value, sim.Effect, *Exception) {
	if f.fut.Done() {
		v, err := f.fut.Result()
		if err != nil {
			return nil, nil, fromSim(err)
		}
		return v, nil, nil
	}
	timeout := sim.Time(-1)
	if v, ok := c.arg(0, "timeout"); ok && v != nil {
		d, exc := seconds(v, "result() timeout")
		if exc != nil {
			return nil, nil, exc
		}
		timeout = d
	}
	return nil, sim.Wait{F: f.fut, Timeout: timeout, TimedOut: toSim(newExc(excTimeout, "")), Label: "future.result()"}, nil
}

// pyCallback is a Python callable handed to the loop, named as asyncio's
// debug output names its handle.
func pyCallback(c *call, fn Value, args []Value, kind string) sim.Callback {
	r := c.f.run
	label := callLabel(fn, args)
	source := label
	if f, ok := fn.(*Function); ok {
		source = fmt.Sprintf("%s at %s:%d", label, r.prog.File, f.Code.Def.Line)
	}
	created := c.f.frames[len(c.f.frames)-1].pos()
	return sim.Callback{
		Fiber:  callFiber(r, c.f.frames[0].globals, fn, args, nil, nil, c.pos()),
		Label:  label,
		Source: source,
		Repr:   fmt.Sprintf("<%s %s created at %s:%d>", kind, source, r.prog.File, created.Line),
	}
}
