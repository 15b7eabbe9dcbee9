package py

import (
	"fmt"
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
	itemSep, keySep := ", ", ": "
	if sv, ok := c.arg(-1, "separators"); ok && sv != nil {
		t, ok := sv.(*Tuple)
		if !ok || len(t.Items) != 2 {
			return nil, c.errorf("separators must be a (item_separator, key_separator) tuple")
		}
		itemSep, _ = t.Items[0].(string)
		keySep, _ = t.Items[1].(string)
	}
	asciiOnly := true
	if av, ok := c.arg(-1, "ensure_ascii"); ok {
		asciiOnly = truthy(av)
	}
	var b strings.Builder
	if exc := writeJSON(&b, v, indent, 0, sortKeys, asciiOnly); exc != nil {
		return nil, exc
	}
	out := b.String()
	if itemSep != ", " || keySep != ": " {
		// written again with the separators asked for; the plain ones
		// never occur inside the strings of a compact encoding's output
		var cb strings.Builder
		writeJSONSeps(&cb, v, asciiOnly, sortKeys, itemSep, keySep, 0)
		out = cb.String()
	}
	return out, checkString(len(out))
}

func writeJSON(b *strings.Builder, v Value, indent, depth int, sortKeys, ascii bool) *Exception {
	if depth > maxNesting {
		return nestedTooDeep("while encoding a JSON object")
	}
	newline := func(d int) {
		if indent >= 0 {
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(" ", indent*d))
		}
	}
	sep := ", "
	if indent >= 0 {
		sep = ","
	}
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
				b.WriteString(sep)
			}
			newline(depth + 1)
			if exc := writeJSON(b, it, indent, depth+1, sortKeys, ascii); exc != nil {
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
			case int64, float64, bool, nil:
				var kb strings.Builder
				writeJSON(&kb, kk, -1, 0, false, ascii)
				keys[i] = kb.String()
			default:
				return newExc(excType, fmt.Sprintf("keys must be str, int, float, bool or None, not %s", typeName(k)))
			}
		}
		if sortKeys {
			sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
		}
		b.WriteByte('{')
		for n, i := range idx {
			if n > 0 {
				b.WriteString(sep)
			}
			newline(depth + 1)
			writeJSONString(b, keys[i], ascii)
			b.WriteString(": ")
			if exc := writeJSON(b, x.Values[i], indent, depth+1, sortKeys, ascii); exc != nil {
				return exc
			}
		}
		newline(depth)
		b.WriteByte('}')
	default:
		if m, info := enumMember(v); m != nil && info.kind != enumClass {
			return writeJSON(b, m.Attrs["value"], indent, depth, sortKeys, ascii)
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
	s, ok := v.(string)
	if !ok {
		return nil, c.errorf("the JSON object must be str, not %s", typeName(v))
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

// writeJSONSeps writes v on one line with the given separators.
func writeJSONSeps(b *strings.Builder, v Value, ascii, sortKeys bool, itemSep, keySep string, depth int) {
	if depth > maxNesting {
		return
	}
	switch x := v.(type) {
	case *List, *Tuple:
		var items []Value
		if l, ok := x.(*List); ok {
			items = l.Items
		} else {
			items = x.(*Tuple).Items
		}
		b.WriteByte('[')
		for i, it := range items {
			if i > 0 {
				b.WriteString(itemSep)
			}
			writeJSONSeps(b, it, ascii, sortKeys, itemSep, keySep, depth+1)
		}
		b.WriteByte(']')
	case *Dict:
		idx := make([]int, len(x.Keys))
		keys := make([]string, len(x.Keys))
		for i, k := range x.Keys {
			idx[i] = i
			var kb strings.Builder
			if s, ok := k.(string); ok {
				kb.WriteString(s)
			} else {
				writeJSON(&kb, k, -1, 0, false, ascii)
			}
			keys[i] = kb.String()
		}
		if sortKeys {
			sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
		}
		b.WriteByte('{')
		for n, i := range idx {
			if n > 0 {
				b.WriteString(itemSep)
			}
			writeJSONString(b, keys[i], ascii)
			b.WriteString(keySep)
			writeJSONSeps(b, x.Values[i], ascii, sortKeys, itemSep, keySep, depth+1)
		}
		b.WriteByte('}')
	default:
		writeJSON(b, v, -1, depth, sortKeys, ascii)
	}
}
