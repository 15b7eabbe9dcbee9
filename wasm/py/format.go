package py

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// typeName is Python's type(v).__name__.
func typeName(v Value) string {
	if name, ok := instanceTypeName(v); ok {
		return name
	}
	switch x := v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case Bytes:
		return "bytes"
	case *Set:
		return x.TypeName()
	case int64, *big.Int:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case *List:
		return "list"
	case *Tuple:
		return "tuple"
	case *Dict:
		return "dict"
	case *Function:
		return "function"
	case *Coroutine:
		return "coroutine"
	case *Builtin, *BoundMethod:
		return "builtin_function_or_method"
	case *Module:
		return "module"
	case *Exception:
		return x.Type.Name
	case *ExcType:
		return "type"
	case object:
		return x.TypeName()
	}
	return fmt.Sprintf("%T", v)
}

// object is implemented by the simulated library objects.
type object interface {
	TypeName() string
	Attr(name string) (Value, bool)
}

// str is Python's str(v). Like repr, it is cut short past maxString.
func str(v Value) string {
	s, _ := strChecked(v)
	return s
}

// repr is Python's repr(v), cut short just past maxString characters or
// maxNesting levels; reprChecked says when it was.
func repr(v Value) string {
	s, _ := reprChecked(v)
	return s
}

// strChecked is str(v), or the exception that a string over maxString or
// containers nested past maxNesting raise.
func strChecked(v Value) (string, *Exception) {
	switch x := v.(type) {
	case string:
		return x, nil
	case strReprer:
		return x.String(), nil
	case *Instance:
		if s, ok, exc := instanceStr(x); ok {
			if exc == nil {
				exc = checkString(len(s))
			}
			return s, exc
		}
	case *Exception:
		if s, ok, exc := instanceStr(x); ok {
			return s, exc
		}
		s := x.message()
		return s, checkString(len(s))
	}
	return reprChecked(v)
}

func reprChecked(v Value) (string, *Exception) {
	var w reprWriter
	w.write(v)
	switch {
	case w.err != nil:
		return w.String(), w.err
	case w.deep:
		return w.String(), nestedTooDeep("while getting the repr of an object")
	case w.Len() > maxString:
		return w.String(), newExc(excMemory, fmt.Sprintf("a repr of more than %d characters is over the simulator's limit", maxString))
	}
	return w.String(), nil
}

// reprWriter writes one repr. A container that is already being written
// (a list that contains itself) shows as [...], as in CPython; past
// maxNesting levels or maxString characters it stops writing.
type reprWriter struct {
	strings.Builder
	open  []Value    // the containers being written, outermost first
	deep  bool       // nesting went past maxNesting
	err   *Exception // a __repr__ raised
	limit int        // stop past this many bytes instead of maxString (0)
}

// full reports whether the writer has written as much as it may.
func (w *reprWriter) full() bool {
	if w.limit > 0 {
		return w.Len() > w.limit
	}
	return w.Len() > maxString
}

// enter starts writing container x; it reports false, having written
// cycle, when x is already being written or nesting is too deep.
func (w *reprWriter) enter(x Value, cycle string) bool {
	for _, o := range w.open {
		if o == x {
			w.WriteString(cycle)
			return false
		}
	}
	if len(w.open) >= maxNesting {
		w.deep = true
		return false
	}
	w.open = append(w.open, x)
	return true
}

func (w *reprWriter) leave() { w.open = w.open[:len(w.open)-1] }

func (w *reprWriter) write(v Value) {
	if w.deep || w.full() || w.err != nil {
		return
	}
	if w.instance(v) {
		return
	}
	switch x := v.(type) {
	case nil:
		w.WriteString("None")
	case bool:
		if x {
			w.WriteString("True")
		} else {
			w.WriteString("False")
		}
	case int64:
		w.WriteString(strconv.FormatInt(x, 10))
	case *big.Int:
		w.WriteString(x.String())
	case Bytes:
		w.WriteString(bytesRepr(x))
	case *Set:
		if w.enter(x, x.TypeName()+"(...)") {
			x.repr(w)
			w.leave()
		}
	case float64:
		w.WriteString(floatRepr(x))
	case string:
		w.WriteString(quote(x))
	case *List:
		if w.enter(x, "[...]") {
			w.WriteByte('[')
			w.items(x.Items)
			w.WriteByte(']')
			w.leave()
		}
	case *Tuple:
		if w.enter(x, "(...)") {
			w.WriteByte('(')
			w.items(x.Items)
			if len(x.Items) == 1 {
				w.WriteByte(',')
			}
			w.WriteByte(')')
			w.leave()
		}
	case *Dict:
		if w.enter(x, "{...}") {
			w.WriteByte('{')
			for i, k := range x.Keys {
				if w.full() {
					break
				}
				if i > 0 {
					w.WriteString(", ")
				}
				w.write(k)
				w.WriteString(": ")
				w.write(x.Values[i])
			}
			w.WriteByte('}')
			w.leave()
		}
	case *Function:
		fmt.Fprintf(w, "<function %s>", x.Code.Name)
	case *Coroutine:
		fmt.Fprintf(w, "<coroutine object %s>", x.Fn.Code.Name)
	case *Builtin:
		if _, isType := builtinTypes[x.Name]; isType || x.Name == "object" {
			fmt.Fprintf(w, "<class '%s'>", x.Name) // list, int, dict: types, not functions
		} else {
			fmt.Fprintf(w, "<built-in function %s>", x.Name)
		}
	case *BoundMethod:
		fmt.Fprintf(w, "<bound method %s of %s>", x.Name, typeName(x.Self))
	case *Module:
		fmt.Fprintf(w, "<module '%s'>", x.Name)
	case *Exception:
		if w.enter(x, "...") {
			w.WriteString(x.Type.Name)
			w.WriteByte('(')
			w.items(x.Args)
			w.WriteByte(')')
			w.leave()
		}
	case *ExcType:
		fmt.Fprintf(w, "<class '%s'>", x.Name)
	case fmt.Stringer:
		w.WriteString(x.String())
	default:
		fmt.Fprintf(w, "<%s object>", typeName(v))
	}
}

