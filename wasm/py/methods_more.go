package py

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// More methods of list, dict and str, the ones programs from the docs
// and tutorials reach for after the basics in attrs.go.

func init() {
	for name, fn := range map[string]func(c *call, self Value) (Value, *Exception){
		"remove": func(c *call, self Value) (Value, *Exception) {
			l := self.(*List)
			x, _ := c.arg(0, "")
			for i, it := range l.Items {
				if equal(it, x) {
					l.Items = append(l.Items[:i], l.Items[i+1:]...)
					return nil, nil
				}
			}
			return nil, newExc(excValue, "list.remove(x): x not in list")
		},
		"insert": func(c *call, self Value) (Value, *Exception) {
			l := self.(*List)
			if len(c.args) != 2 {
				return nil, c.errorf("insert expected 2 arguments, got %d", len(c.args))
			}
			i, ok := c.args[0].(int64)
			if !ok {
				return nil, c.errorf("'%s' object cannot be interpreted as an integer", typeName(c.args[0]))
			}
			n := int64(len(l.Items))
			if i < 0 {
				i = max(i+n, 0)
			}
			i = min(i, n)
			l.Items = append(l.Items, nil)
			copy(l.Items[i+1:], l.Items[i:])
			l.Items[i] = c.args[1]
			return nil, nil
		},
		"index": func(c *call, self Value) (Value, *Exception) {
			x, _ := c.arg(0, "")
			for i, it := range self.(*List).Items {
				if equal(it, x) {
					return int64(i), nil
				}
			}
			return nil, newExc(excValue, repr(x)+" is not in list")
		},
		"count": func(c *call, self Value) (Value, *Exception) {
			x, _ := c.arg(0, "")
			n := int64(0)
			for _, it := range self.(*List).Items {
				if equal(it, x) {
					n++
				}
			}
			return n, nil
		},
		"clear": func(c *call, self Value) (Value, *Exception) {
			self.(*List).Items = nil
			return nil, nil
		},
		"reverse": func(c *call, self Value) (Value, *Exception) {
			items := self.(*List).Items
			for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
				items[i], items[j] = items[j], items[i]
			}
			return nil, nil
		},
	} {
		listMethods[name] = fn
	}
	for name, fn := range map[string]func(c *call, self Value) (Value, *Exception){
		"pop": func(c *call, self Value) (Value, *Exception) {
			d := self.(*Dict)
			k, _ := c.arg(0, "")
			if v, ok := d.Get(k); ok {
				d.Delete(k)
				return v, nil
			}
			if def, ok := c.arg(1, "default"); ok {
				return def, nil
			}
			return nil, &Exception{Type: excKey, Args: []Value{k}}
		},
		"setdefault": func(c *call, self Value) (Value, *Exception) {
			d := self.(*Dict)
			k, _ := c.arg(0, "")
			if v, ok := d.Get(k); ok {
				return v, nil
			}
			def, _ := c.arg(1, "default")
			if !d.Set(k, def) {
				return nil, newExc(excType, "unhashable type: '"+typeName(k)+"'")
			}
			return def, nil
		},
		"clear": func(c *call, self Value) (Value, *Exception) {
			d := self.(*Dict)
			d.Keys, d.Values, d.index = nil, nil, nil
			return nil, nil
		},
		"copy": func(c *call, self Value) (Value, *Exception) {
			d := self.(*Dict)
			out := newDict()
			for i, k := range d.Keys {
				out.Set(k, d.Values[i])
			}
			return out, nil
		},
		"popitem": func(c *call, self Value) (Value, *Exception) {
			d := self.(*Dict)
			if len(d.Keys) == 0 {
				return nil, &Exception{Type: excKey, Args: []Value{"popitem(): dictionary is empty"}}
			}
			k, v := d.Keys[len(d.Keys)-1], d.Values[len(d.Keys)-1]
			d.Delete(k)
			return &Tuple{Items: []Value{k, v}}, nil
		},
	} {
		dictMethods[name] = fn
	}
	strArg := func(c *call, i int, name string) (string, bool) {
		v, ok := c.arg(i, name)
		if !ok || v == nil {
			return "", false
		}
		s, ok := v.(string)
		return s, ok
	}
	for name, fn := range map[string]func(c *call, self Value) (Value, *Exception){
		"format": strFormat,
		"count": func(c *call, self Value) (Value, *Exception) {
			sub, _ := strArg(c, 0, "")
			return int64(strings.Count(self.(string), sub)), nil
		},
		"find": func(c *call, self Value) (Value, *Exception) {
			sub, _ := strArg(c, 0, "")
			i := strings.Index(self.(string), sub)
			if i < 0 {
				return int64(-1), nil
			}
			return int64(utf8.RuneCountInString(self.(string)[:i])), nil
		},
		"rstrip": func(c *call, self Value) (Value, *Exception) {
			if chars, ok := strArg(c, 0, "chars"); ok {
				return strings.TrimRight(self.(string), chars), nil
			}
			return strings.TrimRightFunc(self.(string), unicode.IsSpace), nil
		},
		"lstrip": func(c *call, self Value) (Value, *Exception) {
			if chars, ok := strArg(c, 0, "chars"); ok {
				return strings.TrimLeft(self.(string), chars), nil
			}
			return strings.TrimLeftFunc(self.(string), unicode.IsSpace), nil
		},
		"title": func(c *call, self Value) (Value, *Exception) {
			prev := ' '
			return strings.Map(func(r rune) rune {
				defer func() { prev = r }()
				if unicode.IsLetter(prev) {
					return unicode.ToLower(r)
				}
				return unicode.ToUpper(r)
			}, self.(string)), nil
		},
		"capitalize": func(c *call, self Value) (Value, *Exception) {
			s := strings.ToLower(self.(string))
			r, n := utf8.DecodeRuneInString(s)
			if n == 0 {
				return s, nil
			}
			return string(unicode.ToUpper(r)) + s[n:], nil
		},
		"isdigit": func(c *call, self Value) (Value, *Exception) {
			s := self.(string)
			return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0, nil
		},
		"isalpha": func(c *call, self Value) (Value, *Exception) {
			s := self.(string)
			return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0, nil
		},
		"splitlines": func(c *call, self Value) (Value, *Exception) {
			out := &List{}
			for _, l := range strings.Split(strings.TrimSuffix(self.(string), "\n"), "\n") {
				out.Items = append(out.Items, l)
			}
			if self.(string) == "" {
				out.Items = nil
			}
			return out, nil
		},
		"partition": func(c *call, self Value) (Value, *Exception) {
			sep, _ := strArg(c, 0, "")
			if sep == "" {
				return nil, newExc(excValue, "empty separator")
			}
			before, after, found := strings.Cut(self.(string), sep)
			if !found {
				return &Tuple{Items: []Value{before, "", ""}}, nil
			}
			return &Tuple{Items: []Value{before, sep, after}}, nil
		},
		"zfill": func(c *call, self Value) (Value, *Exception) {
			w, _ := c.arg(0, "")
			n, _ := w.(int64)
			s := self.(string)
			sign := ""
			if s != "" && (s[0] == '-' || s[0] == '+') {
				sign, s = s[:1], s[1:]
			}
			for int64(utf8.RuneCountInString(s)+len(sign)) < n {
				s = "0" + s
			}
			return sign + s, nil
		},
		"ljust": func(c *call, self Value) (Value, *Exception) { return justify(c, self.(string), "<") },
		"rjust": func(c *call, self Value) (Value, *Exception) { return justify(c, self.(string), ">") },
		"center": func(c *call, self Value) (Value, *Exception) {
			return justify(c, self.(string), "^")
		},
	} {
		strMethods[name] = fn
	}
}

