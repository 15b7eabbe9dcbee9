package geom

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// blendCSS is the width under which a span is too thin to draw alone:
// runs of such spans are drawn as a blend (see blend.go), so thousands of
// GIL hand-offs read as "taking turns, 48 % each" instead of aliasing.
// Three pixels, not one: slices a pixel or two wide, drawn one by one,
// beat against the pixel grid just as thinner ones do.
const blendCSS = 3

// style is how a span is painted and what a blend calls it.
type style struct {
	color   Color
	pattern Pattern
	word    string // a blend's name for it: "holds the GIL", "Thread-1"
	// busy of of cores, on the cores lane: its shade, and what its blend
	// averages.
	busy, of int
}

// styleOf is a span's style on its lane: its state's colour and pattern,
// or on a GIL lane the colour of the thread that holds it.
func (tl *Timeline) styleOf(lane *trace.Lane, sp *trace.Span) style {
	// The GIL and cores lanes' styles depend on their labels, which repeat
	// run after run: the last one is kept.
	if (sp.State == trace.Held || sp.State == trace.Busy) && sp.Label == tl.lastLabel.label && sp.State == tl.lastLabel.state {
		return tl.lastLabel.style
	}
	st := tl.labelledStyle(lane, sp)
	if sp.State == trace.Held || sp.State == trace.Busy {
		tl.lastLabel.state, tl.lastLabel.label, tl.lastLabel.style = sp.State, sp.Label, st
	}
	return st
}

// labelledStyle is styleOf without the cache of the last label.
func (tl *Timeline) labelledStyle(lane *trace.Lane, sp *trace.Span) style {
	if sp.State == trace.Held {
		k, ok := tl.holderByName[sp.Label]
		if !ok {
			k = -1
		}
		c := tl.theme.States[trace.Held]
		if k >= 0 {
			c = tl.holderColor(k)
		}
		return style{color: c, word: sp.Label}
	}
	if k := stateIndex(sp.State); k >= 0 {
		// The colour depends on the loop's lane, the word on a thread's.
		c := &tl.styles[laneClass(lane.Kind)][k]
		if !c.ok {
			col, p := tl.theme.Style(sp.State, lane.Kind)
			*c = cachedStyle{style{color: col, pattern: p, word: blendWord(sp.State, lane.Kind)}, true}
		}
		return c.style
	}
	c, p := tl.theme.Style(sp.State, lane.Kind)
	if sp.State == trace.Busy {
		// The cores lane is shaded by how many are busy: one of four
		// faint, all four full. Its blends average the count instead of
		// naming shares, so it has no word.
		k, n := coresBusy(sp.Label)
		if n > 0 {
			c = Mix(tl.theme.Background, c, 0.3+0.7*float64(min(k, n))/float64(n))
		}
		return style{color: c, pattern: p, busy: k, of: n}
	}
	return style{color: c, pattern: p, word: blendWord(sp.State, lane.Kind)}
}

// laneClass sorts lane kinds by what changes a state's style on them: the
// loop's (its blocked call is the stall), a thread's (running is holding
// the GIL), any other.
func laneClass(kind string) int {
	switch kind {
	case trace.KindLoop:
		return 1
	case trace.KindThread:
		return 2
	}
	return 0
}

// coresBusy reads "3 of 4 cores busy": 3, 4 (0, 0 when it says otherwise).
func coresBusy(label string) (k, n int) {
	a, rest, ok := strings.Cut(label, " of ")
	b, _, ok2 := strings.Cut(rest, " ")
	k, err := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || !ok2 || err != nil || err2 != nil {
		return 0, 0
	}
	return k, n
}

// cachedStyle is a state's style, worked out once per layout: a large
// group's tens of thousands of spans look up the same few.
type cachedStyle struct {
	style
	ok bool
}

