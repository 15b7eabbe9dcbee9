// Package web is what the simulated HTTP clients (requests, httpx)
// share: how long a call to a URL takes, the response they return, and
// the blocking call.
package web

import (
	"strconv"
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/sim"
)

// Latency is how long a call to url takes: httpbin-style "/delay/N" URLs
// say it themselves; anything else takes the scenario's I/O latency.
func Latency(c *py.Call, url string) sim.Time {
	if _, rest, ok := strings.Cut(url, "/delay/"); ok {
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		if f, err := strconv.ParseFloat(rest[:end], 64); err == nil && f >= 0 && f <= 1e6 {
			return sim.Time(f*1e6 + 0.5)
		}
	}
	return c.Latency()
}

// Response is an HTTP response of requests or httpx.
type Response struct {
	URL    string
	Method string
}

func (r *Response) TypeName() string { return "Response" }
func (r *Response) String() string   { return "<Response [200]>" }
func (r *Response) Attr(name string) (py.Value, bool) {
	switch name {
	case "status_code":
		return int64(200), true
	case "text":
		return "{}", true
	case "json":
		return py.NewMethod(r, name, func(c *py.Call) (py.Value, *py.Exception) {
			d := py.NewDict()
			d.Set("url", r.URL)
			return d, nil
		}), true
	case "raise_for_status":
		return py.NewMethod(r, name, func(c *py.Call) (py.Value, *py.Exception) { return nil, nil }), true
	}
	return nil, false
}

// URLArg is the call's url argument.
func URLArg(c *py.Call) (string, *py.Exception) {
	v, ok := c.Arg(0, "url")
	s, isStr := v.(string)
	if !ok || !isStr {
		return "", c.Errorf("%s() needs a URL string", c.Name())
	}
	return s, nil
}

// Blocking is requests.get and friends: the thread waits for the reply.
func Blocking(method string) func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	return func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
		url, exc := URLArg(c)
		if exc != nil {
			return nil, nil, exc
		}
		return nil, sim.Block{D: Latency(c, url), Label: c.Name() + "(" + py.Quote(url) + ")", Result: &Response{URL: url, Method: method}}, nil
	}
}

// Verbs are the HTTP methods the clients offer, as their functions'
// names.
var Verbs = []string{"get", "post", "put", "delete", "patch"}
