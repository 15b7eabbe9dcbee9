package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner turns source text into tokens on demand, so the parser reports a
// syntax error on line 3 before a bad character on line 50, as Python does.
// After its first error it returns tokError forever; the parser turns that
// into the error it reports.
type scanner struct {
	src string
	i   int // byte index of the next unread character
	pos Pos // position of src[i] in the file

	// exprOnly scans a lone expression (an f-string field or ParseExpr):
	// newlines are plain spacing, as inside brackets, and there is no
	// indentation.
	exprOnly bool

	indents   []indent // open indentation levels, outermost first
	dedents   int      // DEDENT tokens still owed
	brackets  []token  // open brackets, innermost last
	lineStart bool     // the next token begins a logical line
	last      tokenKind
	err       *Error
}

// indent is one indentation level measured two ways: col advances tabs to
// the next multiple of 8 and alt counts them as 1. Python calls indentation
// inconsistent when the two disagree about which of two lines is deeper.
type indent struct{ col, alt int }

// newScanner scans src as if it began at position at in a larger file.
func newScanner(src string, at Pos, exprOnly bool) *scanner {
	s := &scanner{src: src, pos: at, exprOnly: exprOnly, indents: []indent{{}},
		lineStart: !exprOnly, last: tokNewline}
	if bad := firstInvalidByte(src); bad >= 0 {
		s.err = &Error{Pos: at.after(src[:bad]), Msg: "invalid UTF-8 encoding; save the file as UTF-8"}
	}
	return s
}

// firstInvalidByte returns the offset of the first byte of src that is not
// UTF-8, or -1.
func firstInvalidByte(src string) int {
	for i, r := range src {
		if r == utf8.RuneError && runeLen(src, i) == 1 {
			return i
		}
	}
	return -1
}

func runeLen(src string, i int) int {
	_, n := utf8.DecodeRuneInString(src[i:])
	return n
}

// after returns the position just past text when text starts at p.
func (p Pos) after(text string) Pos {
	for _, r := range text {
		if r == '\n' {
			p.Line++
			p.Col = 1
		} else {
			p.Col++
		}
	}
	p.Offset += len(text)
	return p
}

// next returns the next token.
func (s *scanner) next() token {
	t := s.scan()
	s.last = t.kind
	return t
}

func (s *scanner) scan() token {
	if s.err != nil {
		return token{kind: tokError, pos: s.err.Pos, end: s.err.Pos}
	}
	if s.dedents > 0 {
		s.dedents--
		return token{kind: tokDedent, pos: s.pos, end: s.pos}
	}
	if s.lineStart {
		s.lineStart = false
		if t, ok := s.indentation(); ok {
			return t
		}
	}
	if t, ok := s.skipSpace(); !ok {
		return t
	}
	start := s.pos
	if s.i >= len(s.src) {
		return s.end()
	}
	r, _ := utf8.DecodeRuneInString(s.src[s.i:])
	switch {
	case r == '\n':
		s.advance()
		s.lineStart = true
		return token{kind: tokNewline, pos: start, end: s.pos, text: "\n"}
	case isIdentStart(r):
		return s.nameOrString()
	case isDigit(r) || r == '.' && s.i+1 < len(s.src) && isDigit(rune(s.src[s.i+1])):
		return s.number()
	case r == '"' || r == '\'':
		return s.str(start, s.i, "")
	}
	return s.operator()
}

// advance moves past one character.
func (s *scanner) advance() {
	if s.i >= len(s.src) {
		return
	}
	n := runeLen(s.src, s.i)
	s.pos = s.pos.after(s.src[s.i : s.i+n])
	s.i += n
}

// peekByte returns the byte k ahead of the next one, or 0 past the end.
func (s *scanner) peekByte(k int) byte {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return 0
}

func (s *scanner) fail(pos Pos, format string, args ...any) token {
	s.err = &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	return token{kind: tokError, pos: pos, end: pos}
}

// indentation measures a new logical line, skipping blank and comment-only
// lines, and returns an INDENT, the first DEDENT or an error; ok is false
// when the indentation is unchanged or the file has ended.
func (s *scanner) indentation() (t token, ok bool) {
	cur := s.measureIndent()
	for s.i < len(s.src) && (s.src[s.i] == '\n' || s.src[s.i] == '#') {
		for s.i < len(s.src) && s.src[s.i] != '\n' {
			s.advance()
		}
		s.advance()
		cur = s.measureIndent()
	}
	if s.i >= len(s.src) {
		return token{}, false
	}
	top := s.indents[len(s.indents)-1]
	switch {
	case cur.col > top.col && cur.alt > top.alt:
		s.indents = append(s.indents, cur)
		return token{kind: tokIndent, pos: s.pos, end: s.pos}, true
	case cur == top:
		return token{}, false
	case cur.col >= top.col:
		return s.tabError(), true
	}
	closed := 0
	for len(s.indents) > 1 && cur.col < s.indents[len(s.indents)-1].col {
		s.indents = s.indents[:len(s.indents)-1]
		closed++
	}
	switch top = s.indents[len(s.indents)-1]; {
	case cur.col != top.col:
		return s.fail(s.pos, "unindent does not match any outer indentation level"), true
	case cur.alt != top.alt:
		return s.tabError(), true
	}
	s.dedents = closed - 1
	return token{kind: tokDedent, pos: s.pos, end: s.pos}, true
}

