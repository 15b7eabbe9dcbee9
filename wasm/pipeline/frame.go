package pipeline

import (
	"strconv"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// Frame is the display lists of one frame with the playhead at t; hover
// is the pointer (negative when away). The static list (axis, headers,
// bars) is cached per view; the overlay holds what moves: the fade over
// the future, the playhead, each lane's "shipped k/N" and the tooltip.
// Paint them layer by layer (all rects, then all lines, then all texts).
func (l *Layout) Frame(t trace.Time, hoverX, hoverY float32) (static, overlay geom.List) {
	if l.groups == nil {
		l.SetView(int(l.w), int(l.h), float64(l.scale), l.theme)
	}
	if l.static == nil {
		s := l.drawStatic()
		l.static = &s
	}
	th := l.theme
	x0, x1, y0 := l.plot()
	x := min(max(l.X(t), x0), x1)
	// The future is faded: it has not happened yet.
	if x < x1 && l.bottom > y0 {
		fade := th.Background
		fade.A = 150
		overlay.Rects = append(overlay.Rects, geom.Rect{X: x, Y: y0, W: x1 - x, H: l.bottom - y0, Color: fade})
	}
	overlay.Lines = append(overlay.Lines, geom.Line{X1: x, Y1: l.px(4), X2: x, Y2: l.bottom, Width: l.px(2), Color: th.Playhead})
	// The playhead's time, to a tenth: it moves, so more digits would flicker.
	label := roundMinutes(min(max(t, 0), l.end()), 10)
	lx := max(min(x+l.px(4), l.w-l.textWidth(label)-l.px(2)), 0)
	l.axisLabels(&overlay, lx-l.px(6), lx+l.textWidth(label)+l.px(6))
	overlay.Texts = append(overlay.Texts, geom.Text{X: lx, Y: l.textY(0, y0), S: label, Color: th.Playhead})
	for i := range l.r.Lanes {
		overlay.Texts = append(overlay.Texts, l.counterText(i, t))
	}
	if tip := l.tooltip(hoverX, hoverY); tip != "" {
		overlay = l.addTooltip(overlay, tip, hoverX, hoverY)
	}
	return *l.static, overlay
}

// axisLabels writes the ticks' times, but for those the playhead's time
// covers (from x a to b): they are drawn per frame so that they can make
// way for it.
func (l *Layout) axisLabels(out *geom.List, a, b float32) {
	x0, x1, y0 := l.plot()
	step := geom.TickStep(l.end(), float64(x1-x0)/float64(l.px(minTickCSS)))
	for t := trace.Time(0); t <= l.end(); t += step {
		x := l.X(t) + l.px(3)
		s := formatMinutes(t)
		w := l.textWidth(s)
		if x+w > l.w || (x < b && a < x+w) {
			continue
		}
		out.Texts = append(out.Texts, geom.Text{X: x, Y: l.textY(0, y0), S: s, Color: l.theme.Muted})
	}
}

// counterText is "shipped k/N" in the lane's header: after the names'
// column on one line, at the right of the first line on two.
func (l *Layout) counterText(i int, t trace.Time) geom.Text {
	th := l.theme
	g := l.groups[i]
	s := l.counter(i, t)
	c := th.Muted
	if l.r.Lanes[i].Shipped(t) == l.r.Plan.Features {
		c = th.Text // all shipped: the lane is done
	}
	y := l.textY(g.top, l.px(lineCSS))
	if l.twoLines {
		return geom.Text{X: max(l.w-l.px(padCSS)-l.textWidth(s), 0), Y: y, S: s, Color: c}
	}
	return geom.Text{X: l.px(textXCSS) + float32(l.nameCol+2)*l.charWidth(), Y: y, S: s, Color: c}
}

// tooltip says what the bar under the pointer is.
func (l *Layout) tooltip(x, y float32) string {
	lane, sp, ok := l.spanAt(x, y)
	if !ok {
		return ""
	}
	when := formatMinutes(sp.From) + " to " + formatMinutes(sp.To)
	f := "feature " + strconv.Itoa(sp.Feature)
	switch sp.Kind {
	case Blocked:
		return "worker blocked: " + f + " in " + sp.Step + ", " + when
	case Wait:
		return f + " waits: " + sp.Step + ", " + when
	}
	who := "worker"
	if l.r.Lanes[lane].Workers > 1 {
		who = "machine"
	}
	return who + " on " + f + ": " + sp.Step + ", " + when
}

// addTooltip draws tip in a box by the pointer, kept on the canvas.
func (l *Layout) addTooltip(out geom.List, tip string, x, y float32) geom.List {
	th := l.theme
	pad := l.px(6)
	tip = fit(tip, l.chars(l.w-2*pad-l.px(4)))
	w := l.textWidth(tip) + 2*pad
	h := l.px(fontCSS) + 2*pad
	bx := max(min(x+l.px(12), l.w-w-l.px(2)), 0)
	by := y + l.px(14)
	if by+h > l.h {
		by = max(y-h-l.px(6), 0)
	}
	out.Rects = append(out.Rects, geom.Rect{X: bx, Y: by, W: w, H: h, Color: th.Text})
	out.Texts = append(out.Texts, geom.Text{X: bx + pad, Y: by + pad - l.px(1), S: tip, Color: th.Background})
	return out
}
