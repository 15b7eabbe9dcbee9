package textview

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// maxTableRows cuts the request table like the lanes, for the same reason.
const (
	maxTableRows  = 60
	keptTableRows = 40
)

// requestTable lists requests in trace order: when each was sent, when its
// code started, when it ended, and its latency (end - sent, what the client
// waited). "—" marks a time that never came. Status and worker columns
// appear only when they say something (a status was set; more than one
// worker process).
func requestTable(reqs []trace.Request, width int) []string {
	if len(reqs) == 0 {
		return []string{"requests: none"}
	}
	shown := reqs
	if len(reqs) > maxTableRows {
		shown = reqs[:keptTableRows]
	}
	cols := []*column{
		{title: "#", right: true},
		{title: "method"},
		{title: "path"},
		{title: "sent", right: true},
		{title: "start", right: true},
		{title: "end", right: true},
		{title: "latency", right: true},
	}
	status := slices.ContainsFunc(reqs, func(r trace.Request) bool { return r.Status != 0 })
	worker := slices.ContainsFunc(reqs, func(r trace.Request) bool { return r.Worker > 1 })
	if status {
		cols = append(cols, &column{title: "status", right: true})
	}
	if worker {
		cols = append(cols, &column{title: "worker", right: true})
	}
	for i, r := range shown {
		cells := []string{strconv.Itoa(i + 1), r.Method, r.Path, secs(r.Sent), secs(r.Start), secs(r.End), secs(latency(r))}
		if status {
			cells = append(cells, statusText(r.Status))
		}
		if worker {
			cells = append(cells, strconv.Itoa(r.Worker))
		}
		for j, c := range cells {
			cols[j].cells = append(cols[j].cells, c)
		}
	}
	// The path is the one column of unbounded width: cut it to fit.
	const indent, gap = 2, 2
	others := indent
	for j, c := range cols {
		if j != 2 {
			others += c.width() + gap
		}
	}
	cols[2].limit = max(width-others, 10)

	lines := []string{"requests:"}
	lines = append(lines, strings.Repeat(" ", indent)+joinRow(cols, -1))
	for i := range shown {
		lines = append(lines, strings.Repeat(" ", indent)+joinRow(cols, i))
	}
	if len(reqs) > len(shown) {
		lines = append(lines, fmt.Sprintf("  … %d more requests", len(reqs)-len(shown)))
	}
	return lines
}

func statusText(s int) string {
	if s == 0 {
		return "—"
	}
	return strconv.Itoa(s)
}

// latency is what the client waited: end - sent, or -1 if it never ended.
func latency(r trace.Request) trace.Time {
	if r.End < 0 {
		return -1
	}
	return r.End - r.Sent
}

// column is one column of the table; limit > 0 cuts its cells with "…".
type column struct {
	title string
	right bool
	limit int
	cells []string
}

func (c *column) width() int {
	w := runeLen(c.title)
	for _, s := range c.cells {
		w = max(w, runeLen(s))
	}
	if c.limit > 0 {
		w = min(w, c.limit)
	}
	return w
}

// joinRow lays out row i of the columns, or the titles for i < 0.
func joinRow(cols []*column, i int) string {
	parts := make([]string, len(cols))
	for j, c := range cols {
		s := c.title
		if i >= 0 {
			s = c.cells[i]
		}
		parts[j] = pad(cut(s, c.width()), c.width(), c.right)
	}
	return strings.Join(parts, "  ")
}

// latencySummary sums up how long clients waited, over the requests that
// finished, with the median as Python's statistics.median takes it (the
// mean of the middle two for an even count), plus the run's total time.
// It returns the parts of the "latency ..." line, for wrapping.
func latencySummary(reqs []trace.Request, dur trace.Time) []string {
	var ls []trace.Time
	for _, r := range reqs {
		if l := latency(r); l >= 0 {
			ls = append(ls, l)
		}
	}
	total := "total " + secs(dur) + " s"
	if len(ls) == 0 {
		if len(reqs) == 0 {
			return []string{"— (no requests)", total}
		}
		return []string{"— (no request finished)", total}
	}
	slices.Sort(ls)
	n := len(ls)
	median := ls[n/2]
	if n%2 == 0 {
		median = ls[n/2-1] + (ls[n/2]-ls[n/2-1])/2
	}
	parts := []string{"min " + secs(ls[0]) + " s", "median " + secs(median) + " s", "max " + secs(ls[n-1]) + " s", total}
	if u := len(reqs) - n; u > 0 {
		parts = append(parts, fmt.Sprintf("%d unfinished", u))
	}
	return parts
}

// timedLines lists prints or warnings under a title, each with its time.
// Long text wraps, and a multi-line text continues, under the text column.
func timedLines(title string, ls []trace.Line, width int) []string {
	if len(ls) == 0 {
		return nil
	}
	out := []string{title + ":"}
	for _, l := range ls {
		t := secs(l.T)
		indent := strings.Repeat(" ", 2+runeLen(t)+2)
		for i, text := range strings.Split(l.Text, "\n") {
			first := "  " + t + "  "
			if i > 0 {
				first = indent
			}
			out = append(out, wrapWords(first+text, indent, width)...)
		}
	}
	return out
}
