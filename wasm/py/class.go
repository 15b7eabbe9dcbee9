package py

import (
	"fmt"
	"path"
	"strings"
)

// Classes are built as CPython builds them: the class body runs as a
// function whose locals become the class's namespace (opMakeClass), and
// attribute lookup walks the method resolution order (C3). A class that
// derives from an exception class is an *ExcType as well, so raise and
// except treat it as any other exception.

// Class is a class statement's class (or one LoopLab defines, like object).
type Class struct {
	Name  string
	Bases []*Class
	MRO   []*Class // the class itself first, object last
	Dict  map[string]Value
	Order []string // Dict's keys as the body defined them
	// Annotations are the names the body annotated ("x: int"), in order:
	// a dataclass's fields.
	Annotations []string
	Exc         *ExcType // set when the class derives from BaseException
	data        *dataclass
	enum        *enumInfo
	run         *Run
	module      string // __module__: "__main__", "main" under uvicorn, or a library's
}

// Instance is an object of a class statement's class.
type Instance struct {
	Class *Class
	Attrs map[string]Value
	Order []string // Attrs' keys in the order they were first set
	id    int      // for the made-up address in the default repr
	run   *Run     // the run that made it, whose fiber runs its special methods
}

// Method is a function bound to the object it was looked up on.
type Method struct {
	Self Value
	Fn   *Function
}

// staticMethod, classMethod and property are what the decorators of the
// same names make of a function in a class body.
type staticMethod struct{ fn Value }
type classMethod struct{ fn Value }
type property struct{ get, set Value }

// objectClass is object, the root of every class.
var objectClass = &Class{Name: "object", Dict: map[string]Value{}}

func init() { objectClass.MRO = []*Class{objectClass} }

// classInfo is what opMakeClass needs from the compiler.
type classInfo struct {
	Name        string
	Names       []string // the body's locals that become the namespace
	Slots       []int32
	ClassCell   int32 // slot of the __class__ cell, or -1
	Annotations []string
	Doc         string
}

// makeClass builds a class from the running class body's frame, whose
// first two locals are the bases and the keywords of the class statement.
func (f *Fiber) makeClass(fr *Frame, info *classInfo) (Value, *Exception) {
	bases := fr.locals[0].(*Tuple).Items
	cls := &Class{Name: info.Name, Dict: map[string]Value{}, Annotations: info.Annotations, run: f.run, module: moduleOf(fr)}
	var excParent *ExcType
	for _, b := range bases {
		switch b := b.(type) {
		case *Class:
			cls.Bases = append(cls.Bases, b)
			if b.Exc != nil && excParent == nil {
				excParent = b.Exc
			}
		case *ExcType:
			if excParent == nil {
				excParent = b
			}
			if b.Class != nil {
				cls.Bases = append(cls.Bases, b.Class)
			}
		default:
			return nil, newExc(excType, fmt.Sprintf("a class can only derive from classes; %s is a %s", repr(b), typeName(b)))
		}
	}
	if len(cls.Bases) == 0 {
		cls.Bases = []*Class{objectClass}
	}
	mro, ok := c3(cls)
	if !ok {
		return nil, newExc(excType, "Cannot create a consistent method resolution order (MRO) for bases "+baseNames(cls.Bases))
	}
	cls.MRO = mro
	for i, name := range info.Names {
		v := fr.locals[info.Slots[i]]
		if c, isCell := v.(*cell); isCell {
			v = c.v
		}
		if v == unbound {
			continue
		}
		cls.Dict[name] = v
		cls.Order = append(cls.Order, name)
	}
	if info.Doc != "" {
		cls.Dict["__doc__"] = info.Doc
	}
	if excParent != nil {
		cls.Exc = &ExcType{Name: cls.Name, Parent: excParent, Class: cls}
	}
	for _, b := range cls.MRO[1:] {
		if b.enum != nil || b == enumClass || b == intEnumClass || b == strEnumClass {
			if exc := makeEnum(cls); exc != nil {
				return nil, exc
			}
			break
		}
	}
	if info.ClassCell >= 0 {
		fr.locals[info.ClassCell].(*cell).v = cls.value()
	}
	return cls.value(), nil
}

// value is how Python code sees the class: an exception class is the
// *ExcType the rest of the interpreter knows.
func (cls *Class) value() Value {
	if cls.Exc != nil {
		return cls.Exc
	}
	return cls
}

func baseNames(bases []*Class) string {
	names := make([]string, len(bases))
	for i, b := range bases {
		names[i] = b.Name
	}
	return strings.Join(names, ", ")
}

// c3 is the C3 linearization CPython uses for the method resolution order.
func c3(cls *Class) ([]*Class, bool) {
	var seqs [][]*Class
	for _, b := range cls.Bases {
		seqs = append(seqs, append([]*Class{}, b.MRO...))
	}
	seqs = append(seqs, append([]*Class{}, cls.Bases...))
	out := []*Class{cls}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, true
		}
		var next *Class
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			cand := s[0]
			inTail := false
			for _, t := range seqs {
				for _, x := range t[min(1, len(t)):] {
					if x == cand {
						inTail = true
					}
				}
			}
			if !inTail {
				next = cand
				break
			}
		}
		if next == nil {
			return nil, false
		}
		out = append(out, next)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

