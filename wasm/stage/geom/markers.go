package geom

import (
	"sort"
	"strings"

	"looplab/wasm/trace"
)

// Marker is a moment on a lane that a bar does not show by itself: a
// print, a request sent or answered, a task created, started or done, an
// exception, a timeout, a cancellation, asyncio debug's slow-callback
// warning.
type Marker struct {
	Lane int // trace lane
	T    trace.Time
	Kind string
	Text string
}

// Marker kinds.
const (
	MarkPrint   = "print"
	MarkWarning = "warning"
	MarkSend    = "send"
	MarkAnswer  = "answer"
	MarkCreate  = "create"
	MarkStart   = "start"
	MarkDone    = "done"
	MarkError   = "error"
	MarkTimeout = "timeout"
	MarkCancel  = "cancel"
)

// eventMarks are the events drawn as markers, by kind.
var eventMarks = [...]string{
	trace.EvArrive: MarkSend, trace.EvRespond: MarkAnswer, trace.EvCreate: MarkCreate, trace.EvStart: MarkStart,
	trace.EvEnd: MarkDone, trace.EvError: MarkError, trace.EvTimeout: MarkTimeout, trace.EvCancel: MarkCancel,
}

// markRef points at what a marker is made from: an event, a print or a
// warning of the trace. A 10,000-request run has some 40,000 markers, so
// they are kept as references (eight bytes each, in one slice) and made
// into Markers only when asked.
type markRef struct {
	src uint8 // srcEvent, srcPrint, srcWarning
	i   int32
}

const (
	srcEvent = iota
	srcPrint
	srcWarning
)

// markIndex is a run's markers grouped by lane, each lane's in time order.
type markIndex struct {
	tr    *trace.Trace
	first int // the lane of a print or warning that names none
	refs  []markRef
	start []int32 // lane l's markers are refs[start[l]:start[l+1]]
	// loud is per lane whether it has a marker a closed group still shows
	// (inGroup), so a group of thousands skips the lanes that have none.
	loud []bool
}

func eventMark(k trace.EventKind) string {
	if int(k) < len(eventMarks) {
		return eventMarks[k]
	}
	return ""
}

// indexMarkers finds a run's markers. A print or warning that belongs to
// no lane goes on the first lane shown (the event loop's, usually).
func indexMarkers(tr *trace.Trace, first int) markIndex {
	mi := markIndex{tr: tr, first: first, start: make([]int32, len(tr.Lanes)+1)}
	if first < 0 {
		return mi // no lanes: nowhere to put them
	}
	// A counting sort by lane keeps each source in time order; a lane with
	// markers from two sources is merged after. (The loops are written out
	// twice, counting then placing: a closure per event costs more.)
	count := make([]int32, len(tr.Lanes)+1)
	n := 0
	for _, e := range tr.Events {
		if eventMark(e.Kind) != "" && e.Lane >= 0 && e.Lane < len(tr.Lanes) {
			count[e.Lane+1]++
			n++
		}
	}
	for _, p := range tr.Prints {
		count[mi.laneOf(p.Lane)+1]++
		n++
	}
	for _, w := range tr.Warnings {
		count[mi.laneOf(w.Lane)+1]++
		n++
	}
	for l := range tr.Lanes {
		count[l+1] += count[l]
	}
	copy(mi.start, count)
	mi.refs = make([]markRef, n)
	mi.loud = make([]bool, len(tr.Lanes))
	for i, e := range tr.Events {
		if k := eventMark(e.Kind); k != "" && e.Lane >= 0 && e.Lane < len(tr.Lanes) {
			mi.refs[count[e.Lane]] = markRef{srcEvent, int32(i)}
			count[e.Lane]++
			if inGroup(k) {
				mi.loud[e.Lane] = true
			}
		}
	}
	for i, p := range tr.Prints {
		l := mi.laneOf(p.Lane)
		mi.refs[count[l]] = markRef{srcPrint, int32(i)}
		count[l]++
		mi.loud[l] = true
	}
	for i, w := range tr.Warnings {
		l := mi.laneOf(w.Lane)
		mi.refs[count[l]] = markRef{srcWarning, int32(i)}
		count[l]++
		mi.loud[l] = true
	}
	if len(tr.Prints)+len(tr.Warnings) > 0 {
		for l := range tr.Lanes {
			refs := mi.refs[mi.start[l]:mi.start[l+1]]
			sort.SliceStable(refs, func(a, b int) bool { return mi.time(refs[a]) < mi.time(refs[b]) })
		}
	}
	return mi
}

func (mi *markIndex) laneOf(l int) int {
	if l < 0 || l >= len(mi.tr.Lanes) {
		return mi.first
	}
	return l
}

