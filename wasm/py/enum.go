package py

import (
	"fmt"
	"strings"
)

// Enum, IntEnum and StrEnum: a class deriving from one turns each plain
// attribute of its body into a member, an instance with a name and a
// value, as the enum module does.
type enumInfo struct {
	members []*Instance
	kind    *Class // enumClass, intEnumClass or strEnumClass
}

var (
	enumClass    = &Class{Name: "Enum", Dict: map[string]Value{}}
	intEnumClass = &Class{Name: "IntEnum", Dict: map[string]Value{}, Bases: []*Class{enumClass}}
	strEnumClass = &Class{Name: "StrEnum", Dict: map[string]Value{}, Bases: []*Class{enumClass}}
)

func init() {
	enumClass.Bases = []*Class{objectClass}
	for _, c := range []*Class{enumClass, intEnumClass, strEnumClass} {
		c.MRO, _ = c3(c)
	}
}

// autoValue is what enum.auto() returns until the class numbers it.
type autoValue struct{}

func (autoValue) String() string { return "auto()" }

func enumModule() *Module {
	return &Module{Name: "enum", Attrs: map[string]Value{
		"Enum": enumClass, "IntEnum": intEnumClass, "StrEnum": strEnumClass,
		"auto": &Builtin{Name: "auto", Fn: pureBuiltin(func(c *call) (Value, *Exception) { return autoValue{}, nil })},
	}}
}

func makeEnum(cls *Class) *Exception {
	info := &enumInfo{kind: enumClass}
	for _, c := range cls.MRO {
		if c == intEnumClass || c == strEnumClass {
			info.kind = c
			break
		}
	}
	next := int64(1)
	for _, name := range cls.Order {
		v := cls.Dict[name]
		if len(name) > 1 && name[0] == '_' {
			continue
		}
		switch v.(type) {
		case *Function, *staticMethod, *classMethod, *property:
			continue
		}
		if _, auto := v.(autoValue); auto {
			if info.kind == strEnumClass {
				v = strings.ToLower(name)
			} else {
				v = next
			}
		}
		if n, ok := v.(int64); ok {
			next = n + 1
		}
		if info.kind == intEnumClass {
			if _, ok := v.(int64); !ok {
				return newExc(excValue, fmt.Sprintf("invalid literal for int() with base 10: %s", repr(v)))
			}
		}
		var member *Instance
		for _, m := range info.members {
			if equal(m.Attrs["value"], v) {
				member = m // an alias
			}
		}
		if member == nil {
			member = cls.newInstance(cls.run)
			member.setAttr("name", name)
			member.setAttr("value", v)
			member.setAttr("_name_", name)
			member.setAttr("_value_", v)
			info.members = append(info.members, member)
		}
		cls.Dict[name] = member
	}
	cls.enum = info
	return nil
}

// enumLookup is Color(1): the member with that value.
func enumLookup(cls *Class, args []Value) (Value, *Exception) {
	if len(args) != 1 {
		return nil, newExc(excType, fmt.Sprintf("%s() takes one value", cls.Name))
	}
	for _, m := range cls.enum.members {
		if equal(m.Attrs["value"], args[0]) || m == args[0] {
			return m, nil
		}
	}
	return nil, newExc(excValue, fmt.Sprintf("%s is not a valid %s", repr(args[0]), cls.Name))
}

// enumMember reports whether v is a member of an enum, and its enum.
func enumMember(v Value) (*Instance, *enumInfo) {
	inst, ok := v.(*Instance)
	if !ok || inst.Class.enum == nil {
		return nil, nil
	}
	return inst, inst.Class.enum
}
