package py

import "fmt"

// The kinds of name a del statement deletes (opDelName's B).
const (
	delLocal int32 = iota
	delDeref
	delFree
	delGlobal
)

// delName unbinds a name; using it afterwards is a NameError, as in Python.
func (fr *Frame) delName(slot, kind int32) *Exception {
	var name string
	var bound bool
	switch kind {
	case delLocal:
		name, bound = localName(fr.code, int(slot)), fr.locals[slot] != unbound
		fr.locals[slot] = unbound
	case delDeref:
		c := fr.locals[slot].(*cell)
		name, bound = localName(fr.code, int(slot)), c.v != unbound
		c.v = unbound
	case delFree:
		c := fr.closure[slot]
		name, bound = fr.code.Free[slot], c.v != unbound
		c.v = unbound
	case delGlobal:
		name, bound = fr.globals.Prog.GlobalNames[slot], fr.globals.Defined[slot]
		fr.globals.Defined[slot] = false
		fr.globals.Values[slot] = nil
	}
	if !bound {
		return newExc(excName, fmt.Sprintf("name '%s' is not defined", name))
	}
	return nil
}

func delAttr(x Value, name string) *Exception {
	switch v := x.(type) {
	case *Instance:
		if v.Class.data != nil && v.Class.data.frozen {
			return &Exception{Type: excFrozen, Args: []Value{fmt.Sprintf("cannot delete field '%s'", name)}}
		}
		if v.delAttr(name) {
			return nil
		}
		return newExc(excAttribute, fmt.Sprintf("'%s' object has no attribute '%s'", v.Class.Name, name))
	case *Class:
		if _, ok := v.Dict[name]; ok {
			delete(v.Dict, name)
			return nil
		}
	}
	return newExc(excAttribute, fmt.Sprintf("cannot delete attribute '%s' of '%s' in the simulator", name, typeName(x)))
}

func delItem(x, i Value) *Exception {
	switch v := x.(type) {
	case *List:
		if s, ok := i.(*slice); ok {
			_ = s
			return newExc(excType, "deleting a slice is not simulated")
		}
		k, exc := index(len(v.Items), i)
		if exc != nil {
			return newExc(excIndex, "list assignment index out of range")
		}
		v.Items = append(v.Items[:k], v.Items[k+1:]...)
		return nil
	case *Dict:
		if !v.Delete(i) {
			return &Exception{Type: excKey, Args: []Value{i}}
		}
		return nil
	case *Instance:
		if _, ok, exc := callDunder(v, "__delitem__", i); ok {
			return exc
		}
	}
	return newExc(excType, fmt.Sprintf("'%s' object does not support item deletion", typeName(x)))
}

// Delete removes a key; it reports false when the key is absent.
func (d *Dict) Delete(k Value) bool {
	hk, ok := hashKey(k)
	if !ok {
		return false
	}
	i, ok := d.find(hk)
	if !ok {
		return false
	}
	d.Keys = append(d.Keys[:i], d.Keys[i+1:]...)
	d.Values = append(d.Values[:i], d.Values[i+1:]...)
	if d.index != nil {
		d.index = make(map[any]int, len(d.Keys))
		for j, key := range d.Keys {
			kk, _ := hashKey(key)
			d.index[kk] = j
		}
	}
	return true
}