// lane is lane l's markers, as positions in refs.
func (mi *markIndex) lane(l int) (from, to int) { return int(mi.start[l]), int(mi.start[l+1]) }

func (mi *markIndex) time(r markRef) trace.Time {
	switch r.src {
	case srcPrint:
		return mi.tr.Prints[r.i].T
	case srcWarning:
		return mi.tr.Warnings[r.i].T
	}
	return mi.tr.Events[r.i].T
}

// marker makes the Marker at position k of refs.
func (mi *markIndex) marker(k int) Marker {
	r := mi.refs[k]
	switch r.src {
	case srcPrint:
		p := mi.tr.Prints[r.i]
		return Marker{mi.laneOf(p.Lane), p.T, MarkPrint, p.Text}
	case srcWarning:
		w := mi.tr.Warnings[r.i]
		return Marker{mi.laneOf(w.Lane), w.T, MarkWarning, w.Text}
	}
	e := mi.tr.Events[r.i]
	return Marker{e.Lane, e.T, eventMark(e.Kind), e.Text}
}

// len is how many markers the run has.
func (mi *markIndex) len() int { return len(mi.refs) }

// MarkKinds lists the kinds of marker a run has, in a fixed order, so
// the legend explains only the glyphs on screen.
func MarkKinds(tr *trace.Trace) []string {
	seen := map[string]bool{MarkPrint: len(tr.Prints) > 0, MarkWarning: len(tr.Warnings) > 0}
	// By event kind first: a big run has tens of thousands of events and a
	// dozen kinds.
	var kinds [len(eventMarks)]bool
	for _, e := range tr.Events {
		if int(e.Kind) < len(kinds) {
			kinds[e.Kind] = true
		}
	}
	for k, on := range kinds {
		if on && eventMarks[k] != "" {
			seen[eventMarks[k]] = true
		}
	}
	var out []string
	for _, k := range []string{MarkPrint, MarkWarning, MarkSend, MarkAnswer, MarkCreate, MarkStart, MarkDone, MarkError, MarkTimeout, MarkCancel} {
		if seen[k] {
			out = append(out, k)
		}
	}
	return out
}

// inGroup reports whether a marker kind is still drawn on a closed group:
// what one lane of many said or suffered; their sends and answers are
// the group's spread instead.
func inGroup(kind string) bool {
	switch kind {
	case MarkPrint, MarkWarning, MarkError, MarkTimeout, MarkCancel:
		return true
	}
	return false
}

// rowMarkers lists the markers of a row's lanes in the window, in time
// order, as positions in the marker index.
func (tl *Timeline) rowMarkers(r *row) []int {
	var out []int
	mi := &tl.marks
	group := len(r.lanes) > 1
	for _, li := range r.lanes {
		if group && !mi.loud[li] {
			continue
		}
		from, to := mi.lane(li)
		for k := from; k < to; k++ {
			ref := mi.refs[k]
			t := mi.time(ref)
			if t < tl.from || t > tl.to || t > tl.cut {
				continue
			}
			if group && ref.src == srcEvent && !inGroup(eventMark(tl.tr.Events[ref.i].Kind)) {
				continue
			}
			out = append(out, k)
		}
	}
	if group {
		sort.Slice(out, func(a, b int) bool { return mi.time(mi.refs[out[a]]) < mi.time(mi.refs[out[b]]) })
	}
	return out
}

// glyphSize is a marker's size on a row of height h.
func (tl *Timeline) glyphSize(h float32) float32 { return min(h*0.7, tl.px(10)) }

// printTexts are the words of a row's prints, written after their dots
// where the row is tall enough and until the next print: prints at one
// moment share one line ("plain calls: 4.0 s · A: waiting").
func (tl *Timeline) printTexts(r *row, marks []int, y, h float32) []Text {
	if h < tl.px(tl.font)+tl.px(1) {
		return nil
	}
	_, x1, _, _ := tl.plot()
	x1 = min(x1, tl.X(tl.shownTo())) // words stop at the playhead when the future is hidden
	type spot struct {
		x    float32
		text string
	}
	var spots []spot
	for _, i := range marks {
		if tl.marks.refs[i].src != srcPrint {
			continue
		}
		m := tl.marks.marker(i)
		// Printed words are quoted, so they are not taken for a bar's name.
		said := "“" + strings.TrimSpace(m.Text) + "”"
		x := tl.X(m.T)
		if n := len(spots); n > 0 && x-spots[n-1].x < tl.px(2) {
			spots[n-1].text += " " + said
			continue
		}
		spots = append(spots, spot{x, said})
	}
	var out []Text
	s := tl.glyphSize(h)
	pad := tl.px(2)
	bg := tl.theme.Background
	bg.A = 235
	x0, _, _, _ := tl.plot()
	prevEnd := x0 // where the last words written end
	for i, sp := range spots {
		end := x1
		if i+1 < len(spots) {
			end = spots[i+1].x - s
		}
		words := sp.text
		left := sp.x + s/2 + tl.px(3)
		text := pickText([]string{words}, int((end-left-2*pad)/tl.charW()))
		x := left + pad
		// The last print of a row, near the end of the run, may say its
		// words to the left of its dot instead.
		if text != words && i == len(spots)-1 {
			right := sp.x - s/2 - tl.px(3)
			if room := int((right - prevEnd - 2*pad) / tl.charW()); runes(words) <= room {
				text, x = words, right-pad-tl.textWidth(words)
			}
		}
		if text == "" {
			continue
		}
		out = append(out, Text{X: x, Y: y + (h-tl.px(tl.font))/2, S: text, Color: tl.theme.Text, Bg: bg, Pad: pad})
		prevEnd = x + tl.textWidth(text) + pad
	}
	return out
}