func (w *reprWriter) items(items []Value) {
	for i, it := range items {
		if w.full() {
			return
		}
		if i > 0 {
			w.WriteString(", ")
		}
		w.write(it)
	}
}

// quote writes a string the way Python's repr does: single quotes unless
// the text has a single quote and no double quote.
func quote(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// floatRepr follows Python's float repr: shortest round-trip digits, at
// least one decimal, scientific notation below 1e-4 and from 1e16.
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[0]
		exp = strings.TrimLeft(exp[1:], "0")
		if len(exp) < 2 {
			exp = strings.Repeat("0", 2-len(exp)) + exp
		}
		return mant + "e" + string(sign) + exp
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsRune(s, '.') {
		s += ".0"
	}
	return s
}

// formatValue is format(v, spec): the format-spec mini-language for str,
// int and float ([[fill]align][sign][z][#][0][width][,|_][.precision][type]).
func formatValue(v Value, spec string) (string, error) {
	if spec == "" {
		return str(v), nil
	}
	if fm, ok := v.(Formatter); ok {
		return fm.Format(spec), nil
	}
	fs, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	var body string
	switch x := v.(type) {
	case bool:
		if fs.typ == 0 || fs.typ == 's' {
			body = str(x)
		} else {
			return formatValue(boolInt(x), spec)
		}
	case int64:
		body, err = fs.formatInt(x)
	case *big.Int:
		body, err = fs.formatBigInt(x)
	case float64:
		body, err = fs.formatFloat(x)
	case string:
		if fs.typ != 0 && fs.typ != 's' {
			return "", fmt.Errorf("Unknown format code '%c' for object of type 'str'", fs.typ)
		}
		body = x
		if fs.prec >= 0 && len([]rune(body)) > fs.prec {
			body = string([]rune(body)[:fs.prec])
		}
		if fs.align == 0 {
			fs.align = '<'
		}
	default:
		body = str(v)
		if fs.align == 0 {
			fs.align = '<'
		}
	}
	if err != nil {
		return "", err
	}
	return fs.pad(body), nil
}

type spec struct {
	fill     rune
	align    rune
	sign     rune
	zero     bool
	width    int
	grouping rune
	prec     int
	typ      rune
	alt      bool // '#': 0x, 0o, 0b before an int in another base
}

func parseSpec(s string) (spec, error) {
	fs := spec{fill: ' ', prec: -1}
	r := []rune(s)
	i := 0
	isAlign := func(c rune) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if len(r) >= 2 && isAlign(r[1]) {
		fs.fill, fs.align, i = r[0], r[1], 2
	} else if len(r) >= 1 && isAlign(r[0]) {
		fs.align, i = r[0], 1
	}
	if i < len(r) && (r[i] == '+' || r[i] == '-' || r[i] == ' ') {
		fs.sign = r[i]
		i++
	}
	if i < len(r) && r[i] == '#' {
		fs.alt = true
		i++
	}
	if i < len(r) && r[i] == '0' {
		fs.zero = true
		i++
	}
	for i < len(r) && r[i] >= '0' && r[i] <= '9' {
		fs.width = fs.width*10 + int(r[i]-'0')
		i++
	}
	if i < len(r) && (r[i] == ',' || r[i] == '_') {
		fs.grouping = r[i]
		i++
	}
	if i < len(r) && r[i] == '.' {
		i++
		if i >= len(r) || r[i] < '0' || r[i] > '9' {
			return fs, fmt.Errorf("Format specifier missing precision")
		}
		fs.prec = 0
		for i < len(r) && r[i] >= '0' && r[i] <= '9' {
			fs.prec = fs.prec*10 + int(r[i]-'0')
			i++
		}
	}
	if i < len(r) {
		fs.typ = r[i]
		i++
	}
	if i != len(r) || fs.width > 1000 || fs.prec > 100 {
		return fs, fmt.Errorf("Invalid format specifier '%s'", s)
	}
	if fs.zero && fs.align == 0 {
		fs.fill, fs.align = '0', '='
	}
	return fs, nil
}