// measureIndent skips the leading whitespace of a line and measures it.
func (s *scanner) measureIndent() indent {
	var cur indent
	for ; s.i < len(s.src); s.advance() {
		switch s.src[s.i] {
		case ' ':
			cur.col++
			cur.alt++
		case '\t':
			cur.col = cur.col/8*8 + 8
			cur.alt++
		case '\f': // a form feed resets the count, as in Python
			cur = indent{}
		case '\r':
		default:
			return cur
		}
	}
	return cur
}

func (s *scanner) tabError() token {
	return s.fail(s.pos, "inconsistent use of tabs and spaces in indentation; indent with spaces only")
}

// skipSpace skips spaces, comments, backslash continuations and, inside
// brackets, newlines. ok is false when it failed.
func (s *scanner) skipSpace() (t token, ok bool) {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\f', '\r':
			s.advance()
		case '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.advance()
			}
		case '\n':
			if !s.exprOnly && len(s.brackets) == 0 {
				return token{}, true
			}
			s.advance()
		case '\\':
			at := s.pos
			s.advance()
			if s.peekByte(0) == '\r' {
				s.advance()
			}
			switch s.peekByte(0) {
			case '\n':
				s.advance()
			case 0:
				return s.fail(at, "unexpected end of file after line continuation character '\\'"), false
			default:
				return s.fail(at, "unexpected character after line continuation character '\\'"), false
			}
		default:
			return token{}, true
		}
	}
	return token{}, true
}

// end produces the tokens at the end of input: a NEWLINE closing the last
// line, a DEDENT for every open level, then EOF.
func (s *scanner) end() token {
	if n := len(s.brackets); n > 0 {
		open := s.brackets[n-1]
		return s.fail(open.pos, "'%s' was never closed", open.text)
	}
	if s.exprOnly {
		return token{kind: tokEOF, pos: s.pos, end: s.pos}
	}
	if s.last != tokNewline && s.last != tokDedent && s.last != tokEOF {
		return token{kind: tokNewline, pos: s.pos, end: s.pos}
	}
	if len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		return token{kind: tokDedent, pos: s.pos, end: s.pos}
	}
	return token{kind: tokEOF, pos: s.pos, end: s.pos}
}

// stringPrefixes are the letter prefixes that may open a string literal.
var stringPrefixes = map[string]bool{
	"r": true, "u": true, "f": true, "b": true,
	"rb": true, "br": true, "fr": true, "rf": true,
}

// nameOrString scans an identifier or keyword, or a string literal when the
// identifier is a prefix like f or r followed by a quote.
func (s *scanner) nameOrString() token {
	start, begin := s.pos, s.i
	for s.i < len(s.src) {
		r, _ := utf8.DecodeRuneInString(s.src[s.i:])
		if !isIdentStart(r) && !isDigit(r) {
			break
		}
		s.advance()
	}
	text := s.src[begin:s.i]
	if c := s.peekByte(0); (c == '"' || c == '\'') && stringPrefixes[strings.ToLower(text)] {
		return s.str(start, begin, strings.ToLower(text))
	}
	kind := tokName
	if keywords[text] {
		kind = tokKeyword
	}
	return token{kind: kind, pos: start, end: s.pos, text: text}
}

// operator scans an operator or delimiter, keeping track of brackets so
// that newlines inside them are ignored.
func (s *scanner) operator() token {
	start := s.pos
	for n := 3; n >= 1; n-- {
		if s.i+n > len(s.src) || !operators[s.src[s.i:s.i+n]] {
			continue
		}
		text := s.src[s.i : s.i+n]
		for range n {
			s.advance()
		}
		t := token{kind: tokOp, pos: start, end: s.pos, text: text}
		return s.bracket(t)
	}
	r, _ := utf8.DecodeRuneInString(s.src[s.i:])
	if r == '!' {
		return s.fail(start, "invalid character '!'; use 'not' to negate")
	}
	return s.fail(start, "invalid character %q", r)
}

var closers = map[string]string{")": "(", "]": "[", "}": "{"}

func (s *scanner) bracket(t token) token {
	switch t.text {
	case "(", "[", "{":
		s.brackets = append(s.brackets, t)
	case ")", "]", "}":
		n := len(s.brackets)
		if n == 0 {
			return s.fail(t.pos, "unmatched '%s'", t.text)
		}
		if open := s.brackets[n-1]; open.text != closers[t.text] {
			return s.fail(t.pos, "closing '%s' does not match opening '%s' on line %d", t.text, open.text, open.pos.Line)
		}
		s.brackets = s.brackets[:n-1]
	}
	return t
}

func isIdentStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }
