// Package typing is Python's typing module for a program's annotations,
// which LoopLab accepts and does not check: its forms subscript and print
// as types, its base classes are plain classes, TypeVar makes a name and
// cast returns its value.
package typing

import "looplab/wasm/py"

func init() {
	m := &py.Module{Name: "typing", Attrs: map[string]py.Value{"TYPE_CHECKING": false}}
	for _, n := range []string{"Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet",
		"Callable", "Awaitable", "Coroutine", "Iterable", "Iterator", "AsyncIterator", "AsyncIterable",
		"Generator", "AsyncGenerator", "Sequence", "Mapping", "Type", "Literal", "Annotated", "Final",
		"ClassVar", "NoReturn", "Self", "Deque", "DefaultDict", "MutableMapping"} {
		m.Attrs[n] = py.AnnotationOnly(n)
	}
	for _, n := range []string{"Generic", "Protocol", "NamedTuple", "TypedDict"} {
		m.Attrs[n] = py.NewClass(n)
	}
	m.Attrs["TypeVar"] = &py.Builtin{Name: "TypeVar", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		name, _ := c.Arg(0, "name")
		s, _ := name.(string)
		return py.AnnotationOnly(s), nil
	})}
	m.Attrs["cast"] = &py.Builtin{Name: "cast", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
		if len(c.Args()) != 2 {
			return nil, c.Errorf("cast() takes a type and a value")
		}
		return c.Args()[1], nil
	})}
	py.Register(m)
}
