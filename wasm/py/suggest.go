package py

import (
	"sort"
	"strings"
)

// suggest returns "; did you mean 'x'?" for the closest known name within
// a small edit distance, or "".
func suggest(name string, known []string) string {
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
	if best == "" {
		return ""
	}
	return "; did you mean '" + best + "'?"
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
