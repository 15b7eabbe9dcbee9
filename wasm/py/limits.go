package py

import (
	"fmt"
	"math"
	"strconv"
)

// Limits on what one run may build. A runaway program (a string doubled
// in a loop, a list of a billion items, a number with a billion digits)
// stops with an exception that names the limit, instead of exhausting the
// browser tab the simulator runs in. Real programs stay far below them.
const (
	// maxIterate bounds the items of one list or tuple, and of an
	// iterable made into one (a range, say).
	maxIterate = 1_000_000
	// maxString bounds the length of one string, in bytes (characters,
	// for ASCII text).
	maxString = 1 << 20
	// maxBuilt bounds the bytes of strings and item slots built by
	// operators and methods that copy (+, *, join, replace, f-strings,
	// str, repr) over the whole run, so that a loop cannot keep many
	// large values alive either.
	maxBuilt = 256 << 20
	// maxNesting bounds how deep repr, == and hashing follow nested
	// containers, as CPython's recursion limit does.
	maxNesting = 1000
	// maxTasks and maxThreads bound the asyncio tasks and threading.Thread
	// threads one run may start: each is a lane of the timeline.
	maxTasks   = 100_000
	maxThreads = 10_000
	// maxPrintLines and maxPrintBytes bound what print shows; later
	// prints are dropped after one line that says so.
	maxPrintLines = 100_000
	maxPrintBytes = 4 << 20
)

// Work beyond one step: an operation that reads or builds a whole
// string, list, tuple or dict counts one more step per workBytes bytes or
// workItems items, so that a loop of such operations on large values
// meets the step limit as a long loop does, instead of running for hours.
const (
	workBytes = 64
	workItems = 4
)

// cost is the extra steps of an operation that goes through all of v.
func cost(v Value) int {
	switch x := v.(type) {
	case string:
		return len(x) / workBytes
	case *List:
		return len(x.Items) / workItems
	case *Tuple:
		return len(x.Items) / workItems
	case *Dict:
		return len(x.Keys) / workItems
	}
	return 0
}

// linearBuiltin reports whether a builtin goes through all of each
// argument (len only through a string's, to count its characters). A
// switch, not a map: it is asked at every call of a builtin.
func linearBuiltin(name string) bool {
	switch name {
	case "print", "str", "repr", "sum", "min", "max", "sorted",
		"list", "tuple", "dict", "enumerate", "zip", "len":
		return true
	}
	return false
}

// linearMethod reports whether a method goes through all of its object
// (self) or of its arguments (args).
func linearMethod(name string) (self, args, ok bool) {
	switch name {
	case "pop", "copy", "sort", "keys", "values", "items", "upper", "lower", "split", "replace":
		return true, false, true
	case "extend", "update", "join":
		return false, true, true
	}
	return false, false, false
}

// callCost is the extra steps of calling a builtin or a method.
func callCost(name string, self Value, method bool, args []Value) int {
	n := 0
	if method {
		if name == "pop" && (len(args) == 0 || args[0] == int64(-1)) {
			return 0 // the last item
		}
		ofSelf, ofArgs, ok := linearMethod(name)
		if !ok {
			return 0
		}
		if ofSelf {
			n += cost(self)
		}
		if !ofArgs {
			return n
		}
	} else if !linearBuiltin(name) {
		return 0
	}
	for _, a := range args {
		if _, isStr := a.(string); name != "len" || isStr {
			n += cost(a)
		}
	}
	return n
}

// itemSize is what one item slot of a list or tuple counts towards
// maxBuilt.
const itemSize = 16

// stringTooLong and tooManyItems report a string or container of n
// characters or items over its limit; n < 0 means more than fits an int.
func stringTooLong(n int) *Exception {
	return newExc(excMemory, fmt.Sprintf("a string of %s characters is over the simulator's limit of %d", count(n), maxString))
}

func tooManyItems(what string, n int) *Exception {
	return newExc(excMemory, fmt.Sprintf("a %s of %s items is over the simulator's limit of %d", what, count(n), maxIterate))
}

func count(n int) string {
	if n < 0 {
		return "over " + strconv.Itoa(math.MaxInt)
	}
	return strconv.Itoa(n)
}

// checkString reports a string over maxString.
func checkString(n int) *Exception {
	if n > maxString {
		return stringTooLong(n)
	}
	return nil
}

// checkItems reports a list or tuple over maxIterate.
func checkItems(what string, n int) *Exception {
	if n > maxIterate {
		return tooManyItems(what, n)
	}
	return nil
}

// built counts n bytes towards maxBuilt.
func (r *Run) built(n int) *Exception {
	r.builtBytes += int64(n)
	if r.builtBytes > maxBuilt {
		return newExc(excMemory, fmt.Sprintf("the scenario built more than %d MiB of strings and lists (the simulator's memory limit)", maxBuilt>>20))
	}
	return nil
}

// builtValue counts a value an operator just made towards maxBuilt.
func (r *Run) builtValue(v Value) *Exception {
	switch x := v.(type) {
	case string:
		return r.built(len(x))
	case *List:
		return r.built(itemSize * len(x.Items))
	case *Tuple:
		return r.built(itemSize * len(x.Items))
	}
	return nil
}

// countTask counts an asyncio task about to be created against maxTasks.
func (r *Run) countTask() *Exception {
	if r.tasks >= maxTasks {
		return newExc(excRuntime, fmt.Sprintf("can't create another task: the simulator's limit is %d tasks", maxTasks))
	}
	r.tasks++
	return nil
}

func recursionTooDeep() *Exception {
	return newExc(excRecursion, "maximum recursion depth exceeded") // at CPython's limit, as CPython says it
}

func nestedTooDeep(what string) *Exception {
	return newExc(excRecursion, fmt.Sprintf("maximum recursion depth exceeded %s (the simulator's limit is %d levels)", what, maxNesting))
}