func (fs spec) signed(neg bool, digits string) string {
	switch {
	case neg:
		return "-" + digits
	case fs.sign == '+':
		return "+" + digits
	case fs.sign == ' ':
		return " " + digits
	}
	return digits
}

func (fs spec) formatInt(x int64) (string, error) {
	switch fs.typ {
	case 0, 'd', 'n':
		neg := x < 0
		d := strconv.FormatUint(absInt(x), 10)
		return fs.signed(neg, group(d, fs.grouping)), nil
	case 'x', 'X', 'o', 'b':
		base := map[rune]int{'x': 16, 'X': 16, 'o': 8, 'b': 2}[fs.typ]
		d := strconv.FormatUint(absInt(x), base)
		if fs.typ == 'X' {
			d = strings.ToUpper(d)
		}
		if fs.alt {
			prefix := "0" + string(fs.typ)
			if fs.align == '=' && fs.fill == '0' {
				// zeros go between the prefix and the digits: 0x00ff
				n := len(fs.signed(x < 0, "")) + len(prefix)
				for len(d)+n < fs.width {
					d = "0" + d
				}
			}
			d = prefix + d
		}
		return fs.signed(x < 0, d), nil
	case 'c':
		if x < 0 || x > 0x10ffff {
			return "", fmt.Errorf("%%c arg not in range(0x110000)")
		}
		return string(rune(x)), nil
	case 'f', 'F', 'e', 'E', 'g', 'G', '%':
		return fs.formatFloat(float64(x))
	}
	return "", errUnknownIntFormat(fs.typ)
}

func errUnknownIntFormat(typ rune) error {
	return fmt.Errorf("Unknown format code '%c' for object of type 'int'", typ)
}

func absInt(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func (fs spec) formatFloat(x float64) (string, error) {
	neg := math.Signbit(x) && x != 0
	a := math.Abs(x)
	prec := fs.prec
	var d string
	switch fs.typ {
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		d = strconv.FormatFloat(a, 'f', prec, 64)
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		d = pyExp(strconv.FormatFloat(a, 'e', prec, 64))
	case '%':
		if prec < 0 {
			prec = 6
		}
		d = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
	case 'g', 'G':
		if prec < 0 {
			prec = 6
		}
		d = pyExp(strconv.FormatFloat(a, 'g', max(prec, 1), 64))
	case 0:
		if prec < 0 {
			d = floatRepr(a)
		} else {
			d = shortFloat(a, max(prec, 1))
		}
	default:
		return "", fmt.Errorf("Unknown format code '%c' for object of type 'float'", fs.typ)
	}
	if fs.typ == 'E' || fs.typ == 'G' {
		d = strings.ToUpper(d)
	}
	if fs.grouping != 0 {
		ip, frac, hasFrac := strings.Cut(d, ".")
		d = group(ip, fs.grouping)
		if hasFrac {
			d += "." + frac
		}
	}
	return fs.signed(neg, d), nil
}

// shortFloat is format(x, ".Np") with no type: like 'g', but fixed-point
// output keeps a digit after the point, and that digit counts against the
// precision when choosing exponent notation (format(100.0, ".3") is
// "1e+02").
func shortFloat(a float64, p int) string {
	if math.IsInf(a, 0) || math.IsNaN(a) {
		return floatRepr(a)
	}
	sci := strconv.FormatFloat(a, 'e', p-1, 64)
	_, expPart, _ := strings.Cut(sci, "e")
	exp, _ := strconv.Atoi(expPart)
	if a != 0 && (exp < -4 || exp >= p-1) {
		mant, _, _ := strings.Cut(sci, "e")
		if strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return pyExp(mant + "e" + expPart)
	}
	d := strconv.FormatFloat(a, 'f', max(p-1-exp, 0), 64)
	if strings.Contains(d, ".") {
		d = strings.TrimRight(d, "0")
	}
	if strings.HasSuffix(d, ".") || !strings.Contains(d, ".") {
		d = strings.TrimSuffix(d, ".") + ".0"
	}
	return d
}

// pyExp rewrites Go's exponent "e+5" to Python's "e+05".
func pyExp(s string) string {
	mant, exp, ok := strings.Cut(s, "e")
	if !ok {
		return s
	}
	if len(exp) == 2 {
		exp = exp[:1] + "0" + exp[1:]
	}
	return mant + "e" + exp
}

func group(digits string, sep rune) string {
	if sep == 0 || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteRune(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

func (fs spec) pad(body string) string {
	n := len([]rune(body))
	if n >= fs.width {
		return body
	}
	fill := strings.Repeat(string(fs.fill), fs.width-n)
	switch fs.align {
	case '<':
		return body + fill
	case '^':
		left := (fs.width - n) / 2
		return strings.Repeat(string(fs.fill), left) + body + strings.Repeat(string(fs.fill), fs.width-n-left)
	case '=':
		if len(body) > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ') {
			return body[:1] + fill + body[1:]
		}
		return fill + body
	}
	return fill + body
}
