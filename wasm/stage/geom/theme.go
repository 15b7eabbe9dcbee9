// Package geom is the stage's drawing logic without a screen: it lays a
// trace out as lanes, bars, markers, ticks and labels (a display list of
// plain shapes), maps pointer positions back to times, lanes and markers,
// and holds the colours of both themes. The ebiten scenes only paint what
// it returns, so everything worth testing about the picture tests natively.
package geom

import (
	"slices"

	"looplab/wasm/trace"
)

// Color is an sRGB colour with alpha.
type Color struct{ R, G, B, A uint8 }

// Pattern is the texture drawn over a state's colour, so that the states
// that mean "stuck" or "waiting" read as such without colour vision.
type Pattern uint8

// The patterns, named for what their strokes look like.
const (
	PatternNone   Pattern = iota
	PatternHatch          // ////  a blocking call
	PatternCross          // XXXX  the event loop blocked
	PatternBack           // \\\\  waiting for the GIL
	PatternDots           // ....  ready, waiting for the loop
	PatternVLines         // ||||  waiting for a threadpool token
	PatternHLines         // ====  queued
)

var patternNames = [...]string{"", "hatch", "cross", "back", "dots", "vlines", "hlines"}

func (p Pattern) String() string { return patternNames[p] }

// Theme is a palette for one colour scheme.
type Theme struct {
	Name       string
	Background Color
	Grid       Color
	Text       Color
	Muted      Color
	Playhead   Color
	LoopStall  Color // a blocked event loop
	Bad        Color // an exception, a timeout: markers
	Warn       Color // asyncio debug's slow-callback warning
	States     map[trace.State]Color
	// Holders colour the GIL lane by who holds it: the event loop first,
	// then threads in the order their lanes appear, round the list. The
	// threads' colours are far from every state's, so a holder is never
	// read as "awaiting" or "running in a thread".
	Holders []Color
}

// Patterns are the same in both themes: a state's texture is part of its
// meaning, like its name.
var patterns = map[trace.State]Pattern{
	trace.Blocked: PatternHatch,
	loopBlocked:   PatternCross,
	trace.GILWait: PatternBack,
	trace.Ready:   PatternDots,
	trace.Token:   PatternVLines,
	trace.Queued:  PatternHLines,
}

// loopBlocked is the legend's name for a blocked call on the event loop's
// own lane, which is drawn in the stall colour.
const loopBlocked trace.State = "loop-blocked"

func rgb(hex uint32) Color {
	return Color{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 255}
}

// Light and Dark are the two themes; the page picks one by
// prefers-color-scheme or the learner's choice. The colours were chosen so
// that any two states without different patterns stay apart (CIEDE2000 of
// 10 or more) for normal vision and under simulated protanopia,
// deuteranopia and tritanopia, and so that a label on any of them can be
// written at 4.5:1 or better: theme_test.go checks both.
var (
	Light = Theme{
		Name: "light", Background: rgb(0xffffff), Grid: rgb(0xe3e6ea), Text: rgb(0x1f2328), Muted: rgb(0x59636e),
		Playhead: rgb(0x0969da), LoopStall: rgb(0xd1242f), Bad: rgb(0xcf222e), Warn: rgb(0x9a6700),
		States: map[trace.State]Color{
			trace.Run: rgb(0x0969da), trace.Await: rgb(0xa8dcb9), trace.IO: rgb(0x2f9e77), trace.Ready: rgb(0xe3b341),
			trace.Blocked: rgb(0xf08c3a), trace.GILWait: rgb(0x8250df), trace.Token: rgb(0xd86cb6), trace.Queued: rgb(0xb4bcc6),
			trace.Thread: rgb(0x79c0ff), trace.Process: rgb(0xbf3989), trace.Held: rgb(0x59636e), trace.Busy: rgb(0x59636e),
			trace.Respond: rgb(0xd0d7de),
		},
		Holders: []Color{rgb(0x0969da), rgb(0x886644), rgb(0xccee44), rgb(0x000022)},
	}
	Dark = Theme{
		Name: "dark", Background: rgb(0x0d1117), Grid: rgb(0x262c36), Text: rgb(0xe6edf3), Muted: rgb(0x9198a1),
		Playhead: rgb(0x58a6ff), LoopStall: rgb(0xff5c57), Bad: rgb(0xff7b72), Warn: rgb(0xd29922),
		States: map[trace.State]Color{
			trace.Run: rgb(0x388bfd), trace.Await: rgb(0x2f6f4f), trace.IO: rgb(0x3fb68b), trace.Ready: rgb(0xd29922),
			trace.Blocked: rgb(0xdb6d28), trace.GILWait: rgb(0xa371f7), trace.Token: rgb(0xdb61a2), trace.Queued: rgb(0x57606a),
			trace.Thread: rgb(0xa5d6ff), trace.Process: rgb(0xf778ba), trace.Held: rgb(0x9198a1), trace.Busy: rgb(0x9198a1),
			trace.Respond: rgb(0x3d444d),
		},
		Holders: []Color{rgb(0x388bfd), rgb(0x884400), rgb(0xeeccaa), rgb(0x000066)},
	}
)

