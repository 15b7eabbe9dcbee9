package py

import (
	"fmt"
	"math/big"
	"unicode/utf8"
)

// The builtins that classes need: super, isinstance, type, getattr and
// friends, and the decorators property, staticmethod and classmethod.

// superObj is super(cls, obj): attribute lookup that starts after cls in
// obj's method resolution order.
type superObj struct {
	cls  *Class
	self Value
}

func init() {
	for name, fn := range map[string]func(c *call) (Value, *Exception){
		"super": builtinSuper, "isinstance": builtinIsinstance, "issubclass": builtinIssubclass,
		"type": builtinType, "getattr": builtinGetattr, "setattr": builtinSetattr,
		"hasattr": builtinHasattr, "property": builtinProperty, "callable": builtinCallable,
		"staticmethod": func(c *call) (Value, *Exception) { return &staticMethod{fn: c.args[0]}, oneArg(c) },
		"classmethod":  func(c *call) (Value, *Exception) { return &classMethod{fn: c.args[0]}, oneArg(c) },
		"id":           builtinID, "iter": builtinIter, "next": builtinNext,
	} {
		builtins[name] = &Builtin{Name: name, Fn: pureBuiltin(fn)}
	}
	builtins["object"] = objectClass
	builtins["NotImplemented"] = notImplemented
	builtins["StopIteration"] = excStopIteration
	builtins["StopAsyncIteration"] = excStopAsyncIteration
}

func oneArg(c *call) *Exception {
	if len(c.args) != 1 {
		return c.errorf("%s() takes exactly one argument", c.name)
	}
	return nil
}

// asClass is the class statement's class a value names, if any.
func asClass(v Value) *Class {
	switch x := v.(type) {
	case *Class:
		return x
	case *ExcType:
		return x.Class
	}
	return nil
}

func builtinSuper(c *call) (Value, *Exception) {
	if len(c.args) != 2 {
		return nil, c.errorf("super() without arguments works only inside a method; give it the class and the object")
	}
	cls := asClass(c.args[0])
	if cls == nil {
		return nil, c.errorf("super() argument 1 must be a class, not %s", typeName(c.args[0]))
	}
	return &superObj{cls: cls, self: c.args[1]}, nil
}

func (s *superObj) TypeName() string { return "super" }

// attr looks name up in the classes after s.cls in the object's order.
func (s *superObj) Attr(name string) (Value, bool) {
	var mro []*Class
	if own := asClass(s.self); own != nil {
		mro = own.MRO // super() in a classmethod: self is the class
	} else if own := classOf(s.self); own != nil {
		mro = own.MRO
	}
	after := false
	for _, c := range mro {
		if after {
			if v, ok := c.Dict[name]; ok {
				if cm, isCM := v.(*classMethod); isCM {
					if fn, ok := cm.fn.(*Function); ok {
						return &Method{Self: s.self, Fn: fn}, true
					}
				}
				if _, ok := asClassValue(s.self); ok {
					return bind(v, nil, c), true
				}
				return bind(v, s.self, c), true
			}
		}
		if c == s.cls {
			after = true
		}
	}
	if name == "__init__" {
		// object's __init__, or an exception's, which sets its args
		return &Builtin{Name: "__init__", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			if e, ok := s.self.(*Exception); ok {
				e.Args = c.args
			}
			return nil, nil
		})}, true
	}
	if e, ok := s.self.(*Exception); ok {
		if name == "__str__" {
			return &Builtin{Name: "__str__", Fn: pureBuiltin(func(c *call) (Value, *Exception) { return e.message(), nil })}, true
		}
	}
	if name == "__repr__" || name == "__str__" {
		if inst, ok := s.self.(*Instance); ok {
			return &Builtin{Name: name, Fn: pureBuiltin(func(c *call) (Value, *Exception) {
				return fmt.Sprintf("<%s.%s object at %s>", inst.Class.moduleName(), inst.Class.Name, inst.address()), nil
			})}, true
		}
	}
	return nil, false
}

func asClassValue(v Value) (*Class, bool) {
	c, ok := v.(*Class)
	return c, ok
}

