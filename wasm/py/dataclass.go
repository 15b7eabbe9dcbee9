package py

import (
	"fmt"
	"strings"
)

// dataclass is what @dataclass adds to a class: fields from its
// annotations (its bases' first), and the __init__, __repr__ and __eq__
// (and, with order=True, the comparisons) CPython generates from them.
type dataclass struct {
	fields []dcField
	frozen bool
	order  bool
	eq     bool
}

type dcField struct {
	name    string
	def     Value
	hasDef  bool
	factory Value
}

// fieldSpec is what dataclasses.field() returns.
type fieldSpec struct {
	def     Value
	hasDef  bool
	factory Value
}

func (*fieldSpec) TypeName() string          { return "Field" }
func (*fieldSpec) Attr(string) (Value, bool) { return nil, false }
func (*fieldSpec) String() string            { return "Field()" }

// dataclassDecorator is dataclass(frozen=True, ...) waiting for its class.
type dataclassDecorator struct{ frozen, order, eq bool }

func dataclassesModule() *Module {
	return &Module{Name: "dataclasses", Attrs: map[string]Value{
		"dataclass":           &Builtin{Name: "dataclass", Fn: pureBuiltin(builtinDataclass)},
		"field":               &Builtin{Name: "field", Fn: pureBuiltin(builtinField)},
		"asdict":              &Builtin{Name: "asdict", Fn: pureBuiltin(builtinAsdict)},
		"FrozenInstanceError": excFrozen,
	}}
}

func builtinDataclass(c *call) (Value, *Exception) {
	d := &dataclassDecorator{eq: true}
	for i, k := range c.kw {
		switch k {
		case "frozen":
			d.frozen = truthy(c.kwVals[i])
		case "order":
			d.order = truthy(c.kwVals[i])
		case "eq":
			d.eq = truthy(c.kwVals[i])
		case "repr", "init", "unsafe_hash", "slots", "kw_only", "match_args":
		default:
			return nil, c.errorf("dataclass() got an unexpected keyword argument '%s'", k)
		}
	}
	if len(c.args) == 0 {
		return &Builtin{Name: "dataclass", Fn: pureBuiltin(func(c2 *call) (Value, *Exception) {
			if len(c2.args) != 1 {
				return nil, c2.errorf("dataclass() takes a class")
			}
			return d.apply(c2.args[0])
		})}, nil
	}
	return d.apply(c.args[0])
}

func (d *dataclassDecorator) apply(v Value) (Value, *Exception) {
	var cls *Class
	switch x := v.(type) {
	case *Class:
		cls = x
	case *ExcType:
		cls = x.Class
	}
	if cls == nil {
		return nil, newExc(excType, "dataclass() should be called on a class")
	}
	dc := &dataclass{frozen: d.frozen, order: d.order, eq: d.eq}
	seen := map[string]int{}
	for i := len(cls.MRO) - 1; i >= 1; i-- {
		if b := cls.MRO[i].data; b != nil {
			for _, f := range b.fields {
				if j, ok := seen[f.name]; ok {
					dc.fields[j] = f
					continue
				}
				seen[f.name] = len(dc.fields)
				dc.fields = append(dc.fields, f)
			}
		}
	}
	for _, name := range cls.Annotations {
		f := dcField{name: name}
		if v, ok := cls.Dict[name]; ok {
			if spec, isSpec := v.(*fieldSpec); isSpec {
				f.def, f.hasDef, f.factory = spec.def, spec.hasDef, spec.factory
				if spec.hasDef {
					cls.Dict[name] = spec.def
				} else {
					delete(cls.Dict, name)
				}
			} else {
				if _, mutable := v.(*List); mutable {
					return nil, newExc(excValue, fmt.Sprintf("mutable default <class 'list'> for field %s is not allowed: use default_factory", name))
				}
				if _, mutable := v.(*Dict); mutable {
					return nil, newExc(excValue, fmt.Sprintf("mutable default <class 'dict'> for field %s is not allowed: use default_factory", name))
				}
				f.def, f.hasDef = v, true
			}
		}
		if j, ok := seen[name]; ok {
			dc.fields[j] = f
			continue
		}
		seen[name] = len(dc.fields)
		dc.fields = append(dc.fields, f)
	}
	defaulted := false
	for _, f := range dc.fields {
		has := f.hasDef || f.factory != nil
		if defaulted && !has {
			return nil, newExc(excType, fmt.Sprintf("non-default argument '%s' follows default argument", f.name))
		}
		defaulted = defaulted || has
	}
	cls.data = dc
	return cls.value(), nil
}

