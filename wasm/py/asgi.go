package py

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// asgi serves one request the way FastAPI on Starlette does: solve the
// dependencies (async ones awaited on the loop, sync ones in the
// threadpool), run the endpoint the same way, send the response, run the
// background tasks one after another, then leave the dependencies with
// yield, the last entered first.
type asgi struct {
	run   *Run
	app   *appVal
	req   *sim.Request
	ctx   *sim.Ctx
	stage int
	route *route
	path  map[string]string
	query map[string]string
	calls []*pendingCall // dependencies being solved; the endpoint at the bottom
	// endpoint and callBuf hold the usual case without allocating
	endpoint pendingCall
	callBuf  [2]*pendingCall
	cache    map[*Function]Value
	sub      *Fiber // an async dependency, endpoint or background task running inline
	bg       *bgTasks
	next     int // next background task
	wait     bool
	line     int32      // of the sync work in the threadpool, for Line
	reqObj   Value      // the Starlette Request, made when first asked for
	invalid  *Exception // the endpoint's first invalid parameter, answered with 422 once its dependencies ran
	failed   *Exception // what made the request fail, thrown into the dependencies with yield
	exits    *List      // the generators of the dependencies with yield, in the order entered
}

const (
	stageRoute = iota
	stageSolve
	stageBackground
	stageExit
	stageDone
)

// maxDependencyDepth bounds dependency chains, which would otherwise
// recurse forever when two dependencies depend on each other.
const maxDependencyDepth = 32

type pendingCall struct {
	fn       *Function
	args     []Value
	endpoint bool
}

func newASGI(r *Run, app *appVal, req *sim.Request) sim.Fiber {
	return &asgi{run: r, app: app, req: req}
}

// Describe implements sim.Describer.
func (a *asgi) Describe(done bool) string {
	if a.sub != nil {
		return a.sub.Describe(done)
	}
	if a.route != nil {
		code := a.route.fn.Code
		return fmt.Sprintf("coro=<%s() done, defined at %s:%d>", code.Name, a.run.shownPath(code.File), code.Def.Line)
	}
	return "coro=<run_asgi()>"
}

// Line implements sim.Fiber: the line the async code running inline is
// at, or the line of what runs in the threadpool (a def endpoint's or
// dependency's def, a background task's add_task).
func (a *asgi) Line() int32 {
	if a.sub != nil {
		return a.sub.Line()
	}
	return a.line
}

// Resume implements sim.Fiber.
func (a *asgi) Resume(c *sim.Ctx, v any, err error) sim.Effect {
	a.ctx = c
	got := a.wait
	a.wait = false
	for {
		if a.sub != nil {
			eff := a.sub.Resume(c, v, err)
			d, ok := eff.(sim.Done)
			if !ok {
				return eff
			}
			a.sub = nil
			v, err, got = d.Value, d.Err, true
		}
		if got {
			got = false
			if eff := a.finished(v, err); eff != nil {
				return eff
			}
			v, err = nil, nil
			continue
		}
		if eff := a.advance(); eff != nil {
			return eff
		}
	}
}

// advance starts the next piece of work; it returns an effect to wait on,
// or nil when a coroutine was started inline.
func (a *asgi) advance() sim.Effect {
	switch a.stage {
	case stageRoute:
		r, path, query, status := a.app.match(a.req.Method(), a.req.Path())
		if r == nil {
			a.ctx.Respond(status)
			a.stage = stageDone
			return sim.Done{}
		}
		a.route, a.path, a.query = r, path, query
		a.endpoint = pendingCall{fn: r.fn, endpoint: true}
		a.calls = append(a.callBuf[:0], &a.endpoint)
		if r.request {
			req, exc := a.request()
			if exc != nil {
				return a.fail(exc)
			}
			a.endpoint.args = []Value{req}
		}
		a.stage = stageSolve
		return nil
	case stageSolve:
		top := a.calls[len(a.calls)-1]
		for len(top.args) < top.fn.Code.NumParams {
			v, dep, exc := a.param(top.fn, len(top.args))
			if exc != nil {
				if exc.Status != 422 || !top.endpoint {
					return a.fail(exc)
				}
				// FastAPI solves every dependency before it answers 422
				// for a parameter or body that does not validate
				if a.invalid == nil {
					a.invalid = exc
				}
				v = nil
			}
			if dep != nil {
				if len(a.calls) >= maxDependencyDepth {
					return a.fail(newExc(excRuntime, "dependencies nest deeper than "+strconv.Itoa(maxDependencyDepth)+" (do they depend on each other in a circle?)"))
				}
				a.calls = append(a.calls, &pendingCall{fn: dep})
				return nil
			}
			top.args = append(top.args, v)
		}
		if top.endpoint && a.invalid != nil {
			return a.fail(a.invalid)
		}
		return a.invoke(top.fn, top.args, top.endpoint)
	case stageBackground:
		if a.bg == nil || a.next >= len(a.bg.tasks) {
			a.stage = stageExit
			return nil
		}
		t := a.bg.tasks[a.next]
		a.next++
		fn, ok := t.fn.(*Function)
		if ok && fn.Code.Async {
			fr, exc := newFrame(fn, t.args, t.kw, t.kwv)
			if exc != nil {
				a.warn(exc)
				return nil
			}
			a.sub = newFiber(a.run, fr)
			return nil
		}
		a.wait = true
		a.line = int32(t.at.Line)
		job := jobFor(a.run, a.route.fn.Globals, t.fn, t.args, t.at)
		return sim.Await{F: a.ctx.RunInThreadpool(job), Label: "background task " + job.Label + " in the threadpool"}
	case stageExit:
		if a.exits == nil || len(a.exits.Items) == 0 {
			a.stage = stageDone
			return sim.Done{}
		}
		last := len(a.exits.Items) - 1
		gen, _ := a.exits.Items[last].(*Generator)
		a.exits.Items = a.exits.Items[:last]
		if gen == nil {
			return nil
		}
		code := gen.Frame.code
		args := []Value{gen, nil}
		if a.failed != nil {
			args[1] = a.failed
		}
		if gen.Async {
			fr, _ := newFrame(libValue("builtins", "_asgi_agen_exit").(*Function), args, nil, nil)
			a.sub = newFiber(a.run, fr)
			return nil
		}
		a.wait = true
		a.line = int32(code.Def.Line)
		job := jobFor(a.run, a.route.fn.Globals, libValue("builtins", "_asgi_gen_exit"), args, code.Def)
		job.Label = code.Name + "() after its yield"
		return sim.Await{F: a.ctx.RunInThreadpool(job), Label: "leave " + code.Name + "() in the threadpool"}
	}
	return sim.Done{}
}

