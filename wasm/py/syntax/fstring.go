package syntax

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// fstring splits the body of an f-string token into literal runs and
// replacement fields:
//
//	fstring: (literal | '{{' | '}}' | field)*
//	field:   '{' star_expressions ['='] ['!' ('r' | 's' | 'a')] [':' spec] '}'
//
// The body is the undecoded source text between the quotes, so a field's
// expression is a verbatim slice of the file and is parsed at its real
// position: an error in f"{x +}" points at the right column.
type fstring struct {
	body  string
	raw   bool
	quote byte // the f-string's own quote character
	start Pos  // position of body[0]
	// posAt and pos cache the position of one offset, so that mapping the
	// fields left to right costs one pass over the body.
	posAt int
	pos   Pos
}

func splitFString(t token) ([]FStringPart, error) {
	f := &fstring{body: t.value, raw: t.raw, quote: t.text[len(t.text)-1], start: t.valuePos, pos: t.valuePos}
	return f.split()
}

// posOf returns the file position of body[i].
func (f *fstring) posOf(i int) Pos {
	if i < f.posAt {
		f.posAt, f.pos = 0, f.start
	}
	f.pos = f.pos.after(f.body[f.posAt:i])
	f.posAt = i
	return f.pos
}

func (f *fstring) split() ([]FStringPart, error) {
	var parts []FStringPart
	var lit strings.Builder // the decoded literal run so far
	runStart := 0           // where the undecoded part of the run begins
	flush := func(end int) error {
		text, err := unescape(f.body[runStart:end], f.raw, f.posOf(runStart))
		if err != nil {
			return err
		}
		lit.WriteString(text)
		return nil
	}
	for i := 0; i < len(f.body); {
		c := f.body[i]
		if c != '{' && c != '}' {
			i++
			continue
		}
		if err := flush(i); err != nil {
			return nil, err
		}
		switch {
		case i+1 < len(f.body) && f.body[i+1] == c:
			lit.WriteByte(c) // '{{' or '}}'
			i += 2
		case c == '}':
			return nil, errorf(f.posOf(i), "single '}' is not allowed in an f-string; write '}}' for a literal brace")
		default:
			parts = appendLiteral(parts, lit.String())
			lit.Reset()
			part, next, err := f.field(i)
			if err != nil {
				return nil, err
			}
			parts = append(parts, part)
			i = next
		}
		runStart = i
	}
	if err := flush(len(f.body)); err != nil {
		return nil, err
	}
	return appendLiteral(parts, lit.String()), nil
}

// field parses the replacement field whose '{' is at body[open] and
// returns it with the offset just past its '}'.
func (f *fstring) field(open int) (FStringPart, int, error) {
	var part FStringPart
	start := open + 1
	end, err := f.exprEnd(start)
	if err != nil {
		return part, 0, err
	}
	src := f.body[start:end]
	if strings.TrimSpace(src) == "" {
		return part, 0, errorf(f.posOf(open), "empty expression in f-string braces")
	}
	stop, _ := utf8.DecodeRuneInString(f.body[end:])
	if first := newScanner(src, f.posOf(start), true).next(); first.kind == tokKeyword && first.text == "lambda" {
		return part, 0, errorf(first.pos, "a lambda inside f-string braces needs parentheses: {(lambda: ...)()}")
	}
	if part.Expr, err = parseExprAt(src, f.posOf(start), fmt.Sprintf("'%c'", stop)); err != nil {
		return part, 0, err
	}
	i := end
	if f.body[i] == '=' {
		part.Debug, part.ExprSrc = true, src
		i++
		for i < len(f.body) && strings.IndexByte(" \t\n", f.body[i]) >= 0 {
			i++
		}
	}
	if i < len(f.body) && f.body[i] == '!' {
		if i+1 == len(f.body) || strings.IndexByte("rsa", f.body[i+1]) < 0 {
			return part, 0, errorf(f.posOf(i), "expected 'r', 's' or 'a' after '!' in an f-string field")
		}
		part.Conv = f.body[i+1]
		i += 2
	}
	if i < len(f.body) && f.body[i] == ':' {
		specStart := i + 1
		for i < len(f.body) && f.body[i] != '}' {
			if f.body[i] == '{' {
				return part, 0, errorf(f.posOf(i), "nested fields in an f-string format spec are not simulated")
			}
			i++
		}
		// The spec is literal text, so its escapes count: f"{x:\t<6}"
		// pads with tabs.
		spec, err := unescape(f.body[specStart:i], f.raw, f.posOf(specStart))
		if err != nil {
			return part, 0, err
		}
		part.Spec = spec
	}
	if i == len(f.body) || f.body[i] != '}' {
		return part, 0, errorf(f.posOf(i), "expected '}' to close the f-string field")
	}
	if part.Debug && part.Conv == 0 && part.Spec == "" {
		part.Conv = 'r' // "{x=}" shows repr(x), as in Python
	}
	return part, i + 1, nil
}

// exprEnd returns where the expression of a field starting at body[start]
// stops: at the first '}', '!', ':' or debugging '=' outside brackets and
// string literals.
func (f *fstring) exprEnd(start int) (int, error) {
	depth := 0
	for i := start; i < len(f.body); i++ {
		switch c := f.body[i]; c {
		case '\'', '"':
			i = f.skipString(i)
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth = max(depth-1, 0) // an unmatched one is reported by the parser
		case '}':
			if depth == 0 {
				return i, nil
			}
			depth--
		case '#':
			return 0, errorf(f.posOf(i), "'#' is not allowed inside f-string braces")
		case '!', ':', '=':
			if depth == 0 && f.endsExpr(i) {
				return i, nil
			}
		}
	}
	// An open bracket, or nothing at all, before the end suggests that the
	// f-string's own quote ended it early, as in f"{d["k"]}", which Python
	// 3.12 allows but this scanner does not.
	if depth > 0 || strings.TrimSpace(f.body[start:]) == "" {
		other := byte('"')
		if f.quote == '"' {
			other = '\''
		}
		return 0, errorf(f.posOf(start-1), "the f-string ends inside its braces; quote strings inside them with %c", other)
	}
	return 0, errorf(f.posOf(start-1), "'{' in an f-string is never closed; write '{{' for a literal brace")
}

// endsExpr tells the '!', ':' and '=' that end a field's expression from
// those inside it, as in "!=", "==" and "<=".
func (f *fstring) endsExpr(i int) bool {
	next := byte(0)
	if i+1 < len(f.body) {
		next = f.body[i+1]
	}
	switch f.body[i] {
	case '!':
		return next != '='
	case '=':
		if next == '=' || strings.IndexByte("=!<>", f.body[i-1]) >= 0 {
			return false
		}
		rest := strings.TrimLeft(f.body[i+1:], " \t\n")
		return rest != "" && strings.IndexByte("}!:", rest[0]) >= 0
	}
	return true // ':'
}

// skipString returns the offset of the last quote of the string literal
// whose opening quote is at body[i], or the last offset of the body.
func (f *fstring) skipString(i int) int {
	quote := f.body[i : i+1]
	if strings.HasPrefix(f.body[i:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	for j := i + len(quote); j < len(f.body); j++ {
		switch {
		case f.body[j] == '\\':
			j++
		case strings.HasPrefix(f.body[j:], quote):
			return j + len(quote) - 1
		}
	}
	return len(f.body) - 1
}
