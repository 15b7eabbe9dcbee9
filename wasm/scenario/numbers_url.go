package scenario

import (
	"regexp"
	"strconv"
	"strings"

	"looplab/wasm/py/syntax"
)

// urlNumbers finds the numbers in a string literal that is a URL or a
// path ("/delay/2", f"{BASE}/delay/2", "http://127.0.0.1:8001/sleep/0.5"):
// a number that is a whole path segment, named after the word segment
// before it, and a duration when that word says so (delay, sleep).
// text is the literal's value, a NUL for each f-string field.
func (f *finder) urlNumbers(from, to syntax.Pos, text string, sc scope) {
	if !strings.Contains(text, "://") && !strings.HasPrefix(text, "/") && !strings.HasPrefix(text, "\x00/") {
		return
	}
	raw := f.code[from.Offset:to.Offset]
	if strings.ContainsRune(raw, '\\') {
		return // an escape would move the digits away from where the value has them
	}
	for _, r := range literalRuns(raw) {
		for _, p := range pathNumbers(raw[r.start:r.end], r.last) {
			start := from.Offset + r.start + p.start
			digits := f.code[start : from.Offset+r.start+p.end]
			v, err := strconv.ParseFloat(digits, 64)
			if err != nil {
				continue
			}
			seconds := isDurationName(p.word)
			label := "URL /" + p.word + "/"
			if seconds {
				label += " seconds"
			}
			lit := literal{start: start, end: start + len(digits), raw: digits, value: v,
				isFloat: strings.Contains(digits, "."), tooLarge: tooLarge(v)}
			f.spots = append(f.spots, spot{lit: lit, id: sc.id + "." + idPart(p.word), label: label + " " + sc.text, seconds: seconds})
		}
		if r.query {
			return
		}
	}
}

// textRun is a stretch of a string literal's source that is literal text
// (not quotes, prefixes or f-string fields), as offsets in that source.
type textRun struct {
	start, end int
	// last says the run ends where the string does, so a number at its
	// end is a whole segment; query says the run holds a '?' or '#':
	// the path ends in it.
	last, query bool
}

// literalRuns splits the source of one or more adjacent string literals
// without backslashes into their literal text runs.
func literalRuns(src string) []textRun {
	var runs []textRun
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
			continue
		case c == '#': // a comment between adjacent literals
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		}
		j := i
		for j < len(src) && (src[j]|0x20 >= 'a' && src[j]|0x20 <= 'z') {
			j++
		}
		isF := strings.ContainsAny(src[i:j], "fF")
		if j >= len(src) || (src[j] != '"' && src[j] != '\'') {
			return runs // not a literal after all: keep what is certain
		}
		quote := src[j : j+1]
		if strings.HasPrefix(src[j:], strings.Repeat(quote, 3)) {
			quote = strings.Repeat(quote, 3)
		}
		body := j + len(quote)
		end := body + strings.Index(src[body:], quote)
		if end < body {
			return runs
		}
		runs = append(runs, splitFields(src, body, end, isF)...)
		if len(runs) > 0 && runs[len(runs)-1].end == end {
			runs[len(runs)-1].last = true
		}
		i = end + len(quote)
	}
	// Only the string's last run ends it.
	for k := range runs {
		if k < len(runs)-1 {
			runs[k].last = false
		}
	}
	return runs
}

// splitFields cuts src[start:end], a literal's body, around its
// f-string fields ({expr}; {{ and }} are literal braces).
func splitFields(src string, start, end int, isF bool) []textRun {
	if !isF {
		return []textRun{{start: start, end: end, query: strings.ContainsAny(src[start:end], "?#")}}
	}
	var runs []textRun
	runStart, depth := start, 0
	for k := start; k < end; k++ {
		switch src[k] {
		case '{':
			if depth == 0 && k+1 < end && src[k+1] == '{' {
				k++
				continue
			}
			if depth == 0 {
				runs = append(runs, textRun{start: runStart, end: k})
			}
			depth++
		case '}':
			if depth == 0 {
				k++ // "}}"
				continue
			}
			if depth--; depth == 0 {
				runStart = k + 1
			}
		}
	}
	if depth == 0 {
		runs = append(runs, textRun{start: runStart, end: end})
	}
	for k := range runs {
		runs[k].query = strings.ContainsAny(src[runs[k].start:runs[k].end], "?#")
	}
	return runs
}

// pathNumber is a number that is a whole path segment, at [start, end)
// of the text it was found in, and the word segment before it.
type pathNumber struct {
	start, end int
	word       string
}

var (
	segmentNumber = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?$`)
	segmentWord   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)
)

// pathNumbers finds the whole-segment numbers of a piece of a path: each
// after a '/' and followed by '/', the end of the path ('?', '#') or, when
// atEnd, the end of the piece. Its word is the nearest word segment
// before it, so "/publish/1/2" gives publish twice; a number with none
// is left out. The first segment is never one: what comes before it is
// not known to be a '/'.
func pathNumbers(text string, atEnd bool) []pathNumber {
	path := text
	if i := strings.IndexAny(text, "?#"); i >= 0 {
		path, atEnd = text[:i], true
	}
	segs := strings.Split(path, "/")
	var out []pathNumber
	off := len(segs[0]) + 1
	for k := 1; k < len(segs); k++ {
		seg := segs[k]
		start := off
		off += len(seg) + 1
		if !segmentNumber.MatchString(seg) || (k == len(segs)-1 && !atEnd) {
			continue
		}
		if word := wordBefore(segs[1:k]); word != "" {
			out = append(out, pathNumber{start, start + len(seg), word})
		}
	}
	return out
}

// wordBefore is the last word segment of segs, skipping numbers: ""
// when something else comes first.
func wordBefore(segs []string) string {
	for b := len(segs) - 1; b >= 0; b-- {
		switch {
		case segmentWord.MatchString(segs[b]):
			return segs[b]
		case !segmentNumber.MatchString(segs[b]):
			return ""
		}
	}
	return ""
}
