package py

import (
	"fmt"
)

// functools, uuid and warnings: the parts programs use (itertools is in
// lib/itertools, as generators).

// partialVal is functools.partial(fn, *args, **kwargs).
type partialVal struct {
	fn   Value
	args []Value
	kw   []string
	kwv  []Value
}

func (p *partialVal) TypeName() string { return "functools.partial" }
func (p *partialVal) Attr(name string) (Value, bool) {
	switch name {
	case "func":
		return p.fn, true
	case "args":
		return &Tuple{Items: p.args}, true
	}
	return nil, false
}
func (p *partialVal) String() string { return fmt.Sprintf("functools.partial(%s, ...)", repr(p.fn)) }

func functoolsModule() *Module {
	// wraps(fn)(wrapper) gives wrapper fn's name and docstring
	identityDecorator := &Builtin{Name: "wraps", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
		wrapped, _ := c.arg(0, "wrapped")
		return &Builtin{Name: "wraps", Fn: pureBuiltin(func(c2 *call) (Value, *Exception) {
			if exc := oneArg(c2); exc != nil {
				return nil, exc
			}
			if w, ok := c2.args[0].(*Function); ok {
				if fn, ok := wrapped.(*Function); ok {
					w.Name = fn.Code.Name
					if fn.Name != "" {
						w.Name = fn.Name
					}
				}
			}
			return c2.args[0], nil
		})}, nil
	})}
	return &Module{Name: "functools", Attrs: map[string]Value{
		"partial": &Builtin{Name: "partial", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			if len(c.args) == 0 {
				return nil, c.errorf("partial() needs a function")
			}
			return &partialVal{fn: c.args[0], args: c.args[1:], kw: c.kw, kwv: c.kwVals}, nil
		})},
		"reduce": &Builtin{Name: "reduce", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			items, exc := iterate(c.args[1])
			if exc != nil {
				return nil, exc
			}
			var acc Value
			if len(c.args) > 2 {
				acc = c.args[2]
			} else if len(items) == 0 {
				return nil, newExc(excType, "reduce() of empty iterable with no initial value")
			} else {
				acc, items = items[0], items[1:]
			}
			for _, it := range items {
				if acc, exc = c.f.callSync(c.args[0], []Value{acc, it}); exc != nil {
					return nil, exc
				}
			}
			return acc, nil
		})},
		"wraps": identityDecorator,
	}}
}

func typeNameOfClass(v Value) string {
	switch x := v.(type) {
	case *ExcType:
		return x.Name
	case *Class:
		return x.Name
	}
	return typeName(v)
}

func init() {
	for _, n := range []string{"UserWarning", "DeprecationWarning", "RuntimeWarning", "ResourceWarning", "FutureWarning"} {
		builtins[n] = &ExcType{Name: n, Parent: excWarning}
	}
	builtins["Warning"] = excWarning
}
