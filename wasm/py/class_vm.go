package py

import (
	"fmt"

	"looplab/wasm/sim"
)

// What the VM does differently for objects of class statements: calling
// a class, properties, and the with protocol. Each pushes a frame where
// CPython would run Python code, so an __init__, a property or an
// __aenter__ may sleep, block or await like any function.

// pushCall calls fn and arranges what its return hands back: ret instead
// of the value (a new instance), or nothing (discard).
func (f *Fiber) pushCall(fn Value, args []Value, kw []string, kwVals []Value, ret Value, discard bool) (sim.Effect, *Exception) {
	depth := len(f.frames)
	top := f.frames[depth-1]
	before := len(top.stack)
	eff, exc := f.callValue(fn, args, kw, kwVals)
	if exc != nil || eff != nil {
		return eff, exc
	}
	if len(f.frames) > depth {
		nf := f.frames[len(f.frames)-1]
		nf.ret, nf.discard = ret, discard
		return nil, nil
	}
	// a builtin or a coroutine: its value is on the stack already
	if len(top.stack) > before {
		if co, ok := top.top().(*Coroutine); ok && (ret != nil || discard) {
			co.Frame.ret, co.Frame.discard = ret, discard
		} else if discard {
			top.pop()
		} else if ret != nil {
			top.pop()
			top.push(ret)
		}
	}
	return nil, nil
}

// instantiate calls a class: a new instance, then its __init__.
func (f *Fiber) instantiate(cls *Class, args []Value, kw []string, kwVals []Value) (sim.Effect, *Exception) {
	fr := f.frames[len(f.frames)-1]
	if cls.enum != nil {
		v, exc := enumLookup(cls, args)
		if exc == nil {
			fr.push(v)
		}
		return nil, exc
	}
	if cls == objectClass {
		fr.push(cls.newInstance(f.run))
		return nil, nil
	}
	inst := cls.newInstance(f.run)
	self := append([]Value{inst}, args...)
	if init, ok := cls.defines("__init__"); ok {
		if init.Code.Async {
			return nil, newExc(excType, "__init__() cannot be async def")
		}
		return f.pushCall(init, self, kw, kwVals, inst, false)
	}
	if cls.data != nil {
		if exc := cls.data.init(f, inst, args, kw, kwVals); exc != nil {
			return nil, exc
		}
		if post, ok := cls.defines("__post_init__"); ok {
			return f.pushCall(post, []Value{inst}, nil, nil, inst, false)
		}
		fr.push(inst)
		return nil, nil
	}
	if len(args)+len(kw) > 0 {
		return nil, newExc(excType, cls.Name+"() takes no arguments")
	}
	fr.push(inst)
	return nil, nil
}

// raiseClass calls an exception class a class statement made.
func (f *Fiber) newUserException(t *ExcType, args []Value, kw []string, kwVals []Value) (sim.Effect, *Exception) {
	e := &Exception{Type: t, Args: args, run: f.run}
	if init, ok := t.Class.defines("__init__"); ok {
		return f.pushCall(init, append([]Value{e}, args...), kw, kwVals, e, false)
	}
	if len(kw) > 0 {
		return nil, newExc(excType, t.Name+"() takes no keyword arguments")
	}
	f.frames[len(f.frames)-1].push(e)
	return nil, nil
}

// loadAttr is x.name in the VM: a property's getter runs as a call, and
// so does the __get__ of a descriptor a class holds (functools'
// lru_cache on a method, a program's own descriptors).
func (f *Fiber) loadAttr(obj Value, name string) (sim.Effect, *Exception) {
	if cls := classOf(obj); cls != nil {
		if v, ok := cls.lookup(name); ok {
			if p, isProp := v.(*property); isProp {
				if p.get == nil {
					return nil, newExc(excAttribute, fmt.Sprintf("property '%s' of '%s' object has no getter", name, cls.Name))
				}
				return f.pushCall(p.get, []Value{obj}, nil, nil, nil, false)
			}
			if get, d := descriptorGet(v); get != nil && (hasSetter(d) || !ownsAttr(obj, name)) {
				return f.pushCall(get, []Value{d, obj, cls.value()}, nil, nil, nil, false)
			}
		}
	}
	if cls, isClass := obj.(*Class); isClass {
		if v, ok := cls.lookup(name); ok {
			if get, d := descriptorGet(v); get != nil {
				return f.pushCall(get, []Value{d, nil, cls.value()}, nil, nil, nil, false)
			}
		}
	}
	v, exc := getAttr(obj, name)
	if exc != nil {
		return nil, exc
	}
	f.frames[len(f.frames)-1].push(v)
	return nil, nil
}

