package py

import (
	"fmt"
	"strings"
)

// Small modules programs import in passing: os, sys and typing (whose
// annotations LoopLab accepts and ignores).

// typingForm is a typing construct (Optional, List[int], int | None):
// programs use them in annotations, which only pydantic models check.
type typingForm struct {
	name string
	args []Value
}

func (t *typingForm) TypeName() string          { return "_SpecialForm" }
func (t *typingForm) Attr(string) (Value, bool) { return nil, false }
func (t *typingForm) String() string {
	if len(t.args) == 0 {
		return "typing." + t.name
	}
	parts := make([]string, len(t.args))
	for i, a := range t.args {
		parts[i] = typeText(a)
	}
	return "typing." + t.name + "[" + strings.Join(parts, ", ") + "]"
}

// typeText names a type as an annotation writes it.
func typeText(v Value) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case *Builtin:
		return x.Name
	case *Class:
		return x.Name
	case *ExcType:
		return x.Name
	case *typingForm:
		return strings.TrimPrefix(x.String(), "typing.")
	}
	return repr(v)
}

// isTypeLike reports whether v can stand in an annotation as a type.
func isTypeLike(v Value) bool {
	switch x := v.(type) {
	case nil, *Class, *ExcType, *typingForm:
		return true
	case *Builtin:
		_, ok := builtinTypes[x.Name]
		return ok || x.Name == "set"
	}
	return false
}

// typeArgs is X[args] for a type: list[int], Optional[str], dict[str, Any].
func typeArgs(x, i Value) (Value, bool) {
	var name string
	switch t := x.(type) {
	case *typingForm:
		name = t.name
	case *Builtin:
		if _, ok := builtinTypes[t.Name]; !ok {
			return nil, false
		}
		name = t.Name
	default:
		return nil, false
	}
	args := []Value{i}
	if tup, ok := i.(*Tuple); ok {
		args = tup.Items
	}
	return &typingForm{name: name, args: args}, true
}

// percentFormat is "text %s %d" % args, for the specifiers logging uses.
func percentFormat(format string, args []Value) (string, *Exception) {
	var b strings.Builder
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 == len(format) {
			b.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("0123456789.-+ ", format[j]) >= 0 {
			j++
		}
		if j == len(format) {
			return "", newExc(excValue, "incomplete format")
		}
		verb := format[j]
		if verb == '%' {
			b.WriteByte('%')
			i = j
			continue
		}
		if n >= len(args) {
			return "", newExc(excType, "not enough arguments for format string")
		}
		spec := percentSpec(format[i+1 : j])
		v := args[n]
		n++
		switch verb {
		case 's':
			s, _ := formatValue(str(v), spec)
			b.WriteString(s)
		case 'r':
			s, _ := formatValue(repr(v), spec)
			b.WriteString(s)
		case 'd', 'i':
			if f, ok := v.(float64); ok {
				v = int64(f)
			}
			s, err := formatValue(v, spec+"d")
			if err != nil {
				return "", newExc(excType, "%d format: a real number is required, not "+typeName(v))
			}
			b.WriteString(s)
		case 'f', 'e', 'g', 'x', 'X', 'o':
			if spec == "" && verb == 'f' {
				spec = ".6"
			}
			s, err := formatValue(v, spec+string(verb))
			if err != nil {
				return "", newExc(excType, err.Error())
			}
			b.WriteString(s)
		default:
			return "", newExc(excValue, fmt.Sprintf("unsupported format character '%c'", verb))
		}
		i = j
	}
	if n < len(args) {
		return "", newExc(excType, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// percentSpec turns %-format flags into a format spec: right-aligned
// unless '-', '0' pads numbers, '+' and ' ' are signs.
func percentSpec(flags string) string {
	align, sign, zero := ">", "", ""
	i := 0
	for ; i < len(flags) && strings.IndexByte("-+ 0", flags[i]) >= 0; i++ {
		switch flags[i] {
		case '-':
			align = "<"
		case '+', ' ':
			sign = flags[i : i+1]
		case '0':
			zero = "0"
		}
	}
	rest := flags[i:]
	if rest == "" || rest[0] == '.' {
		return sign + rest
	}
	if zero != "" && align == ">" {
		return sign + "0" + rest
	}
	return align + sign + rest
}

// sysModule is sys as programs use it in passing: stdout and stderr
// (both the console), argv, version, platform, exit.
// excSystemExit ends a script without a traceback (sys.exit).
var excSystemExit = &ExcType{Name: "SystemExit", Parent: excBase}
