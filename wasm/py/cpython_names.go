package py

import (
	"fmt"
	"strings"
)

// cpythonMethods are the public attributes CPython 3.11's built-in types
// have (dir(str) and so on). An attribute LoopLab lacks but CPython has
// is "not simulated", which stops the run at its line, rather than an
// AttributeError that CPython would never raise.
var cpythonMethods = map[string]string{
	"str":       "capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill",
	"bytes":     "capitalize center count decode endswith expandtabs find fromhex hex index isalnum isalpha isascii isdigit islower isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill",
	"int":       "as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes",
	"float":     "as_integer_ratio conjugate fromhex hex imag is_integer real",
	"list":      "append clear copy count extend index insert pop remove reverse sort",
	"tuple":     "count index",
	"dict":      "clear copy fromkeys get items keys pop popitem setdefault update values",
	"set":       "add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop remove symmetric_difference symmetric_difference_update union update",
	"frozenset": "copy difference intersection isdisjoint issubset issuperset symmetric_difference union",
	"bool":      "as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes",
}

// cpythonBuiltins are CPython 3.11's builtin functions and types (the
// lower-case names of dir(builtins)). A name among them that LoopLab
// lacks is "not simulated" at compile time, rather than "not defined".
const cpythonBuiltins = " abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip "

// excNotSimulated is raised by code that meets something CPython has and
// LoopLab does not: the fiber stops the run with it, at the learner's
// line (fatal), instead of raising it where a program could catch it.
var excNotSimulated = &ExcType{Name: "NotSimulated", Parent: excException}

func notSimulated(format string, args ...any) *Exception {
	return newExc(excNotSimulated, fmt.Sprintf(format, args...))
}

// cpythonHas reports whether CPython's built-in type has the attribute.
func cpythonHas(typ, name string) bool {
	names, ok := cpythonMethods[typ]
	return ok && strings.Contains(" "+names+" ", " "+name+" ")
}