// invoke calls a dependency or the endpoint: async ones inline on the
// loop, sync ones in the threadpool.
func (a *asgi) invoke(fn *Function, args []Value, endpoint bool) sim.Effect {
	if fn.Code.Generator && !endpoint {
		return a.enter(fn, args)
	}
	if fn.Code.Async {
		fr, exc := newFrame(fn, args, nil, nil)
		if exc != nil {
			return a.fail(exc)
		}
		if endpoint {
			a.ctx.MarkStart()
		}
		a.sub = newFiber(a.run, fr)
		return nil
	}
	a.line = int32(fn.Code.Def.Line)
	job := jobFor(a.run, a.route.fn.Globals, fn, args, fn.Code.Def)
	if endpoint {
		job.Fiber.(*Fiber).markStart = true
	}
	a.wait = true
	if fn.Code.awaitPool == "" {
		fn.Code.awaitPool = "await " + fn.Code.Name + "() in the threadpool"
	}
	return sim.Await{F: a.ctx.RunInThreadpool(job), Label: fn.Code.awaitPool}
}

// enter runs a dependency with yield up to its yield, as FastAPI does:
// an async one on the loop, a plain one in the threadpool. Its generator
// joins exits, to be resumed after the response.
func (a *asgi) enter(fn *Function, args []Value) sim.Effect {
	if a.exits == nil {
		a.exits = &List{}
	}
	helperArgs := []Value{fn, &Tuple{Items: args}, a.exits}
	if fn.Code.Async {
		fr, exc := newFrame(libValue("builtins", "_asgi_agen_enter").(*Function), helperArgs, nil, nil)
		if exc != nil {
			return a.fail(exc)
		}
		a.sub = newFiber(a.run, fr)
		return nil
	}
	a.line = int32(fn.Code.Def.Line)
	job := jobFor(a.run, a.route.fn.Globals, libValue("builtins", "_asgi_gen_enter"), helperArgs, fn.Code.Def)
	job.Label = fn.Code.Name + "()"
	a.wait = true
	return sim.Await{F: a.ctx.RunInThreadpool(job), Label: "await " + fn.Code.Name + "() in the threadpool"}
}

// finished takes the result of the work started last.
func (a *asgi) finished(v any, err error) sim.Effect {
	if a.stage == stageBackground || a.stage == stageExit {
		if err != nil {
			a.warn(fromSim(err))
		}
		return nil
	}
	top := a.calls[len(a.calls)-1]
	a.calls = a.calls[:len(a.calls)-1]
	if err != nil {
		return a.fail(fromSim(err))
	}
	if !top.endpoint {
		if a.cache == nil {
			a.cache = map[*Function]Value{}
		}
		a.cache[top.fn] = v
		parent := a.calls[len(a.calls)-1]
		parent.args = append(parent.args, v)
		return nil
	}
	a.ctx.Respond(a.response(v))
	a.stage = stageBackground
	return nil
}

