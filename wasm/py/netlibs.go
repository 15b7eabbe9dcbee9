package py

import (
	"strconv"
	"strings"

	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// latency is how long a call to url takes: httpbin-style "/delay/N" URLs
// say it themselves; anything else takes the scenario's I/O latency.
func (r *Run) latency(url string) sim.Time {
	if _, rest, ok := strings.Cut(url, "/delay/"); ok {
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		if f, err := strconv.ParseFloat(rest[:end], 64); err == nil && f >= 0 && f <= 1e6 {
			return sim.Time(f*1e6 + 0.5)
		}
	}
	return r.settings.Latency
}

// responseVal is an HTTP response of requests or httpx.
type responseVal struct {
	url    string
	method string
}

func (r *responseVal) TypeName() string { return "Response" }
func (r *responseVal) String() string   { return "<Response [200]>" }
func (r *responseVal) Attr(name string) (Value, bool) {
	switch name {
	case "status_code":
		return int64(200), true
	case "text":
		return "{}", true
	case "json":
		return method(r, name, pure(func(c *call, _ Value) (Value, *Exception) {
			d := newDict()
			d.Set("url", r.url)
			return d, nil
		})), true
	case "raise_for_status":
		return method(r, name, pure(func(c *call, _ Value) (Value, *Exception) { return nil, nil })), true
	}
	return nil, false
}

func urlArg(c *call) (string, *Exception) {
	v, ok := c.arg(0, "url")
	s, isStr := v.(string)
	if !ok || !isStr {
		return "", c.errorf("%s() needs a URL string", c.name)
	}
	return s, nil
}

// blockingHTTP is requests.get and friends: the thread waits for the reply.
func blockingHTTP(method string) func(c *call) (Value, sim.Effect, *Exception) {
	return func(c *call) (Value, sim.Effect, *Exception) {
		url, exc := urlArg(c)
		if exc != nil {
			return nil, nil, exc
		}
		d := c.f.run.latency(url)
		return nil, sim.Block{D: d, Label: c.name + "(" + quote(url) + ")", Result: &responseVal{url: url, method: method}}, nil
	}
}

// ioAwait waits d for a reply without blocking the loop.
func ioAwait(f *Fiber, d sim.Time, label string, result Value) (Value, sim.Effect, *Exception) {
	f.convert = func(Value) Value { return result }
	return nil, sim.Await{F: f.ctx.Sleep(d), Label: label, IO: true}, nil
}

// clientVal is httpx.AsyncClient (async) or httpx.Client (blocking).
type clientVal struct{ async bool }

func (cl *clientVal) TypeName() string {
	if cl.async {
		return "AsyncClient"
	}
	return "Client"
}

func (cl *clientVal) Attr(name string) (Value, bool) {
	m := strings.ToUpper(name)
	switch name {
	case "get", "post", "put", "delete", "patch":
	case "aclose":
		return method(cl, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			return &lazyAw{name: "aclose", run: func(f *Fiber) (Value, sim.Effect, *Exception) { return nil, nil, nil }}, nil, nil
		}), true
	default:
		return nil, false
	}
	if !cl.async {
		fn := blockingHTTP(m)
		return method(cl, "client."+name, func(c *call, _ Value) (Value, sim.Effect, *Exception) { return fn(c) }), true
	}
	return method(cl, "client."+name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
		url, exc := urlArg(c)
		if exc != nil {
			return nil, nil, exc
		}
		reply := &lazyAw{name: name, run: func(f *Fiber) (Value, sim.Effect, *Exception) {
			return ioAwait(f, f.run.latency(url), "await client."+name+"("+quote(url)+")", &responseVal{url: url, method: m})
		}}
		return connectThen(c.f, "client."+name, reply, callText("client."+name, []string{shortRepr(url)})), nil, nil
	}), true
}

func (cl *clientVal) enter(f *Fiber, async bool) (Value, sim.Effect, *Exception) {
	if async != cl.async {
		if cl.async {
			return nil, nil, newExc(excType, "use 'async with' with httpx.AsyncClient")
		}
		return nil, nil, newExc(excType, "use a plain 'with' with httpx.Client")
	}
	return cl, nil, nil
}

