package textview

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"looplab/wasm/trace"
)

// secs writes a time in seconds with three decimals, rounded to the
// nearest millisecond; a negative time (it never happened) is "—".
func secs(t trace.Time) string {
	if t < 0 {
		return "—"
	}
	ms := (t + trace.Millisecond/2) / trace.Millisecond
	frac := strconv.FormatInt(int64(ms%1000)+1000, 10)[1:]
	return strconv.FormatInt(int64(ms/1000), 10) + "." + frac
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// cut shortens s to n characters, marking the cut with "…".
func cut(s string, n int) string {
	if runeLen(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(n-1, 0)]) + "…"
}

// pad fills s with spaces to n characters, on the left when right-aligned.
func pad(s string, n int, right bool) string {
	fill := strings.Repeat(" ", max(n-runeLen(s), 0))
	if right {
		return fill + s
	}
	return s + fill
}

// wrap joins items with sep after a prefix, starting a new line (indented
// under the first item) before an item that would pass width. An item too
// long for any line is broken by wrapWords.
func wrap(prefix string, items []string, sep string, width int) []string {
	indent := strings.Repeat(" ", runeLen(prefix))
	var lines []string
	line := prefix
	for i, it := range items {
		switch {
		case i == 0:
			line += it
		case runeLen(line)+runeLen(sep)+runeLen(it) > width:
			lines = append(lines, line)
			line = indent + it
		default:
			line += sep + it
		}
	}
	lines = append(lines, line)
	var out []string
	for _, l := range lines {
		out = append(out, wrapWords(l, indent, width)...)
	}
	return out
}

// wrapWords breaks text at spaces into lines of at most width characters,
// continuing with indent. A word longer than a line is split, so that
// every line fits a terminal of that width.
func wrapWords(text, indent string, width int) []string {
	if runeLen(text) <= width {
		return []string{text}
	}
	if runeLen(indent) > width/2 {
		indent = ""
	}
	var lines []string
	line, started := []rune{}, false // started: the line has a word, not just indent
	flush := func() {
		lines = append(lines, strings.TrimRight(string(line), " "))
		line, started = []rune(indent), false
	}
	broke := false // just wrapped: drop the spaces at the break
	for i, w := range strings.Split(text, " ") {
		word := []rune(w)
		if i > 0 && !broke {
			if started && len(line)+1+len(word) > width {
				flush()
				broke = true
			} else {
				line = append(line, ' ')
			}
		}
		for len(line)+len(word) > width {
			n := width - len(line)
			if n > 0 {
				line, word = append(line, word[:n]...), word[n:]
			}
			flush()
		}
		line = append(line, word...)
		if len(word) > 0 {
			started, broke = true, false
		}
	}
	flush()
	return lines
}
