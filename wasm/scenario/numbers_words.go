package scenario

import (
	"strconv"
	"strings"
)

// The words that decide what a number in the code is. They are kept
// small on purpose: a number the rules misjudge can still be typed in
// Edit code, but a learner told to drag one the rules hide cannot.

// durationCalls take a duration as their numeric arguments; the value is
// the unit a number's label says.
var durationCalls = map[string]string{
	"sleep": "seconds", "cpu": "seconds", "wait_for": "seconds", "call_later": "seconds",
	"delay": "seconds",
	// The pipeline scene's steps: minutes, played a minute a second.
	"work": "minutes", "wait": "minutes",
}

// durationKeywords are keyword arguments that take seconds.
var durationKeywords = map[string]bool{"timeout": true, "delay": true, "seconds": true}

// notScrubbable are calls and keywords whose numbers are not durations,
// counts or sizes a learner would drag.
var notScrubbable = map[string]bool{
	"print": true, "round": true, "int": true, "float": true, "str": true, "len": true,
	"max": true, "min": true, "abs": true,
	"HTTPException": true, "status_code": true,
}

// labelSinks only show a value: a parameter that goes nowhere else is a
// label, not a quantity.
var labelSinks = map[string]bool{"print": true, "str": true, "repr": true, "format": true}

// passThrough calls run a function they are given with the arguments
// after it: the value is the function's position. to_thread(crunch, "B",
// 1) passes 1 to crunch, so 1 is crunch's number, not to_thread's.
var passThrough = map[string]int{
	"to_thread": 0, "run_in_threadpool": 0, "submit": 0, "call_soon": 0,
	"call_soon_threadsafe": 0, "add_task": 0, "run_in_executor": 1, "call_later": 1,
}

// durationParts are the words that make a name a duration: DELAY,
// PARTNER_DELAY, timeout_seconds; and the path segments of a URL whose
// number is one: /delay/2, /sleep/0.5.
var durationParts = map[string]bool{
	"seconds": true, "secs": true, "sec": true, "delay": true, "timeout": true,
	"duration": true, "latency": true, "sleep": true, "wait": true, "interval": true,
}

// isDurationName says a name or path segment is a duration by its words.
func isDurationName(name string) bool {
	for _, part := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '_' || r == '-' }) {
		if durationParts[part] {
			return true
		}
	}
	return false
}

// isIDName says a parameter or keyword names a thing rather than an
// amount, so a number given to it is an identifier: dragging order 1 to
// order 2 shows nothing. n is not among them: range(n) makes it a count,
// and a label-only n is caught by how it is used.
func isIDName(name string) bool {
	name = strings.ToLower(name)
	switch name {
	case "id", "i", "idx", "index", "name", "key", "label", "tag":
		return true
	}
	for _, suffix := range []string{"_id", "_name", "_index", "_idx"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return strings.HasPrefix(name, "id_")
}

// idPart makes a piece of an id from a name or a label: lower case,
// letters and digits, anything else one underscore ("CI queue" →
// "ci_queue"), so that an id needs no escaping in a link.
func idPart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	if out := strings.TrimSuffix(b.String(), "_"); out != "" {
		return out
	}
	return "x"
}

// ordinal is "2nd", "3rd", "11th": how a label tells repeats apart.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
