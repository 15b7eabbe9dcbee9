package pipeline

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// drawStatic lays out what does not move with the playhead: the axis'
// ticks, the headers' names and totals, row names, bars and each lane's
// finish line. (The axis' labels are in the overlay, see axisLabels.)
func (l *Layout) drawStatic() geom.List {
	var out geom.List
	th := l.theme
	x0, x1, y0 := l.plot()
	step := geom.TickStep(l.end(), float64(x1-x0)/float64(l.px(minTickCSS)))
	for t := trace.Time(0); t <= l.end(); t += step {
		x := l.X(t)
		out.Lines = append(out.Lines, geom.Line{X1: x, Y1: y0 - l.px(4), X2: x, Y2: y0, Width: 1, Color: th.Grid})
		for _, g := range l.groups {
			if len(g.rows) > 0 {
				last := g.rows[len(g.rows)-1]
				out.Lines = append(out.Lines, geom.Line{X1: x, Y1: g.rows[0].y, X2: x, Y2: last.y + last.h, Width: 1, Color: th.Grid})
			}
		}
	}
	for i := range l.r.Lanes {
		l.drawLane(&out, i)
	}
	return out
}

// drawLane adds one lane: header texts, row names, bars, finish line.
func (l *Layout) drawLane(out *geom.List, i int) {
	th := l.theme
	ln := l.r.Lanes[i]
	g := l.groups[i]
	lineH := l.px(lineCSS)
	left := l.px(textXCSS)
	right := l.w - l.px(padCSS)
	accent := th.Playhead
	if ln.Fastest {
		// A tint behind the fastest lane's header, so it reads at a glance
		// and not by colour of text alone.
		tint := accent
		tint.A = 36
		h := lineH
		if l.twoLines {
			h = 2 * lineH
		}
		out.Rects = append(out.Rects, geom.Rect{X: l.px(2), Y: g.top, W: right - l.px(2), H: h, Color: tint})
	}
	statsColor := th.Muted
	if ln.Fastest {
		statsColor = accent
		tinted := geom.Mix(th.Background, accent, 36.0/255)
		for k := 0.1; geom.Contrast(statsColor, tinted) < 4.5 && k <= 1; k += 0.1 {
			statsColor = geom.Mix(accent, th.Text, k) // darker (or lighter) until it reads on the tint
		}
	}
	if l.twoLines {
		// Line one: the name, leaving room for the counter at the right;
		// line two: the totals.
		room := l.chars(right-left) - len([]rune(l.counter(i, 0))) - 2
		out.Texts = append(out.Texts, geom.Text{X: left, Y: l.textY(g.top, lineH), S: fit(ln.Name, room), Color: th.Text})
		stats := l.pick(l.stats(i), l.chars(right-left))
		out.Texts = append(out.Texts, geom.Text{X: left, Y: l.textY(g.top+lineH, lineH), S: stats, Color: statsColor})
	} else {
		out.Texts = append(out.Texts, geom.Text{X: left, Y: l.textY(g.top, lineH), S: fit(ln.Name, l.nameCol), Color: th.Text})
		used := l.nameCol + 2 + len([]rune(l.counter(i, 0))) + 2
		stats := l.pick(l.stats(i), l.chars(right-left)-used)
		out.Texts = append(out.Texts, geom.Text{X: right - l.textWidth(stats), Y: l.textY(g.top, lineH), S: stats, Color: statsColor})
	}
	// Row names in the gutter; the waits in flight are named once, as a band.
	x0, _, _ := l.plot()
	nameRoom := l.chars(x0 - left - l.px(4))
	fontH := l.px(fontCSS)
	for ri, row := range ln.Rows {
		b := g.rows[ri]
		if !row.Waits && b.h >= fontH {
			out.Texts = append(out.Texts, geom.Text{X: left, Y: l.textY(b.y, b.h), S: fit(row.Name, nameRoom), Color: th.Muted})
		}
		for _, sp := range row.Spans {
			l.drawBar(out, sp, b)
		}
	}
	if g.waitH >= fontH {
		out.Texts = append(out.Texts, geom.Text{X: left, Y: l.textY(g.waitY, g.waitH), S: fit("waiting", nameRoom), Color: th.Muted})
	}
	// The finish line: when this lane's last feature shipped.
	if len(g.rows) > 0 {
		last := g.rows[len(g.rows)-1]
		c := th.Text
		c.A = 170
		if ln.Fastest {
			c = accent
		}
		x := l.X(ln.Total)
		out.Lines = append(out.Lines, geom.Line{X1: x, Y1: g.rows[0].y, X2: x, Y2: last.y + last.h, Width: l.px(1.5), Color: c})
	}
}