func justify(c *call, s, align string) (Value, *Exception) {
	w, _ := c.arg(0, "width")
	n, ok := w.(int64)
	if !ok {
		return nil, c.errorf("the width must be an integer")
	}
	fill := " "
	if f, ok := c.arg(1, "fillchar"); ok {
		if fs, ok := f.(string); ok && utf8.RuneCountInString(fs) == 1 {
			fill = fs
		}
	}
	out, err := formatValue(s, fill+align+fmt.Sprint(n))
	if err != nil {
		return nil, newExc(excValue, err.Error())
	}
	return out, nil
}

// strFormat is str.format: {} and {0} and {name}, each with an optional
// !r/!s conversion and a format spec, as f-strings have them.
func strFormat(c *call, self Value) (Value, *Exception) {
	s := self.(string)
	var b strings.Builder
	auto := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				i++
			}
			b.WriteByte('}')
			continue
		}
		if ch != '{' {
			b.WriteByte(ch)
			continue
		}
		if i+1 < len(s) && s[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return nil, newExc(excValue, "Single '{' encountered in format string")
		}
		field := s[i+1 : i+end]
		i += end
		name, spec, _ := strings.Cut(field, ":")
		name, conv, _ := strings.Cut(name, "!")
		var v Value
		switch {
		case name == "":
			if auto >= len(c.args) {
				return nil, newExc(excIndex, fmt.Sprintf("Replacement index %d out of range for positional args tuple", auto))
			}
			v = c.args[auto]
			auto++
		case name[0] >= '0' && name[0] <= '9':
			var k int
			fmt.Sscan(name, &k)
			if k >= len(c.args) {
				return nil, newExc(excIndex, fmt.Sprintf("Replacement index %d out of range for positional args tuple", k))
			}
			v = c.args[k]
		default:
			attr := ""
			name, attr, _ = strings.Cut(name, ".")
			var ok bool
			if v, ok = c.arg(-1, name); !ok {
				return nil, &Exception{Type: excKey, Args: []Value{name}}
			}
			if attr != "" {
				var exc *Exception
				if v, exc = getAttr(v, attr); exc != nil {
					return nil, exc
				}
			}
		}
		var exc *Exception
		switch conv {
		case "r":
			v, exc = reprChecked(v)
		case "s":
			v, exc = strChecked(v)
		}
		if exc != nil {
			return nil, exc
		}
		if _, isStr := v.(string); !isStr && spec == "" {
			if v, exc = strChecked(v); exc != nil {
				return nil, exc
			}
		}
		out, err := formatValue(v, spec)
		if err != nil {
			return nil, newExc(excValue, err.Error())
		}
		b.WriteString(out)
		if exc := checkString(b.Len()); exc != nil {
			return nil, exc
		}
	}
	return b.String(), nil
}
