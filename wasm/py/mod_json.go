package py

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// json: dumps writes what CPython's writes (", " and ": " separators,
// ASCII-only with \u escapes, indent), loads keeps objects' key order.

func jsonModule() *Module {
	return &Module{Name: "json", Attrs: map[string]Value{
		"dumps":           &Builtin{Name: "dumps", Fn: pureBuiltin(jsonDumps)},
		"loads":           &Builtin{Name: "loads", Fn: pureBuiltin(jsonLoads)},
		"JSONDecodeError": excJSONDecode,
	}}
}

var excJSONDecode = &ExcType{Name: "JSONDecodeError", Parent: excValue}

func jsonDumps(c *call) (Value, *Exception) {
	v, ok := c.arg(0, "obj")
	if !ok {
		return nil, c.errorf("dumps() missing required argument: 'obj'")
	}
	indent := -1
	if iv, ok := c.arg(-1, "indent"); ok && iv != nil {
		n, isInt := iv.(int64)
		if !isInt {
			return nil, c.errorf("indent must be an int")
		}
		indent = int(n)
	}
	sortKeys := false
	if sv, ok := c.arg(-1, "sort_keys"); ok {
		sortKeys = truthy(sv)
	}
	style := jsonStyle{indent: indent, sortKeys: sortKeys, ascii: true, itemSep: ", ", keySep: ": "}
	if indent >= 0 {
		style.itemSep = "," // indented lines end after the comma
	}
	if sv, ok := c.arg(-1, "separators"); ok && sv != nil {
		t, ok := sv.(*Tuple)
		if !ok || len(t.Items) != 2 {
			return nil, c.errorf("separators must be a (item_separator, key_separator) tuple")
		}
		style.itemSep, _ = t.Items[0].(string)
		style.keySep, _ = t.Items[1].(string)
	}
	if av, ok := c.arg(-1, "ensure_ascii"); ok {
		style.ascii = truthy(av)
	}
	var b strings.Builder
	if exc := style.write(&b, v, 0); exc != nil {
		return nil, exc
	}
	return b.String(), checkString(b.Len())
}

// jsonStyle is how json.dumps writes: its indent (-1 for one line), key
// order, escaping, and separators.
type jsonStyle struct {
	indent          int
	sortKeys, ascii bool
	itemSep, keySep string
}

func (st jsonStyle) write(b *strings.Builder, v Value, depth int) *Exception {
	if depth > maxNesting {
		return nestedTooDeep("while encoding a JSON object")
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
		b.WriteString(floatRepr(x))
	case string:
		writeJSONString(b, x, ascii)
	case *List, *Tuple:
		var items []Value
		if l, ok := x.(*List); ok {
			items = l.Items
		} else {
			items = x.(*Tuple).Items
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
	case *Dict:
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
				return newExc(excType, fmt.Sprintf("keys must be str, int, float, bool or None, not %s", typeName(k)))
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
		if m, info := enumMember(v); m != nil && info.kind != enumClass {
			return st.write(b, m.Attrs["value"], depth)
		}
		return newExc(excType, fmt.Sprintf("Object of type %s is not JSON serializable", typeName(v)))
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

func jsonLoads(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "s")
	if b, isBytes := v.(Bytes); isBytes {
		v = string(b) // json.loads reads UTF-8 bytes too
	}
	s, ok := v.(string)
	if !ok {
		return nil, c.errorf("the JSON object must be str, bytes or bytearray, not %s", typeName(v))
	}
	if exc := checkString(len(s)); exc != nil {
		return nil, exc
	}
	out, err := parseJSON(s)
	if err != nil {
		e := &Exception{Type: excJSONDecode, Args: []Value{err.Error()}}
		if je, ok := err.(*jsonError); ok {
			e.Attrs = map[string]Value{"msg": je.msg, "pos": int64(je.pos), "lineno": int64(je.line), "colno": int64(je.col), "doc": s}
		}
		return nil, e
	}
	return out, nil
}