// fail answers with the exception's status: an HTTPException's own, 422
// for a bad parameter, else 500 with uvicorn's error log line. The
// dependencies with yield that were entered are then left.
func (a *asgi) fail(exc *Exception) sim.Effect {
	a.stage = stageDone
	a.failed = exc
	if a.exits != nil && len(a.exits.Items) > 0 && !sim.IsCancelled(toSim(exc)) {
		a.stage = stageExit
	}
	switch {
	case sim.IsCancelled(toSim(exc)):
		return sim.Done{Err: toSim(exc)}
	case exc.Type.isA(excHTTP):
		a.ctx.Respond(exc.Status)
	case exc.Status == 422:
		a.ctx.Respond(422)
	default:
		a.warn(exc)
		a.ctx.Respond(500)
	}
	if a.stage == stageExit {
		return nil
	}
	return sim.Done{}
}

// warn logs an exception that escaped the app, as uvicorn does, and
// marks it on the request's lane.
func (a *asgi) warn(exc *Exception) {
	a.ctx.Escaped(toSim(exc))
	where := ""
	if exc.Pos.Line > 0 {
		where = fmt.Sprintf(" (%s, line %d)", a.run.prog.File, exc.Pos.Line)
	}
	a.ctx.Warn(fmt.Sprintf("Exception in ASGI application, %s: %s%s", a.req.Name(), exc.Error(), where))
}

// param finds the value of parameter i of fn: a path or query parameter,
// a dependency (returned to be solved first), BackgroundTasks, or the default.
func (a *asgi) param(fn *Function, i int) (Value, *Function, *Exception) {
	code := fn.Code
	name := code.Params[i]
	var def Value
	hasDef := false
	if first := code.NumParams - len(fn.Defaults); i >= first {
		def, hasDef = fn.Defaults[i-first], true
	}
	if d, ok := def.(*dependsVal); ok {
		if v, ok := a.cache[d.fn]; ok {
			return v, nil, nil
		}
		return nil, d.fn, nil
	}
	if model := modelAnnotation(fn, i); model != nil {
		v, exc := a.bodyModel(fn, model)
		return v, nil, exc
	}
	ann := annotation(code, i)
	switch ann {
	case "BackgroundTasks":
		if a.bg == nil {
			a.bg = &bgTasks{}
		}
		return a.bg, nil, nil
	case "Request":
		v, exc := a.request()
		return v, nil, exc
	}
	if raw, ok := a.path[name]; ok {
		return convertParam(raw, ann, name)
	}
	if raw, ok := a.query[name]; ok {
		return convertParam(raw, ann, name)
	}
	if hasDef {
		return def, nil, nil
	}
	return nil, nil, &Exception{Type: excValue, Args: []Value{"field required: " + name}, Status: 422}
}

func annotation(code *Code, i int) string {
	if code.Decl == nil || i >= len(code.Decl.Params) {
		return ""
	}
	switch a := code.Decl.Params[i].Annotation.(type) {
	case *syntax.Name:
		return a.ID
	case *syntax.Attribute:
		return a.Name
	}
	return ""
}

func convertParam(raw, ann, name string) (Value, *Function, *Exception) {
	bad := &Exception{Type: excValue, Args: []Value{fmt.Sprintf("%s is not a valid %s", name, ann)}, Status: 422}
	switch ann {
	case "int":
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, nil, bad
		}
		return n, nil, nil
	case "float":
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return nil, nil, bad
		}
		return f, nil, nil
	case "bool":
		return raw == "true" || raw == "1" || raw == "yes", nil, nil
	}
	return raw, nil, nil
}

// modelAnnotation is the pydantic model a parameter is annotated with,
// if any: FastAPI reads such a parameter from the request's JSON body.
func modelAnnotation(fn *Function, i int) *Class {
	code := fn.Code
	if code.Decl == nil || i >= len(code.Decl.Params) {
		return nil
	}
	n, ok := code.Decl.Params[i].Annotation.(*syntax.Name)
	if !ok {
		return nil
	}
	g := fn.Globals
	idx, ok := g.Prog.globalIndex[n.ID]
	if !ok || !g.Defined[idx] {
		return nil
	}
	if c, ok := g.Values[idx].(*Class); ok && isModelClass(c) {
		return c
	}
	return nil
}

// bodyModel validates the request's JSON body into the model, on the
// loop (as FastAPI does before it calls the endpoint); a body that is
// missing, not JSON or not valid for the model answers 422.
func (a *asgi) bodyModel(fn *Function, model *Class) (Value, *Exception) {
	unprocessable := func(msg string) *Exception {
		return &Exception{Type: excValue, Args: []Value{msg}, Status: 422}
	}
	body := a.req.Body()
	if body == "" {
		return nil, unprocessable("field required: the request body")
	}
	parsed, err := ParseJSON(body)
	d, isDict := parsed.(*Dict)
	if err != nil || !isDict {
		return nil, unprocessable("the request body is not a JSON object")
	}
	kw := make([]string, len(d.Keys))
	for i, k := range d.Keys {
		kw[i] = str(k)
	}
	v, exc := callNow(a.run, a.ctx, fn.Globals, model, nil, kw, d.Values, fn.Code.Def, "a model's validation")
	if exc != nil && strings.Contains(exc.Type.Name, "ValidationError") {
		exc.Status = 422
	}
	return v, exc
}
