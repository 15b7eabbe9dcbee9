// Package geom is the stage's drawing logic without a screen: it lays a
// trace out as lanes, bars, ticks and labels (a display list of plain
// shapes), maps pointer positions back to times and lanes, and holds the
// colours of both themes. The ebiten scenes only paint what it returns,
// so everything worth testing about the picture tests natively.
package geom

import (
	"slices"

	"looplab/wasm/trace"
)

// Color is an sRGB colour with alpha.
type Color struct{ R, G, B, A uint8 }

// Theme is a palette for one colour scheme.
type Theme struct {
	Name       string
	Background Color
	Grid       Color
	Text       Color
	Muted      Color
	Playhead   Color
	LoopStall  Color // a blocked event loop
	States     map[trace.State]Color
}

func rgb(hex uint32) Color {
	return Color{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 255}
}

// Light and Dark are the two themes; the page picks one by
// prefers-color-scheme.
var (
	Light = Theme{
		Name: "light", Background: rgb(0xffffff), Grid: rgb(0xe3e6ea), Text: rgb(0x1f2328), Muted: rgb(0x6e7781),
		Playhead: rgb(0x0969da), LoopStall: rgb(0xd1242f),
		States: map[trace.State]Color{
			trace.Run: rgb(0x0969da), trace.Await: rgb(0x9fd8b4), trace.IO: rgb(0x4ab18b), trace.Ready: rgb(0xe3b341),
			trace.Blocked: rgb(0xf08c3a), trace.GILWait: rgb(0x8250df), trace.Token: rgb(0xd86cb6), trace.Queued: rgb(0xb4bcc6),
			trace.Thread: rgb(0x3e4fb8), trace.Process: rgb(0x1a7f37), trace.Held: rgb(0x57606a), trace.Busy: rgb(0x6e7781),
			trace.Respond: rgb(0xc8e6c9),
		},
	}
	Dark = Theme{
		Name: "dark", Background: rgb(0x0d1117), Grid: rgb(0x262c36), Text: rgb(0xe6edf3), Muted: rgb(0x8d96a0),
		Playhead: rgb(0x58a6ff), LoopStall: rgb(0xff5c57),
		States: map[trace.State]Color{
			trace.Run: rgb(0x388bfd), trace.Await: rgb(0x2f6f4f), trace.IO: rgb(0x3fb68b), trace.Ready: rgb(0xd29922),
			trace.Blocked: rgb(0xdb6d28), trace.GILWait: rgb(0xa371f7), trace.Token: rgb(0xdb61a2), trace.Queued: rgb(0x57606a),
			trace.Thread: rgb(0x6e7ff3), trace.Process: rgb(0x3fb950), trace.Held: rgb(0x8d96a0), trace.Busy: rgb(0x8d96a0),
			trace.Respond: rgb(0x2d4a33),
		},
	}
)

// ThemeNamed returns Dark for "dark" and Light otherwise.
func ThemeNamed(name string) Theme {
	if name == "dark" {
		return Dark
	}
	return Light
}

// LegendEntry is one colour of the legend the page shows under the stage.
type LegendEntry struct {
	State string `json:"state"`
	Text  string `json:"text"`
	Color string `json:"color"` // CSS, "#rrggbb"
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
	{"loop-blocked", "event loop blocked"},
	{trace.Blocked, "in a blocking call"},
	{trace.GILWait, "waiting for the GIL"},
	{trace.Token, "waiting for a threadpool token"},
	{trace.Queued, "queued"},
	{trace.Thread, "running in a thread"},
	{trace.Process, "running in a process"},
	{trace.Held, "holds the GIL"},
	{trace.Respond, "answered; background tasks run"},
}

// Legend lists the states with their colours in theme t.
func (t Theme) Legend() []LegendEntry {
	out := make([]LegendEntry, 0, len(legendText))
	for _, e := range legendText {
		c := t.States[e.state]
		if e.state == "loop-blocked" {
			c = t.LoopStall
		}
		out = append(out, LegendEntry{State: string(e.state), Text: e.text, Color: c.CSS()})
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
				st = "loop-blocked"
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