// drawBar adds one span's bar and, when it is wide and tall enough, its
// label: the feature's number and as much of the step's name as fits.
func (l *Layout) drawBar(out *geom.List, sp Span, b rowBox) {
	c := l.spanColor(sp)
	xa, xb := l.X(sp.From), l.X(sp.To)
	w := max(xb-xa, 1) // a moment still shows
	_, x1, _ := l.plot()
	xa = min(xa, x1-w)
	if w >= l.px(4) {
		w -= min(l.px(1), 1.5) // a hairline between neighbours, so steps stay apart
	}
	out.Rects = append(out.Rects, geom.Rect{X: xa, Y: b.y, W: w, H: b.h, Color: c})
	if b.h < l.px(fontCSS) {
		return
	}
	if s := barLabel(sp, l.chars(w-l.px(6))); s != "" {
		out.Texts = append(out.Texts, geom.Text{X: xa + l.px(3), Y: l.textY(b.y, b.h), S: s, Color: l.theme.Ink(c)})
	}
}

// spanColor is the state's colour, every other feature a shade lighter (or
// darker, in the dark theme) so neighbouring features stay apart.
func (l *Layout) spanColor(sp Span) geom.Color {
	state := trace.Run
	switch sp.Kind {
	case Wait:
		state = trace.Await
	case Blocked:
		state = trace.Blocked
	}
	c, ok := l.theme.States[state]
	if !ok {
		c = l.theme.Muted
	}
	if sp.Feature%2 == 0 {
		c = blend(c, l.theme.Background, 0.22)
	}
	return c
}

// textY is the top of a line of text centred in a band from y of height h.
func (l *Layout) textY(y, h float32) float32 {
	return y + max((h-l.px(fontCSS))/2-l.px(1), 0)
}

// barLabel is the first of "2 run tests", "2 tests", "2 run t…" (three
// letters at least: fewer say nothing) and "2" that fits in n characters,
// or "".
func barLabel(sp Span, n int) string {
	num := strconv.Itoa(sp.Feature)
	full := num + " " + sp.Step
	short := num
	if words := strings.Fields(sp.Step); len(words) > 0 {
		short += " " + words[len(words)-1]
	}
	switch {
	case len([]rune(full)) <= n:
		return full
	case len([]rune(short)) <= n:
		return short
	case n >= len(num)+5:
		return fit(full, n)
	case len(num) <= n:
		return num
	}
	return ""
}

// stats are a lane's total and utilisation, longest form first.
func (l *Layout) stats(i int) []string {
	ln := l.r.Lanes[i]
	who := "worker"
	if ln.Workers > 1 {
		who = "machines"
	}
	total := formatMinutes(ln.Total)
	busy := fmt.Sprintf("%d %%", int(math.Round(ln.Utilisation*100)))
	forms := []string{
		"total " + total + " · " + who + " busy " + busy,
		"total " + total + " · busy " + busy,
		total + " · " + busy + " busy",
		total,
	}
	if ln.Fastest {
		forms = append([]string{"fastest · " + forms[0], "fastest · " + forms[1]}, forms...)
	}
	return forms
}

// pick is the first form that fits in n characters, else the last one cut.
func (l *Layout) pick(forms []string, n int) string {
	for _, f := range forms {
		if len([]rune(f)) <= n {
			return f
		}
	}
	return fit(forms[len(forms)-1], n)
}

// counter is "shipped k/N", k padded so the text keeps its width.
func (l *Layout) counter(i int, t trace.Time) string {
	n := l.r.Plan.Features
	return fmt.Sprintf("shipped %*d/%d", len(strconv.Itoa(n)), l.r.Lanes[i].Shipped(t), n)
}

// Shipped is how many features the lane has finished by t.
func (ln Lane) Shipped(t trace.Time) int {
	k := 0
	for _, f := range ln.Finish {
		if f <= t {
			k++
		}
	}
	return k
}

// fit shortens s to n characters with an ellipsis; "" when n < 1.
func fit(s string, n int) string {
	r := []rune(s)
	switch {
	case len(r) <= n:
		return s
	case n < 1:
		return ""
	case n == 1:
		return string(r[:1])
	}
	return string(r[:n-1]) + "…"
}

// formatMinutes writes t as "38.5 min", to the millisecond.
func formatMinutes(t trace.Time) string { return roundMinutes(t, 1000) }

// roundMinutes writes t in minutes rounded to 1/per.
func roundMinutes(t trace.Time, per float64) string {
	return strconv.FormatFloat(math.Round(float64(t)/float64(Minute)*per)/per, 'f', -1, 64) + " min"
}

// blend mixes f of b into a.
func blend(a, b geom.Color, f float64) geom.Color {
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-f) + float64(y)*f)) }
	return geom.Color{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: a.A}
}