// drawRowMarkers draws a row's markers and records which are on screen.
func (tl *Timeline) drawRowMarkers(out *List, marks []int, y, h float32) {
	th := tl.theme
	s := tl.glyphSize(h)
	cy := y + h/2
	last := map[string]float32{}
	for _, i := range marks {
		m := tl.marks.marker(i)
		x := tl.X(m.T)
		tl.shown[i] = true
		if lx, ok := last[m.Kind]; ok && x-lx < tl.px(2) {
			continue // one glyph a pixel is plenty
		}
		last[m.Kind] = x
		switch m.Kind {
		case MarkPrint:
			ring(out, x, cy, s/2.4+tl.px(1.5), th.Background)
			ring(out, x, cy, s/2.4, th.Text)
		case MarkWarning:
			tri := []float32{x, cy - s/2 - tl.px(1.5), x + s/2 + tl.px(1.5), cy + s/2 + tl.px(1), x - s/2 - tl.px(1.5), cy + s/2 + tl.px(1)}
			out.poly(th.Background, tri...)
			out.poly(th.Warn, x, cy-s/2, x+s/2, cy+s/2, x-s/2, cy+s/2)
		case MarkError, MarkCancel:
			c := th.Bad
			if m.Kind == MarkCancel {
				c = th.Muted
			}
			d := s / 2.4
			out.segment(x-d, cy-d, x+d, cy+d, tl.px(3.5), th.Background)
			out.segment(x-d, cy+d, x+d, cy-d, tl.px(3.5), th.Background)
			out.segment(x-d, cy-d, x+d, cy+d, tl.px(2), c)
			out.segment(x-d, cy+d, x+d, cy-d, tl.px(2), c)
		case MarkTimeout:
			d := s / 2.2
			ring(out, x, cy, d+tl.px(1.5), th.Background)
			out.poly(th.Bad, x-d, cy-d, x+d, cy-d, x, cy)
			out.poly(th.Bad, x-d, cy+d, x, cy, x+d, cy+d)
		case MarkSend:
			d := s / 2.6
			out.poly(th.Muted, x, y, x+d*1.4, y+d, x, y+2*d)
		case MarkStart:
			d := s / 3
			out.poly(th.Muted, x, y+h-d*1.6, x+d, y+h, x-d, y+h)
		case MarkCreate:
			d := s / 3
			out.poly(th.Muted, x, y, x+d, y+d, x, y+2*d, x-d, y+d)
		case MarkAnswer, MarkDone:
			c := th.Text
			c.A = 200
			w := tl.px(2)
			out.poly(c, x-w/2, y, x+w/2, y, x+w/2, y+h, x-w/2, y+h)
		}
	}
}

// ring adds a filled octagon of radius r: the print's dot, or a halo
// that keeps a marker apart from the bar under it.
func ring(out *List, x, y, r float32, c Color) {
	const k = 0.4142 // tan(22.5°)
	out.poly(c, x-r*k, y-r, x+r*k, y-r, x+r, y-r*k, x+r, y+r*k, x+r*k, y+r, x-r*k, y+r, x-r, y+r*k, x-r, y-r*k)
}

// markerAt is the marker under a device point (within a few pixels), or -1.
func (tl *Timeline) markerAt(x, y float32) int {
	ri := tl.rowAt(y)
	if ri < 0 {
		return -1
	}
	best, bestD := -1, tl.px(5)
	for _, i := range tl.rowMarkers(&tl.rows[ri]) {
		if d := abs32(tl.X(tl.marks.time(tl.marks.refs[i])) - x); d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