// lookup finds name in the class or its bases.
func (cls *Class) lookup(name string) (Value, bool) {
	for _, c := range cls.MRO {
		if v, ok := c.Dict[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// defines reports whether a class statement (not object) defines name.
func (cls *Class) defines(name string) (*Function, bool) {
	for _, c := range cls.MRO {
		if c == objectClass {
			break
		}
		if fn, ok := c.Dict[name].(*Function); ok {
			return fn, true
		}
	}
	return nil, false
}

// isSubclass reports whether cls is other or derives from it.
func (cls *Class) isSubclass(other *Class) bool {
	for _, c := range cls.MRO {
		if c == other {
			return true
		}
	}
	return false
}

func (cls *Class) String() string { return fmt.Sprintf("<class '%s'>", qualified(cls)) }

// moduleName is the class's __module__ ("__main__" for a class Go made).
func (cls *Class) moduleName() string {
	if cls.module == "" {
		return "__main__"
	}
	return cls.module
}

// moduleOf is the module whose code runs in fr: the program's __name__,
// or for a library file the module its folder makes (lib/
// starlette.requests/requests.py: starlette.requests), as CPython's
// classes of those modules say.
func moduleOf(fr *Frame) string {
	if fr.code.Library {
		return path.Dir(fr.globals.Prog.File)
	}
	if name, ok := fr.globals.Values[0].(string); ok {
		return name
	}
	return "__main__"
}

// classOf is the class statement's class of a value, if it has one.
func classOf(v Value) *Class {
	switch x := v.(type) {
	case *Instance:
		return x.Class
	case *Exception:
		if x.Type.Class != nil {
			return x.Type.Class
		}
	}
	return nil
}

// bind turns what a class holds into what looking it up on obj gives.
func bind(v Value, obj Value, cls *Class) Value {
	switch x := v.(type) {
	case *Function:
		if obj == nil {
			return x
		}
		return &Method{Self: obj, Fn: x}
	case *staticMethod:
		return x.fn
	case *classMethod:
		if fn, ok := x.fn.(*Function); ok {
			return &Method{Self: cls.value(), Fn: fn}
		}
		return x.fn
	}
	return v
}

// instanceAttr looks name up on an instance (or a user exception): its
// own attributes, then its class's. A property comes back unbound, for
// the caller to call.
func instanceAttr(obj Value, cls *Class, own map[string]Value, name string) (Value, bool) {
	if v, ok := cls.lookup(name); ok {
		if _, isProp := v.(*property); isProp {
			return v, true
		}
	}
	if v, ok := own[name]; ok {
		return v, true
	}
	if v, ok := cls.lookup(name); ok {
		return bind(v, obj, cls), true
	}
	switch name {
	case "__class__":
		return cls.value(), true
	case "__dict__":
		d := newDict()
		if inst, ok := obj.(*Instance); ok {
			for _, k := range inst.Order {
				d.Set(k, inst.Attrs[k])
			}
		}
		return d, true
	}
	return nil, false
}

// classAttr looks name up on a class itself.
func classAttr(cls *Class, name string) (Value, bool) {
	if v, ok := cls.lookup(name); ok {
		return bind(v, nil, cls), true
	}
	switch name {
	case "__name__", "__qualname__":
		return cls.Name, true
	case "__mro__":
		items := make([]Value, len(cls.MRO))
		for i, c := range cls.MRO {
			items[i] = c.value()
		}
		return &Tuple{Items: items}, true
	case "__bases__":
		items := make([]Value, len(cls.Bases))
		for i, c := range cls.Bases {
			items[i] = c.value()
		}
		return &Tuple{Items: items}, true
	case "__dict__":
		d := newDict()
		for _, k := range cls.Order {
			d.Set(k, cls.Dict[k])
		}
		return d, true
	}
	return nil, false
}

func (inst *Instance) setAttr(name string, v Value) bool {
	if inst.Attrs == nil {
		inst.Attrs = map[string]Value{}
	}
	if _, ok := inst.Attrs[name]; !ok {
		inst.Order = append(inst.Order, name)
	}
	inst.Attrs[name] = v
	return true
}

func (inst *Instance) delAttr(name string) bool {
	if _, ok := inst.Attrs[name]; !ok {
		return false
	}
	delete(inst.Attrs, name)
	for i, k := range inst.Order {
		if k == name {
			inst.Order = append(inst.Order[:i], inst.Order[i+1:]...)
			break
		}
	}
	return true
}

func (cls *Class) setAttr(name string, v Value) bool {
	if _, ok := cls.Dict[name]; !ok {
		cls.Order = append(cls.Order, name)
	}
	cls.Dict[name] = v
	return true
}

// newInstance makes an object of cls in run r, numbered for its default
// repr.
func (cls *Class) newInstance(r *Run) *Instance {
	r.objects++
	return &Instance{Class: cls, id: r.objects, run: r}
}

// address is the made-up address a default repr shows: CPython shows
// where the object lives in memory, which differs on every run; LoopLab
// numbers objects so that a run's output stays the same.
func (inst *Instance) address() string { return fmt.Sprintf("0x7f00%08x", 0x1000+inst.id*0x30) }

// callDunder calls a special method that the class statement defines on
// obj, from Go code, and reports whether there was one.
func callDunder(obj Value, name string, args ...Value) (Value, bool, *Exception) {
	cls := classOf(obj)
	if cls == nil {
		return nil, false, nil
	}
	fn, ok := cls.defines(name)
	if !ok {
		return nil, false, nil
	}
	r := cls.run
	switch x := obj.(type) {
	case *Instance:
		r = x.run
	case *Exception:
		if x.run != nil {
			r = x.run
		}
	}
	v, exc := r.current().callSync(&Method{Self: obj, Fn: fn}, args)
	return v, true, exc
}

// notImplemented is NotImplemented, which a binary special method
// returns to let the other operand try.
type notImplementedType struct{}

func (notImplementedType) String() string { return "NotImplemented" }

var notImplemented = notImplementedType{}

// setAttr stores an attribute on an exception (self.code = code in a
// user exception's __init__).
func (e *Exception) setAttr(name string, v Value) bool {
	if e.Attrs == nil {
		e.Attrs = map[string]Value{}
	}
	e.Attrs[name] = v
	return true
}
