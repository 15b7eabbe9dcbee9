package py

import (
	"fmt"
	"math/big"
	"strings"

	"looplab/wasm/sim"
)

// This file is the interpreter's side of the simulated libraries that
// live in packages of their own (wasm/py/lib/<module>/, as starlark-go
// keeps lib/time and lib/json apart from its interpreter). A library
// package builds a *Module from Builtins and its own value types, and
// registers it from its init function; wasm/py/lib links every one in.
//
// A value type of a library is an Object: the interpreter asks it for its
// type name and attributes, prints it with String (and Repr, when repr
// differs), and compares or combines it through Ordered and Operand.

// Epoch is the wall-clock time (Unix seconds) at the start of every run:
// 2026-01-01 00:00:00 UTC. time.time() and datetime.now() count from it
// on the virtual clock.
const Epoch = 1767225600

// Object is a value a library defines.
type Object interface {
	TypeName() string
	Attr(name string) (Value, bool)
}

// Ordered is an Object that <, <=, > and >= compare: Compare returns
// -1, 0 or 1, and false when it cannot compare with other.
type Ordered interface {
	Compare(other Value) (int, bool)
}

// Operand is an Object that a binary operator (+, -, *, /, //, %)
// combines: Binary is x op y with the receiver as x (right is false) or
// as y (right is true), and false when the operator does not apply.
type Operand interface {
	Binary(op string, other Value, right bool) (Value, bool, *Exception)
}

// Formatter is an Object with a __format__ of its own: f"{d:%H:%M}".
type Formatter interface {
	Format(spec string) string
}

// LibType is a class a library writes in Go: calling it calls New, and
// its class attributes (datetime.now, date.today) are Attrs.
type LibType struct {
	Name  string
	New   func(c *Call) (Value, *Exception)
	Attrs map[string]Value
}

func (t *LibType) TypeName() string { return "type" }
func (t *LibType) String() string   { return "<class '" + t.Name + "'>" }
func (t *LibType) Attr(name string) (Value, bool) {
	if name == "__name__" {
		return t.Name, true
	}
	v, ok := t.Attrs[name]
	return v, ok
}

// operandBinary is x op y when x or y is an Operand.
func operandBinary(op string, x, y Value) (Value, bool, *Exception) {
	if o, ok := x.(Operand); ok {
		return o.Binary(op, y, false)
	}
	if o, ok := y.(Operand); ok {
		return o.Binary(op, x, true)
	}
	return nil, false, nil
}

// orderedCompare compares x with y when x is Ordered.
func orderedCompare(x, y Value) (int, bool) {
	if o, ok := x.(Ordered); ok {
		return o.Compare(y)
	}
	return 0, false
}

// NewMethod is a method of self, written in Go, that computes its value.
func NewMethod(self Value, name string, fn func(c *Call) (Value, *Exception)) Value {
	return method(self, name, pure(func(c *call, _ Value) (Value, *Exception) { return fn(c) }))
}

// NewEffectMethod is a method of self, written in Go, that may return
// an effect (a blocking get): the thread waits for it, and the effect's
// result is the call's value.
func NewEffectMethod(self Value, name string, fn func(c *Call) (Value, sim.Effect, *Exception)) Value {
	return method(self, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) { return fn(c) })
}

// SimError is e as the simulator carries it: the error a sim.Queue's
// timeout or a failed job ends with.
func SimError(e *Exception) error { return toSim(e) }

// Kwargs are the call's keyword arguments, names and values in order.
func (c *call) Kwargs() ([]string, []Value) { return c.kw, c.kwVals }

// Settable is an Object some of whose attributes a program may set
// (thread.daemon = True); SetAttr says whether name was one.
type Settable interface {
	SetAttr(name string, v Value) bool
}

// Resource is an Object usable in "with" (async false) or "async with"
// (async true) that enters and leaves at once (an httpx client).
type Resource interface {
	Enter(async bool) (Value, *Exception)
	Exit(async bool) *Exception
}

// Call is one call of a Builtin: its arguments, and the run it is part of.
type Call = call

// Args are the call's positional arguments.
func (c *call) Args() []Value { return c.args }

// Arg is the i-th positional argument, or the keyword argument name
// (i < 0: keyword only).
func (c *call) Arg(i int, name string) (Value, bool) { return c.arg(i, name) }

// Errorf is a TypeError about the call's arguments.
func (c *call) Errorf(format string, args ...any) *Exception { return c.errorf(format, args...) }

// Ctx is the simulator's view of the thread, task and process the call
// runs on.
func (c *call) Ctx() *sim.Ctx { return c.ctx() }

// Print writes a line to the console, within the run's print limits.
func (c *call) Print(text string) { c.f.run.print(c.ctx(), text) }

// HandledTraceback is the traceback of the exception the calling code
// is handling (sys.exc_info()), from the except clause that took it to
// where it was raised, as logging.exception prints it; nil when none is.
func (c *call) HandledTraceback() []string {
	for i := len(c.f.frames) - 1; i >= 0; i-- {
		if h := c.f.frames[i].handling; len(h) > 0 {
			e := h[len(h)-1]
			return c.f.run.traceback(e, append(append([]tbEntry{}, e.Trace...), e.caught))
		}
	}
	return nil
}

