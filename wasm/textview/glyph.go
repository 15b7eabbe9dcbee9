package textview

import (
	"slices"

	"looplab/wasm/trace"
)

// glyph is how one state is drawn, and what the legend calls it. The words
// are the ones a Python web developer would use for what the code is doing.
type glyph struct {
	state trace.State
	char  rune
	words string
}

// glyphs in legend order: the states to look for first come first. The
// block shades run from solid (running Python) through dark (a blocking
// call) and medium (a worker thread) to light (I/O), so the heavy marks are
// the ones that hold a thread; letters mark waiting of one kind or another.
var glyphs = []glyph{
	{trace.Run, '█', "running Python"},
	{trace.Blocked, '▓', "blocking call"},
	{trace.Thread, '▒', "in a worker thread"},
	{trace.Process, 'p', "in a worker process"},
	{trace.IO, '░', "waiting for I/O"},
	{trace.Await, '·', "awaiting"},
	{trace.Ready, 'r', "ready, waiting for the loop"},
	{trace.GILWait, 'g', "waiting for the GIL"},
	{trace.Token, 't', "waiting for a threadpool token"},
	{trace.Queued, 'q', "queued"},
	{trace.Held, 'H', "holds the GIL"},
	{trace.Busy, '#', "cores busy"},
	{trace.Respond, '-', "responded, background tasks run"},
}

// unknown draws a state this view does not know, so a new state shows up
// as something to fix rather than as idle.
const unknown = '?'

func charOf(s trace.State) rune {
	if s == "" {
		return ' '
	}
	for _, g := range glyphs {
		if g.state == s {
			return g.char
		}
	}
	return unknown
}

// legend lists the states that were drawn, in glyphs order (unknown ones
// last, sorted), wrapped to width.
func legend(drawn map[trace.State]bool, width int) []string {
	var items, odd []string
	for _, g := range glyphs {
		if drawn[g.state] {
			items = append(items, string(g.char)+" "+g.words)
		}
	}
	for s := range drawn {
		if charOf(s) == unknown {
			odd = append(odd, string(unknown)+" "+string(s))
		}
	}
	slices.Sort(odd)
	items = append(items, odd...)
	if len(items) == 0 {
		return nil
	}
	return wrap("legend: ", items, "  ", width)
}
