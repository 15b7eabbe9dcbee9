package deeplink

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf16"

	"looplab/wasm/scenario"
)

// LoadPrefix starts the ids of a load's numbers (scenario.LoadNumbers).
const LoadPrefix = "load."

// Apply sets each number a link gives in a scenario: the ids that start
// with "load." in its load, the others in its code. Each is clamped to its
// range, moved to the nearest of its steps and written the way the page
// writes a dragged number. It returns the new code and load, and notes
// for the learner on what it could not set as asked: an id the scenario
// has no number for, a value outside its number's range (clamped) or
// between its steps (rounded), a value that is not finite. When a number
// is given more than once the last one wins. A value equal to the
// number's own leaves its text alone. Code or a load that does not parse
// comes back unchanged.
//
// An id in the code may also be one of the ids numbers had before they
// were named after where they are ("sleep2" for what is now
// "rude.sleep"), so that links made then still work; scenario.LegacyIDs
// says which number each one meant. A current id wins over an old one
// spelled the same.
func Apply(code, load string, nums []Number) (newCode, newLoad string, notes []string) {
	var inCode, inLoad []Number
	for _, n := range nums {
		if strings.HasPrefix(n.ID, LoadPrefix) {
			inLoad = append(inLoad, n)
		} else {
			inCode = append(inCode, n)
		}
	}
	code, notes = applyCode(code, inCode)
	load, more := applyLoad(load, inLoad)
	return code, load, append(notes, more...)
}

func applyCode(code string, nums []Number) (string, []string) {
	if len(nums) == 0 {
		return code, nil
	}
	found, err := scenario.Numbers(code)
	if err != nil {
		return code, []string{"the numbers in the address are not set: the code does not parse"}
	}
	return setNumbers(code, found, scenario.LegacyIDs(code), nums)
}

func applyLoad(load string, nums []Number) (string, []string) {
	if len(nums) == 0 {
		return load, nil
	}
	found, err := scenario.LoadNumbers(load)
	if err != nil {
		return load, []string{"the requests' numbers in the address are not set: the requests do not parse"}
	}
	return setNumbers(load, found, nil, nums)
}

// setNumbers sets nums among found, the numbers of text; legacy maps old
// ids to the UTF-16 offset of the number they named.
func setNumbers(text string, found []scenario.Number, legacy map[string]int, nums []Number) (string, []string) {
	byID := make(map[string]int, len(found))
	atStart := make(map[int]int, len(found))
	for i, n := range found {
		byID[n.ID] = i
		atStart[n.Start] = i
	}
	var notes []string
	set := map[int]string{} // index in found → its new text
	given := map[int]bool{}
	for _, n := range nums {
		i, ok := byID[n.ID]
		if !ok {
			start, old := legacy[n.ID]
			i, ok = atStart[start]
			ok = ok && old
		}
		switch {
		case !ok:
			notes = append(notes, showID(n.ID)+": this scenario has no such number")
			continue
		case !finite(n.Value):
			notes = append(notes, fmt.Sprintf("%s=%v: not a finite number", n.ID, n.Value))
			continue
		}
		f := found[i]
		if given[i] {
			notes = append(notes, f.ID+" is given more than once; using the last")
		}
		given[i] = true
		v, note := fit(f, n)
		if note != "" {
			notes = append(notes, note)
		}
		if v == f.Value {
			delete(set, i)
			continue
		}
		set[i] = format(f, v)
	}
	if len(set) == 0 {
		return text, notes
	}
	var b strings.Builder
	last := 0
	for i, f := range found {
		repl, ok := set[i]
		if !ok {
			continue
		}
		start, end := byteOffset(text, f.Start), byteOffset(text, f.End)
		if start < last || end < start || text[start:end] != f.Raw {
			continue // cannot happen: Numbers reports them in order, at their text
		}
		b.WriteString(text[last:start])
		b.WriteString(repl)
		last = end
	}
	b.WriteString(text[last:])
	return b.String(), notes
}

// fit keeps a link's value inside its number's range and on its steps,
// as a drag would, and says so when it had to.
func fit(f scenario.Number, n Number) (float64, string) {
	v := n.Value
	if v == f.Value {
		return v, "" // its own value, on the grid or not (WORK = 0.008)
	}
	if v < f.Min || v > f.Max {
		where := "below"
		if v > f.Max {
			where = "above"
		}
		v = min(max(v, f.Min), f.Max)
		return v, fmt.Sprintf("%s=%s is %s its range %s–%s; using %s",
			n.ID, jsString(n.Value), where, format(f, f.Min), format(f, f.Max), format(f, v))
	}
	if on := math.Round(v/f.Step) * f.Step; finite(on) && !scenario.OnGrid(v, f.Step) {
		v = min(max(on, f.Min), f.Max)
		return v, fmt.Sprintf("%s=%s is between its steps of %s; using %s",
			n.ID, jsString(n.Value), jsString(f.Step), format(f, v))
	}
	return v, ""
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

var plainID = regexp.MustCompile(`^[a-z0-9_.-]{1,60}$`)

// showID writes an id in a note: as it is when it looks like one, quoted
// otherwise.
func showID(id string) string {
	if plainID.MatchString(id) {
		return id
	}
	return quote(id)
}
