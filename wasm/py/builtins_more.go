package py

import (
	"strings"
)

// More builtins: any, all, map, filter, reversed, chr, ord, divmod,
// pow, hex, bin, hash and format. map and filter are eager (they return
// the list of their results), and their function may not wait.

func init() {
	for name, fn := range map[string]func(c *call) (Value, *Exception){
		"any":      func(c *call) (Value, *Exception) { return anyAll(c, true) },
		"all":      func(c *call) (Value, *Exception) { return anyAll(c, false) },
		"reversed": builtinReversed,
		"chr": func(c *call) (Value, *Exception) {
			n, ok := c.args[0].(int64)
			if !ok || n < 0 || n > 0x10ffff {
				return nil, newExc(excValue, "chr() arg not in range(0x110000)")
			}
			return string(rune(n)), nil
		},
		"ord": func(c *call) (Value, *Exception) {
			s, ok := c.args[0].(string)
			if !ok || len([]rune(s)) != 1 {
				return nil, c.errorf("ord() expected a character")
			}
			return int64([]rune(s)[0]), nil
		},
		"divmod": func(c *call) (Value, *Exception) {
			q, exc := binary("//", c.args[0], c.args[1])
			if exc != nil {
				return nil, exc
			}
			r, exc := binary("%", c.args[0], c.args[1])
			return &Tuple{Items: []Value{q, r}}, exc
		},
		"pow": func(c *call) (Value, *Exception) {
			if len(c.args) == 3 {
				return powMod(c.args[0], c.args[1], c.args[2])
			}
			if len(c.args) != 2 {
				return nil, c.errorf("pow() takes 2 or 3 arguments")
			}
			return binary("**", c.args[0], c.args[1])
		},
		"hex": func(c *call) (Value, *Exception) { return intBase(c, 16, "0x") },
		"bin": func(c *call) (Value, *Exception) { return intBase(c, 2, "0b") },
		"oct": func(c *call) (Value, *Exception) { return intBase(c, 8, "0o") },
		"hash": func(c *call) (Value, *Exception) {
			h, ok := pyHash(c.args[0])
			if !ok {
				return nil, newExc(excType, "unhashable type: '"+typeName(c.args[0])+"'")
			}
			return int64(h), nil
		},
		"anext": func(c *call) (Value, *Exception) {
			g, ok := c.args[0].(*Generator)
			if !ok || !g.Async {
				if r, found, exc := callDunder(c.args[0], "__anext__"); found {
					return r, exc
				}
				return nil, c.errorf("'%s' object is not an async iterator", typeName(c.args[0]))
			}
			return &genAwait{g: g}, nil
		},
		"aiter": func(c *call) (Value, *Exception) {
			if g, ok := c.args[0].(*Generator); ok && g.Async {
				return g, nil
			}
			if r, found, exc := callDunder(c.args[0], "__aiter__"); found {
				return r, exc
			}
			return nil, c.errorf("'%s' object is not an async iterable", typeName(c.args[0]))
		},
		"format": func(c *call) (Value, *Exception) {
			spec := ""
			if len(c.args) > 1 {
				spec, _ = c.args[1].(string)
			}
			s, err := formatValue(c.args[0], spec)
			if err != nil {
				return nil, newExc(excValue, err.Error())
			}
			return s, nil
		},
	} {
		builtins[name] = &Builtin{Name: name, Fn: pureBuiltin(fn)}
	}
}

func anyAll(c *call, want bool) (Value, *Exception) {
	items, exc := iterate(c.args[0])
	if exc != nil {
		return nil, exc
	}
	for _, it := range items {
		if truthy(it) == want {
			return want, nil
		}
	}
	return !want, nil
}

func builtinReversed(c *call) (Value, *Exception) {
	items, exc := iterate(c.args[0])
	if exc != nil {
		return nil, exc
	}
	out := make([]Value, len(items))
	for i, it := range items {
		out[len(items)-1-i] = it
	}
	return &itemsIter{items: out}, nil
}

func intBase(c *call, base int, prefix string) (Value, *Exception) {
	n, ok := bigOf(c.args[0])
	if !ok {
		return nil, c.errorf("'%s' object cannot be interpreted as an integer", typeName(c.args[0]))
	}
	s := n.Text(base)
	if strings.HasPrefix(s, "-") {
		return "-" + prefix + s[1:], nil
	}
	return prefix + s, nil
}