// Where is the file (__file__) and line of the learner's code that made
// the call.
func (c *call) Where() (file string, line int) {
	return c.f.run.prog.path(), c.pos().Line
}

// FuncName is the name of the Python function that made the call.
func (c *call) FuncName() string { return c.f.frames[len(c.f.frames)-1].code.Name }

// Name is the name the called builtin goes by.
func (c *call) Name() string { return c.name }

// Latency is the run's I/O latency setting: how long a reply from the
// network or a database takes.
func (c *call) Latency() sim.Time { return c.f.run.settings.Latency }

// Then makes convert(result) the call's value, where result is what
// the effect its Builtin returned ends with.
func (c *call) Then(convert func(Value) Value) { c.f.convert = convert }

// Returns makes v the call's value once the effect its Builtin returned
// (a sim.CPU, a sim.Block) is over.
func (c *call) Returns(v Value) { c.f.convert = func(Value) Value { return v } }

// Reply is a coroutine that, awaited, waits d for a reply without
// blocking the loop (the timeline's label says label), then gives
// result; with d < 0 it gives result at once. name is its coroutine's
// name, and call the code that made it, for the lane of a task made of
// it ("" for name(…)).
func Reply(name, call string, d sim.Time, label string, result Value) Value {
	return &lazyAw{name: name, call: call, run: func(f *Fiber) (Value, sim.Effect, *Exception) {
		if d < 0 {
			return result, nil, nil
		}
		return ioAwait(f, d, label, result)
	}}
}

// ConnectThen is a coroutine, standing at the call's line, that first
// connects (an await even on loopback: every other ready task runs
// before the request goes out) and then awaits reply. name names its
// frame, and callText is the call as the code wrote it.
func (c *call) ConnectThen(name string, reply Value, callText string) Value {
	return connectThen(c.f, name, reply, callText)
}

// Write writes text to the console as print(text, end="") does: a line
// shows once it ends.
func (c *call) Write(text string) { c.f.run.printText(c.ctx(), text) }

// Files is the run's in-memory file system: each file's text by its
// absolute path (AbsPath).
func (c *call) Files() map[string]*string { return c.f.run.fileSystem() }

// SleepLabel is how the timeline labels a sleep of d: "time.sleep(4)",
// or "await asyncio.sleep(4)" when async.
func (c *call) SleepLabel(d sim.Time, async bool) string { return c.f.run.sleepLabel(d, async) }

// Job is a call of fn(*args, **dict(zip(kw, kwVals))) to run on a worker
// thread or process, standing at the call's line.
func (c *call) Job(fn Value, args []Value, kw []string, kwVals []Value) sim.Job {
	return sim.Job{Fiber: callFiber(c.f.run, c.f.frames[0].globals, fn, args, kw, kwVals, c.pos()), Label: callLabel(fn, args)}
}

// RunOnLoop calls the async function fn(*args) and hands the coroutine to
// loop, from another thread; the future is its result. what names the
// caller in the error when fn is not an async function.
func (c *call) RunOnLoop(loop *sim.Loop, fn Value, args []Value, what string) (*sim.Future, *Exception) {
	v, exc := c.f.callSync(fn, args)
	if exc != nil {
		return nil, exc
	}
	co, ok := v.(*Coroutine)
	if !ok || co.Started {
		return nil, c.errorf("%s needs an async function, not %s", what, typeName(fn))
	}
	co.Started = true
	fut, err := loop.RunCoroutine(newFiber(c.f.run, co.Frame), coroutineCall(co))
	if err != nil {
		return nil, newExc(excRuntime, "Event loop is closed")
	}
	return fut, nil
}

// Now is the virtual time of the call.
func (c *call) Now() sim.Time { return c.ctx().Now() }

// State is the run's own value for key, made by make the first time a
// run asks: a library's state (the random generator) belongs to one run,
// so two runs never share it.
func (c *call) State(key any, make func() any) any {
	r := c.f.run
	if v, ok := r.libState[key]; ok {
		return v
	}
	if r.libState == nil {
		r.libState = map[any]any{}
	}
	v := make()
	r.libState[key] = v
	return v
}

// Pure makes a Builtin's Fn from a function that never suspends.
func Pure(fn func(c *Call) (Value, *Exception)) func(c *Call) (Value, sim.Effect, *Exception) {
	return pureBuiltin(fn)
}

// Register adds a module for import, under its dotted name; a dotted
// name also becomes an attribute of its parent (registered or made).
func Register(m *Module) {
	if prev := modules[m.Name]; prev != nil {
		panic(fmt.Sprintf("module %s registered twice", m.Name))
	}
	modules[m.Name] = m
	if i := strings.LastIndexByte(m.Name, '.'); i > 0 {
		libModule(m.Name[:i]).Attrs[m.Name[i+1:]] = m
	}
}

