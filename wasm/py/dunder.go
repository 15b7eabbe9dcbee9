package py

import "fmt"

// The special methods Go code calls on objects of class statements:
// repr and str, ==, <, arithmetic, len, truth, iteration, in and
// subscripts. Each falls back to what object (or a dataclass, or an enum)
// does when the class does not define it.

// instanceRepr writes repr(v) for an instance, or reports false when v
// is not one.
func (w *reprWriter) instance(v Value) bool {
	switch x := v.(type) {
	case strReprer:
		w.WriteString(x.Repr())
		return true
	case *Instance:
		if s, ok, exc := callDunder(x, "__repr__"); ok {
			w.dunderText(s, exc, "__repr__")
			return true
		}
		if m, _ := enumMember(x); m != nil {
			fmt.Fprintf(w, "<%s.%s: ", x.Class.Name, str(m.Attrs["name"]))
			w.write(m.Attrs["value"])
			w.WriteByte('>')
			return true
		}
		if x.Class.data != nil {
			if w.enter(x, "...") {
				x.Class.data.repr(w, x)
				w.leave()
			}
			return true
		}
		fmt.Fprintf(w, "<%s.%s object at %s>", x.Class.moduleName(), x.Class.Name, x.address())
		return true
	case *Exception:
		if s, ok, exc := callDunder(x, "__repr__"); ok {
			w.dunderText(s, exc, "__repr__")
			return true
		}
	case *Class:
		fmt.Fprintf(w, "<class '%s'>", qualified(x))
		return true
	case *Method:
		fmt.Fprintf(w, "<bound method %s.%s of ", classOfName(x.Self), x.Fn.Code.Name)
		w.write(x.Self)
		w.WriteByte('>')
		return true
	case *superObj:
		fmt.Fprintf(w, "<super: <class '%s'>, <%s object>>", x.cls.Name, typeName(x.self))
		return true
	case *property:
		w.WriteString("<property object>")
		return true
	case *staticMethod:
		w.WriteString("<staticmethod object>")
		return true
	case *classMethod:
		w.WriteString("<classmethod object>")
		return true
	}
	return false
}

func qualified(c *Class) string {
	switch c {
	case objectClass:
		return "object"
	case enumClass, intEnumClass, strEnumClass:
		return "enum." + c.Name
	}
	return c.moduleName() + "." + c.Name
}

func classOfName(v Value) string {
	if c := classOf(v); c != nil {
		return c.Name
	}
	return typeName(v)
}

// dunderText writes what a __repr__ or __str__ returned.
func (w *reprWriter) dunderText(s Value, exc *Exception, name string) {
	if exc != nil {
		w.err = exc
		return
	}
	text, ok := s.(string)
	if !ok {
		w.err = newExc(excType, fmt.Sprintf("%s returned non-string (type %s)", name, typeName(s)))
		return
	}
	w.WriteString(text)
}

// instanceStr is str(v) for an instance or user exception, or false.
func instanceStr(v Value) (string, bool, *Exception) {
	cls := classOf(v)
	if cls == nil {
		return "", false, nil
	}
	if s, ok, exc := callDunder(v, "__str__"); ok {
		if exc != nil {
			return "", true, exc
		}
		text, isStr := s.(string)
		if !isStr {
			return "", true, newExc(excType, fmt.Sprintf("__str__ returned non-string (type %s)", typeName(s)))
		}
		return text, true, nil
	}
	if m, info := enumMember(v); m != nil {
		if info.kind == intEnumClass || info.kind == strEnumClass {
			return str(m.Attrs["value"]), true, nil
		}
		return cls.Name + "." + str(m.Attrs["name"]), true, nil
	}
	if _, isExc := v.(*Exception); isExc {
		return "", false, nil
	}
	s, exc := reprChecked(v)
	return s, true, exc
}

// instanceEq is x == y where the comparison itself may raise (an
// __eq__ that raises): the == operator's own path.
func instanceEq(x, y Value) (bool, *Exception) {
	for _, pair := range [][2]Value{{x, y}, {y, x}} {
		if r, found, exc := callDunder(pair[0], "__eq__", pair[1]); found {
			if exc != nil {
				return false, exc
			}
			if r != notImplemented {
				return truthy(r), nil
			}
		}
	}
	eq, _ := equalWithoutEq(x, y)
	return eq, nil
}

// instanceEqual is x == y when either is an instance: __eq__ (or a
// dataclass's fields), else identity. ok is false when neither is one.
// Inside containers an __eq__ that raises is passed over.
func instanceEqual(x, y Value) (eq, ok bool) {
	for _, pair := range [][2]Value{{x, y}, {y, x}} {
		if r, found, exc := callDunder(pair[0], "__eq__", pair[1]); found {
			if exc == nil && r != notImplemented {
				return truthy(r), true
			}
		}
	}
	return equalWithoutEq(x, y)
}

