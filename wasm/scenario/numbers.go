package scenario

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"looplab/wasm/py/syntax"
)

// Number is a literal in a scenario's code that the playground lets a
// learner drag: a duration, a count or a size passed to a call
// (asyncio.sleep(4), cpu(0.8), Semaphore(2), max_workers=2, timeout=1.5)
// or given to a name at module level (N = 40; a float there, DELAY = 0.25,
// is taken for seconds). A call whose first argument is a string names its
// numbers after it: wait("CI queue", 3) gives the id "ci_queue".
type Number struct {
	ID    string  `json:"id"`    // stable name for deep links: "sleep", "sleep2", "max_workers"
	Line  int     `json:"line"`  // 1-based
	Col   int     `json:"col"`   // 1-based, in bytes
	Start int     `json:"start"` // offset in UTF-16 code units, as JavaScript counts
	End   int     `json:"end"`
	Raw   string  `json:"raw"`
	Value float64 `json:"value"`
	Min   float64 `json:"min"`
	Max   float64 `json:"max"`
	Step  float64 `json:"step"`
	// Seconds says the number is a duration, so fractions make sense.
	Seconds bool `json:"seconds"`
}

// durationCalls take seconds as their numeric arguments.
var durationCalls = map[string]bool{
	"sleep": true, "cpu": true, "wait_for": true, "to_thread": true,
	"run_in_executor": true, "run_in_threadpool": true, "submit": true, "delay": true,
}

// notScrubbable are calls and keywords whose numbers are not durations,
// counts or sizes a learner would drag.
var notScrubbable = map[string]bool{
	"print": true, "round": true, "int": true, "float": true, "str": true, "len": true,
	"max": true, "min": true, "abs": true,
	"HTTPException": true, "status_code": true,
}

// durationKeywords are keyword arguments that take seconds.
var durationKeywords = map[string]bool{"timeout": true, "delay": true, "seconds": true}

// Numbers lists the scrubbable numbers of code in source order. It fails
// with the parse error when the code does not parse.
func Numbers(code string) ([]Number, error) {
	m, err := syntax.Parse([]byte(code))
	if err != nil {
		return nil, err
	}
	var out []Number
	used := map[string]int{}
	add := func(n *syntax.Num, name string, seconds bool) {
		used[name]++
		id := name
		if k := used[name]; k > 1 {
			id += strconv.Itoa(k)
		}
		if tooLarge(n) {
			return // its id stays taken, so the others' do not move
		}
		out = append(out, newNumber(code, n, id, seconds))
	}
	for _, st := range m.Body {
		if a, ok := st.(*syntax.Assign); ok && len(a.Targets) == 1 {
			if name, ok := a.Targets[0].(*syntax.Name); ok {
				if n, ok := a.Value.(*syntax.Num); ok {
					add(n, strings.ToLower(name.ID), n.IsFloat)
				}
			}
		}
		syntax.Inspect(st, func(node syntax.Node) bool {
			call, ok := node.(*syntax.Call)
			if !ok {
				return true
			}
			callee := calleeName(call.Func)
			label := callLabel(call)
			for _, arg := range call.Args {
				n, ok := arg.Value.(*syntax.Num)
				if !ok || arg.Star || arg.DoubleStar || notScrubbable[callee] || notScrubbable[arg.Name] {
					continue
				}
				if arg.Name != "" {
					add(n, arg.Name, durationKeywords[arg.Name])
				} else if label != "" {
					add(n, label, durationCalls[callee] || n.IsFloat)
				} else if callee != "" {
					add(n, strings.ToLower(callee), durationCalls[callee])
				}
			}
			return true
		})
	}
	// Inspect meets a call before the calls in its arguments; number
	// ids and the page want source order.
	slices.SortStableFunc(out, func(a, b Number) int { return a.Start - b.Start })
	return out, nil
}

// calleeName is the last name of a call's function: "sleep" for
// asyncio.sleep, "cpu" for cpu.
func calleeName(x syntax.Expr) string {
	switch f := x.(type) {
	case *syntax.Name:
		return f.ID
	case *syntax.Attribute:
		return f.Name
	}
	return ""
}

// callLabel is the id a call's first argument gives its numbers when it is
// a string: "ci_queue" for wait("CI queue", 3); "" otherwise.
func callLabel(call *syntax.Call) string {
	if len(call.Args) == 0 || call.Args[0].Name != "" {
		return ""
	}
	s, ok := call.Args[0].Value.(*syntax.Str)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s.Value) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// maxScrubbable is the largest literal a learner may drag (2^53, some
// 285 million years of seconds). Past it a number is not scrubbable: its
// range would reach values whose text is no Python number (an int past
// 64 bits, "200000000000000000000" for 2e20) or no number at all (4 *
// 1e308 is +Inf, which JSON cannot carry to the page).
const maxScrubbable = 1 << 53

// tooLarge says whether a literal is past maxScrubbable: 1e300, 1E700
// (+Inf, as in Python) or 9223372036854775807.
func tooLarge(n *syntax.Num) bool {
	if n.IsFloat {
		return !(n.Float <= maxScrubbable) // NaN cannot be written, but is too
	}
	return n.Int > maxScrubbable
}

func newNumber(code string, n *syntax.Num, id string, seconds bool) Number {
	v := n.Float
	if !n.IsFloat {
		v = float64(n.Int)
	}
	num := Number{
		ID: id, Line: n.Pos.Line, Col: n.Pos.Col, Raw: n.Raw, Value: v, Seconds: seconds,
		Start: utf16Len(code[:n.Pos.Offset]), End: utf16Len(code[:n.End.Offset]),
	}
	if seconds {
		num.Step = 0.1
		if v < 0.1 { // 0 included: BLOCKING = 0.0 is dragged to 0.05
			num.Step = 0.01
		}
		num.Max = max(10, 4*v)
	} else if n.IsFloat {
		// A number written with decimals is a quantity, not a count: it
		// steps by its last decimal (1.2 by 0.1), so a drag or the other
		// version of a comparison never rounds it to a whole number.
		num.Step = 0.1
		if i := strings.IndexByte(n.Raw, '.'); i >= 0 && len(n.Raw)-i-1 >= 2 {
			num.Step = 0.01
		}
		num.Max = max(10, 4*v)
	} else {
		num.Min = min(1, v)
		num.Step = 1
		num.Max = max(64, 4*v)
	}
	return num
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
