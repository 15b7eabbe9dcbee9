package geom

import (
	"math"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// drawAxis adds the time axis over the window: grid lines behind the
// bars, tick labels that are never cut at the edge, and, while zoomed, a
// thin overview of the whole run with the window marked on it. With the
// future hidden, the ticks stop at the playhead too: where the axis ends
// would say how long the run takes.
func (tl *Timeline) drawAxis(out *List) {
	th := tl.theme
	x0, x1, y0, y1 := tl.plot()
	step := TickStep(tl.to-tl.from, float64(x1-x0)/float64(tl.grown(minTickCSS)))
	lastEnd := float32(math.Inf(-1))
	for t := (tl.from + step - 1) / step * step; t <= tl.shownTo(); t += step {
		x := tl.X(t)
		out.rect(x, y0-tl.px(4), 1, y1-y0+tl.px(4), th.Grid)
		label := tl.tickLabel(t, step)
		lx := x + tl.px(3)
		if lx < lastEnd || lx+tl.textWidth(label) > tl.w-tl.px(2) {
			continue
		}
		out.Texts = append(out.Texts, Text{X: lx, Y: tl.top + tl.px(7), S: label, Color: th.Muted})
		lastEnd = lx + tl.textWidth(label) + tl.px(8)
	}
	if tl.Zoomed() && tl.cut == noCut {
		end := float64(tl.end())
		y := tl.top + tl.px(1)
		out.rect(x0, y, x1-x0, tl.px(3), th.Grid)
		a := x0 + (x1-x0)*float32(float64(tl.from)/end)
		b := x0 + (x1-x0)*float32(float64(tl.to)/end)
		out.rect(a, y, max(b-a, tl.px(2)), tl.px(3), th.Muted)
	}
}

// decimals is how many decimals of a second tell ticks step apart.
func decimals(step trace.Time) int {
	d := 0
	for s := trace.Second; s > step && d < 6; s /= 10 {
		d++
	}
	return d
}

// tickLabel writes a tick: in milliseconds for a run under a second,
// else in seconds with the decimals the step needs ("1.005 s").
func (tl *Timeline) tickLabel(t, step trace.Time) string {
	if tl.end() < trace.Second {
		return formatSeconds(t, tl.end())
	}
	s := strconv.FormatFloat(t.Seconds(), 'f', decimals(step), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + " s"
}

// playheadLabel writes the playhead's time on a chip of its colour over
// the axis, so it never prints over a tick's label.
func (tl *Timeline) playheadLabel(out *List, t trace.Time, x float32) {
	x0, x1, _, _ := tl.plot()
	d := max(3, decimals(tl.to-tl.from)+2)
	if x1-x0 < tl.px(300) { // a phone: a shorter chip leaves the ticks readable
		d = max(2, decimals(tl.to-tl.from)+1)
	}
	label := strconv.FormatFloat(t.Seconds(), 'f', min(d, 6), 64) + " s"
	if tl.end() < trace.Second {
		label = formatSeconds(t, tl.end())
	}
	w := tl.textWidth(label)
	pad := tl.px(3)
	lx := min(max(x+tl.px(5), x0+pad), x1-w-pad)
	if x > x1-w-2*pad-tl.px(5) {
		lx = max(x-w-tl.px(5), x0+pad) // near the end: to the playhead's left
	}
	// Tick labels the chip would half cover are covered whole.
	a, b := lx-pad, lx+w+pad
	x0, x1, _, _ = tl.plot()
	step := TickStep(tl.to-tl.from, float64(x1-x0)/float64(tl.grown(minTickCSS)))
	for t := (tl.from + step - 1) / step * step; t <= tl.to; t += step {
		tx := tl.X(t) + tl.px(3)
		tw := tl.textWidth(tl.tickLabel(t, step))
		if tx < b && tx+tw > a {
			a, b = min(a, tx), max(b, tx+tw)
		}
	}
	out.Rects = append(out.Rects, Rect{a, tl.top + tl.px(4), b - a, tl.px(tl.font) + tl.px(6), tl.theme.Background})
	c := tl.theme.Playhead
	out.Texts = append(out.Texts, Text{X: lx, Y: tl.top + tl.px(7), S: label, Color: tl.theme.Ink(c), Bg: c, Pad: pad})
}

// TickStep picks 1, 2 or 5 times a power of ten so that at most n ticks
// cover d: the time axis of every scene that has one.
func TickStep(d trace.Time, n float64) trace.Time {
	n = max(n, 1)
	raw := float64(d) / n
	p := math.Pow(10, math.Floor(math.Log10(max(raw, 1))))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return trace.Time(max(m*p, 1))
		}
	}
	return trace.Time(10 * p)
}

// formatSeconds writes t as "1.5 s" or, in runs shorter than a second,
// "20 ms".
func formatSeconds(t, scale trace.Time) string {
	if scale < trace.Second {
		return strconv.FormatFloat(float64(t)/float64(trace.Millisecond), 'f', -1, 64) + " ms"
	}
	s := strconv.FormatFloat(math.Round(t.Seconds()*1000)/1000, 'f', -1, 64)
	return strings.TrimSuffix(s, ".0") + " s"
}