// builtinTypes are the builtin functions that are also types, for
// isinstance and type().
var builtinTypes = map[string]func(Value) bool{
	"int":       func(v Value) bool { _, i := v.(int64); _, b := v.(bool); _, g := v.(*big.Int); return i || b || g },
	"float":     func(v Value) bool { _, ok := v.(float64); return ok },
	"str":       func(v Value) bool { _, ok := v.(string); return ok },
	"bytes":     func(v Value) bool { _, ok := v.(Bytes); return ok },
	"bool":      func(v Value) bool { _, ok := v.(bool); return ok },
	"list":      func(v Value) bool { _, ok := v.(*List); return ok },
	"tuple":     func(v Value) bool { _, ok := v.(*Tuple); return ok },
	"dict":      func(v Value) bool { _, ok := mappingOf(v); return ok }, // Counter and kin too
	"range":     func(v Value) bool { _, ok := v.(*rangeVal); return ok },
	"set":       func(v Value) bool { s, ok := v.(*Set); return ok && !s.Frozen },
	"frozenset": func(v Value) bool { s, ok := v.(*Set); return ok && s.Frozen },
}

func isInstance(v, cls Value) (bool, *Exception) {
	switch c := cls.(type) {
	case *Tuple:
		for _, it := range c.Items {
			if ok, exc := isInstance(v, it); ok || exc != nil {
				return ok, exc
			}
		}
		return false, nil
	case *Class:
		if c == objectClass {
			return true, nil
		}
		own := classOf(v)
		if own == nil {
			return false, nil
		}
		return own.isSubclass(c), nil
	case *ExcType:
		e, ok := v.(*Exception)
		return ok && e.Type.isA(c), nil
	case *LibType:
		// a library's type (random.Random, datetime): its values go by
		// its name
		return typeName(v) == c.Name, nil
	case *Builtin:
		if test, ok := builtinTypes[c.Name]; ok {
			if m, info := enumMember(v); m != nil && info.kind != enumClass {
				return test(m.Attrs["value"]), nil
			}
			return test(v), nil
		}
	}
	return false, newExc(excType, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func builtinIsinstance(c *call) (Value, *Exception) {
	if len(c.args) != 2 {
		return nil, c.errorf("isinstance expected 2 arguments, got %d", len(c.args))
	}
	ok, exc := isInstance(c.args[0], c.args[1])
	return ok, exc
}

func builtinIssubclass(c *call) (Value, *Exception) {
	if len(c.args) != 2 {
		return nil, c.errorf("issubclass expected 2 arguments, got %d", len(c.args))
	}
	if t, ok := c.args[1].(*Tuple); ok {
		for _, cls := range t.Items {
			r, exc := builtinIssubclass(&call{f: c.f, name: c.name, args: []Value{c.args[0], cls}})
			if exc != nil || r == true {
				return r, exc
			}
		}
		return false, nil
	}
	switch a := c.args[0].(type) {
	case *Class:
		if b := asClass(c.args[1]); b != nil {
			return a.isSubclass(b), nil
		}
		return c.args[1] == objectClass, nil
	case *ExcType:
		if b, ok := c.args[1].(*ExcType); ok {
			return a.isA(b), nil
		}
		if b, ok := c.args[1].(*Class); ok && a.Class != nil {
			return a.Class.isSubclass(b), nil
		}
		return c.args[1] == objectClass, nil
	}
	return nil, c.errorf("issubclass() arg 1 must be a class")
}

func builtinType(c *call) (Value, *Exception) {
	if len(c.args) != 1 {
		return nil, c.errorf("type() with three arguments is not simulated")
	}
	v := c.args[0]
	if cls := classOf(v); cls != nil {
		return cls.value(), nil
	}
	switch x := v.(type) {
	case *Exception:
		return x.Type, nil
	}
	for name, test := range builtinTypes {
		if name != "int" && test(v) {
			return builtins[name], nil
		}
	}
	if builtinTypes["int"](v) {
		return builtins["int"], nil
	}
	return &typeObj{name: typeName(v)}, nil
}

// typeObj is type(v) for values whose type is not a callable builtin.
type typeObj struct{ name string }

func (t *typeObj) TypeName() string { return "type" }
func (t *typeObj) Attr(name string) (Value, bool) {
	if name == "__name__" {
		return t.name, true
	}
	return nil, false
}
func (t *typeObj) String() string { return fmt.Sprintf("<class '%s'>", t.name) }

func attrName(c *call, v Value) (string, *Exception) {
	s, ok := v.(string)
	if !ok {
		return "", c.errorf("attribute name must be string, not '%s'", typeName(v))
	}
	return s, nil
}

func builtinGetattr(c *call) (Value, *Exception) {
	if len(c.args) < 2 || len(c.args) > 3 {
		return nil, c.errorf("getattr expected 2 or 3 arguments, got %d", len(c.args))
	}
	name, exc := attrName(c, c.args[1])
	if exc != nil {
		return nil, exc
	}
	v, exc := getAttrSync(c.f, c.args[0], name)
	if exc != nil && len(c.args) == 3 && exc.Type.isA(excAttribute) {
		return c.args[2], nil
	}
	return v, exc
}

// getAttrSync is getattr from Go code: a property's getter runs as a
// synchronous call.
func getAttrSync(f *Fiber, obj Value, name string) (Value, *Exception) {
	if cls := classOf(obj); cls != nil {
		if v, ok := cls.lookup(name); ok {
			if p, isProp := v.(*property); isProp && p.get != nil {
				return f.callSync(p.get, []Value{obj})
			}
		}
	}
	return getAttr(obj, name)
}

func builtinHasattr(c *call) (Value, *Exception) {
	if len(c.args) != 2 {
		return nil, c.errorf("hasattr expected 2 arguments, got %d", len(c.args))
	}
	name, exc := attrName(c, c.args[1])
	if exc != nil {
		return nil, exc
	}
	_, exc = getAttrSync(c.f, c.args[0], name)
	if exc != nil && exc.Type.isA(excAttribute) {
		return false, nil
	}
	return exc == nil, exc
}

func builtinSetattr(c *call) (Value, *Exception) {
	if len(c.args) != 3 {
		return nil, c.errorf("setattr expected 3 arguments, got %d", len(c.args))
	}
	name, exc := attrName(c, c.args[1])
	if exc != nil {
		return nil, exc
	}
	if cls := classOf(c.args[0]); cls != nil {
		if v, ok := cls.lookup(name); ok {
			if p, isProp := v.(*property); isProp && p.set != nil {
				_, exc := c.f.callSync(p.set, []Value{c.args[0], c.args[2]})
				return nil, exc
			}
		}
	}
	return nil, setAttr(c.args[0], name, c.args[2])
}

func builtinProperty(c *call) (Value, *Exception) {
	p := &property{}
	if v, ok := c.arg(0, "fget"); ok {
		p.get = v
	}
	if v, ok := c.arg(1, "fset"); ok {
		p.set = v
	}
	return p, nil
}

// attr gives a property its setter and getter decorators.
func (p *property) TypeName() string { return "property" }
func (p *property) Attr(name string) (Value, bool) {
	switch name {
	case "setter":
		return &Builtin{Name: "setter", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			return &property{get: p.get, set: c.args[0]}, oneArg(c)
		})}, true
	case "getter":
		return &Builtin{Name: "getter", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
			return &property{get: c.args[0], set: p.set}, oneArg(c)
		})}, true
	case "fget":
		return p.get, true
	case "fset":
		return p.set, true
	}
	return nil, false
}

