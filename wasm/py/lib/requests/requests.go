// Package requests is the requests library, simulated: every call blocks
// its thread for the reply.
package requests

import (
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/py/lib/internal/web"
)

func init() {
	m := &py.Module{Name: "requests", Attrs: map[string]py.Value{}}
	for _, name := range web.Verbs {
		m.Attrs[name] = &py.Builtin{Name: "requests." + name, Fn: web.Blocking(strings.ToUpper(name))}
	}
	py.Register(m)
}
