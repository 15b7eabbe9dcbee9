package py

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Bytes is a bytes object. A Go string of another name keeps it
// immutable, comparable and usable as a dict key apart from str.
type Bytes string

// bytesRepr is b'...' as Python writes it: single quotes unless the
// bytes hold a single quote and no double one, and \x escapes for
// anything not printable ASCII.
func bytesRepr(b Bytes) string {
	quote := byte('\'')
	if strings.IndexByte(string(b), '\'') >= 0 && strings.IndexByte(string(b), '"') < 0 {
		quote = '"'
	}
	var w strings.Builder
	w.WriteString("b")
	w.WriteByte(quote)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == quote || c == '\\':
			w.WriteByte('\\')
			w.WriteByte(c)
		case c == '\n':
			w.WriteString(`\n`)
		case c == '\r':
			w.WriteString(`\r`)
		case c == '\t':
			w.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&w, `\x%02x`, c)
		default:
			w.WriteByte(c)
		}
	}
	w.WriteByte(quote)
	return w.String()
}

// encode is str.encode(): UTF-8 (or ASCII, which refuses what it cannot
// hold, as Python does).
func encode(s, encoding string) (Value, *Exception) {
	switch strings.ToLower(strings.ReplaceAll(encoding, "_", "-")) {
	case "utf-8", "utf8":
		return Bytes(s), nil
	case "ascii":
		for i, r := range s {
			if r >= 0x80 {
				return nil, newExc(excUnicodeEnc, fmt.Sprintf("'ascii' codec can't encode character '%s' in position %d: ordinal not in range(128)", escapedRune(r), utf8.RuneCountInString(s[:i])))
			}
		}
		return Bytes(s), nil
	}
	return nil, newExc(excLookup, "encodings other than UTF-8 and ASCII are not simulated: "+encoding)
}

