// Package asyncpg is the asyncpg library, simulated: connecting and
// every query wait for the database (the run's I/O latency) without
// blocking the loop.
package asyncpg

import "looplab/wasm/py"

func init() {
	py.Register(&py.Module{Name: "asyncpg", Attrs: map[string]py.Value{
		"connect": &py.Builtin{Name: "asyncpg.connect", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			return py.Reply("connect", "asyncpg.connect(...)", c.Latency(), "await asyncpg.connect(...)", &conn{}), nil
		})},
	}})
}

// conn is an asyncpg connection.
type conn struct{}

func (cn *conn) TypeName() string { return "Connection" }
func (cn *conn) Attr(name string) (py.Value, bool) {
	var result py.Value
	switch name {
	case "fetch":
		result = &py.List{}
	case "execute":
		result = "OK"
	case "fetchrow", "fetchval", "close":
	default:
		return nil, false
	}
	return &py.Builtin{Name: "conn." + name, Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		if name == "close" {
			return py.Reply(name, "conn.close(...)", -1, "", nil), nil
		}
		return py.Reply(name, "conn."+name+"(...)", c.Latency(), "await conn."+name+"(...)", result), nil
	})}, true
}
