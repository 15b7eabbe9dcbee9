package syntax

import "fmt"

// parser is a recursive-descent parser with one token of lookahead. Every
// parse function returns an error rather than panicking, and the first
// error ends the parse: a learner fixes one thing at a time.
type parser struct {
	sc       *scanner
	tok      token // the current token
	ahead    token // the token after it, when hasAhead
	hasAhead bool
	eof      string // what the end of input is called in messages
	// exprDepth and blockDepth count nesting, see enter.
	exprDepth, blockDepth int
}

// maxDepth bounds recursion, so that hostile input such as ten thousand
// '(' yields an error instead of exhausting the stack.
const maxDepth = 200

// Parse parses a whole file.
func Parse(src []byte) (m *Module, err error) {
	defer internalError(&err)
	p := newParser(string(src), Pos{Line: 1, Col: 1}, false, "end of file")
	return p.parseFile()
}

// ParseExpr parses a lone expression, such as the text of an f-string
// field. Newlines inside it are ignored, as inside brackets.
func ParseExpr(src string) (x Expr, err error) {
	defer internalError(&err)
	return parseExprAt(src, Pos{Line: 1, Col: 1}, "end of input")
}

// internalError is the last safety net: the parser is written not to
// panic, but should it ever, the learner sees an error, not a crash.
func internalError(err *error) {
	if r := recover(); r != nil {
		*err = &Error{Pos: Pos{Line: 1, Col: 1}, Msg: fmt.Sprintf("internal error: %v", r)}
	}
}

// parseExprAt parses src, which starts at position at of the file, as an
// expression; eof names its end in messages.
func parseExprAt(src string, at Pos, eof string) (Expr, error) {
	p := newParser(src, at, true, eof)
	x, err := p.parseStarExpressions()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.unexpected(eof)
	}
	return x, nil
}

func newParser(src string, at Pos, exprOnly bool, eof string) *parser {
	p := &parser{sc: newScanner(src, at, exprOnly), eof: eof}
	p.next()
	return p
}

func (p *parser) next() {
	if p.hasAhead {
		p.tok, p.hasAhead = p.ahead, false
		return
	}
	p.tok = p.sc.next()
}

func (p *parser) peek() token {
	if !p.hasAhead {
		p.ahead, p.hasAhead = p.sc.next(), true
	}
	return p.ahead
}

// at reports whether the current token is the operator or keyword text.
func (p *parser) at(text string) bool {
	return (p.tok.kind == tokOp || p.tok.kind == tokKeyword) && p.tok.text == text
}

// got consumes the operator or keyword text if it is next.
func (p *parser) got(text string) bool {
	if p.at(text) {
		p.next()
		return true
	}
	return false
}

// expect consumes text or fails with "expected 'text' context, found ...".
func (p *parser) expect(text, context string) error {
	if p.got(text) {
		return nil
	}
	return p.unexpected("'" + text + "' " + context)
}

// unexpected reports that the current token is not what the grammar needs.
// A scanner error at this point is the real problem and is reported
// instead, as is a walrus, whose message is more helpful than "expected".
func (p *parser) unexpected(expected string) error {
	if p.tok.kind == tokError {
		return p.sc.err
	}
	if p.at(":=") {
		return errorf(p.tok.pos, "':=' assigns to a plain name only, inside an expression; assign on a line of its own here")
	}
	return errorf(p.tok.pos, "expected %s, found %s", expected, describe(p.tok, p.eof))
}

func errorf(pos Pos, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// enter guards one level of recursion, counted by depth (&p.exprDepth or
// &p.blockDepth); what names it in the error. Pair it with a deferred
// leave(depth).
func (p *parser) enter(depth *int, what string) error {
	if *depth >= maxDepth {
		return errorf(p.tok.pos, "%s nested too deeply", what)
	}
	*depth++
	return nil
}

func leave(depth *int) { *depth-- }

// peekIs reports whether the token after the current one is the operator text.
func (p *parser) peekIs(text string) bool {
	t := p.peek()
	return t.kind == tokOp && t.text == text
}