// The exception types a library raises, with NewError.
var (
	// ExceptionClass is Exception, the parent of a library's own errors.
	ExceptionClass    = excException
	TypeError         = excType
	TimeoutError      = excTimeout
	RuntimeError      = excRuntime
	ValueError        = excValue
	ZeroDivisionError = excZeroDiv
	IndexError        = excIndex
	KeyError          = excKey
	OverflowError     = excOverflow
	FileNotFoundError = excFileNotFound
	// SystemExit ends the script without a traceback.
	SystemExit = excSystemExit
)

// NewError is an exception of type t with the message msg.
func NewError(t *ExcType, msg string) *Exception { return newExc(t, msg) }

// NotSimulated is the error for something CPython has and the library
// does not: it stops the run at the learner's line, where no except
// clause can catch it and send the program down another path.
func NotSimulated(format string, args ...any) *Exception { return notSimulated(format, args...) }

// NewExcType is an exception class a library defines, under parent.
func NewExcType(name string, parent *ExcType) *ExcType {
	return &ExcType{Name: name, Parent: parent}
}

// Iterate lists what iterating over x gives.
func Iterate(x Value) ([]Value, *Exception) { return iterate(x) }

// TypeName is Python's type(v).__name__.
func TypeName(v Value) string { return typeName(v) }

// ToFloat reads an int or float as a float64.
func ToFloat(v Value) (float64, bool) { return toFloat(v) }

// Str and Repr are Python's str(v) and repr(v).
func Str(v Value) string  { return str(v) }
func Repr(v Value) string { return repr(v) }

// MaxItems is the most items a library builds in one list.
const MaxItems = maxIterate

// Truthy is Python's bool(v).
func Truthy(v Value) bool { return truthy(v) }

// CheckString is the MemoryError for a string of n bytes past the run's
// limit, or nil.
func CheckString(n int) *Exception { return checkString(n) }

// MaxNesting is how deep containers nest before NestingError.
const MaxNesting = maxNesting

// NestingError is the RecursionError for containers nested too deep.
func NestingError(what string) *Exception { return nestedTooDeep(what) }

// EnumValue is an enum member's value (false for anything else).
func EnumValue(v Value) (Value, bool) {
	if m, info := enumMember(v); m != nil && info.kind != enumClass {
		return m.Attrs["value"], true
	}
	return nil, false
}

// ClassName is the name of a class, or of v's type when v is no class.
func ClassName(v Value) string { return typeNameOfClass(v) }

// PercentFormat is format % args.
func PercentFormat(format string, args []Value) (string, *Exception) {
	return percentFormat(format, args)
}

// Int is n as a Python int: an int64 when it fits, else n itself.
func Int(n *big.Int) Value { return normInt(n) }

// IntTooLarge is the error for an int past the interpreter's size limit.
func IntTooLarge() *Exception { return bigTooLarge() }

// Quote is s in repr's quotes; CallText is name(args…) as a lane reads
// it, with ShortRepr's short forms of long arguments.
func Quote(s string) string                      { return quote(s) }
func CallText(name string, args []string) string { return callText(name, args) }
func ShortRepr(v Value) string                   { return shortRepr(v) }

// NewDict is an empty dict.
func NewDict() *Dict { return newDict() }

// AbsPath is where a path points; relative paths start at /app, the
// directory __file__ is in.
func AbsPath(p string) string { return absPath(p) }

// MaxDepth is the recursion limit (sys.getrecursionlimit()).
const MaxDepth = maxDepth

// Seconds reads a duration argument in seconds; what names it in the
// error ("time.sleep()").
func Seconds(v Value, what string) (sim.Time, *Exception) { return seconds(v, what) }

// CallableName is how Python names fn in a thread's name: "work".
func CallableName(fn Value) string { return callableName(fn) }

// Executor is a pool loop.run_in_executor accepts (concurrent.futures'
// executors keep one in their _pool).
type Executor interface {
	Pool() *sim.Pool
}

// NewConcurrentFuture is a concurrent.futures.Future of fut: result()
// blocks the calling thread until it is done. ConcurrentFutureOf is the
// simulator's future of one.
func NewConcurrentFuture(fut *sim.Future) Value { return &cfutureVal{fut: fut} }
func ConcurrentFutureOf(v Value) (*sim.Future, bool) {
	if cf, ok := v.(*cfutureVal); ok {
		return cf.fut, true
	}
	return nil, false
}

// AnnotationOnly is a name a program uses only in annotations
// (concurrent.futures.Future): it subscripts and prints as a type.
func AnnotationOnly(name string) Value { return &typingForm{name: name} }

// CallLabel is fn(args) as a timeline's label writes it.
func CallLabel(fn Value, args []Value) string { return callLabel(fn, args) }

// NewClass is a class with no methods, deriving from object: a base a
// program names (typing.Generic, abc.ABC) whose behaviour is object's.
func NewClass(name string) Value {
	c := &Class{Name: name, Dict: map[string]Value{}, Bases: []*Class{objectClass}}
	c.MRO, _ = c3(c)
	return c
}

// DictOf is the dict behind a mapping: a dict, or one of collections'
// dict subclasses (Counter, defaultdict, OrderedDict).
func DictOf(v Value) (*Dict, bool) { return mappingOf(v) }
