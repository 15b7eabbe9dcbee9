package load

import (
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// lineSpec is what one request line asks for: reps times the n requests
// at, at+step, ... at+(n-1)*step. Parse multiplies it out only after the
// whole load is checked against MaxRequests.
type lineSpec struct {
	line, col    int // col: byte offset of the line's first token
	method, path string
	body         string // a JSON request body after the path, or ""
	at, step     trace.Time
	n, reps      int64
}

// methodLine is a "-X POST" line waiting for the url line it applies to;
// err is what to report if none comes.
type methodLine struct {
	method string
	err    *Error
}

const unknownLine = `unknown line; expected 'url = "http://..."' or 'at SECONDS METHOD /path'`

// parseLine reads one line: a request line (ok, and spec says what it
// sends), a method line (m), or nothing (a blank line or a comment).
// pending is the method line before it, if any: only a url line may follow.
func parseLine(s *scanner, pending *methodLine) (spec lineSpec, ok bool, m *methodLine, err error) {
	if s.done() {
		return spec, false, nil, nil
	}
	spec = lineSpec{line: s.line, col: s.pos, method: "GET", n: 1, reps: 1}
	k, off := s.key()
	if reps, isRepeat, err := s.repeat(k, off); err != nil {
		return spec, false, nil, err
	} else if isRepeat {
		spec.reps = reps
		if k, off = s.key(); k == "" || isMethodKey(k) {
			if k == "" {
				off = s.last
			}
			return spec, false, nil, s.errAt(off, "'%d x' must be followed by a request, as in '%d x at 0 GET /'", reps, reps)
		}
	}
	if pending != nil && !isURLKey(k) {
		return spec, false, nil, pending.err
	}
	switch {
	case isURLKey(k):
		if pending != nil {
			spec.method = pending.method
		}
		err = s.urlLine(&spec, k)
	case isMethodKey(k):
		m, err = s.methodLine(k, off)
		return spec, false, m, err
	case asciiFold(k, "at"):
		err = s.atLine(&spec)
	case asciiFold(k, "every"):
		err = s.everyLine(&spec)
	default:
		return spec, false, nil, s.errAt(off, unknownLine)
	}
	if err == nil && !s.done() {
		w, off := s.word()
		err = s.errAt(off, "unexpected %q at the end of the line", w)
	}
	if err != nil {
		return spec, false, nil, err
	}
	return spec, true, nil, nil
}

func isURLKey(k string) bool { return asciiFold(k, "url") || asciiFold(k, "--url") }
func isMethodKey(k string) bool {
	return k == "-X" || asciiFold(k, "--request") || asciiFold(k, "request")
}

// repeat reads the "N x" prefix, also written "Nx". ok is false when the
// line does not start with a number.
func (s *scanner) repeat(k string, off int) (n int64, ok bool, err error) {
	digits := strings.TrimRight(k, "xX")
	if digits == "" || digits[0] < '0' || digits[0] > '9' {
		return 0, false, nil
	}
	if len(k)-len(digits) > 1 || !allDigits(digits) {
		return 0, false, s.errAt(off, "expected a repeat count, as in '4 x at 0 GET /', found %q", k)
	}
	if len(digits) == len(k) {
		if x, xoff := s.word(); !asciiFold(x, "x") {
			return 0, false, s.errAt(xoff, "expected 'x' after the repeat count, as in '%s x at 0 GET /'", digits)
		}
	}
	n, perr := strconv.ParseInt(strings.TrimLeft(digits, "0"), 10, 64)
	if perr != nil || n < 1 || n > MaxRepeat {
		return 0, false, s.errAt(off, "repeat count must be from 1 to %d (the repeat limit), found %s", MaxRepeat, digits)
	}
	s.mark("count", off, digits, "")
	return n, true, nil
}

// urlLine reads the value of a curl "url" option.
func (s *scanner) urlLine(spec *lineSpec, k string) error {
	raw, off, err := s.value(k[0] == '-')
	if err != nil {
		return err
	}
	if raw == "" && (off == len(s.text) || s.text[off] != '"') {
		return s.errEnd("expected a url like \"http://127.0.0.1:8000/\", found end of line")
	}
	spec.path, err = pathFromURL(raw)
	if err != nil {
		return s.errAt(off, "%v", err)
	}
	s.markURL(raw, off)
	return nil
}

// methodLine reads "-X POST", "--request POST" or `request = "POST"`.
func (s *scanner) methodLine(k string, off int) (*methodLine, error) {
	v, voff, err := s.value(k[0] == '-')
	if err != nil {
		return nil, err
	}
	if !s.done() {
		w, woff := s.word()
		return nil, s.errAt(woff, "unexpected %q at the end of the line", w)
	}
	method, err := s.method(v, voff)
	if err != nil {
		return nil, err
	}
	return &methodLine{method: method, err: s.errAt(off, "method %s is not followed by a url line; it applies to the next url line only", method)}, nil
}

// atLine reads "TIME METHOD /path" after "at".
func (s *scanner) atLine(spec *lineSpec) (err error) {
	if spec.at, _, err = s.time("time", "at"); err != nil {
		return err
	}
	return s.request(spec)
}

// everyLine reads "STEP from START to END METHOD /path" after "every".
// START is included and END is not, like Python's range(), so
// "every 1 from 0 to 3" sends at 0, 1 and 2.
func (s *scanner) everyLine(spec *lineSpec) (err error) {
	var off int
	if spec.step, off, err = s.time("step", "every"); err != nil {
		return err
	}
	if spec.step == 0 {
		return s.errAt(off, "the step of 'every' must be more than 0")
	}
	if err := s.keyword("from", "every STEP from START to END METHOD /path"); err != nil {
		return err
	}
	if spec.at, _, err = s.time("start time", "from"); err != nil {
		return err
	}
	if err := s.keyword("to", "every STEP from START to END METHOD /path"); err != nil {
		return err
	}
	end, off, err := s.time("end time", "to")
	if err != nil {
		return err
	}
	if end <= spec.at {
		return s.errAt(off, "the end time must be after the start time (the end is not included)")
	}
	spec.n = int64((end - spec.at + spec.step - 1) / spec.step)
	return s.request(spec)
}

func (s *scanner) keyword(want, form string) error {
	w, off := s.word()
	if !asciiFold(w, want) {
		return s.errAt(off, "expected %q, as in '%s', found %s", want, form, found(w))
	}
	return nil
}

// time reads a time word and its offset; what names it in the error,
// kind in Tokens.
func (s *scanner) time(what, kind string) (trace.Time, int, error) {
	w, off := s.word()
	if w == "" {
		return 0, off, s.errEnd("expected a %s in seconds (like 0.25, 2s or 100ms), found end of line", what)
	}
	t, err := parseTime(w)
	if err != nil {
		return 0, off, s.errAt(off, "%v", err)
	}
	s.markTime(kind, off, w)
	return t, off, nil
}

// request reads "METHOD /path", the end of every timed line.
func (s *scanner) request(spec *lineSpec) (err error) {
	w, off := s.word()
	if spec.method, err = s.method(w, off); err != nil {
		return err
	}
	p, off := s.word()
	if p == "" {
		return s.errEnd("expected a path like \"/slow\", found end of line")
	}
	if err := checkPath(p); err != nil {
		return s.errAt(off, "%v", err)
	}
	spec.path = p
	s.mark("path", off, p, "")
	return s.body(spec)
}

// body reads an optional JSON request body after the path:
// "at 0 POST /items {"name": "pen"}".
func (s *scanner) body(spec *lineSpec) error {
	s.skipSpace()
	if s.pos >= len(s.text) || (s.text[s.pos] != '{' && s.text[s.pos] != '[') {
		return nil
	}
	off := s.pos
	n, err := jsonEnd(s.text[off:])
	if err != nil {
		return s.errAt(off+n, "the request body must be JSON: %v", err)
	}
	end := off + n
	spec.body = s.text[off:end]
	s.pos, s.last = end, end
	return nil
}

func (s *scanner) method(w string, off int) (string, error) {
	if w == "" {
		return "", s.errEnd("expected a method (GET, POST, ...), found end of line")
	}
	m, ok := canonicalMethod(w)
	if !ok {
		return "", s.errAt(off, "expected a method (GET, POST, ...), found %q", w)
	}
	return m, nil
}

// found quotes a word for an error message, or says the line ended.
func found(w string) string {
	if w == "" {
		return "end of line"
	}
	return strconv.Quote(w)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
