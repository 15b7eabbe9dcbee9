package scenario

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"looplab/wasm/py/syntax"
)

// Number is a literal in a scenario's code (or load, see LoadNumbers)
// that the playground lets a learner drag: a duration, a count or a size
// passed to a call (asyncio.sleep(4), cpu(0.8), Semaphore(2),
// max_workers=2, timeout=1.5), given to a name at module level (N = 40),
// or a whole path segment of a URL ("http://upstream/delay/2").
//
// Its ID says where it is and what it is, so that a link reads well:
// "rude.sleep" is the asyncio.sleep in def rude(), "main.sleep" one at
// module level or in main(), "pool.max_workers" the keyword in
// pool = ThreadPoolExecutor(max_workers=2), "service_delay" the constant
// SERVICE_DELAY, "main.handle_order.arrives" the argument given to the
// parameter arrives of the module's handle_order, "main.fetch.b" the
// number in fetch("B", 2), "download.delay" the 2 in "/delay/2". A second
// number with the same id gets ".2", a third ".3". Ids use only
// lower-case letters, digits, '.' and '_', so a link needs no escaping.
type Number struct {
	ID string `json:"id"`
	// Label says the same for a person: "asyncio.sleep seconds in
	// rude()", for screen readers and the range hint.
	Label string  `json:"label"`
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

// Numbers lists the scrubbable numbers of code in source order. It fails
// with the parse error when the code does not parse.
//
// What a number means is read from the code around it. A number given to
// a function the module defines takes the meaning of its parameter there:
// a duration when the parameter is passed on to asyncio.sleep or cpu (or
// is named like one, seconds or delay), nothing at all when it names a
// thing (order_id, name, i) or is only printed or passed to parameters
// that are only printed, as handle_order(1, 1.2)'s order id is.
func Numbers(code string) ([]Number, error) {
	m, err := syntax.Parse([]byte(code))
	if err != nil {
		return nil, err
	}
	f := &finder{code: code, module: m, funcs: map[string]*syntax.FuncDef{},
		roles: map[paramKey]role{}, shown: map[syntax.Node]bool{}}
	for _, st := range m.Body {
		if def, ok := st.(*syntax.FuncDef); ok {
			f.funcs[def.Name] = def // the last definition wins, as in Python
		}
	}
	for _, st := range m.Body {
		f.statement(st)
	}
	return f.finish(), nil
}

// finder collects the numbers of one module.
type finder struct {
	code   string
	module *syntax.Module
	funcs  map[string]*syntax.FuncDef // module-level functions by name
	roles  map[paramKey]role
	// shown are strings given to calls that only show them (print):
	// a URL there is text, not a request.
	shown map[syntax.Node]bool
	spots []spot
}

// spot is a number found, before its id and label are made unique.
type spot struct {
	lit     literal
	id      string // "rude.sleep"
	label   string // "asyncio.sleep seconds in rude()"
	seconds bool
	// bound, when set, narrows the range numberRange gives.
	bound func(*Number)
}

// maxScrubbable is the largest literal a learner may drag (2^53, some
// 285 million years of seconds). Past it a number is not scrubbable: its
// range would reach values whose text is no Python number (an int past
// 64 bits, "200000000000000000000" for 2e20) or no number at all (4 *
// 1e308 is +Inf, which JSON cannot carry to the page).
const maxScrubbable = 1 << 53

// tooLarge says whether a value is past maxScrubbable: 1e300, 1E700
// (+Inf, as in Python) or 9223372036854775807.
func tooLarge(v float64) bool {
	return !(v <= maxScrubbable) // NaN cannot be written, but is too
}

// literal is a number's text in the code: a Num or digits in a string.
type literal struct {
	start, end int // byte offsets
	raw        string
	value      float64
	isFloat    bool
	tooLarge   bool // past maxScrubbable
}

// scope is where a number is: in a function, in what a module-level name
// is given, or elsewhere at module level.
type scope struct {
	id   string // "rude", "pool", "main"
	text string // "in rude()", "in pool", "at module level"
}

var moduleScope = scope{"main", "at module level"}

func funcScope(name string) scope { return scope{scopeID(name), "in " + name + "()"} }

// scopeID is a scope's part of an id. "load." starts the ids of the
// load's numbers, so a def load() gets "load_", as PEP 8 writes a name
// that would clash.
func scopeID(name string) string {
	if id := idPart(name); id != "load" {
		return id
	}
	return "load_"
}

// statement finds the numbers of one module-level statement.
func (f *finder) statement(st syntax.Stmt) {
	var target syntax.Expr
	var value syntax.Expr
	switch s := st.(type) {
	case *syntax.FuncDef:
		f.body(s.Body, funcScope(s.Name))
		return
	case *syntax.Assign:
		if len(s.Targets) == 1 {
			target, value = s.Targets[0], s.Value
		}
	case *syntax.AnnAssign:
		target, value = s.Target, s.Value
	}
	if name, ok := target.(*syntax.Name); ok && value != nil {
		if n, ok := value.(*syntax.Num); ok {
			f.constant(name.ID, n)
			return
		}
		f.walk(value, scope{scopeID(name.ID), "in " + name.ID})
		return
	}
	f.walk(st, moduleScope)
}

// constant is NAME = number at module level: its id is the name. It is
// a duration when written with decimals (DELAY = 0.25), named like one
// (PARTNER_DELAY) or used as one.
func (f *finder) constant(name string, n *syntax.Num) {
	if isIDName(name) {
		return
	}
	seconds := n.IsFloat || isDurationName(name) || f.usesOf(f.module.Body, name).seconds
	label := name
	if seconds {
		label += " seconds"
	}
	f.spots = append(f.spots, spot{lit: numLiteral(n), id: idPart(name), label: label, seconds: seconds})
}

func (f *finder) body(stmts []syntax.Stmt, sc scope) {
	for _, st := range stmts {
		f.walk(st, sc)
	}
}

// walk finds the numbers of calls and URLs in n; a def inside it starts
// a scope of its own (its decorators, the routes, are not walked).
func (f *finder) walk(n syntax.Node, sc scope) {
	syntax.Inspect(n, func(node syntax.Node) bool {
		switch x := node.(type) {
		case *syntax.FuncDef:
			f.body(x.Body, funcScope(x.Name))
			return false
		case *syntax.Call:
			f.call(x, sc)
		case *syntax.Str:
			if !f.shown[x] {
				f.urlNumbers(x.Pos, x.End, x.Value, sc)
			}
		case *syntax.FString:
			if !f.shown[x] {
				f.urlNumbers(x.Pos, x.End, fstringText(x), sc)
			}
		}
		return true
	})
}

// call finds the numbers given to a call.
func (f *finder) call(call *syntax.Call, sc scope) {
	if notScrubbable[calleeName(call.Func)] {
		for _, a := range call.Args {
			f.shown[a.Value] = true
		}
		return
	}
	f.forEachArg(call, func(a argument) {
		n, ok := a.arg.Value.(*syntax.Num)
		if !ok || notScrubbable[a.callee] || notScrubbable[a.arg.Name] {
			return
		}
		keyword := a.def == nil && a.arg.Name != ""
		if keyword && isIDName(a.arg.Name) || a.callee == "" && !keyword && a.label == "" {
			return
		}
		r := f.argRole(a)
		if a.def != nil && a.param != "" && r == roleLabel {
			return // an id, or a value only shown: dragging it means nothing
		}
		seconds := r == roleSeconds
		id, subject := idPart(a.callee), a.text
		switch {
		case keyword:
			id, subject = idPart(a.arg.Name), a.text+" "+a.arg.Name
		case a.label != "":
			id, subject = id+"."+idPart(a.label), a.text+`("`+a.label+`")`
		case a.param != "":
			if a.params > 1 {
				id += "." + idPart(a.param)
			}
			subject = a.text + "(" + a.param + ")"
		}
		label := subject
		if seconds {
			unit := "seconds"
			if u := durationCalls[a.callee]; u != "" && a.def == nil && !keyword {
				unit = u
			}
			label += " " + unit
		}
		label += " " + sc.text
		if a.through != "" {
			label += ", run by " + a.through
		}
		f.spots = append(f.spots, spot{lit: numLiteral(n), id: sc.id + "." + id, label: label, seconds: seconds})
	})
}

func numLiteral(n *syntax.Num) literal {
	v, big := n.Float, tooLarge(n.Float)
	if !n.IsFloat {
		v, big = float64(n.Int), n.Int > maxScrubbable // float64 would round 2^53+1 down
	}
	return literal{start: n.Pos.Offset, end: n.End.Offset, raw: n.Raw, value: v, isFloat: n.IsFloat, tooLarge: big}
}

func (f *finder) finish() []Number { return numbered(f.code, f.spots) }

// numbered orders the numbers of text as it has them and numbers
// repeats: the second "main.sleep" is "main.sleep.2", its label says
// "(2nd)".
func numbered(text string, spots []spot) []Number {
	slices.SortStableFunc(spots, func(a, b spot) int { return a.lit.start - b.lit.start })
	out := make([]Number, 0, len(spots))
	taken := map[string]bool{}
	repeats := map[string]int{}
	labels := map[string]int{}
	lines := newLineIndex(text)
	units := utf16Counter{text: text}
	for _, s := range spots {
		// The k-th of a name is name.k; one that a label or a word
		// already made ("fetch.2" beside a second fetch) moves it on.
		repeats[s.id]++
		id := s.id
		if k := repeats[s.id]; k > 1 {
			id += "." + strconv.Itoa(k)
		}
		for taken[id] {
			repeats[s.id]++
			id = s.id + "." + strconv.Itoa(repeats[s.id])
		}
		taken[id] = true
		if s.lit.tooLarge {
			continue // its id stays taken, so the others' do not move
		}
		labels[s.label]++
		label := s.label
		if k := labels[s.label]; k > 1 {
			label += " (" + ordinal(k) + ")"
		}
		n := newNumber(lines, &units, s.lit, id, label, s.seconds)
		if s.bound != nil {
			s.bound(&n)
		}
		out = append(out, n)
	}
	return out
}

func newNumber(lines lineIndex, units *utf16Counter, lit literal, id, label string, seconds bool) Number {
	line, col := lines.at(lit.start)
	n := Number{
		ID: id, Label: label, Line: line, Col: col, Raw: lit.raw, Value: lit.value, Seconds: seconds,
		Start: units.at(lit.start), End: units.at(lit.end),
	}
	n.Min, n.Max, n.Step = numberRange(lit, seconds)
	return n
}

// lineIndex finds the line and column of a byte offset.
type lineIndex []int // byte offset of each line's start

func newLineIndex(text string) lineIndex {
	starts := lineIndex{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// at is the 1-based line and byte column of offset.
func (l lineIndex) at(offset int) (line, col int) {
	i, found := slices.BinarySearch(l, offset)
	if !found {
		i--
	}
	return i + 1, offset - l[i] + 1
}

// utf16Counter turns byte offsets of text, asked in increasing order,
// into UTF-16 offsets, counting each stretch once: a load of many lines
// has many numbers.
type utf16Counter struct {
	text         string
	bytes, units int
}

func (c *utf16Counter) at(offset int) int {
	if offset < c.bytes {
		c.bytes, c.units = 0, 0
	}
	c.units += utf16Len(c.text[c.bytes:offset])
	c.bytes = offset
	return c.units
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// fstringText is an f-string's literal text with a NUL for each field,
// enough to tell whether it is a URL.
func fstringText(x *syntax.FString) string {
	var b strings.Builder
	for _, p := range x.Parts {
		if p.Expr != nil {
			b.WriteByte(0)
		} else {
			b.WriteString(p.Lit)
		}
	}
	return b.String()
}