func builtinCallable(c *call) (Value, *Exception) {
	if err := oneArg(c); err != nil {
		return nil, err
	}
	switch x := c.args[0].(type) {
	case *Function, *Builtin, *BoundMethod, *Method, *Class, *ExcType:
		return true, nil
	case *Instance:
		_, ok := x.Class.lookup("__call__")
		return ok, nil
	}
	return false, nil
}

func builtinID(c *call) (Value, *Exception) {
	if err := oneArg(c); err != nil {
		return nil, err
	}
	if inst, ok := c.args[0].(*Instance); ok {
		return int64(0x7f0000001000 + inst.id*0x30), nil
	}
	return int64(utf8.RuneCountInString(repr(c.args[0]))), nil
}

func builtinIter(c *call) (Value, *Exception) {
	if err := oneArg(c); err != nil {
		return nil, err
	}
	if g, ok := c.args[0].(*Generator); ok && !g.Async {
		return g, nil
	}
	return getIter(c.args[0])
}

func builtinNext(c *call) (Value, *Exception) {
	if len(c.args) < 1 || len(c.args) > 2 {
		return nil, c.errorf("next expected 1 or 2 arguments, got %d", len(c.args))
	}
	it, ok := c.args[0].(iterator)
	if !ok {
		if classOf(c.args[0]) != nil {
			v, _, exc := callDunder(c.args[0], "__next__")
			if exc != nil && exc.Type.isA(excStopIteration) && len(c.args) == 2 {
				return c.args[1], nil
			}
			return v, exc
		}
		return nil, c.errorf("'%s' object is not an iterator", typeName(c.args[0]))
	}
	v, more := it.next()
	if !more {
		if ni, ok := it.(*nextIter); ok && ni.err != nil {
			return nil, ni.err
		}
		if len(c.args) == 2 {
			return c.args[1], nil
		}
		return nil, &Exception{Type: excStopIteration}
	}
	return v, nil
}