// equalWithoutEq is == for instances when no __eq__ decides: an IntEnum
// member against its int, a dataclass's fields, else identity. ok is
// false when neither is an instance.
func equalWithoutEq(x, y Value) (eq, ok bool) {
	xi, xok := x.(*Instance)
	yi, yok := y.(*Instance)
	if !xok && !yok {
		return false, false
	}
	if px, py := mixinValue(x), mixinValue(y); (px != x) != (py != y) {
		return equal(px, py), true // an IntEnum member equals its int
	}
	if xok && yok && xi.Class == yi.Class && xi.Class.data != nil && xi.Class.data.eq {
		return equal(xi.Class.data.values(xi), yi.Class.data.values(yi)), true
	}
	return x == y, true
}

// reflected names the special method for an operator and its mirror.
var orderDunders = map[string][2]string{
	"<": {"__lt__", "__gt__"}, ">": {"__gt__", "__lt__"},
	"<=": {"__le__", "__ge__"}, ">=": {"__ge__", "__le__"},
}

// instanceOrder is x op y (op one of < > <= >=) for instances.
func instanceOrder(op string, x, y Value) (bool, bool, *Exception) {
	if classOf(x) == nil && classOf(y) == nil {
		return false, false, nil
	}
	names := orderDunders[op]
	if r, found, exc := callDunder(x, names[0], y); found {
		if exc != nil {
			return false, true, exc
		}
		if r != notImplemented {
			return truthy(r), true, nil
		}
	}
	if r, found, exc := callDunder(y, names[1], x); found {
		if exc != nil {
			return false, true, exc
		}
		if r != notImplemented {
			return truthy(r), true, nil
		}
	}
	xi, xok := x.(*Instance)
	yi, yok := y.(*Instance)
	if xok && yok && xi.Class == yi.Class && xi.Class.data != nil && xi.Class.data.order {
		c, exc := order(xi.Class.data.values(xi), yi.Class.data.values(yi), op, 0)
		if exc != nil {
			return false, true, exc
		}
		switch op {
		case "<":
			return c < 0, true, nil
		case ">":
			return c > 0, true, nil
		case "<=":
			return c <= 0, true, nil
		}
		return c >= 0, true, nil
	}
	if px, py := mixinValue(x), mixinValue(y); px != x || py != y {
		b, exc := compare(op, px, py)
		return b, true, exc
	}
	return false, true, newExc(excType, fmt.Sprintf("'%s' not supported between instances of '%s' and '%s'", op, typeName(x), typeName(y)))
}

var binaryDunders = map[string]string{
	"+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod",
	"**": "pow", "@": "matmul", "|": "or", "&": "and", "^": "xor", "<<": "lshift", ">>": "rshift",
}

