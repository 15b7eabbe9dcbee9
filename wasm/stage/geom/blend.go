package geom

import (
	"math"
	"sort"
	"strconv"

	"looplab/wasm/trace"
)

// blend gathers a run of spans too thin to draw one by one (each under
// blendCSS, none further than a pixel from the next) and how long each
// style held in it. It is drawn as diagonal stripes whose widths are the
// styles' shares of the run's time, and the background for the time in
// none, with the shares written over it where they fit: an honest
// average where drawing each slice would only alias.
type blend struct {
	on         bool
	x0, x1     float32
	from, to   trace.Time
	styles     []style
	durations  []trace.Time
	totalSpans int
	// cores and of are, on the cores lane, busy cores × time and how many
	// cores there are: the blend says how many were busy on average.
	cores float64
	of    int
}

// add puts a thin span into the run; the caller flushes the run first
// when the span is more than a pixel away from it (far).
func (b *blend) add(xa, xb float32, from, to trace.Time, st style) {
	if !b.on {
		b.on, b.x0, b.from = true, xa, from
		b.styles, b.durations, b.totalSpans = b.styles[:0], b.durations[:0], 0
		b.cores, b.of = 0, 0
	}
	b.x1, b.to = max(b.x1, xb), to
	b.totalSpans++
	if st.of > 0 {
		b.cores += float64(st.busy) * float64(to-from)
		b.of = st.of
	}
	for i, s := range b.styles {
		if s.color == st.color && s.pattern == st.pattern {
			b.durations[i] += to - from
			return
		}
	}
	b.styles = append(b.styles, st)
	b.durations = append(b.durations, to-from)
}

// flushBlend draws the run gathered in b, if any, and empties it; pitch
// is the row's height (see pattern).
func (tl *Timeline) flushBlend(out *List, b *blend, y, h, pitch float32) {
	if !b.on {
		return
	}
	b.on = false
	w := b.x1 - b.x0
	order := make([]int, len(b.styles))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return b.durations[order[i]] > b.durations[order[j]] })
	top := order[0]
	// A sliver, one style alone, or shades of the cores lane: a plain bar
	// of the commonest style.
	if w < 2*tl.px(blendCSS) || len(b.styles) == 1 && float64(b.durations[top]) >= 0.9*float64(b.to-b.from) || b.styles[top].word == "" {
		out.rect(b.x0, y, max(w, 1), h, b.styles[top].color)
		if b.of > 0 && h >= tl.px(tl.font)+tl.px(1) {
			avg := strconv.FormatFloat(b.cores/float64(b.to-b.from), 'f', 1, 64)
			if s := pickText([]string{avg + " of " + strconv.Itoa(b.of) + " cores busy on average", avg + " of " + strconv.Itoa(b.of) + " cores"}, int((w-tl.px(8))/tl.charW())); s != "" {
				c := b.styles[top].color
				out.Texts = append(out.Texts, Text{X: b.x0 + tl.px(4), Y: y + (h-tl.px(tl.font))/2, S: s, Color: tl.theme.Ink(c)})
			}
		}
		return
	}
	total := float64(b.to - b.from)
	period := tl.px(8)
	if tl.opts.Fills {
		tl.blendFill(out, b, order, total, period, y, h, pitch)
		tl.blendLabel(out, b, order, total, y, h)
		return
	}
	// Stripes at 45°, anchored to the canvas so neighbouring blends line up.
	start := float32(math.Floor(float64((b.x0-h)/period))) * period
	for s := start; s < b.x1; s += period {
		off := float32(0)
		for _, k := range order {
			share := float32(float64(b.durations[k]) / total)
			sw := share * period
			a, c := s+off, s+off+sw
			off += sw
			if sw <= 0 {
				continue
			}
			out.clipped(b.styles[k].color, b.x0, y, b.x1, y+h, a, y+h, c, y+h, c+h, y, a+h, y)
		}
	}
	tl.blendLabel(out, b, order, total, y, h)
}

// blendLabel writes the blend's two largest shares over it
// ("holds the GIL 48 % · waits for the GIL 52 %"), or the largest alone.
func (tl *Timeline) blendLabel(out *List, b *blend, order []int, total float64, y, h float32) {
	if h < tl.px(tl.font)+tl.px(1) {
		return
	}
	part := func(k int) string {
		return b.styles[k].word + " " + strconv.Itoa(int(math.Round(100*float64(b.durations[k])/total))) + " %"
	}
	texts := []string{part(order[0])}
	if len(order) > 1 {
		texts = append([]string{part(order[0]) + " · " + part(order[1])}, texts...)
	}
	pad := tl.px(4)
	s := pickText(texts, int((b.x1-b.x0-2*pad)/tl.charW()))
	if s == "" {
		return
	}
	bg := tl.theme.Background
	bg.A = 225
	out.Texts = append(out.Texts, Text{X: b.x0 + pad, Y: y + (h-tl.px(tl.font))/2, S: s, Color: tl.theme.Text, Bg: bg, Pad: tl.px(3)})
}

// pattern strokes a pattern over the box x, y, w, h in ink. Strokes are
// anchored to the canvas, not the box, so a pattern runs on unbroken
// across neighbouring bars. pitch is the height of the box's row: a
// Fill's tile is that tall, the same for every lane.
func (tl *Timeline) pattern(out *List, x, y, w, h, pitch float32, p Pattern, ink Color) {
	if tl.opts.Fills {
		tl.patternFill(out, x, y, w, h, pitch, p, ink)
		return
	}
	m := tl.measures()
	gap, width := m.gap, m.width
	diag := func(dir float32) {
		start := float32(math.Floor(float64((x-h)/gap))) * gap
		for s := start; s < x+w+h; s += gap {
			if dir > 0 { // rising: bottom-left to top-right
				out.clipped(ink, x, y, x+w, y+h, s, y+h, s+width, y+h, s+width+h, y, s+h, y)
			} else { // falling: top-left to bottom-right
				out.clipped(ink, x, y, x+w, y+h, s, y, s+width, y, s+width+h, y+h, s+h, y+h)
			}
		}
	}
	switch p {
	case PatternHatch:
		diag(1)
	case PatternBack:
		diag(-1)
	case PatternCross:
		diag(1)
		diag(-1)
	case PatternVLines:
		for s := float32(math.Ceil(float64(x/gap))) * gap; s < x+w; s += gap {
			out.rect(s, y, min(width, x+w-s), h, ink)
		}
	case PatternHLines:
		for s := y + m.step/2; s < y+h; s += m.step {
			out.rect(x, s, w, min(m.line, y+h-s), ink)
		}
	case PatternDots:
		d := m.dot
		for row, s := 0, y+m.inset; s+d <= y+h; row, s = row+1, s+m.spacing {
			shift := float32(row%2) * gap / 2
			for t := float32(math.Ceil(float64((x-shift)/gap)))*gap + shift; t+d <= x+w; t += gap {
				out.rect(t, s, d, d, ink)
			}
		}
	}
}

// measures are a pattern's, in device px: the diagonals' and vertical
// lines' gap and width, the horizontal lines' step and width, and the
// dots' size, first row's inset and rows' spacing.
type measures struct{ gap, width, step, line, dot, inset, spacing float32 }

func (tl *Timeline) measures() measures {
	return measures{tl.px(6), tl.px(1.5), tl.px(4), tl.px(1.5) / 1.5, tl.px(2), tl.px(2), tl.px(5)}
}

// far reports whether a span starting at device x cannot join the run.
func (b *blend) far(x float32) bool { return b.on && x-b.x1 > 1 }