func (cl *clientVal) exit(f *Fiber, async bool) *Exception { return nil }

func requestsModule() *Module {
	m := &Module{Name: "requests", Attrs: map[string]Value{}}
	for _, name := range []string{"get", "post", "put", "delete", "patch"} {
		m.Attrs[name] = &Builtin{Name: "requests." + name, Fn: blockingHTTP(strings.ToUpper(name))}
	}
	return m
}

// clientSetup is the CPU time httpx spends making a client, most of it
// building an SSL context (measured: 25 to 30 ms with CPython 3.11 and
// httpx 0.23 on the reference machine). Made per request, it adds up: a
// reason to create one client and share it.
const clientSetup = 25 * trace.Millisecond

func newClient(async bool) func(c *call) (Value, sim.Effect, *Exception) {
	return func(c *call) (Value, sim.Effect, *Exception) {
		cl := &clientVal{async: async}
		c.f.convert = func(Value) Value { return cl }
		return nil, sim.CPU{D: clientSetup, Label: "creating an httpx client"}, nil
	}
}

func httpxModule() *Module {
	m := &Module{Name: "httpx", Attrs: map[string]Value{
		"AsyncClient": &Builtin{Name: "httpx.AsyncClient", Fn: newClient(true)},
		"Client":      &Builtin{Name: "httpx.Client", Fn: newClient(false)},
	}}
	for _, name := range []string{"get", "post", "put", "delete", "patch"} {
		m.Attrs[name] = &Builtin{Name: "httpx." + name, Fn: blockingHTTP(strings.ToUpper(name))}
	}
	return m
}

// connVal is an asyncpg connection: every query waits for the database.
type connVal struct{}

func (cn *connVal) TypeName() string { return "Connection" }
func (cn *connVal) Attr(name string) (Value, bool) {
	switch name {
	case "fetch", "fetchrow", "fetchval", "execute", "close":
	default:
		return nil, false
	}
	return method(cn, "conn."+name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
		var result Value
		switch name {
		case "fetch":
			result = &List{}
		case "execute":
			result = "OK"
		}
		return &lazyAw{name: name, call: "conn." + name + "(...)", run: func(f *Fiber) (Value, sim.Effect, *Exception) {
			if name == "close" {
				return nil, nil, nil
			}
			return ioAwait(f, f.run.settings.Latency, "await conn."+name+"(...)", result)
		}}, nil, nil
	}), true
}

func asyncpgModule() *Module {
	return &Module{Name: "asyncpg", Attrs: map[string]Value{
		"connect": &Builtin{Name: "asyncpg.connect", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			return &lazyAw{name: "connect", call: "asyncpg.connect(...)", run: func(f *Fiber) (Value, sim.Effect, *Exception) {
				return ioAwait(f, f.run.settings.Latency, "await asyncpg.connect(...)", &connVal{})
			}}, nil, nil
		}},
	}}
}

// connectThen is a coroutine that opens a connection, then awaits reply.
// Connecting is an await even on loopback: the loop runs every other ready
// task before the request goes out. It stands where the code called
// name, so that a task made of it has that line.
func connectThen(f *Fiber, name string, reply Value, call string) *Coroutine {
	at := f.frames[len(f.frames)-1].pos()
	code := &Code{Name: name, File: f.run.prog.File, VarArgs: -1, KwArgs: -1, Def: at,
		Instrs: []Instr{{Op: opConst, A: 0}, {Op: opAwait}, {Op: opPop}, {Op: opConst, A: 1}, {Op: opAwait}, {Op: opReturn}},
		Pos:    samePos(at, 6), Consts: []Value{&sleepAw{}, reply}}
	fn := &Function{Code: code, Globals: f.frames[0].globals}
	fr, _ := newFrame(fn, nil, nil, nil)
	return &Coroutine{Fn: fn, Frame: fr, call: call}
}
