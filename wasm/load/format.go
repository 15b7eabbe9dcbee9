package load

import (
	"slices"
	"strconv"
	"strings"
)

// Format writes requests as a load that Parse reads back to the same
// methods, paths and times, in the same order. Every request becomes a timed
// line, and runs of identical requests one "N x" line, so a thousand
// requests at 0 stay one line. Format sorts by time (stably) as Parse does;
// Line numbers are not kept, they belong to the text a request came from.
// Requests that Parse could not have produced (a negative time, a path
// without "/") are written anyway, and Parse reports them.
func Format(reqs []Request) string {
	if !slices.IsSortedFunc(reqs, byAt) {
		reqs = slices.Clone(reqs)
		sortByTime(reqs)
	}
	var b strings.Builder
	for i := 0; i < len(reqs); {
		r := reqs[i]
		j := i + 1
		for j < len(reqs) && j-i < MaxRepeat && same(reqs[j], r) {
			j++
		}
		if j-i > 1 {
			b.WriteString(strconv.Itoa(j - i))
			b.WriteString(" x ")
		}
		b.WriteString("at ")
		b.WriteString(formatTime(r.At))
		b.WriteByte(' ')
		b.WriteString(r.Method)
		b.WriteByte(' ')
		b.WriteString(r.Path)
		if r.Body != "" {
			b.WriteByte(' ')
			b.WriteString(r.Body)
		}
		b.WriteByte('\n')
		i = j
	}
	return b.String()
}

func same(a, b Request) bool {
	return a.At == b.At && a.Method == b.Method && a.Path == b.Path && a.Body == b.Body
}