// stateIndex numbers the states that have a fixed style (-1: others).
func stateIndex(st trace.State) int {
	switch st {
	case trace.Run:
		return 0
	case trace.Await:
		return 1
	case trace.IO:
		return 2
	case trace.Ready:
		return 3
	case trace.Blocked:
		return 4
	case trace.GILWait:
		return 5
	case trace.Token:
		return 6
	case trace.Queued:
		return 7
	case trace.Thread:
		return 8
	case trace.Process:
		return 9
	case trace.Respond:
		return 10
	}
	return -1
}

// blendWord names a state in a blend's label.
func blendWord(st trace.State, kind string) string {
	switch st {
	case trace.Run:
		if kind == trace.KindThread {
			return "holds the GIL"
		}
		return "runs"
	case trace.GILWait:
		return "waits for the GIL"
	}
	if w := stateWords[st]; len(w) > 0 {
		return w[0]
	}
	return string(st)
}

// firstSpan is the index of the first span that ends after t.
func firstSpan(spans []trace.Span, t trace.Time) int {
	if len(spans) == 0 || spans[0].To > t {
		return 0 // the whole run in view: no search for each of many lanes
	}
	return sort.Search(len(spans), func(i int) bool { return spans[i].To > t })
}

// drawLane adds one lane's bars in the window: each span wide enough to
// see as a bar (patterned when its state has a pattern, labelled where
// its words fit, set apart from a neighbour of the same colour by a
// hairline so two calls read as two), and runs of thinner spans as
// blends. Labels avoid the boxes of printed text (busy).
func (tl *Timeline) drawLane(out *List, r *row, y, h float32, busy []Text) {
	lane := &tl.tr.Lanes[r.lanes[0]]
	spans := lane.Spans
	thin := tl.px(blendCSS)
	var b blend
	prevEnd, prevColor := trace.Time(-1), Color{}
	end := tl.shownTo()
	if end <= tl.from {
		return // the playhead is before the window, and the future hidden
	}
	for i := firstSpan(spans, tl.from); i < len(spans) && spans[i].From < end; i++ {
		sp := &spans[i]
		st := tl.styleOf(lane, sp)
		to := min(sp.To, end)
		r.drawnTo = max(r.drawnTo, to)
		xa, xb := tl.X(max(sp.From, tl.from)), tl.X(to)
		if xb-xa < thin {
			if b.far(xa) {
				tl.flushBlend(out, &b, y, h, r.h)
			}
			b.add(xa, xb, sp.From, to, st)
			prevEnd = -1
			continue
		}
		tl.flushBlend(out, &b, y, h, r.h)
		if sp.From == prevEnd && st.color == prevColor && xb-xa > 3*thin {
			xa += max(tl.px(1), 1) // a new call right after one like it
		}
		prevEnd, prevColor = sp.To, st.color
		out.rect(xa, y, xb-xa, h, st.color)
		if st.pattern != PatternNone && h >= tl.px(6) {
			tl.pattern(out, xa, y, xb-xa, h, r.h, st.pattern, tl.theme.PatternInk(st.color))
		}
		if tl.highlight != 0 && sp.Line == tl.highlight {
			out.outline(xa, y, xb-xa, h, tl.px(2), tl.theme.Text)
		}
		tl.barLabel(out, xa, xb, y, h, sp, st, busy)
	}
	tl.flushBlend(out, &b, y, h, r.h)
}

// barLabel writes what a span is inside its bar, where it fits and does
// not run into printed text.
func (tl *Timeline) barLabel(out *List, xa, xb, y, h float32, sp *trace.Span, st style, busy []Text) {
	if h < tl.px(tl.font)+tl.px(1) {
		return
	}
	pad := tl.px(4)
	room := int((xb - xa - 2*pad) / tl.charW())
	if room < 3 {
		return
	}
	label := sp.Label
	if sp.State == trace.Held {
		label = st.word
	}
	s := pickText(barTexts(label, sp.State), room)
	if s == "" {
		return
	}
	x := xa + pad
	if overlaps(x, tl.textWidth(s), busy, tl) {
		return
	}
	bg := Color{}
	if st.pattern != PatternNone {
		bg = st.color // a clean patch under the words
	}
	out.Texts = append(out.Texts, Text{X: x, Y: y + (h-tl.px(tl.font))/2, S: s, Color: tl.theme.Ink(st.color), Bg: bg, Pad: tl.px(2)})
}