// instanceBinary is x op y when either is an instance: __add__, then
// the other's __radd__.
func instanceBinary(op string, x, y Value) (Value, bool, *Exception) {
	if classOf(x) == nil && classOf(y) == nil {
		return nil, false, nil
	}
	name := binaryDunders[op]
	if r, found, exc := callDunder(x, "__"+name+"__", y); found && (exc != nil || r != notImplemented) {
		return r, true, exc
	}
	if r, found, exc := callDunder(y, "__r"+name+"__", x); found && (exc != nil || r != notImplemented) {
		return r, true, exc
	}
	if px, py := mixinValue(x), mixinValue(y); px != x || py != y {
		v, exc := binary(op, px, py)
		return v, true, exc
	}
	return nil, true, newExc(excType, fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", op, typeName(x), typeName(y)))
}

// instanceLen is len(x) for an instance or an enum class.
func instanceLen(v Value) (int64, bool, *Exception) {
	if cls, ok := v.(*Class); ok && cls.enum != nil {
		return int64(len(cls.enum.members)), true, nil
	}
	r, found, exc := callDunder(v, "__len__")
	if !found {
		return 0, false, nil
	}
	if exc != nil {
		return 0, true, exc
	}
	n, ok := r.(int64)
	if !ok {
		return 0, true, newExc(excType, fmt.Sprintf("'%s' object cannot be interpreted as an integer", typeName(r)))
	}
	return n, true, nil
}

// instanceTruthy is bool(x) for an instance: __bool__, then __len__.
func instanceTruthy(v Value) (bool, bool) {
	if r, found, exc := callDunder(v, "__bool__"); found {
		return exc == nil && truthy(r), true
	}
	if n, found, exc := instanceLen(v); found {
		return exc == nil && n > 0, true
	}
	return false, false
}

// instanceIter is iter(x) for an instance (its __iter__) or an enum
// class (its members).
func instanceIter(v Value) (Value, bool, *Exception) {
	if cls, ok := v.(*Class); ok && cls.enum != nil {
		items := make([]Value, len(cls.enum.members))
		for i, m := range cls.enum.members {
			items[i] = m
		}
		return &itemsIter{items: items}, true, nil
	}
	cls := classOf(v)
	if cls == nil {
		return nil, false, nil
	}
	if _, ok := cls.defines("__next__"); ok {
		if _, own := cls.defines("__iter__"); !own {
			return &nextIter{obj: v}, true, nil
		}
	}
	r, found, exc := callDunder(v, "__iter__")
	if !found {
		if _, ok := cls.defines("__getitem__"); ok {
			return nil, true, newExc(excType, "iterating with __getitem__ alone is not simulated; define __iter__")
		}
		return nil, true, newExc(excType, fmt.Sprintf("'%s' object is not iterable", cls.Name))
	}
	if exc != nil {
		return nil, true, exc
	}
	if it, ok := r.(iterator); ok {
		return it, true, nil
	}
	if classOf(r) != nil {
		return &nextIter{obj: r}, true, nil
	}
	it, exc := getIter(r)
	return it, true, exc
}

// nextIter iterates an object with __next__ until it raises StopIteration.
type nextIter struct {
	obj  Value
	err  *Exception
	done bool
}

func (it *nextIter) next() (Value, bool) {
	if it.done {
		return nil, false
	}
	v, _, exc := callDunder(it.obj, "__next__")
	if exc != nil {
		it.done = true
		if !exc.Type.isA(excStopIteration) {
			it.err = exc
		}
		return nil, false
	}
	return v, true
}

func (*nextIter) TypeName() string          { return "iterator" }
func (*nextIter) Attr(string) (Value, bool) { return nil, false }

// excStopIteration ends an iterator.
var excStopIteration = &ExcType{Name: "StopIteration", Parent: excException}

// instanceContains is x in obj for an instance: __contains__, else its
// iteration.
func instanceContains(container, x Value) (bool, bool, *Exception) {
	if cls, ok := container.(*Class); ok && cls.enum != nil {
		for _, m := range cls.enum.members {
			if m == x {
				return true, true, nil
			}
		}
		return false, true, nil
	}
	if g, ok := container.(*Generator); ok && !g.Async {
		it := &genIter{g: g}
		for v, more := it.next(); more; v, more = it.next() {
			if equal(v, x) {
				return true, true, nil
			}
		}
		return false, true, it.err
	}
	if classOf(container) == nil {
		return false, false, nil
	}
	if r, found, exc := callDunder(container, "__contains__", x); found {
		return exc == nil && truthy(r), true, exc
	}
	it, _, exc := instanceIter(container)
	if exc != nil {
		return false, true, exc
	}
	for n := 0; n < maxIterate; n++ {
		v, ok := it.(iterator).next()
		if !ok {
			break
		}
		if equal(v, x) {
			return true, true, nil
		}
	}
	return false, true, nil
}

// instanceGetItem is obj[i] for an instance, or Color['RED'] for an enum.
func instanceGetItem(x, i Value) (Value, bool, *Exception) {
	if cls, ok := x.(*Class); ok && cls.enum != nil {
		name, _ := i.(string)
		for _, m := range cls.enum.members {
			if m.Attrs["name"] == name {
				return m, true, nil
			}
		}
		return nil, true, &Exception{Type: excKey, Args: []Value{i}}
	}
	if _, ok := x.(*Class); ok {
		return x, true, nil // a generic alias such as Queue[int] in an annotation
	}
	if classOf(x) == nil {
		return nil, false, nil
	}
	r, found, exc := callDunder(x, "__getitem__", i)
	if !found {
		return nil, true, newExc(excType, fmt.Sprintf("'%s' object is not subscriptable", typeName(x)))
	}
	return r, true, exc
}

// instanceHash is the dict key of an instance: the object itself, unless
// its class defines __eq__ without __hash__ (then it is unhashable, as
// in Python), or is a frozen dataclass (its fields).
func instanceHash(inst *Instance, d int) (any, bool) {
	cls := inst.Class
	if _, ok := cls.defines("__hash__"); ok {
		r, _, exc := callDunder(inst, "__hash__")
		if exc != nil {
			return nil, false
		}
		return hashKeyAt(r, d+1)
	}
	if dc := cls.data; dc != nil && dc.eq {
		if !dc.frozen {
			return nil, false
		}
		k, ok := hashKeyAt(dc.values(inst), d+1)
		return instanceKey{cls: cls, key: k}, ok
	}
	if _, ok := cls.defines("__eq__"); ok {
		return nil, false
	}
	return inst, true
}

// instanceKey is a frozen dataclass's dict key: its class and its fields.
type instanceKey struct {
	cls *Class
	key any
}

// typeNameOf is type(v).__name__ for the values of class statements.
func instanceTypeName(v Value) (string, bool) {
	switch x := v.(type) {
	case *Instance:
		return x.Class.Name, true
	case *Class:
		if x.enum != nil {
			return "EnumType", true
		}
		return "type", true
	case *Method:
		return "method", true
	case *superObj:
		return "super", true
	case *property:
		return "property", true
	case *staticMethod:
		return "staticmethod", true
	case *classMethod:
		return "classmethod", true
	case notImplementedType:
		return "NotImplementedType", true
	}
	return "", false
}

// mixinValue is the int or str an IntEnum or StrEnum member stands for
// in arithmetic and comparisons, or v itself.
func mixinValue(v Value) Value {
	if m, info := enumMember(v); m != nil && info.kind != enumClass {
		return m.Attrs["value"]
	}
	return v
}

// strReprer is a library value whose str and repr differ (a datetime).
type strReprer interface {
	String() string
	Repr() string
}