// storeAttr is x.name = v in the VM: a property's setter runs as a call.
func (f *Fiber) storeAttr(obj Value, name string, v Value) (sim.Effect, *Exception) {
	if cls := classOf(obj); cls != nil {
		if p, ok := cls.lookup(name); ok {
			if p, isProp := p.(*property); isProp {
				if p.set == nil {
					return nil, newExc(excAttribute, fmt.Sprintf("property '%s' of '%s' object has no setter", name, cls.Name))
				}
				return f.pushCall(p.set, []Value{obj, v}, nil, nil, nil, true)
			}
		}
		if cls.data != nil && cls.data.frozen {
			return nil, &Exception{Type: excFrozen, Args: []Value{fmt.Sprintf("cannot assign to field '%s'", name)}}
		}
	}
	return nil, setAttr(obj, name, v)
}

// enterUser runs a class's __enter__ (or awaits its __aenter__).
func (f *Fiber) enterUser(x Value, cls *Class, async bool) (sim.Effect, *Exception) {
	name, word := "__enter__", "the context manager protocol"
	if async {
		name, word = "__aenter__", "the asynchronous context manager protocol"
	}
	fn, ok := cls.defines(name)
	if !ok {
		return nil, newExc(excType, fmt.Sprintf("'%s' object does not support %s", cls.Name, word))
	}
	return f.callMaybeAwait(&Method{Self: x, Fn: fn}, nil, async, false)
}

// exitUser runs a class's __exit__ (or awaits its __aexit__) with the
// exception that ends the block, or None three times; keep says whether
// its result stays on the stack (to decide if the exception is swallowed).
func (f *Fiber) exitUser(x Value, cls *Class, async bool, exc *Exception, keep bool) (sim.Effect, *Exception) {
	name := "__exit__"
	if async {
		name = "__aexit__"
	}
	fn, ok := cls.defines(name)
	if !ok {
		return nil, newExc(excAttribute, fmt.Sprintf("'%s' object has no attribute '%s'", cls.Name, name))
	}
	args := []Value{nil, nil, nil}
	if exc != nil {
		args = []Value{exc.Type, exc, nil}
	}
	return f.callMaybeAwait(&Method{Self: x, Fn: fn}, args, async, !keep)
}

// callMaybeAwait calls fn, and awaits what it returns when async.
func (f *Fiber) callMaybeAwait(fn Value, args []Value, async, discard bool) (sim.Effect, *Exception) {
	if !async {
		return f.pushCall(fn, args, nil, nil, nil, discard)
	}
	eff, exc := f.callValue(fn, args, nil, nil)
	if exc != nil || eff != nil {
		return eff, exc
	}
	fr := f.frames[len(f.frames)-1]
	co := fr.pop()
	if c, ok := co.(*Coroutine); ok {
		c.Frame.discard = discard
	}
	return f.await(co)
}

// excFrozen is dataclasses.FrozenInstanceError.
var excFrozen = &ExcType{Name: "FrozenInstanceError", Parent: excAttribute}

// descriptorGet is the __get__ of v when v is an instance of a class
// that defines one (a descriptor), with v itself.
func descriptorGet(v Value) (Value, *Instance) {
	d, ok := v.(*Instance)
	if !ok {
		return nil, nil
	}
	if get, ok := d.Class.lookup("__get__"); ok {
		return get, d
	}
	return nil, nil
}

// hasSetter says a descriptor is a data descriptor (it defines __set__),
// which wins over the instance's own attribute of the same name.
func hasSetter(d *Instance) bool {
	_, ok := d.Class.lookup("__set__")
	return ok
}

// ownsAttr says obj's own __dict__ has name.
func ownsAttr(obj Value, name string) bool {
	if inst, ok := obj.(*Instance); ok {
		_, has := inst.Attrs[name]
		return has
	}
	return false
}
