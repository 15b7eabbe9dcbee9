package py

import (
	"fmt"
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// appVal is a FastAPI application: its routes in registration order.
type appVal struct {
	routes []*route
	// matched remembers routing results by request line: loads repeat the
	// same few paths thousands of times.
	matched map[string]map[string]routeMatch // method → target → result
	// startup are the on_event("startup") handlers and the lifespan, run
	// when the server starts (lifespan.go); shutdown handlers are kept
	// but never run
	startup  []startupCall
	shutdown []*Function
	py       Value // a Starlette app's Python object; nil for FastAPI
	run      *Run
	state    *Instance
}

type routeMatch struct {
	route       *route
	path, query map[string]string
	status      int
}

// route is one path operation.
type route struct {
	method   string
	path     string
	segments []string
	fn       *Function
	status   int
	request  bool // a Starlette endpoint: it takes the request
}

func (a *appVal) TypeName() string { return "FastAPI" }
func (a *appVal) Attr(name string) (Value, bool) {
	switch name {
	case "get", "post", "put", "delete", "patch":
		return method(a, "app."+name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			return a.decorator(c, strings.ToUpper(name))
		}), true
	case "on_event":
		return method(a, "app.on_event", a.onEvent), true
	case "state":
		if a.state == nil {
			a.state = libValue("starlette.requests", "State").(*Class).newInstance(a.run)
		}
		return a.state, true
	}
	return nil, false
}

// decorator is app.get("/path", status_code=...): it registers the
// function and returns it unchanged.
func (a *appVal) decorator(c *call, method string) (Value, sim.Effect, *Exception) {
	p, ok := c.arg(0, "path")
	path, isStr := p.(string)
	if !ok || !isStr || !strings.HasPrefix(path, "/") {
		return nil, nil, c.errorf("%s needs a path that starts with '/'", c.name)
	}
	status := 200
	if v, ok := c.arg(-1, "status_code"); ok {
		n, ok := v.(int64)
		if !ok || n < 100 || n > 599 {
			return nil, nil, newExc(excValue, "status_code must be an HTTP status")
		}
		status = int(n)
	}
	reg := func(c *call) (Value, sim.Effect, *Exception) {
		if len(c.args) != 1 {
			return nil, nil, c.errorf("a route decorator takes a function")
		}
		fn, ok := c.args[0].(*Function)
		if !ok {
			return nil, nil, c.errorf("a route decorator takes a function")
		}
		a.routes = append(a.routes, &route{method: method, path: path, segments: strings.Split(path, "/"), fn: fn, status: status})
		return fn, nil, nil
	}
	return &Builtin{Name: "route", Fn: reg}, nil, nil
}

// match finds the route for a request, with its path parameters.
// It reports 404 or 405 when there is none.
func (a *appVal) match(method, target string) (*route, map[string]string, map[string]string, int) {
	byTarget := a.matched[method]
	if m, ok := byTarget[target]; ok {
		return m.route, m.path, m.query, m.status
	}
	r, path, query, status := a.route(method, target)
	if a.matched == nil {
		a.matched = map[string]map[string]routeMatch{}
	}
	if byTarget == nil {
		byTarget = map[string]routeMatch{}
		a.matched[method] = byTarget
	}
	if len(byTarget) < 1024 {
		byTarget[target] = routeMatch{r, path, query, status}
	}
	return r, path, query, status
}

func (a *appVal) route(method, target string) (*route, map[string]string, map[string]string, int) {
	path, query, _ := strings.Cut(target, "?")
	segs := strings.Split(path, "/")
	pathMatched := false
	for _, r := range a.routes {
		params, ok := matchSegments(r.segments, segs)
		if !ok {
			continue
		}
		pathMatched = true
		if r.method == method {
			return r, params, parseQuery(query), 0
		}
	}
	if pathMatched {
		return nil, nil, nil, 405
	}
	return nil, nil, nil, 404
}

func matchSegments(pattern, segs []string) (map[string]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	params := map[string]string{}
	for i, p := range pattern {
		if name, ok := pathParam(p); ok && segs[i] != "" {
			if strings.HasSuffix(p, ":int}") && strings.Trim(segs[i], "0123456789") != "" {
				return nil, false // Starlette's int convertor matches digits only
			}
			params[name] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return params, true
}

func parseQuery(q string) map[string]string {
	out := map[string]string{}
	for _, kv := range strings.Split(q, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		out[k] = v
	}
	return out
}

// dependsVal is Depends(fn), a parameter default.
type dependsVal struct{ fn *Function }

func (d *dependsVal) TypeName() string          { return "Depends" }
func (d *dependsVal) Attr(string) (Value, bool) { return nil, false }
func (d *dependsVal) String() string            { return fmt.Sprintf("Depends(%s)", d.fn.Code.Name) }

// bgTasks is a request's BackgroundTasks.
type bgTasks struct {
	tasks []bgTask
}

type bgTask struct {
	fn   Value
	args []Value
	kw   []string
	kwv  []Value
	at   syntax.Pos // the add_task call
}

func (b *bgTasks) TypeName() string { return "BackgroundTasks" }
func (b *bgTasks) Attr(name string) (Value, bool) {
	if name != "add_task" {
		return nil, false
	}
	return method(b, "background_tasks.add_task", func(c *call, _ Value) (Value, sim.Effect, *Exception) {
		if len(c.args) == 0 {
			return nil, nil, c.errorf("add_task() needs a function")
		}
		b.tasks = append(b.tasks, bgTask{fn: c.args[0], args: c.args[1:], kw: c.kw, kwv: c.kwVals, at: c.pos()})
		return nil, nil, nil
	}), true
}

func fastapiModule() *Module {
	return &Module{Name: "fastapi", Attrs: map[string]Value{
		"FastAPI": &Builtin{Name: "FastAPI", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			app := &appVal{run: c.f.run}
			if ls, ok := c.arg(-1, "lifespan"); ok && ls != nil {
				app.setLifespan(ls)
			}
			return app, nil, nil
		}},
		"Depends": &Builtin{Name: "Depends", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			v, _ := c.arg(0, "dependency")
			fn, ok := v.(*Function)
			if !ok {
				return nil, nil, c.errorf("Depends() needs a function")
			}
			return &dependsVal{fn: fn}, nil, nil
		}},
		"BackgroundTasks": &Builtin{Name: "BackgroundTasks", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			return &bgTasks{}, nil, nil
		}},
		"HTTPException": excHTTP,
	}}
}
