package textview

import (
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// header draws the time scale above the bars: a line of tick labels in
// seconds and a rule with a mark under each, so any column can be read off
// against the nearest tick. The run's end is labelled at the right edge,
// since "how long did it all take" is the first question; tick labels that
// would touch it give way. dur is the real (unshrunk) duration.
func (tl timeline) header(dur trace.Time) (labels, rule string) {
	step := tickStep(dur, tl.cells/10) // a label every 10 columns at most
	lab := []rune(strings.Repeat(" ", tl.cells))
	mark := []rune(strings.Repeat("─", tl.cells))
	endText := []rune(endLabel(dur, step) + "s")
	endStart := tl.cells - len(endText)
	prevEnd := -1 // column after the previous label
	for t := trace.Time(0); t < dur; t += step {
		c := tl.col(t)
		if c > 0 {
			mark[c] = '┼'
		}
		text := []rune(seconds(t, step) + "s")
		if c <= prevEnd || c+len(text) >= endStart {
			continue
		}
		copy(lab[c:], text)
		prevEnd = c + len(text)
	}
	if endStart > prevEnd {
		copy(lab[endStart:], endText)
	}
	mark[0], mark[tl.cells-1] = '├', '┤'
	return string(lab), string(mark)
}

// endLabel writes the run's length like the ticks when it falls on one,
// and otherwise exactly (8.006), so the edge never claims a round number
// the run did not take.
func endLabel(dur, step trace.Time) string {
	if dur%step == 0 {
		return seconds(dur, step)
	}
	return strings.TrimRight(strings.TrimRight(seconds(dur, 1), "0"), ".") // six decimals: there is a "."
}

// tickStep is the smallest round step (1, 2 or 5 times a power of ten
// microseconds) that puts at most maxTicks ticks after 0 on dur.
func tickStep(dur trace.Time, maxTicks int) trace.Time {
	maxTicks = max(maxTicks, 1)
	for p := trace.Time(1); ; p *= 10 {
		for _, m := range []trace.Time{1, 2, 5} {
			if step := m * p; dur/step <= trace.Time(maxTicks) {
				return step
			}
		}
	}
}

// seconds writes t in seconds with just the decimals the step needs, so
// ticks read 0, 0.5, 1 rather than 0.000000, 0.500000, 1.000000.
func seconds(t, step trace.Time) string {
	decimals := 0
	for d := trace.Second; step%d != 0; d /= 10 {
		decimals++
	}
	s := strconv.FormatInt(int64(t/trace.Second), 10)
	if decimals == 0 {
		return s
	}
	frac := strconv.FormatInt(int64(t%trace.Second)+int64(trace.Second), 10)[1:] // six digits
	return s + "." + frac[:decimals]
}
