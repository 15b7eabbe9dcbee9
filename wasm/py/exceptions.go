package py

import "looplab/wasm/sim"

// The exception classes scenarios can raise and catch. In Python 3.11
// asyncio.TimeoutError is TimeoutError, and CancelledError derives from
// BaseException, so "except Exception" does not swallow a cancellation.
var (
	excBase         = &ExcType{Name: "BaseException"}
	excException    = &ExcType{Name: "Exception", Parent: excBase}
	excCancelled    = &ExcType{Name: "CancelledError", Parent: excBase}
	excArithmetic   = &ExcType{Name: "ArithmeticError", Parent: excException}
	excZeroDiv      = &ExcType{Name: "ZeroDivisionError", Parent: excArithmetic}
	excOverflow     = &ExcType{Name: "OverflowError", Parent: excArithmetic}
	excType         = &ExcType{Name: "TypeError", Parent: excException}
	excValue        = &ExcType{Name: "ValueError", Parent: excException}
	excUnicode      = &ExcType{Name: "UnicodeError", Parent: excValue}
	excUnicodeDec   = &ExcType{Name: "UnicodeDecodeError", Parent: excUnicode}
	excUnicodeEnc   = &ExcType{Name: "UnicodeEncodeError", Parent: excUnicode}
	excName         = &ExcType{Name: "NameError", Parent: excException}
	excAttribute    = &ExcType{Name: "AttributeError", Parent: excException}
	excLookup       = &ExcType{Name: "LookupError", Parent: excException}
	excKey          = &ExcType{Name: "KeyError", Parent: excLookup}
	excIndex        = &ExcType{Name: "IndexError", Parent: excLookup}
	excRuntime      = &ExcType{Name: "RuntimeError", Parent: excException}
	excNotImpl      = &ExcType{Name: "NotImplementedError", Parent: excRuntime}
	excRecursion    = &ExcType{Name: "RecursionError", Parent: excRuntime}
	excMemory       = &ExcType{Name: "MemoryError", Parent: excException}
	excOS           = &ExcType{Name: "OSError", Parent: excException}
	excTimeout      = &ExcType{Name: "TimeoutError", Parent: excOS}
	excConnection   = &ExcType{Name: "ConnectionError", Parent: excOS}
	excHTTP         = &ExcType{Name: "HTTPException", Parent: excException}
	excAssertion    = &ExcType{Name: "AssertionError", Parent: excException}
	excWarning      = &ExcType{Name: "Warning", Parent: excException}
	excInvalidState = &ExcType{Name: "InvalidStateError", Parent: excException}
)

// builtinExceptions are the names usable without an import.
var builtinExceptions = []*ExcType{
	excBase, excException, excArithmetic, excZeroDiv, excOverflow, excType, excValue, excName,
	excUnicode, excUnicodeDec, excUnicodeEnc,
	excAttribute, excLookup, excKey, excIndex, excRuntime, excNotImpl, excRecursion, excMemory, excOS,
	excTimeout, excConnection, excAssertion,
}

func newExc(t *ExcType, msg string) *Exception {
	if msg == "" {
		return &Exception{Type: t}
	}
	return &Exception{Type: t, Args: []Value{msg}}
}

// toSim turns a Python exception into the simulator's error.
func toSim(e *Exception) error {
	return &sim.Exception{Type: e.Type.Name, Msg: e.message(), Value: e}
}

// fromSim turns a simulator error back into a Python exception.
func fromSim(err error) *Exception {
	se, ok := err.(*sim.Exception)
	if !ok {
		return newExc(excRuntime, err.Error())
	}
	if e, ok := se.Value.(*Exception); ok {
		return e
	}
	switch se.Type {
	case "CancelledError":
		return newExc(excCancelled, se.Msg)
	case "TimeoutError":
		return newExc(excTimeout, se.Msg)
	}
	return newExc(excRuntime, se.Error())
}