// drawGroup draws a closed group: at each pixel column, how many of its
// lanes are in each state, stacked in the legend's order, so forty
// requests waiting for a token read as one full band of that colour.
// The spread of their answers (first to last) is marked above it.
func (tl *Timeline) drawGroup(out *List, r *row, y, h float32, busy []Text) {
	x0, x1, _, _ := tl.plot()
	cols := int(math.Ceil(float64(x1 - x0)))
	if cols <= 0 {
		return
	}
	var styles []style
	var diffs [][]int32
	slot := func(st style) int {
		for i, s := range styles {
			if s.color == st.color && s.pattern == st.pattern {
				return i
			}
		}
		styles = append(styles, st)
		diffs = append(diffs, make([]int32, cols+1))
		return len(styles) - 1
	}
	// The column of a time, without X's checks: a group of thousands of
	// lanes maps tens of thousands of span ends.
	perT := float64(x1-x0) / float64(tl.to-tl.from)
	col := func(t trace.Time) int {
		return min(max(int(math.Ceil(float64(t-tl.from)*perT-0.5)), 0), cols)
	}
	// A band a few dozen pixels tall cannot show a share finer than one
	// lane in a thousand: a group of more counts every n-th lane (the
	// shares, and so the picture, are the same to within a hundredth of a
	// pixel, and the tooltip still counts them all).
	stride := max(1, len(r.lanes)/1000)
	end := tl.shownTo()
	for m := 0; m < len(r.lanes); m += stride {
		lane := &tl.tr.Lanes[r.lanes[m]]
		for i := firstSpan(lane.Spans, tl.from); i < len(lane.Spans) && lane.Spans[i].From < end; i++ {
			sp := &lane.Spans[i]
			to := min(sp.To, end)
			ca, cb := col(sp.From), col(to)
			if cb <= ca {
				continue
			}
			r.drawnTo = max(r.drawnTo, to)
			k := slot(tl.styleOf(lane, sp))
			diffs[k][ca]++
			diffs[k][cb]--
		}
	}
	order := stackOrder(tl.theme, styles)
	// The band's full height is the most lanes in flight at once: forty
	// requests sent together fill it, and so do the two health probes of
	// a dozen that wait together behind a blocked loop. (Of the columns
	// drawn: with the future hidden, a band does not shrink for lanes
	// still to come.)
	counts := make([]int32, len(styles))
	peak := int32(1)
	for c := 0; c < cols; c++ {
		total := int32(0)
		for k := range diffs {
			counts[k] += diffs[k][c]
			total += counts[k]
		}
		peak = max(peak, total)
	}
	clear(counts)
	n := float32(peak)
	prev := make([]int32, len(styles))
	start := 0
	emit := func(from, to int) {
		bottom := y + h
		acc := int32(0)
		for _, k := range order {
			if prev[k] == 0 {
				continue
			}
			top := y + h - float32(math.Round(float64(h*float32(acc+prev[k])/n)))
			acc += prev[k]
			st := styles[k]
			xa, w := x0+float32(from), float32(to-from)
			out.rect(xa, top, w, bottom-top, st.color)
			if st.pattern != PatternNone && bottom-top >= tl.px(6) && w >= tl.px(6) {
				tl.pattern(out, xa, top, w, bottom-top, r.h, st.pattern, tl.theme.PatternInk(st.color))
			}
			bottom = top
		}
	}
	for c := 0; c < cols; c++ {
		same := true
		for k := range diffs {
			counts[k] += diffs[k][c]
			if counts[k] != prev[k] {
				same = false
			}
		}
		if !same {
			emit(start, c)
			copy(prev, counts)
			start = c
		}
	}
	emit(start, cols)
	tl.drawSpread(out, r, y, h, busy)
}

