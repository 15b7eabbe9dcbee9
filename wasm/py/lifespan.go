package py

import (
	"fmt"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// onEvent is app.on_event("startup") or ("shutdown"): a decorator that
// registers the function and returns it unchanged.
//
// Shutdown handlers are kept but never run: they run when the server is
// stopped, and a run ends when its load is done, with the server still up.
func (a *appVal) onEvent(c *call, _ Value) (Value, sim.Effect, *Exception) {
	v, _ := c.arg(0, "event_type")
	kind, _ := v.(string)
	if kind != "startup" && kind != "shutdown" {
		return nil, nil, newExc(excValue, fmt.Sprintf("on_event() takes \"startup\" or \"shutdown\", not %s", repr(v)))
	}
	reg := func(c *call) (Value, sim.Effect, *Exception) {
		fn, ok := c.arg(0, "func")
		f, isFn := fn.(*Function)
		if !ok || !isFn || len(c.args) != 1 {
			return nil, nil, c.errorf("app.on_event(...) decorates a function")
		}
		if kind == "startup" {
			a.startup = append(a.startup, startupCall{fn: f})
		} else {
			a.shutdown = append(a.shutdown, f)
		}
		return f, nil, nil
	}
	return &Builtin{Name: "on_event", Fn: reg}, nil, nil
}

// startupCall is a startup handler and its arguments.
type startupCall struct {
	fn   Value
	args []Value
}

// lifespan runs the startup handlers one after another on the worker's
// loop, as Starlette's Router.startup does: an async handler is awaited, a
// plain one is called right there, on the loop. If one raises, uvicorn
// logs it and exits: the scenario fails with its message.
type lifespan struct {
	run      *Run
	handlers []startupCall
	next     int
	sub      *Fiber
}

// Resume implements sim.Fiber.
func (l *lifespan) Resume(c *sim.Ctx, v any, err error) sim.Effect {
	for {
		if l.sub != nil {
			eff := l.sub.Resume(c, v, err)
			d, ok := eff.(sim.Done)
			if !ok {
				return eff
			}
			l.sub = nil
			if d.Err != nil {
				exc := fromSim(d.Err)
				c.Sim().Fail(&syntax.Error{Pos: exc.Pos, Msg: "the app's startup failed, so uvicorn exits: " + exc.Error()})
				return d
			}
			v, err = nil, nil
		}
		if l.next >= len(l.handlers) {
			return sim.Done{}
		}
		h := l.handlers[l.next]
		l.next++
		fn, ok := h.fn.(*Function)
		if !ok {
			exc := newExc(excType, fmt.Sprintf("a startup handler must be a function, not %s", typeName(h.fn)))
			c.Sim().Fail(&syntax.Error{Pos: syntax.Pos{Line: 1, Col: 1}, Msg: "the app's startup failed, so uvicorn exits: " + exc.Error()})
			return sim.Done{Err: toSim(exc)}
		}
		fr, exc := newFrame(fn, h.args, nil, nil)
		if exc != nil { // a handler that takes parameters
			c.Sim().Fail(&syntax.Error{Pos: fn.Code.Def, Msg: "the app's startup failed, so uvicorn exits: " + exc.Error()})
			return sim.Done{Err: toSim(exc)}
		}
		l.sub = newFiber(l.run, fr)
	}
}

// Line implements sim.Fiber.
func (l *lifespan) Line() int32 {
	if l.sub != nil {
		return l.sub.Line()
	}
	return 0
}

// Describe implements sim.Describer, for a startup handler that is slow.
func (l *lifespan) Describe(done bool) string {
	if l.sub != nil {
		return l.sub.Describe(done)
	}
	return "coro=<Router.startup()>"
}
