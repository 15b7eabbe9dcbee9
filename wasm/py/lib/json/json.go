// Package json is Python's json module, simulated: dumps writes what
// CPython's writes (", " and ": " separators, ASCII-only with \u escapes,
// indent), loads keeps objects' key order.
package json

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"looplab/wasm/py"
)

func init() { py.Register(module()) }

func module() *py.Module {
	return &py.Module{Name: "json", Attrs: map[string]py.Value{
		"dumps":           &py.Builtin{Name: "dumps", Fn: py.Pure(jsonDumps)},
		"loads":           &py.Builtin{Name: "loads", Fn: py.Pure(jsonLoads)},
		"JSONDecodeError": decodeError,
	}}
}

var decodeError = py.NewExcType("JSONDecodeError", py.ValueError)

func jsonDumps(c *py.Call) (py.Value, *py.Exception) {
	v, ok := c.Arg(0, "obj")
	if !ok {
		return nil, c.Errorf("dumps() missing required argument: 'obj'")
	}
	indent := -1
	if iv, ok := c.Arg(-1, "indent"); ok && iv != nil {
		n, isInt := iv.(int64)
		if !isInt {
			return nil, c.Errorf("indent must be an int")
		}
		indent = int(n)
	}
	sortKeys := false
	if sv, ok := c.Arg(-1, "sort_keys"); ok {
		sortKeys = py.Truthy(sv)
	}
	style := jsonStyle{indent: indent, sortKeys: sortKeys, ascii: true, itemSep: ", ", keySep: ": "}
	if indent >= 0 {
		style.itemSep = "," // indented lines end after the comma
	}
	if sv, ok := c.Arg(-1, "separators"); ok && sv != nil {
		t, ok := sv.(*py.Tuple)
		if !ok || len(t.Items) != 2 {
			return nil, c.Errorf("separators must be a (item_separator, key_separator) tuple")
		}
		style.itemSep, _ = t.Items[0].(string)
		style.keySep, _ = t.Items[1].(string)
	}
	if av, ok := c.Arg(-1, "ensure_ascii"); ok {
		style.ascii = py.Truthy(av)
	}
	var b strings.Builder
	if exc := style.write(&b, v, 0); exc != nil {
		return nil, exc
	}
	return b.String(), py.CheckString(b.Len())
}

// jsonStyle is how json.dumps writes: its indent (-1 for one line), key
// order, escaping, and separators.
type jsonStyle struct {
	indent          int
	sortKeys, ascii bool
	itemSep, keySep string
}

func (st jsonStyle) write(b *strings.Builder, v py.Value, depth int) *py.Exception {
	if depth > py.MaxNesting {
		return py.NestingError("while encoding a JSON object")
	}
	newline := func(d int) {
		if st.indent >= 0 {
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(" ", st.indent*d))
		}
	}
	ascii := st.ascii
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case *big.Int:
		b.WriteString(x.String())
	case float64:
		b.WriteString(py.Repr(x))
	case string:
		writeJSONString(b, x, ascii)
	case *py.List, *py.Tuple:
		var items []py.Value
		if l, ok := x.(*py.List); ok {
			items = l.Items
		} else {
			items = x.(*py.Tuple).Items
		}
		if len(items) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, it := range items {
			if i > 0 {
				b.WriteString(st.itemSep)
			}
			newline(depth + 1)
			if exc := st.write(b, it, depth+1); exc != nil {
				return exc
			}
		}
		newline(depth)
		b.WriteByte(']')
	case *py.Dict:
		if len(x.Keys) == 0 {
			b.WriteString("{}")
			return nil
		}
		idx := make([]int, len(x.Keys))
		for i := range idx {
			idx[i] = i
		}
		keys := make([]string, len(x.Keys))
		for i, k := range x.Keys {
			switch kk := k.(type) {
			case string:
				keys[i] = kk
			case int64, *big.Int, float64, bool, nil:
				var kb strings.Builder
				jsonStyle{indent: -1}.write(&kb, kk, 0)
				keys[i] = kb.String()
			default:
				return py.NewError(py.TypeError, fmt.Sprintf("keys must be str, int, float, bool or None, not %s", py.TypeName(k)))
			}
		}
		if st.sortKeys {
			sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
		}
		b.WriteByte('{')
		for n, i := range idx {
			if n > 0 {
				b.WriteString(st.itemSep)
			}
			newline(depth + 1)
			writeJSONString(b, keys[i], ascii)
			b.WriteString(st.keySep)
			if exc := st.write(b, x.Values[i], depth+1); exc != nil {
				return exc
			}
		}
		newline(depth)
		b.WriteByte('}')
	default:
		if d, ok := py.DictOf(v); ok {
			return st.write(b, d, depth) // Counter, defaultdict, OrderedDict
		}
		if value, ok := py.EnumValue(v); ok {
			return st.write(b, value, depth)
		}
		return py.NewError(py.TypeError, fmt.Sprintf("Object of type %s is not JSON serializable", py.TypeName(v)))
	}
	return nil
}

func writeJSONString(b *strings.Builder, s string, ascii bool) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || (ascii && r > 0x7e):
			if r > 0xffff {
				r -= 0x10000
				fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
			} else {
				fmt.Fprintf(b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func jsonLoads(c *py.Call) (py.Value, *py.Exception) {
	v, _ := c.Arg(0, "s")
	if b, isBytes := v.(py.Bytes); isBytes {
		v = string(b) // json.loads reads UTF-8 bytes too
	}
	s, ok := v.(string)
	if !ok {
		return nil, c.Errorf("the JSON object must be str, bytes or bytearray, not %s", py.TypeName(v))
	}
	if exc := py.CheckString(len(s)); exc != nil {
		return nil, exc
	}
	out, err := py.ParseJSON(s)
	if err != nil {
		e := &py.Exception{Type: decodeError, Args: []py.Value{err.Error()}}
		if je, ok := err.(*py.JSONError); ok {
			e.Attrs = map[string]py.Value{"msg": je.Msg, "pos": int64(je.Pos), "lineno": int64(je.Line), "colno": int64(je.Col), "doc": s}
		}
		return nil, e
	}
	return out, nil
}
