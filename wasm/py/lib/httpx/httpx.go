// Package httpx is the httpx library, simulated: its module functions
// and Client block the thread for the reply; an AsyncClient's requests
// are awaited, so the loop runs other tasks meanwhile. Making a client
// costs CPU time, a reason to make one and share it.
package httpx

import (
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/py/lib/internal/web"
	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

func init() {
	m := &py.Module{Name: "httpx", Attrs: map[string]py.Value{
		"AsyncClient": &py.Builtin{Name: "httpx.AsyncClient", Fn: newClient(true)},
		"Client":      &py.Builtin{Name: "httpx.Client", Fn: newClient(false)},
	}}
	for _, name := range web.Verbs {
		m.Attrs[name] = &py.Builtin{Name: "httpx." + name, Fn: web.Blocking(strings.ToUpper(name))}
	}
	py.Register(m)
}

// clientSetup is the CPU time httpx spends making a client, most of it
// building an SSL context (measured: 25 to 30 ms with CPython 3.11 and
// httpx 0.23 on the reference machine). Made per request, it adds up.
const clientSetup = 25 * trace.Millisecond

func newClient(async bool) func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	return func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
		c.Returns(&client{async: async})
		return nil, sim.CPU{D: clientSetup, Label: "creating an httpx client"}, nil
	}
}

// client is httpx.AsyncClient (async) or httpx.Client (blocking).
type client struct{ async bool }

func (cl *client) TypeName() string {
	if cl.async {
		return "AsyncClient"
	}
	return "Client"
}

func (cl *client) Attr(name string) (py.Value, bool) {
	m := strings.ToUpper(name)
	switch name {
	case "get", "post", "put", "delete", "patch":
	case "aclose":
		return &py.Builtin{Name: "aclose", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return py.Reply("aclose", "", -1, "", nil), nil
		})}, true
	default:
		return nil, false
	}
	if !cl.async {
		return &py.Builtin{Name: "client." + name, Fn: web.Blocking(m)}, true
	}
	return &py.Builtin{Name: "client." + name, Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		url, exc := web.URLArg(c)
		if exc != nil {
			return nil, exc
		}
		reply := py.Reply(name, "", web.Latency(c, url), "await client."+name+"("+py.Quote(url)+")", &web.Response{URL: url, Method: m})
		return c.ConnectThen("client."+name, reply, py.CallText("client."+name, []string{py.ShortRepr(url)})), nil
	})}, true
}

// Enter and Exit make a client usable in "with" (Client) or "async with"
// (AsyncClient), and only there.
func (cl *client) Enter(async bool) (py.Value, *py.Exception) {
	if async != cl.async {
		if cl.async {
			return nil, py.NewError(py.TypeError, "use 'async with' with httpx.AsyncClient")
		}
		return nil, py.NewError(py.TypeError, "use a plain 'with' with httpx.Client")
	}
	return cl, nil
}

func (cl *client) Exit(async bool) *py.Exception { return nil }
