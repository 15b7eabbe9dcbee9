// Package textview draws a trace as text for a terminal: the picture the
// CLI prints after a run. One row per lane shows what it was doing over
// time, one character per state, above a table of the requests with their
// latencies, and the program's prints and warnings.
//
// The output depends only on the trace and the width, so it is compared
// byte for byte in golden tests and can be pasted into an issue.
package textview

import (
	"strings"

	"looplab/wasm/trace"
)

// DefaultWidth is used when the caller has no terminal width (or a
// width too narrow to draw anything readable).
const DefaultWidth = 100

// Render draws tr for a terminal width characters wide (DefaultWidth when
// width <= 40): a time scale, one row per lane that did anything (request
// lanes cut to 40 when there are more than 60), a legend of the states
// drawn, then the request table, a latency summary, prints and warnings.
// Every line fits the width except rows of the request table, which need
// about 60 characters and run over on narrower terminals rather than drop
// columns. No line ends in a space, and the text ends with a newline.
func Render(tr *trace.Trace, width int) string {
	if width <= 40 {
		width = DefaultWidth
	}
	if tr == nil {
		tr = &trace.Trace{}
	}
	var out []string
	add := func(lines ...string) { out = append(out, lines...) }

	dur := duration(tr)
	rs := rows(tr)
	if len(rs) == 0 || dur <= 0 {
		add("nothing ran: the trace has no activity")
	} else {
		nameW := nameWidth(rs)
		tl := newTimeline(dur, width-nameW-2)
		labels, rule := tl.header(dur)
		add(pad("time", nameW, false)+"  "+labels, pad("", nameW, false)+"  "+rule)
		drawn := map[trace.State]bool{}
		var notes []string
		for _, r := range rs {
			if r.lane == nil {
				add(r.note)
				continue
			}
			add(pad(cut(r.lane.Name, nameW), nameW, false) + "  " + string(tl.bar(r.lane.Spans, drawn)))
			if n := blockedNote(r.lane, dur); n != "" {
				notes = append(notes, n)
			}
		}
		add(legend(drawn, width)...)
		for _, n := range notes {
			add(wrapWords(n, "  ", width)...)
		}
	}

	add("")
	add(requestTable(tr.Requests, width)...)
	add(wrap("latency ", latencySummary(tr.Requests, dur), " · ", width)...)
	if tr.Stopped != "" {
		add(wrapWords("stopped early: "+tr.Stopped, "  ", width)...)
	}
	if len(tr.Pending) > 0 {
		add(wrap("still pending: ", tr.Pending, ", ", width)...)
	}
	for _, section := range [][]string{timedLines("prints", tr.Prints, width), timedLines("warnings", tr.Warnings, width)} {
		if len(section) > 0 {
			add("")
			add(section...)
		}
	}

	var b strings.Builder
	for _, l := range out {
		b.WriteString(strings.TrimRight(l, " \t"))
		b.WriteByte('\n')
	}
	return b.String()
}

// duration is the run's length: the trace's own, stretched to cover any
// span or request end that lies past it, so nothing is drawn off the edge.
func duration(tr *trace.Trace) trace.Time {
	d := tr.Duration
	for _, l := range tr.Lanes {
		for _, s := range l.Spans {
			d = max(d, s.To)
		}
	}
	for _, r := range tr.Requests {
		d = max(d, r.End)
	}
	return d
}
