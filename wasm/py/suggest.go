package py

import (
	"sort"
	"strings"
)

// suggest returns "; did you mean 'x'?" for the closest known name within
// a small edit distance, or "".
func suggest(name string, known []string) string {
	best, bestD := "", 3
	if len(name) <= 3 {
		bestD = 2
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

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
		if !strings.Contains(n, ".") || n == "concurrent.futures" || n == "starlette.concurrency" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
