package load

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner walks one line of a load. It works in byte offsets and turns an
// offset into a column only when it reports an error, so valid loads never
// pay for counting runes.
type scanner struct {
	line int
	text string // the line without its "\n" or "\r\n"
	pos  int    // next byte to read
	last int    // end of the last token read, for "found end of line" errors
	// tokens, when set, collects the line's numbers (see Tokens); base
	// is the line's offset in the load.
	tokens *[]Token
	base   int
}

// errAt reports a problem at byte offset off of the line.
func (s *scanner) errAt(off int, format string, args ...any) *Error {
	return &Error{Line: s.line, Col: utf8.RuneCountInString(s.text[:off]) + 1, Msg: fmt.Sprintf(format, args...)}
}

// errEnd reports something missing: it points just past the last token,
// where the missing thing belongs.
func (s *scanner) errEnd(format string, args ...any) *Error {
	return s.errAt(s.last, format, args...)
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.text) {
		r, n := utf8.DecodeRuneInString(s.text[s.pos:])
		if !unicode.IsSpace(r) {
			return
		}
		s.pos += n
	}
}

// done reports whether only whitespace or a comment is left.
func (s *scanner) done() bool {
	s.skipSpace()
	return s.pos == len(s.text) || s.text[s.pos] == '#'
}

// word reads a run of characters up to whitespace or a comment; "" at the
// end of the line. It returns the word's offset for error positions.
func (s *scanner) word() (string, int) {
	return s.run(func(byte) bool { return false })
}

// key reads a line's leading keyword. curl's config parser ends a keyword
// at '=' or ':' too, so "url=..." and "url:..." work, but not for options
// written with a dash ("--url", "-X"), whose value follows a space.
func (s *scanner) key() (string, int) {
	s.skipSpace()
	if s.pos < len(s.text) && s.text[s.pos] == '-' {
		return s.word()
	}
	return s.run(func(b byte) bool { return b == '=' || b == ':' || b == '"' })
}

// run reads a token that ends at whitespace, a comment, or a byte for
// which stop is true.
func (s *scanner) run(stop func(byte) bool) (string, int) {
	s.skipSpace()
	start := s.pos
	for s.pos < len(s.text) && s.text[s.pos] != '#' && !stop(s.text[s.pos]) {
		r, n := utf8.DecodeRuneInString(s.text[s.pos:])
		if unicode.IsSpace(r) {
			break
		}
		s.pos += n
	}
	if s.pos > start {
		s.last = s.pos
	}
	return s.text[start:s.pos], start
}

// value reads an option's value the way curl's config parser does: after
// the separator ('=' or ':' and spaces, or only spaces after a dashed
// option), either a double-quoted string with backslash escapes, or a word.
func (s *scanner) value(dashed bool) (string, int, error) {
	for s.pos < len(s.text) {
		r, n := utf8.DecodeRuneInString(s.text[s.pos:])
		if !unicode.IsSpace(r) && (dashed || (r != '=' && r != ':')) {
			break
		}
		s.pos += n
	}
	if s.pos == len(s.text) || s.text[s.pos] != '"' {
		w, off := s.word()
		return w, off, nil
	}
	start := s.pos
	// Most values have no escapes: then the value is a slice of the line.
	if n := strings.IndexAny(s.text[start+1:], `"\`); n >= 0 && s.text[start+1+n] == '"' {
		s.pos = start + n + 2
		s.last = s.pos
		return s.text[start+1 : start+1+n], start, nil
	}
	var b strings.Builder
	for i := start + 1; i < len(s.text); i++ {
		c := s.text[i]
		switch {
		case c == '"':
			s.pos, s.last = i+1, i+1
			return b.String(), start, nil
		case c == '\\' && i+1 < len(s.text):
			i++
			b.WriteByte(unescape(s.text[i]))
		default:
			b.WriteByte(c)
		}
	}
	return "", start, s.errAt(start, "unterminated quote; add a closing \" at the end of the value")
}

// unescape maps the character after a backslash as curl does: \t \n \r \v
// are control characters, anything else (\" or \\) stands for itself.
func unescape(c byte) byte {
	switch c {
	case 't':
		return '\t'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'v':
		return '\v'
	}
	return c
}

// asciiFold compares case-insensitively in ASCII only: strings.EqualFold
// would also take "ſ" for "s" and the Kelvin sign for "k", accepting
// "poſt" as POST.
func asciiFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
