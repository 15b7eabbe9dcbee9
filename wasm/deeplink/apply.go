package deeplink

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf16"

	"looplab/wasm/scenario"
)

// Apply sets each number in code by id, clamped to its range and written
// the way the page writes a dragged number, and returns the new code and
// notes for the learner on what it could not set as asked: an id the code
// has no number for, a value outside its number's range (clamped), a value
// that is not finite. When an id comes more than once the last one wins.
// A value equal to the number's own leaves its text alone. Code that does
// not parse comes back unchanged.
func Apply(code string, nums []Number) (string, []string) {
	if len(nums) == 0 {
		return code, nil
	}
	found, err := scenario.Numbers(code)
	if err != nil {
		return code, []string{"the numbers in the address are not set: the code does not parse"}
	}
	byID := make(map[string]int, len(found))
	for i, n := range found {
		byID[n.ID] = i
	}
	var notes []string
	set := map[int]string{} // index in found → its new text
	given := map[string]bool{}
	for _, n := range nums {
		i, ok := byID[n.ID]
		switch {
		case !ok:
			notes = append(notes, showID(n.ID)+": this scenario has no such number")
			continue
		case !finite(n.Value):
			notes = append(notes, fmt.Sprintf("%s=%v: not a finite number", n.ID, n.Value))
			continue
		}
		if given[n.ID] {
			notes = append(notes, n.ID+" is given more than once; using the last")
		}
		given[n.ID] = true
		f := found[i]
		v := n.Value
		if v < f.Min || v > f.Max {
			where := "below"
			if v > f.Max {
				where = "above"
			}
			v = min(max(v, f.Min), f.Max)
			notes = append(notes, fmt.Sprintf("%s=%s is %s its range %s–%s; using %s",
				n.ID, jsString(n.Value), where, format(f, f.Min), format(f, f.Max), format(f, v)))
		}
		if v == f.Value {
			delete(set, i)
			continue
		}
		set[i] = format(f, v)
	}
	if len(set) == 0 {
		return code, notes
	}
	var b strings.Builder
	last := 0
	for i, f := range found {
		text, ok := set[i]
		if !ok {
			continue
		}
		start, end := byteOffset(code, f.Start), byteOffset(code, f.End)
		if start < last || end < start || code[start:end] != f.Raw {
			continue // cannot happen: Numbers reports them in order, at their text
		}
		b.WriteString(code[last:start])
		b.WriteString(text)
		last = end
	}
	b.WriteString(code[last:])
	return b.String(), notes
}

// format writes v as the page writes a dragged number: a whole number
// when the number's step is 1 or more, else 2 decimals for a step under
// 0.1 and 1 otherwise, trailing zeros trimmed (JavaScript's
// String(Number(v.toFixed(digits)))).
func format(n scenario.Number, v float64) string {
	digits := 0
	switch {
	case n.Step < 0.1:
		digits = 2
	case n.Step < 1:
		digits = 1
	}
	return jsString(jsToFixed(v, digits))
}

// byteOffset converts an offset in UTF-16 code units, as Numbers and
// JavaScript count, into a byte offset in s. Each byte of invalid UTF-8
// counts as one unit, as Numbers counts it.
func byteOffset(s string, units int) int {
	n := 0
	for i, r := range s {
		if n >= units {
			return i
		}
		n += utf16.RuneLen(r)
	}
	return len(s)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

var plainID = regexp.MustCompile(`^[a-z0-9_]{1,40}$`)

// showID writes an id in a note: as it is when it looks like one, quoted
// otherwise.
func showID(id string) string {
	if plainID.MatchString(id) {
		return id
	}
	return quote(id)
}
