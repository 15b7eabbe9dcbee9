package py

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/sim"
)

// The Go half of pydantic (the rest is lib/pydantic): _validate checks
// and converts one value against an annotation, as pydantic 2's lax
// mode does for the types programs use in request models.

func pydanticModule() *Module {
	return &Module{Name: "pydantic", Attrs: map[string]Value{
		"_validate": &Builtin{Name: "_validate", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			if len(c.args) != 2 {
				return nil, c.errorf("_validate needs an annotation and a value")
			}
			v, msg, exc := validateValue(c.f, c.args[0], c.args[1], 0)
			if exc != nil {
				return nil, exc
			}
			if msg != "" {
				return &Tuple{Items: []Value{false, msg}}, nil
			}
			return &Tuple{Items: []Value{true, v}}, nil
		})},
	}}
}

// validateValue converts v to the annotation's type, or says why not.
func validateValue(f *Fiber, ann, v Value, depth int) (Value, string, *Exception) {
	if depth > maxNesting {
		return nil, "nested too deeply", nil
	}
	switch t := ann.(type) {
	case nil:
		if v == nil {
			return nil, "", nil
		}
		return nil, "Input should be None", nil
	case string:
		return v, "", nil // an annotation LoopLab keeps as text: not checked
	case *Builtin:
		return validateBuiltin(t.Name, v)
	case *typingForm:
		return validateForm(f, t, v, depth)
	case *Class:
		if t.enum != nil {
			m, exc := enumLookup(t, []Value{v})
			if exc != nil {
				return nil, "Input should be " + enumChoices(t), nil
			}
			return m, "", nil
		}
		if own := classOf(v); own != nil && own.isSubclass(t) {
			return v, "", nil
		}
		if d, ok := v.(*Dict); ok && isModelClass(t) {
			var kw []string
			var kwv []Value
			for i, k := range d.Keys {
				kw = append(kw, str(k))
				kwv = append(kwv, d.Values[i])
			}
			m, exc := f.runStopped(func() (sim.Effect, *Exception) { return f.callValue(t, nil, kw, kwv) }, t.Name+"()")
			if exc != nil {
				if strings.Contains(exc.Type.Name, "ValidationError") {
					return nil, "Input should be a valid " + t.Name + ": " + strings.ReplaceAll(exc.message(), "\n", " "), nil
				}
				return nil, "", exc
			}
			return m, "", nil
		}
		return nil, "Input should be a valid dictionary or instance of " + t.Name, nil
	}
	return v, "", nil
}

func isModelClass(c *Class) bool { return libClass(c, "pydantic/main.py", "BaseModel") }

func enumChoices(c *Class) string {
	var parts []string
	for _, m := range c.enum.members {
		parts = append(parts, repr(m.Attrs["value"]))
	}
	return strings.Join(parts, " or ")
}

func validateBuiltin(name string, v Value) (Value, string, *Exception) {
	switch name {
	case "int":
		switch x := v.(type) {
		case int64:
			return x, "", nil
		case bool:
			return boolInt(x), "", nil
		case float64:
			if x == float64(int64(x)) {
				return int64(x), "", nil
			}
			return nil, "Input should be a valid integer, got a number with a fractional part", nil
		case string:
			if n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
				return n, "", nil
			}
			return nil, "Input should be a valid integer, unable to parse string as an integer", nil
		}
		return nil, "Input should be a valid integer", nil
	case "float":
		switch x := v.(type) {
		case int64:
			return float64(x), "", nil
		case float64:
			return x, "", nil
		case bool:
			return float64(boolInt(x)), "", nil
		case string:
			if n, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
				return n, "", nil
			}
			return nil, "Input should be a valid number, unable to parse string as a number", nil
		}
		return nil, "Input should be a valid number", nil
	case "str":
		if s, ok := v.(string); ok {
			return s, "", nil
		}
		return nil, "Input should be a valid string", nil
	case "bool":
		switch x := v.(type) {
		case bool:
			return x, "", nil
		case int64:
			if x == 0 || x == 1 {
				return x == 1, "", nil
			}
		case string:
			switch strings.ToLower(x) {
			case "true", "1", "yes", "on", "t", "y":
				return true, "", nil
			case "false", "0", "no", "off", "f", "n":
				return false, "", nil
			}
		}
		return nil, "Input should be a valid boolean", nil
	case "list", "tuple":
		switch x := v.(type) {
		case *List:
			if name == "tuple" {
				return &Tuple{Items: append([]Value{}, x.Items...)}, "", nil
			}
			return x, "", nil
		case *Tuple:
			if name == "list" {
				return &List{Items: append([]Value{}, x.Items...)}, "", nil
			}
			return x, "", nil
		}
		return nil, "Input should be a valid " + name, nil
	case "dict":
		if d, ok := v.(*Dict); ok {
			return d, "", nil
		}
		return nil, "Input should be a valid dictionary", nil
	case "set", "frozenset":
		switch v.(type) {
		case *List, *Tuple, *Set:
			s := newSet(name == "frozenset")
			if exc := s.update(v); exc != nil {
				return nil, "Input should be a valid set", nil
			}
			return s, "", nil
		}
		return nil, "Input should be a valid set", nil
	}
	return v, "", nil
}

func validateForm(f *Fiber, t *typingForm, v Value, depth int) (Value, string, *Exception) {
	switch t.name {
	case "Optional":
		if v == nil {
			return nil, "", nil
		}
		if len(t.args) == 1 {
			return validateValue(f, t.args[0], v, depth+1)
		}
	case "Union":
		var msgs []string
		for _, a := range t.args {
			r, msg, exc := validateValue(f, a, v, depth+1)
			if exc != nil || msg == "" {
				return r, msg, exc
			}
			msgs = append(msgs, msg)
		}
		return nil, strings.Join(msgs, "; "), nil
	case "List", "list", "Sequence", "Set", "set":
		isSet := t.name == "Set" || t.name == "set"
		items, ok := v.(*List)
		if s, given := v.(*Set); given && isSet {
			items, ok = &List{Items: s.Items()}, true
		}
		if !ok {
			return nil, "Input should be a valid list", nil
		}
		out := items
		if len(t.args) > 0 {
			out = &List{}
		}
		for i, it := range items.Items {
			if len(t.args) == 0 {
				break
			}
			r, msg, exc := validateValue(f, t.args[0], it, depth+1)
			if exc != nil {
				return nil, "", exc
			}
			if msg != "" {
				return nil, fmt.Sprintf("item %d: %s", i, msg), nil
			}
			out.Items = append(out.Items, r)
		}
		if isSet {
			set := newSet(false)
			if exc := set.update(out); exc != nil {
				return nil, "Input should be a valid set", nil
			}
			return set, "", nil
		}
		return out, "", nil
	case "Dict", "dict", "Mapping":
		d, ok := v.(*Dict)
		if !ok {
			return nil, "Input should be a valid dictionary", nil
		}
		if len(t.args) != 2 {
			return d, "", nil
		}
		out := newDict()
		for i, k := range d.Keys {
			r, msg, exc := validateValue(f, t.args[1], d.Values[i], depth+1)
			if exc != nil {
				return nil, "", exc
			}
			if msg != "" {
				return nil, fmt.Sprintf("value for %s: %s", repr(k), msg), nil
			}
			out.Set(k, r)
		}
		return out, "", nil
	case "Literal":
		for _, a := range t.args {
			if equal(a, v) {
				return v, "", nil
			}
		}
		var parts []string
		for _, a := range t.args {
			parts = append(parts, repr(a))
		}
		return nil, "Input should be " + strings.Join(parts, " or "), nil
	}
	return v, "", nil
}
