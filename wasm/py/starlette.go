package py

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// Starlette's application, routes, requests and responses are written in
// Python (lib/starlette.*); the server reads them here. An app made with
// Starlette(routes=[...]) is turned into the same table of routes a
// FastAPI app keeps, when each worker starts: its endpoints take the
// request, and what they return is a response object.

// libClass reports whether c is, or derives from, the class name that
// the library file defines.
func libClass(c *Class, file, name string) bool {
	for _, k := range c.MRO {
		if k.Name == name && k.run != nil && k.run.prog.File == file {
			return true
		}
	}
	return false
}

// libValue is a library's value, its file run if need be.
func libValue(module, name string) Value {
	attrs := builtins
	if module != "builtins" {
		attrs = modules[module].Attrs
	}
	v, ok := resolve(attrs, name)
	if !ok {
		panic("library value " + module + "." + name + " is missing")
	}
	return v
}

// starletteApp reads a Starlette application's routes, startup handlers
// and lifespan.
func starletteApp(inst *Instance) (*appVal, *Exception) {
	app := &appVal{py: inst}
	routes, _ := inst.Attrs["routes"].(*List)
	if routes == nil {
		return nil, newExc(excType, "Starlette(routes=...) takes a list of Route")
	}
	for _, rv := range routes.Items {
		r, ok := rv.(*Instance)
		if !ok || !libClass(r.Class, "starlette.routing/routing.py", "Route") {
			return nil, newExc(excType, fmt.Sprintf("Starlette's routes are Route(path, endpoint), not %s", typeName(rv)))
		}
		path, _ := r.Attrs["path"].(string)
		fn, ok := r.Attrs["endpoint"].(*Function)
		if !ok {
			return nil, newExc(excType, fmt.Sprintf("the endpoint of Route(%q, ...) must be a function defined with def or async def", path))
		}
		methods := []string{"GET", "HEAD"}
		if l, ok := r.Attrs["methods"].(*List); ok {
			methods = methods[:0]
			for _, m := range l.Items {
				methods = append(methods, str(m))
			}
		}
		for _, m := range methods {
			app.routes = append(app.routes, &route{method: m, path: path, segments: strings.Split(path, "/"), fn: fn, status: 200, request: true})
		}
	}
	if l, ok := inst.Attrs["on_startup"].(*List); ok {
		for _, h := range l.Items {
			app.startup = append(app.startup, startupCall{fn: h})
		}
	}
	if ls := inst.Attrs["lifespan"]; ls != nil {
		app.setLifespan(ls)
	}
	return app, nil
}

// setLifespan enters lifespan(app), an async context manager, when the
// server starts. Its exit would run when the server stops, and a run
// ends with the server still up.
func (a *appVal) setLifespan(ls Value) {
	a.startup = append(a.startup, startupCall{fn: libValue("builtins", "_asgi_lifespan"), args: []Value{ls, a.pyApp()}})
}

// pyApp is the app as the program sees it.
func (a *appVal) pyApp() Value {
	if a.py != nil {
		return a.py
	}
	return a
}

// request is the Starlette Request an endpoint (or a FastAPI parameter
// annotated Request) receives.
func (a *asgi) request() (Value, *Exception) {
	if a.reqObj != nil {
		return a.reqObj, nil
	}
	path, query, _ := strings.Cut(a.req.Path(), "?")
	pp, qp := newDict(), newDict()
	for _, seg := range a.route.segments {
		if name, ok := pathParam(seg); ok {
			v := Value(a.path[name])
			if strings.HasSuffix(seg, ":int}") {
				n, _ := strconv.ParseInt(a.path[name], 10, 64)
				v = n
			}
			pp.Set(name, v)
		}
	}
	for _, kv := range strings.Split(query, "&") {
		if k, v, _ := strings.Cut(kv, "="); k != "" {
			qp.Set(k, v)
		}
	}
	g := a.route.fn.Globals
	v, exc := callNow(a.run, a.ctx, g, libValue("starlette.requests", "Request"),
		[]Value{a.req.Method(), path, query, pp, qp, a.req.Body(), a.app.pyApp()}, nil, nil, a.route.fn.Code.Def, "making the Request")
	a.reqObj = v
	return v, exc
}

// pathParam is the name of a path segment's parameter ("{id}", "{id:int}").
func pathParam(seg string) (string, bool) {
	if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") {
		return "", false
	}
	name, _, _ := strings.Cut(seg[1:len(seg)-1], ":")
	return name, true
}

// response reads what an endpoint returned: a Starlette response gives
// its status and its background tasks; anything else is the route's
// status, rendered as JSON.
func (a *asgi) response(v Value) int {
	inst, ok := v.(*Instance)
	if !ok || !libClass(inst.Class, "starlette.responses/responses.py", "Response") {
		return a.route.status
	}
	status := a.route.status
	if n, ok := inst.Attrs["status_code"].(int64); ok && n >= 100 && n <= 599 {
		status = int(n)
	}
	if bg, ok := inst.Attrs["background"].(*Instance); ok {
		if a.bg == nil {
			a.bg = &bgTasks{}
		}
		tasks := []Value{bg}
		if l, ok := bg.Attrs["tasks"].(*List); ok {
			tasks = l.Items
		}
		for _, t := range tasks {
			ti, ok := t.(*Instance)
			if !ok {
				continue
			}
			task := bgTask{fn: ti.Attrs["func"], at: a.route.fn.Code.Def}
			if args, ok := ti.Attrs["args"].(*Tuple); ok {
				task.args = args.Items
			}
			if kw, ok := ti.Attrs["kwargs"].(*Dict); ok {
				for i, k := range kw.Keys {
					task.kw = append(task.kw, str(k))
					task.kwv = append(task.kwv, kw.Values[i])
				}
			}
			a.bg.tasks = append(a.bg.tasks, task)
		}
	}
	return status
}

// callNow calls fn from Go, outside any running Python code, to its end;
// it must not wait (what names it in the error if it does).
func callNow(r *Run, c *sim.Ctx, g *Globals, fn Value, args []Value, kw []string, kwv []Value, at syntax.Pos, what string) (Value, *Exception) {
	fib := callFiber(r, g, fn, args, kw, kwv, at)
	done, ok := fib.Resume(c, nil, nil).(sim.Done)
	if !ok {
		return nil, newExc(excRuntime, what+" must not wait")
	}
	if done.Err != nil {
		return nil, fromSim(done.Err)
	}
	v, _ := done.Value.(Value)
	return v, nil
}
