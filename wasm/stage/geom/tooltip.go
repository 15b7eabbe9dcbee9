package geom

import (
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// tooltip says what is under the pointer: a marker's words, a span's
// call, time and line, a group's spread and what its lanes are doing, or
// what clicking a group's label does.
func (tl *Timeline) tooltip(x, y float32) string {
	x0, x1, _, _ := tl.plot()
	ri := tl.rowAt(y)
	if ri < 0 {
		return ""
	}
	r := &tl.rows[ri]
	if x < x0 {
		if r.group < 0 || !tl.grouping {
			return r.name
		}
		if r.open {
			return r.name + ": click to close the group"
		}
		return r.name + ": click to show each on its own"
	}
	if x > min(x1, tl.X(tl.shownTo())) {
		return ""
	}
	if m := tl.markerAt(x, y); m >= 0 {
		mk := tl.marks.marker(m)
		what := mk.Text
		switch mk.Kind {
		case MarkPrint:
			what = "prints " + strconv.Quote(mk.Text)
		case MarkSend:
			what = "is sent"
		}
		return tl.tr.Lanes[mk.Lane].Name + ": " + what + " at " + tl.at(mk.T)
	}
	t := min(tl.TimeAt(x), tl.cut)
	if len(r.lanes) > 1 {
		return tl.groupTip(r, t)
	}
	lane := &tl.tr.Lanes[r.lanes[0]]
	if sp := trace.SpanAt(lane.Spans, t); sp != nil {
		what := sp.Label
		if what == "" {
			what = string(sp.State)
		}
		since, to := "", " to "+tl.at(sp.To)
		if sp.To > tl.cut { // its end is still to come
			since, to = "since ", ""
		}
		tip := lane.Name + ": " + what + " (" + since + tl.at(sp.From) + to + ")"
		if sp.Line > 0 {
			tip += " · line " + strconv.Itoa(int(sp.Line))
		}
		return tip
	}
	return lane.Name
}

// groupTip says how a group's lanes stand at t and when they were
// answered: "GET /export ×40: 40 in a thread at 2 s; answered 4.001 s to
// 4.041 s".
func (tl *Timeline) groupTip(r *row, t trace.Time) string {
	var words []string
	var counts []int
	for _, li := range r.lanes {
		lane := &tl.tr.Lanes[li]
		sp := trace.SpanAt(lane.Spans, t)
		if sp == nil {
			continue
		}
		w := blendWord(sp.State, lane.Kind)
		found := false
		for i := range words {
			if words[i] == w {
				counts[i]++
				found = true
			}
		}
		if !found {
			words, counts = append(words, w), append(counts, 1)
		}
	}
	tip := r.name + ":"
	for i, w := range words {
		if i > 0 {
			tip += ","
		}
		tip += " " + strconv.Itoa(counts[i]) + " " + w
	}
	if len(words) == 0 {
		tip += " all idle"
	}
	tip += " at " + tl.at(t)
	if first, last := tl.groupEnds(r); first >= 0 {
		tip += "; answered " + tl.spread(first, last)
	}
	return tip
}

// at writes a time for a tooltip, as precise as the window needs.
func (tl *Timeline) at(t trace.Time) string {
	if tl.end() < trace.Second {
		return formatSeconds(t, tl.end())
	}
	d := max(3, decimals(tl.to-tl.from)+2)
	return strconv.FormatFloat(t.Seconds(), 'f', min(d, 6), 64) + " s"
}

// spread writes a stretch of time as "4.00–4.04 s", as precise as the
// window needs.
func (tl *Timeline) spread(a, b trace.Time) string {
	from, to := tl.at(a), tl.at(b)
	return strings.TrimSuffix(from, " s") + "–" + to
}

// HoverLine is the code line of the span under a device point, 0 for none.
func (tl *Timeline) HoverLine(x, y float32) int32 {
	x0, x1, _, _ := tl.plot()
	ri := tl.rowAt(y)
	if ri < 0 || x < x0 || x > min(x1, tl.X(tl.shownTo())) || len(tl.rows[ri].lanes) != 1 {
		return 0
	}
	if sp := trace.SpanAt(tl.tr.Lanes[tl.rows[ri].lanes[0]].Spans, min(tl.TimeAt(x), tl.cut)); sp != nil {
		return sp.Line
	}
	return 0
}

// addTooltip draws tip in a box by the pointer, kept on the canvas and
// wrapped onto up to three lines where it is wider than the canvas.
func (tl *Timeline) addTooltip(out *List, tip string, x, y float32) {
	th := tl.theme
	pad := tl.px(6)
	most := max(int((tl.w-2*pad-tl.px(4))/tl.charW()), 8)
	lines := wrap(tip, most, 3)
	w := float32(0)
	for _, l := range lines {
		w = max(w, tl.textWidth(l))
	}
	w += 2 * pad
	lh := tl.px(tl.font) + tl.px(3)
	h := float32(len(lines))*lh + 2*pad - tl.px(3)
	bx := max(min(x+tl.px(12), tl.w-w-tl.px(2)), 0)
	by := y + tl.px(14)
	if by+h > tl.top+tl.h {
		by = max(y-h-tl.px(6), tl.top)
	}
	out.Rects = append(out.Rects, Rect{bx, by, w, h, th.Text})
	for i, l := range lines {
		out.Texts = append(out.Texts, Text{X: bx + pad, Y: by + pad - tl.px(1) + float32(i)*lh, S: l, Color: th.Background})
	}
}

// wrap breaks s into lines of at most n characters at spaces, no more
// than most lines (the last shortened with an ellipsis).
func wrap(s string, n, most int) []string {
	var lines []string
	for s != "" {
		if len(lines) == most-1 || runes(s) <= n {
			lines = append(lines, fit(s, n))
			break
		}
		r := []rune(s)
		cut := n
		for cut > n/2 && r[cut] != ' ' {
			cut--
		}
		if r[cut] != ' ' {
			cut = n
		}
		lines = append(lines, strings.TrimSpace(string(r[:cut])))
		s = strings.TrimSpace(string(r[cut:]))
	}
	return lines
}