// ThemeNamed returns Dark for "dark" and Light otherwise.
func ThemeNamed(name string) Theme {
	if name == "dark" {
		return Dark
	}
	return Light
}

// Style is how a span in state st is painted on a lane of kind: its
// colour and its pattern. A blocked call on the loop's own lane is the
// stall: red, cross-hatched.
func (t Theme) Style(st trace.State, kind string) (Color, Pattern) {
	if st == trace.Blocked && kind == trace.KindLoop {
		st = loopBlocked
	}
	return t.color(st), patterns[st]
}

func (t Theme) color(st trace.State) Color {
	if st == loopBlocked {
		return t.LoopStall
	}
	if c, ok := t.States[st]; ok {
		return c
	}
	return t.Muted
}

// Ink is the colour to write on c: the theme's text or background colour,
// whichever stands out more, or black or white where neither reaches
// 4.5:1 (on the middle blues and oranges).
func (t Theme) Ink(c Color) Color {
	best := t.Text
	for _, ink := range []Color{t.Background, rgb(0x000000), rgb(0xffffff)} {
		if Contrast(c, best) >= 4.5 {
			break
		}
		if Contrast(c, ink) > Contrast(c, best) {
			best = ink
		}
	}
	return best
}

// PatternInk is the colour of a pattern's strokes over c: c pulled
// towards its ink, so the strokes show without drowning a label.
func (t Theme) PatternInk(c Color) Color {
	return Mix(c, t.Ink(c), 0.38)
}

// LegendEntry is one colour of the legend the page shows under the stage.
type LegendEntry struct {
	State   string `json:"state"`
	Text    string `json:"text"`
	Color   string `json:"color"`             // CSS, "#rrggbb"
	Ink     string `json:"ink"`               // the pattern's strokes, CSS
	Pattern string `json:"pattern,omitempty"` // a Pattern's name
}

// legendText says what each state means, in the legend's order.
var legendText = []struct {
	state trace.State
	text  string
}{
	{trace.Run, "running Python"},
	{trace.Await, "awaiting"},
	{trace.IO, "waiting for the network"},
	{trace.Ready, "ready, waiting for the loop"},
	{loopBlocked, "event loop blocked"},
	{trace.Blocked, "in a blocking call"},
	{trace.GILWait, "waiting for the GIL"},
	{trace.Token, "waiting for a threadpool token"},
	{trace.Queued, "queued"},
	{trace.Thread, "running in a thread"},
	{trace.Process, "running in a process"},
	{trace.Held, "holds the GIL (coloured by holder)"},
	{trace.Respond, "answered; background tasks run"},
}

// Legend lists the states with their colours and patterns in theme t.
func (t Theme) Legend() []LegendEntry {
	out := make([]LegendEntry, 0, len(legendText))
	for _, e := range legendText {
		c := t.color(e.state)
		if e.state == trace.Held {
			c = t.Holders[1]
		}
		p := patterns[e.state]
		out = append(out, LegendEntry{State: string(e.state), Text: e.text, Color: c.CSS(), Ink: t.PatternInk(c).CSS(), Pattern: p.String()})
	}
	return out
}

// CSS writes the colour as "#rrggbb".
func (c Color) CSS() string {
	const hex = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{c.R, c.G, c.B} {
		b[1+2*i], b[2+2*i] = hex[v>>4], hex[v&15]
	}
	return string(b)
}

// FontSize is the labels' size in CSS pixels.
const FontSize = 12

// StatesUsed lists the legend states a run shows, in legend order, so the
// legend explains only the colours on screen.
func StatesUsed(tr *trace.Trace) []string {
	// A run has tens of thousands of spans in a dozen states, and the
	// same state comes up over and over: a short list beats a map.
	var used []trace.State
	var last trace.State
	for _, l := range tr.Lanes {
		loop := l.Kind == trace.KindLoop
		for _, sp := range l.Spans {
			st := sp.State
			if st == trace.Blocked && loop {
				st = loopBlocked
			}
			if st != last && !slices.Contains(used, st) {
				used = append(used, st)
			}
			last = st
		}
	}
	var out []string
	for _, e := range legendText {
		if slices.Contains(used, e.state) {
			out = append(out, string(e.state))
		}
	}
	return out
}
