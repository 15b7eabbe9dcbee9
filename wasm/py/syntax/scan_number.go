package syntax

import (
	mathbig "math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

func isHex(c byte) bool    { return isDigit(rune(c)) || 'a' <= c|0x20 && c|0x20 <= 'f' }
func isOctal(c byte) bool  { return '0' <= c && c <= '7' }
func isBinary(c byte) bool { return c == '0' || c == '1' }

var baseDigits = map[byte]func(byte) bool{'x': isHex, 'o': isOctal, 'b': isBinary}

// number scans a number literal: 12, 1_000, 0x1F, 0o17, 0b101, 1.5, .5,
// 2., 1e3, 1.5e-3. The token keeps the exact text, which becomes Num.Raw.
func (s *scanner) number() token {
	start, begin := s.pos, s.i
	if isDigitOf, ok := baseDigits[s.peekByte(1)|0x20]; ok && s.src[s.i] == '0' {
		s.advance()
		s.advance()
		if s.peekByte(0) == '_' {
			s.advance() // Python allows 0x_ff
		}
		if s.digits(isDigitOf) == 0 {
			return s.invalidNumber(start, begin)
		}
	} else {
		s.digits(isDecimal)
		if s.peekByte(0) == '.' {
			s.advance()
			s.digits(isDecimal)
		}
		if c := s.peekByte(0) | 0x20; c == 'e' {
			sign := 0
			if c := s.peekByte(1); c == '+' || c == '-' {
				sign = 1
			}
			if isDigit(rune(s.peekByte(1 + sign))) {
				for range 1 + sign {
					s.advance()
				}
				s.digits(isDecimal)
			}
		}
	}
	if s.peekByte(0)|0x20 == 'j' {
		return s.fail(start, "complex numbers are not simulated")
	}
	if r, _ := utf8.DecodeRuneInString(s.src[s.i:]); s.i < len(s.src) && (isIdentStart(r) || isDigit(r)) {
		return s.invalidNumber(start, begin)
	}
	text := s.src[begin:s.i]
	if digits := strings.ReplaceAll(text, "_", ""); len(digits) > 1 && digits[0] == '0' &&
		strings.Trim(digits, "0") != "" && !strings.ContainsAny(digits, "xXoObB.eE") {
		return s.fail(start, "leading zeros are not allowed in a decimal number; write %s", strings.TrimLeft(digits, "0"))
	}
	return token{kind: tokNumber, pos: start, end: s.pos, text: text}
}

func isDecimal(c byte) bool { return isDigit(rune(c)) }

// digits reads digits that may be separated by single underscores, and
// returns how many it read. It stops before a misplaced '_', which the
// caller then reports as part of an invalid literal.
func (s *scanner) digits(isDigitOf func(byte) bool) int {
	n := 0
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case isDigitOf(c):
			n++
		case c == '_' && n > 0 && isDigitOf(s.peekByte(1)):
		default:
			return n
		}
		s.advance()
	}
	return n
}

// invalidNumber reports a literal such as 1abc, 1__0 or 0x, quoting it up
// to the end of the word.
func (s *scanner) invalidNumber(start Pos, begin int) token {
	for s.i < len(s.src) {
		r, _ := utf8.DecodeRuneInString(s.src[s.i:])
		if !isIdentStart(r) && !isDigit(r) {
			break
		}
		s.advance()
	}
	return s.fail(start, "invalid number literal '%s'", s.src[begin:s.i])
}

// numberValue converts the text of a number token. msg is non-empty when
// the value cannot be represented; an integer beyond int64 is big.
// maxBigLiteral bounds an integer literal's digits.
const maxBigLiteral = 20000

func numberValue(raw string) (isFloat bool, i int64, big *mathbig.Int, f float64, msg string) {
	digits := strings.ReplaceAll(raw, "_", "")
	prefixed := len(digits) > 1 && strings.ContainsAny(digits[1:2], "xXoObB")
	if !prefixed && strings.ContainsAny(digits, ".eE") {
		// A value beyond float64's range becomes ±Inf, as Python's does.
		f, _ = strconv.ParseFloat(digits, 64)
		return true, 0, nil, f, ""
	}
	i, err := strconv.ParseInt(digits, 0, 64)
	if err != nil {
		if len(digits) > maxBigLiteral {
			return false, 0, nil, 0, "integer literal " + raw[:20] + "… has more than 20,000 digits"
		}
		b, ok := new(mathbig.Int).SetString(digits, 0)
		if !ok {
			return false, 0, nil, 0, "invalid integer literal '" + raw + "'"
		}
		return false, 0, b, 0, ""
	}
	return false, i, nil, 0, ""
}