// stackOrder lists style indices in the legend's order of their colours,
// so the same state sits at the same height in every column.
func stackOrder(th Theme, styles []style) []int {
	rank := func(c Color) int {
		for i, e := range legendText {
			if th.color(e.state) == c {
				return i
			}
		}
		return len(legendText)
	}
	order := make([]int, len(styles))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rank(styles[order[a]].color) < rank(styles[order[b]].color) })
	return order
}

// drawSpread marks each of a group's answers (or ends) with a tick, and
// writes their spread after the last where it fits: "answered 4.00–4.04 s".
func (tl *Timeline) drawSpread(out *List, r *row, y, h float32, busy []Text) {
	first, last := tl.groupEnds(r)
	if first < 0 {
		return
	}
	x0, x1, _, _ := tl.plot()
	c := tl.theme.Text
	c.A = 200
	w := tl.px(1.5)
	// Each answer a tick while they can be told apart; a big group's would
	// be a solid comb: its first and last answers say the spread.
	ticks := r.lanes
	if len(ticks) > 64 {
		ticks = nil
		for _, t := range []trace.Time{first, last} {
			if x := tl.X(t); x >= x0 && x <= x1 {
				out.poly(c, x-w/2, y, x+w/2, y, x+w/2, y+h, x-w/2, y+h)
			}
		}
	}
	lastX := float32(-1)
	for _, li := range ticks {
		e := tl.ends[li]
		x := tl.X(e)
		if e < 0 || e > tl.cut || x < x0 || x > x1 || abs32(x-lastX) < w {
			continue
		}
		lastX = x
		out.poly(c, x-w/2, y, x+w/2, y, x+w/2, y+h, x-w/2, y+h)
	}
	if h < tl.px(tl.font)+tl.px(1) {
		return
	}
	what := "answered"
	if r.kind != trace.KindRequest {
		what = "ended"
	}
	text := what + " " + tl.at(first)
	if last > first {
		text = what + " " + tl.spread(first, last)
	}
	tx := tl.X(last) + tl.px(5)
	if tx < x0 || tx+tl.textWidth(text) > min(x1, tl.X(tl.shownTo())) || overlaps(tx, tl.textWidth(text), busy, tl) {
		return
	}
	bg := tl.theme.Background
	bg.A = 235
	out.Texts = append(out.Texts, Text{X: tx, Y: y + (h-tl.px(tl.font))/2, S: text, Color: tl.theme.Muted, Bg: bg, Pad: tl.px(2)})
}

// groupEnds is when a group's first and last lane was answered (a
// request's response) or ended (its last span); -1 when none did (by
// the playhead, when the future is hidden).
func (tl *Timeline) groupEnds(r *row) (first, last trace.Time) {
	first, last = -1, -1
	if tl.ends == nil {
		tl.ends = tl.laneEnds()
	}
	ends := tl.ends
	for _, li := range r.lanes {
		e := ends[li]
		if e < 0 || e > tl.cut {
			continue
		}
		if first < 0 || e < first {
			first = e
		}
		last = max(last, e)
	}
	return first, last
}

// laneEnds is per lane when its request was answered, or for other lanes
// when their last span ended; -1 for none.
func (tl *Timeline) laneEnds() []trace.Time {
	ends := make([]trace.Time, len(tl.tr.Lanes))
	for i, l := range tl.tr.Lanes {
		ends[i] = -1
		if n := len(l.Spans); n > 0 && l.Kind != trace.KindRequest {
			ends[i] = l.Spans[n-1].To
		}
	}
	for _, q := range tl.tr.Requests {
		if q.Lane >= 0 && q.Lane < len(ends) {
			ends[q.Lane] = q.End
		}
	}
	return ends
}

// overlaps reports whether words from x, w wide, would run into one of
// the texts already written on the row.
func overlaps(x, w float32, texts []Text, tl *Timeline) bool {
	for _, t := range texts {
		if x < t.X+tl.textWidth(t.S)+t.Pad && t.X-t.Pad < x+w {
			return true
		}
	}
	return false
}
