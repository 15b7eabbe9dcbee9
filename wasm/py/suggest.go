package py

import (
	"sort"
	"strings"
)

// suggest returns "; did you mean 'x'?" for the closest known name within
// a small edit distance, or "".
func suggest(name string, known []string) string {
	if best := nearest(name, known); best != "" {
		return "; did you mean '" + best + "'?"
	}
	return ""
}

// didYouMean is CPython 3.11's hint after a NameError or AttributeError
// in a traceback, found as CPython finds it (Python/suggestions.c): the
// first group (locals, then globals, then builtins) with a name close
// enough, by an edit distance where a change costs 2 and a change of case
// 1, within a third of the characters involved.
func didYouMean(name string, groups ...[]string) string {
	for _, g := range groups {
		if best := cpythonNearest(name, g); best != "" {
			return ". Did you mean: '" + best + "'?"
		}
	}
	return ""
}

const moveCost = 2

func cpythonNearest(name string, known []string) string {
	best, bestD := "", int(^uint(0)>>1)
	for _, k := range known {
		if k == name {
			continue
		}
		limit := min((len(name)+len(k)+3)*moveCost/6, bestD-1)
		if d := cpythonDistance(name, k, limit); d <= limit && (best == "" || d < bestD) {
			best, bestD = k, d
		}
	}
	return best
}

// cpythonDistance is suggestions.c's levenshtein_distance, giving up
// (limit+1) once the distance must exceed limit.
func cpythonDistance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > 40 || len(b) > 40 {
		return limit + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > limit {
		return limit + 1
	}
	row := make([]int, len(a))
	for i := range row {
		row[i] = (i + 1) * moveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		distance := bi * moveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(b[bi], a[i])
			distance = row[i]
			result = min(min(result, distance)+moveCost, substitute)
			row[i] = result
			minimum = min(minimum, result)
		}
		if minimum > limit {
			return limit + 1
		}
	}
	return result
}

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return moveCost
	}
	if a == b {
		return 0
	}
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	if lower(a) == lower(b) {
		return 1
	}
	return moveCost
}

// nearest is the known name closest to name, if one is close enough to
// be the name meant.
func nearest(name string, known []string) string {
	// Allow one edit in short names, two in longer ones.
	best, bestD := "", 2
	if len(name) > 4 {
		bestD = 3
	}
	for _, k := range known {
		if k == name || strings.HasPrefix(k, "$") {
			continue
		}
		if d := editDistance(strings.ToLower(name), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// editDistance counts insertions, deletions, substitutions and swaps of
// neighbours (optimal string alignment), so "wrok" is one edit from "work".
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// names lists a module's members, sorted.
func (m *Module) names() []string {
	out := make([]string, 0, len(m.Attrs))
	for n := range m.Attrs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func moduleList() string {
	var names []string
	for n := range modules {
		if !strings.Contains(n, ".") { // a package's submodules go without saying
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
