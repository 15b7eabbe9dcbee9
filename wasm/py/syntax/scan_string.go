package syntax

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// str scans a string literal whose quote is at s.i; start and begin are
// where its prefix (already read and lowercased) began.
func (s *scanner) str(start Pos, begin int, prefix string) token {
	quote := s.src[s.i : s.i+1]
	if strings.HasPrefix(s.src[s.i:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	for range len(quote) {
		s.advance()
	}
	bodyPos, bodyBegin := s.pos, s.i
	for !strings.HasPrefix(s.src[s.i:], quote) {
		if s.i >= len(s.src) || s.src[s.i] == '\n' && len(quote) == 1 {
			if len(quote) == 3 {
				return s.fail(start, "unterminated triple-quoted string")
			}
			return s.fail(start, "unterminated string")
		}
		if s.src[s.i] == '\\' {
			s.advance() // even in a raw string, \" does not end the literal
		}
		s.advance()
	}
	body := s.src[bodyBegin:s.i]
	for range len(quote) {
		s.advance()
	}
	t := token{pos: start, end: s.pos, text: s.src[begin:s.i]}
	raw := strings.Contains(prefix, "r")
	if strings.Contains(prefix, "f") {
		t.kind, t.value, t.valuePos, t.raw = tokFString, body, bodyPos, raw
		return t
	}
	if strings.Contains(prefix, "b") {
		value, err := unescapeBytes(body, raw, bodyPos)
		if err != nil {
			s.err = err
			return token{kind: tokError, pos: err.Pos, end: err.Pos}
		}
		t.kind, t.value, t.bytes = tokString, value, true
		return t
	}
	value, err := unescape(body, raw, bodyPos)
	if err != nil {
		s.err = err
		return token{kind: tokError, pos: err.Pos, end: err.Pos}
	}
	t.kind, t.value = tokString, value
	return t
}

// unescapeBytes decodes a bytes literal's body: ASCII characters only,
// and \x and octal escapes stand for one byte each (\u is no escape in
// bytes, as in Python).
func unescapeBytes(body string, raw bool, pos Pos) (string, *Error) {
	for i := 0; i < len(body); i++ {
		if body[i] >= 0x80 {
			return "", &Error{Pos: pos.after(body[:i]), Msg: "bytes can only contain ASCII literal characters"}
		}
	}
	if raw || !strings.Contains(body, `\`) {
		return body, nil
	}
	var b strings.Builder
	for i := 0; i < len(body); {
		if body[i] != '\\' || i+1 == len(body) {
			b.WriteByte(body[i])
			i++
			continue
		}
		c := body[i+1]
		switch {
		case c == '\n':
			i += 2
		case simpleEscapes[c] != 0:
			b.WriteByte(simpleEscapes[c])
			i += 2
		case c == 'x':
			v, err := strconv.ParseUint(body[i+2:min(i+4, len(body))], 16, 8)
			if err != nil || i+4 > len(body) {
				return "", &Error{Pos: pos.after(body[:i]), Msg: `invalid \x escape: expected 2 hex digits`}
			}
			b.WriteByte(byte(v))
			i += 4
		case '0' <= c && c <= '7':
			n := i + 2
			for n < i+4 && n < len(body) && '0' <= body[n] && body[n] <= '7' {
				n++
			}
			v, _ := strconv.ParseUint(body[i+1:n], 8, 16)
			b.WriteByte(byte(v))
			i = n
		default:
			b.WriteByte('\\')
			i++
		}
	}
	return b.String(), nil
}

var simpleEscapes = map[byte]byte{
	'\\': '\\', '\'': '\'', '"': '"',
	'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
}

// hexEscapes gives the number of hex digits after \x, \u and \U.
var hexEscapes = map[byte]int{'x': 2, 'u': 4, 'U': 8}

// unescape decodes the backslash escapes of a string body found at pos.
// Unknown escapes such as "\d" keep their backslash, as in Python.
func unescape(body string, raw bool, pos Pos) (string, *Error) {
	if raw || !strings.Contains(body, `\`) {
		return body, nil
	}
	var b strings.Builder
	for i := 0; i < len(body); {
		if body[i] != '\\' || i+1 == len(body) {
			b.WriteByte(body[i])
			i++
			continue
		}
		if body[i+1] == '\n' { // a backslash-newline joins the lines
			i += 2
			continue
		}
		if e, ok := simpleEscapes[body[i+1]]; ok {
			b.WriteByte(e)
			i += 2
			continue
		}
		r, n, msg := decodeEscape(body[i:])
		if msg != "" {
			return "", &Error{Pos: pos.after(body[:i]), Msg: msg}
		}
		if n == 0 {
			b.WriteByte('\\')
			i++
			continue
		}
		b.WriteRune(r)
		i += n
	}
	return b.String(), nil
}

// decodeEscape decodes a numeric escape at the start of s (\x41, \u00e9,
// \U0001F600, \101), returning its length; n is 0 for an unknown escape.
func decodeEscape(s string) (r rune, n int, msg string) {
	c := s[1]
	if digits, ok := hexEscapes[c]; ok {
		if len(s) < 2+digits {
			return 0, 0, `truncated \` + string(c) + ` escape: expected ` + strconv.Itoa(digits) + ` hex digits`
		}
		v, err := strconv.ParseUint(s[2:2+digits], 16, 32)
		if err != nil {
			return 0, 0, `truncated \` + string(c) + ` escape: expected ` + strconv.Itoa(digits) + ` hex digits`
		}
		if v > utf8.MaxRune {
			return 0, 0, `\U escape is beyond the last Unicode character`
		}
		return rune(v), 2 + digits, ""
	}
	if c == 'N' {
		return 0, 0, `\N{...} escapes are not supported; write the character itself`
	}
	if '0' <= c && c <= '7' {
		n := 2
		for n < 4 && n < len(s) && '0' <= s[n] && s[n] <= '7' {
			n++
		}
		v, _ := strconv.ParseUint(s[1:n], 8, 32)
		return rune(v), n, ""
	}
	return 0, 0, ""
}
