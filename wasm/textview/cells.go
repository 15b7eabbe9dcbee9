package textview

import (
	"cmp"
	"slices"

	"looplab/wasm/trace"
)

// pick chooses what one cell of a bar shows: the state that fills most of
// the cell [from, to), counting idle time (no span) as a contender too, so a
// span that ends just inside a cell does not look a cell longer than it is.
// Two exceptions keep the picture honest:
//   - a tie goes to the later span, so a cell where one state hands over to
//     the next already shows the new one, and a tie with idle goes to the span;
//   - idle never wins a cell that a span shorter than one cell touches: the
//     busiest state shows instead, so a 1 ms request in a 12 s run is still
//     drawn, or the learner would never see it happened.
//
// It returns "" for idle.
func pick(spans []trace.Span, from, to trace.Time) trace.State {
	type share struct {
		state  trace.State
		time   trace.Time
		latest trace.Time // From of its latest span: for ties
	}
	var buf [4]share
	shares := buf[:0]
	var covered trace.Time
	short := false
	for _, s := range spans {
		lo, hi := max(s.From, from), min(s.To, to)
		if hi <= lo || s.State == "" {
			continue
		}
		covered += hi - lo
		short = short || s.To-s.From < to-from
		i := slices.IndexFunc(shares, func(sh share) bool { return sh.state == s.State })
		if i < 0 {
			shares = append(shares, share{state: s.State, latest: s.From})
			i = len(shares) - 1
		}
		shares[i].time += hi - lo
		shares[i].latest = max(shares[i].latest, s.From)
	}
	if len(shares) == 0 {
		return ""
	}
	best := shares[0]
	for _, sh := range shares[1:] {
		if c := cmp.Compare(sh.time, best.time); c > 0 || c == 0 && sh.latest > best.latest {
			best = sh
		}
	}
	if idle := (to - from) - covered; idle > best.time && !short {
		return ""
	}
	return best.state
}

// timeline maps time onto a row of cells covering [0, end).
type timeline struct {
	end    trace.Time // in microseconds, divided by shrink
	cells  int
	shrink trace.Time // divides every time first, so end*cells cannot overflow
}

// maxCells and maxEnd bound the products bar computes: 2^16 * 2^44 < 2^63.
const (
	maxCells = 1 << 16
	maxEnd   = 1 << 44 // about 200 days of microseconds
)

func newTimeline(end trace.Time, cells int) timeline {
	tl := timeline{end: end, cells: min(cells, maxCells), shrink: 1}
	for tl.end > maxEnd {
		tl.end /= 2
		tl.shrink *= 2
	}
	return tl
}

// col is the cell that holds time t, clamped to the row.
func (tl timeline) col(t trace.Time) int {
	if tl.end <= 0 {
		return 0
	}
	c := int(t / tl.shrink * trace.Time(tl.cells) / tl.end)
	return min(max(c, 0), tl.cells-1)
}

// bar draws one lane. To keep cell edges exact with integer times it
// measures in units of 1/cells of a microsecond: a span [f, t) becomes
// [f*cells, t*cells) and cell c is [c*end, (c+1)*end). Spans are expected in
// time order without overlaps, as trace.Recorder makes them. drawn collects
// the states that show, for the legend.
func (tl timeline) bar(spans []trace.Span, drawn map[trace.State]bool) []rune {
	out := make([]rune, tl.cells)
	w := trace.Time(tl.cells)
	clamp := func(t trace.Time) trace.Time { return min(max(t/tl.shrink, 0), tl.end) * w }
	scaled := make([]trace.Span, 0, len(spans))
	for _, s := range spans {
		scaled = append(scaled, trace.Span{From: clamp(s.From), To: clamp(s.To), State: s.State})
	}
	slices.SortStableFunc(scaled, func(a, b trace.Span) int { return cmp.Compare(a.From, b.From) })
	lo := 0
	for c := range out {
		from, to := trace.Time(c)*tl.end, trace.Time(c+1)*tl.end
		for lo < len(scaled) && scaled[lo].To <= from {
			lo++
		}
		hi := lo
		for hi < len(scaled) && scaled[hi].From < to {
			hi++
		}
		st := pick(scaled[lo:hi], from, to)
		out[c] = charOf(st)
		if st != "" {
			drawn[st] = true
		}
	}
	return out
}