func builtinField(c *call) (Value, *Exception) {
	spec := &fieldSpec{}
	for i, k := range c.kw {
		switch k {
		case "default":
			spec.def, spec.hasDef = c.kwVals[i], true
		case "default_factory":
			spec.factory = c.kwVals[i]
		case "repr", "compare", "hash", "init", "metadata", "kw_only":
		default:
			return nil, c.errorf("field() got an unexpected keyword argument '%s'", k)
		}
	}
	if len(c.args) > 0 {
		return nil, c.errorf("field() takes keyword arguments only")
	}
	return spec, nil
}

// init binds the generated __init__'s arguments to the fields.
func (dc *dataclass) init(f *Fiber, inst *Instance, args []Value, kw []string, kwVals []Value) *Exception {
	name := inst.Class.Name
	if len(args) > len(dc.fields) {
		return newExc(excType, fmt.Sprintf("%s.__init__() takes %d positional arguments but %d were given", name, len(dc.fields)+1, len(args)+1))
	}
	vals := make([]Value, len(dc.fields))
	set := make([]bool, len(dc.fields))
	for i, a := range args {
		vals[i], set[i] = a, true
	}
	for j, k := range kw {
		i := -1
		for n, fl := range dc.fields {
			if fl.name == k {
				i = n
			}
		}
		switch {
		case i < 0:
			return newExc(excType, fmt.Sprintf("%s.__init__() got an unexpected keyword argument '%s'", name, k))
		case set[i]:
			return newExc(excType, fmt.Sprintf("%s.__init__() got multiple values for argument '%s'", name, k))
		}
		vals[i], set[i] = kwVals[j], true
	}
	var missing []string
	for i, fl := range dc.fields {
		switch {
		case set[i]:
		case fl.factory != nil:
			v, exc := f.callSync(fl.factory, nil)
			if exc != nil {
				return exc
			}
			vals[i] = v
		case fl.hasDef:
			vals[i] = fl.def
		default:
			missing = append(missing, "'"+fl.name+"'")
		}
	}
	if len(missing) > 0 {
		return newExc(excType, fmt.Sprintf("%s.__init__() missing %d required positional argument%s: %s", name, len(missing), plural(len(missing)), joinAnd(missing)))
	}
	for i, fl := range dc.fields {
		inst.setAttr(fl.name, vals[i])
	}
	return nil
}

// joinAnd writes 'a', 'b' and 'c' as CPython's messages do.
func joinAnd(items []string) string {
	switch len(items) {
	case 1:
		return items[0]
	case 2:
		return items[0] + " and " + items[1]
	}
	return strings.Join(items[:len(items)-1], ", ") + ", and " + items[len(items)-1]
}

// repr is the generated __repr__: Point(x=1, y=2).
func (dc *dataclass) repr(w *reprWriter, inst *Instance) {
	w.WriteString(inst.Class.Name)
	w.WriteByte('(')
	for i, fl := range dc.fields {
		if i > 0 {
			w.WriteString(", ")
		}
		w.WriteString(fl.name)
		w.WriteByte('=')
		w.write(inst.Attrs[fl.name])
	}
	w.WriteByte(')')
}

// values is the tuple the generated __eq__ and comparisons compare.
func (dc *dataclass) values(inst *Instance) *Tuple {
	items := make([]Value, len(dc.fields))
	for i, fl := range dc.fields {
		items[i] = inst.Attrs[fl.name]
	}
	return &Tuple{Items: items}
}

func builtinAsdict(c *call) (Value, *Exception) {
	if len(c.args) != 1 {
		return nil, c.errorf("asdict() takes one dataclass instance")
	}
	inst, ok := c.args[0].(*Instance)
	if !ok || inst.Class.data == nil {
		return nil, c.errorf("asdict() should be called on dataclass instances")
	}
	return asdict(inst, 0), nil
}

func asdict(v Value, depth int) Value {
	if depth > maxNesting {
		return v
	}
	switch x := v.(type) {
	case *Instance:
		if x.Class.data == nil {
			return v
		}
		d := newDict()
		for _, fl := range x.Class.data.fields {
			d.Set(fl.name, asdict(x.Attrs[fl.name], depth+1))
		}
		return d
	case *List:
		out := make([]Value, len(x.Items))
		for i, it := range x.Items {
			out[i] = asdict(it, depth+1)
		}
		return &List{Items: out}
	}
	return v
}
