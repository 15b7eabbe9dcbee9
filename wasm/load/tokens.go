package load

import "strings"

// Token is a number in a load's text that the playground lets a learner
// change in place, as it does the numbers in the code: the 20 of
// "20 x at 0 GET /stock", the times of at and every lines, and the paths
// whose segments may hold numbers ("/delay/2", "/publish/1/2").
type Token struct {
	// Kind says what it is: "count" (20 x), "at", "every", "from", "to",
	// or "path", a request's path as written (its numbers are for the
	// caller to find).
	Kind string
	Line int // 1-based
	// Start and End are byte offsets in the whole load; Text is what is
	// there, the digits without a unit.
	Start, End int
	Text       string
	// Unit is the time's unit as written: "s", "ms", or "" for plain
	// seconds.
	Unit string
}

// Tokens lists the numbers of a load in text order. It fails as Parse
// does, on the same first error.
func Tokens(src string) ([]Token, error) {
	tokens := []Token{}
	if _, _, err := readLines(src, &tokens); err != nil {
		return nil, err
	}
	return tokens, nil
}

// mark records a token at byte offset off of the line, when tokens are
// wanted.
func (s *scanner) mark(kind string, off int, text, unit string) {
	if s.tokens == nil {
		return
	}
	*s.tokens = append(*s.tokens, Token{Kind: kind, Line: s.line, Start: s.base + off, End: s.base + off + len(text), Text: text, Unit: unit})
}

// markTime records a time word that parseTime has read: its digits, and
// its unit apart.
func (s *scanner) markTime(kind string, off int, w string) {
	unit := ""
	switch {
	case strings.HasSuffix(w, "ms"):
		unit = "ms"
	case strings.HasSuffix(w, "s"):
		unit = "s"
	}
	s.mark(kind, off, strings.TrimSuffix(w, unit), unit)
}

// markURL records the path of a url line's value raw, read at off: only
// when the value stands in the line as it is (no quote escapes), so the
// path's offsets are its place in the text.
func (s *scanner) markURL(raw string, off int) {
	if s.tokens == nil {
		return
	}
	if off < len(s.text) && s.text[off] == '"' {
		off++
	}
	_, rest, ok := strings.Cut(raw, "://")
	i := strings.IndexAny(rest, "/?#")
	if !ok || i < 0 || !strings.HasPrefix(s.text[off:], raw) {
		return
	}
	start := len(raw) - len(rest) + i
	path, _, _ := strings.Cut(raw[start:], "#")
	s.mark("path", off+start, path, "")
}