// decode is bytes.decode().
func decode(b Bytes, encoding string) (Value, *Exception) {
	switch strings.ToLower(strings.ReplaceAll(encoding, "_", "-")) {
	case "utf-8", "utf8", "ascii":
	default:
		return nil, newExc(excLookup, "encodings other than UTF-8 and ASCII are not simulated: "+encoding)
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRuneInString(string(b[i:]))
		if r == utf8.RuneError && n <= 1 || encoding == "ascii" && r >= 0x80 {
			return nil, newExc(excUnicodeDec, fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: invalid start byte", strings.ToLower(encoding), b[i], i))
		}
		i += n
	}
	return string(b), nil
}

func encodingArg(c *call) (string, *Exception) {
	v, ok := c.arg(0, "encoding")
	if !ok {
		return "utf-8", nil
	}
	s, isStr := v.(string)
	if !isStr {
		return "", newExc(excType, "encoding must be str, not "+typeName(v))
	}
	return s, nil
}

// bytesArg is a bytes method's argument that must be bytes.
func bytesArg(c *call, i int, name string) (Bytes, *Exception) {
	v, _ := c.arg(i, name)
	b, ok := v.(Bytes)
	if !ok {
		return "", newExc(excType, fmt.Sprintf("a bytes-like object is required, not '%s'", typeName(v)))
	}
	return b, nil
}

var bytesMethods = map[string]func(c *call, self Value) (Value, *Exception){
	"decode": func(c *call, self Value) (Value, *Exception) {
		enc, exc := encodingArg(c)
		if exc != nil {
			return nil, exc
		}
		return decode(self.(Bytes), enc)
	},
	"hex": func(c *call, self Value) (Value, *Exception) { return hex.EncodeToString([]byte(self.(Bytes))), nil },
	"upper": func(c *call, self Value) (Value, *Exception) {
		return Bytes(strings.ToUpper(string(self.(Bytes)))), nil
	},
	"lower": func(c *call, self Value) (Value, *Exception) {
		return Bytes(strings.ToLower(string(self.(Bytes)))), nil
	},
	"strip": func(c *call, self Value) (Value, *Exception) {
		return Bytes(strings.Trim(string(self.(Bytes)), " \t\n\r\x0b\x0c")), nil
	},
	"startswith": func(c *call, self Value) (Value, *Exception) {
		p, exc := bytesArg(c, 0, "prefix")
		return strings.HasPrefix(string(self.(Bytes)), string(p)), exc
	},
	"endswith": func(c *call, self Value) (Value, *Exception) {
		p, exc := bytesArg(c, 0, "suffix")
		return strings.HasSuffix(string(self.(Bytes)), string(p)), exc
	},
	"find": func(c *call, self Value) (Value, *Exception) {
		p, exc := bytesArg(c, 0, "sub")
		return int64(strings.Index(string(self.(Bytes)), string(p))), exc
	},
	"count": func(c *call, self Value) (Value, *Exception) {
		p, exc := bytesArg(c, 0, "sub")
		return int64(strings.Count(string(self.(Bytes)), string(p))), exc
	},
	"replace": func(c *call, self Value) (Value, *Exception) {
		old, exc := bytesArg(c, 0, "old")
		if exc != nil {
			return nil, exc
		}
		repl, exc := bytesArg(c, 1, "new")
		return Bytes(strings.ReplaceAll(string(self.(Bytes)), string(old), string(repl))), exc
	},
	"split": func(c *call, self Value) (Value, *Exception) {
		var parts []string
		if sep, ok := c.arg(0, "sep"); ok && sep != nil {
			s, exc := bytesArg(c, 0, "sep")
			if exc != nil {
				return nil, exc
			}
			parts = strings.Split(string(self.(Bytes)), string(s))
		} else {
			parts = strings.Fields(string(self.(Bytes)))
		}
		out := make([]Value, len(parts))
		for i, p := range parts {
			out[i] = Bytes(p)
		}
		return &List{Items: out}, nil
	},
	"join": func(c *call, self Value) (Value, *Exception) {
		v, _ := c.arg(0, "iterable")
		items, exc := iterate(v)
		if exc != nil {
			return nil, exc
		}
		parts := make([]string, len(items))
		for i, it := range items {
			b, ok := it.(Bytes)
			if !ok {
				return nil, newExc(excType, fmt.Sprintf("sequence item %d: expected a bytes-like object, %s found", i, typeName(it)))
			}
			parts[i] = string(b)
		}
		return Bytes(strings.Join(parts, string(self.(Bytes)))), nil
	},
}

// builtinBytes is bytes(): empty, n zero bytes, from a list of ints, or
// a str encoded.
func builtinBytes(c *call) (Value, *Exception) {
	v, ok := c.arg(0, "source")
	if !ok {
		return Bytes(""), nil
	}
	switch x := v.(type) {
	case Bytes:
		return x, nil
	case string:
		enc, has := c.arg(1, "encoding")
		s, isStr := enc.(string)
		if !has || !isStr {
			return nil, newExc(excType, "string argument without an encoding")
		}
		return encode(x, s)
	case int64:
		if x < 0 {
			return nil, newExc(excValue, "negative count")
		}
		if exc := c.f.run.built(int(min(x, maxString))); exc != nil {
			return nil, exc
		}
		return Bytes(strings.Repeat("\x00", int(x))), nil
	}
	items, exc := iterate(v)
	if exc != nil {
		return nil, newExc(excType, fmt.Sprintf("cannot convert '%s' object to bytes", typeName(v)))
	}
	out := make([]byte, len(items))
	for i, it := range items {
		n, ok := it.(int64)
		if !ok || n < 0 || n > 255 {
			return nil, newExc(excValue, "bytes must be in range(0, 256)")
		}
		out[i] = byte(n)
	}
	return Bytes(out), nil
}

// bytesBinary is + and * on bytes (ok false when neither side is bytes).
func bytesBinary(op string, x, y Value) (Value, bool, *Exception) {
	a, aok := x.(Bytes)
	b, bok := y.(Bytes)
	switch {
	case aok && bok && op == "+":
		if exc := checkString(len(a) + len(b)); exc != nil {
			return nil, true, exc
		}
		return a + b, true, nil
	case op == "*" && (aok || bok):
		seq, other := a, y
		if !aok {
			seq, other = b, x
		}
		n, isInt := other.(int64)
		if !isInt {
			return nil, false, nil
		}
		n = max(n, 0)
		if len(seq) > 0 && n > maxString/int64(len(seq)) {
			return nil, true, stringTooLong(repeatLen(len(seq), n))
		}
		return Bytes(strings.Repeat(string(seq), int(n))), true, nil
	}
	return nil, false, nil
}

// escapedRune is a character as a codec's error message writes it.
func escapedRune(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x10000:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}
