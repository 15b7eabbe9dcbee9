package geom

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// Shapes of the display list, in device pixels.
type (
	Rect struct {
		X, Y, W, H float32
		Color      Color
	}
	Text struct {
		X, Y  float32 // top-left
		S     string
		Color Color
	}
	Line struct {
		X1, Y1, X2, Y2, Width float32
		Color                 Color
	}
)

// List is shapes to paint, back to front: rects, then lines, then texts.
type List struct {
	Rects []Rect
	Lines []Line
	Texts []Text
}

// Sizes in CSS pixels; Timeline multiplies them by the device scale.
const (
	gutterCSS   = 168 // lane labels
	axisCSS     = 24  // time axis on top
	padCSS      = 12  // right and bottom margin
	maxLaneCSS  = 22
	minLaneCSS  = 4
	fontCSS     = FontSize
	charWidthEm = 0.6
	minTickCSS  = 90 // least space between axis ticks
)

// laneOrder is the order of lane kinds from top to bottom: the event loop
// first, since it is what a learner watches, then what was sent, then the
// machinery.
var laneOrder = []string{trace.KindLoop, trace.KindRequest, trace.KindTask, trace.KindThread, trace.KindProcess, trace.KindGIL, trace.KindCores}

// Timeline lays out one trace on a canvas. Layout is cached: the bars are
// computed once per trace, size, scroll and theme, and each frame adds only
// the playhead, the fade over the future and the tooltip.
type Timeline struct {
	tr     *trace.Trace
	order  []int // lanes in display order
	w, h   float32
	scale  float32
	scroll float32 // lanes region offset, device px
	theme  Theme
	static *List // cached bars, labels and axis
	// StaticVersion counts the times static was laid out, so a screen can
	// keep it painted while it stays the same.
	StaticVersion int

	// In compare mode two timelines share the canvas and the time axis.
	top   float32    // device y of this timeline's top edge
	span  trace.Time // the axis' end when longer than the run; 0: the run's
	title string     // shown above the lane labels
}

// NewTimeline prepares tr for drawing.
func NewTimeline(tr *trace.Trace) *Timeline {
	tl := &Timeline{tr: tr, scale: 1, theme: Light}
	for _, kind := range laneOrder {
		for i, l := range tr.Lanes {
			if l.Kind == kind {
				tl.order = append(tl.order, i)
			}
		}
	}
	for i, l := range tr.Lanes { // kinds a newer trace may add
		if !known(l.Kind) {
			tl.order = append(tl.order, i)
		}
	}
	return tl
}

func known(kind string) bool {
	for _, k := range laneOrder {
		if k == kind {
			return true
		}
	}
	return false
}

// SetView sets the canvas size in device pixels, the device scale and
// the theme; it clears the cache when something changed.
func (tl *Timeline) SetView(w, h int, scale float64, theme Theme) {
	fw, fh, fs := float32(w), float32(h), float32(max(scale, 0.5))
	if fw != tl.w || fh != tl.h || fs != tl.scale || theme.Name != tl.theme.Name {
		tl.w, tl.h, tl.scale, tl.theme = fw, fh, fs, theme
		tl.static = nil
		tl.ScrollBy(0)
	}
}

// SetBand places the timeline in a band of the canvas starting at device
// y top (its height is SetView's h), stretches its axis to span when that
// is longer than the run, and titles it: compare mode stacks two
// timelines with one time axis so their bars line up.
func (tl *Timeline) SetBand(top float32, span trace.Time, title string) {
	if top != tl.top || span != tl.span || title != tl.title {
		tl.top, tl.span, tl.title = top, span, title
		tl.static = nil
	}
}

// Plot is the area the bars use, in device pixels.
func (tl *Timeline) Plot() (x0, x1, y0, y1 float32) { return tl.plot() }

func (tl *Timeline) px(css float32) float32 { return css * tl.scale }

// plot is the area the bars use.
func (tl *Timeline) plot() (x0, x1, y0, y1 float32) {
	return tl.px(gutterCSS), tl.w - tl.px(padCSS), tl.top + tl.px(axisCSS), tl.top + tl.h - tl.px(padCSS)
}

// laneHeight is each lane's height, gap included: lanes share the height,
// within bounds; past the lower bound the lanes scroll.
func (tl *Timeline) laneHeight() float32 {
	_, _, y0, y1 := tl.plot()
	n := float32(max(len(tl.order), 1))
	h := (y1 - y0) / n
	return min(max(h, tl.px(minLaneCSS)), tl.px(maxLaneCSS))
}

// ScrollBy moves the lanes by dy device pixels, within bounds.
func (tl *Timeline) ScrollBy(dy float32) {
	_, _, y0, y1 := tl.plot()
	maxScroll := max(0, float32(len(tl.order))*tl.laneHeight()-(y1-y0))
	s := min(max(tl.scroll+dy, 0), maxScroll)
	if s != tl.scroll {
		tl.scroll = s
		tl.static = nil
	}
}

// end is the time at the plot's right edge.
func (tl *Timeline) end() trace.Time { return max(tl.tr.Duration, tl.span, trace.Millisecond) }

// X maps a time to a device x.
func (tl *Timeline) X(t trace.Time) float32 {
	x0, x1, _, _ := tl.plot()
	return x0 + (x1-x0)*float32(float64(t)/float64(tl.end()))
}

// TimeAt maps a device x to a time, clamped to the run.
func (tl *Timeline) TimeAt(x float32) trace.Time {
	x0, x1, _, _ := tl.plot()
	f := float64(min(max((x-x0)/(x1-x0), 0), 1))
	return trace.Time(math.Round(f * float64(tl.end())))
}

// LaneAt returns the trace lane under device y, or -1.
func (tl *Timeline) LaneAt(y float32) int {
	_, _, y0, y1 := tl.plot()
	if y < y0 || y >= y1 {
		return -1
	}
	i := int((y - y0 + tl.scroll) / tl.laneHeight())
	if i < 0 || i >= len(tl.order) {
		return -1
	}
	return tl.order[i]
}

// InPlot reports whether a device point is over the bars or the axis,
// where a click scrubs.
func (tl *Timeline) InPlot(x, y float32) bool {
	x0, x1, _, y1 := tl.plot()
	return x >= x0-tl.px(4) && x <= x1+tl.px(4) && y >= tl.top && y < y1
}

// Frame is the display lists of one frame with the playhead at t; hover
// is the pointer (negative when outside). The static list (bars, labels,
// axis) is cached and shared between frames, so a frame only builds the
// overlay: the fade over the future, the playhead and the tooltip. Paint
// them layer by layer (all rects, then all lines, then all texts).
func (tl *Timeline) Frame(t trace.Time, hoverX, hoverY float32) (static, overlay List) {
	if tl.static == nil {
		s := tl.drawStatic()
		tl.static = &s
		tl.StaticVersion++
	}
	x0, x1, y0, y1 := tl.plot()
	x := min(max(tl.X(t), x0), x1)
	// The future is faded: it has not happened yet.
	if x < x1 {
		fade := tl.theme.Background
		fade.A = 150
		overlay.Rects = append(overlay.Rects, Rect{x, y0, x1 - x + 1, y1 - y0, fade})
	}
	overlay.Lines = append(overlay.Lines, Line{x, tl.top + tl.px(4), x, y1, tl.px(2), tl.theme.Playhead})
	label := formatSeconds(t, tl.end())
	lw := tl.textWidth(label)
	overlay.Texts = append(overlay.Texts, Text{min(x+tl.px(4), tl.w-lw-tl.px(2)), tl.top + tl.px(4), label, tl.theme.Playhead})
	if tip := tl.tooltip(hoverX, hoverY); tip != "" {
		overlay = tl.addTooltip(overlay, tip, hoverX, hoverY)
	}
	return *tl.static, overlay
}

func (tl *Timeline) textWidth(s string) float32 {
	return float32(len([]rune(s))) * tl.px(fontCSS) * charWidthEm
}

// drawStatic lays out what does not move with the playhead.
func (tl *Timeline) drawStatic() List {
	var out List
	th := tl.theme
	x0, x1, y0, y1 := tl.plot()
	lh := tl.laneHeight()
	gap := float32(0)
	if lh >= tl.px(8) {
		gap = tl.px(2)
	}
	// Axis ticks and grid.
	step := TickStep(tl.end(), float64(x1-x0)/float64(tl.px(minTickCSS)))
	for t := trace.Time(0); t <= tl.end(); t += step {
		x := tl.X(t)
		out.Lines = append(out.Lines, Line{x, y0 - tl.px(4), x, y1, 1, th.Grid})
		out.Texts = append(out.Texts, Text{x + tl.px(3), tl.top + tl.px(4), formatSeconds(t, tl.end()), th.Muted})
	}
	if tl.title != "" {
		title := fit(tl.title, int((tl.px(gutterCSS-12))/(tl.px(fontCSS)*charWidthEm)))
		out.Texts = append(out.Texts, Text{tl.px(6), tl.top + tl.px(4), title, th.Text})
	}
	ends := map[int]trace.Time{}
	for _, r := range tl.tr.Requests {
		if r.End >= 0 {
			ends[r.Lane] = r.End
		}
	}
	first := int(tl.scroll / lh)
	for row := first; row < len(tl.order); row++ {
		y := y0 + float32(row)*lh - tl.scroll
		if y >= y1 {
			break
		}
		li := tl.order[row]
		lane := tl.tr.Lanes[li]
		h := min(lh-gap, y1-y)
		tl.drawLane(&out, lane, y, h)
		if end, ok := ends[li]; ok {
			// The response: a tick, so that requests answered in a moment
			// still show.
			c := th.Text
			c.A = 200
			out.Rects = append(out.Rects, Rect{tl.X(end) - tl.px(1), y, tl.px(2), h, c})
		}
		if lh >= tl.px(12) {
			color := th.Text
			if lane.Kind != trace.KindLoop && lane.Kind != trace.KindRequest && lane.Kind != trace.KindTask {
				color = th.Muted
			}
			name := fit(lane.Name, int((tl.px(gutterCSS-12))/(tl.px(fontCSS)*charWidthEm)))
			out.Texts = append(out.Texts, Text{tl.px(6), y + (h-tl.px(fontCSS))/2 - tl.px(1), name, color})
		}
	}
	return out
}

// drawLane adds one lane's bars, merging neighbours narrower than a pixel
// so that a lane with thousands of spans costs about its width in rects.
func (tl *Timeline) drawLane(out *List, lane trace.Lane, y, h float32) {
	th := tl.theme
	var last *Rect
	for _, sp := range lane.Spans {
		c, ok := th.States[sp.State]
		if !ok {
			c = th.Muted
		}
		if sp.State == trace.Blocked && lane.Kind == trace.KindLoop {
			c = th.LoopStall
		}
		if sp.State == trace.Busy {
			c.A = coresAlpha(sp.Label)
		}
		xa, xb := tl.X(sp.From), tl.X(sp.To)
		if last != nil && xa-(last.X+last.W) < 1 && (last.Color == c || xb-xa < 1) {
			last.W = max(last.W, xb-last.X)
			continue
		}
		out.Rects = append(out.Rects, Rect{xa, y, max(xb-xa, 1), h, c})
		last = &out.Rects[len(out.Rects)-1]
	}
}

// coresAlpha shades the cores lane by how many are busy ("3 of 4 cores busy").
func coresAlpha(label string) uint8 {
	var k, n int
	if _, err := fmt.Sscanf(label, "%d of %d", &k, &n); err != nil || n <= 0 {
		return 255
	}
	return uint8(60 + 195*min(k, n)/n)
}

// tooltip says what the lane under the pointer does at that time.
func (tl *Timeline) tooltip(x, y float32) string {
	x0, x1, _, _ := tl.plot()
	if x < x0 || x > x1 {
		return ""
	}
	li := tl.LaneAt(y)
	if li < 0 {
		return ""
	}
	lane := tl.tr.Lanes[li]
	t := tl.TimeAt(x)
	for _, sp := range lane.Spans {
		if sp.From <= t && t < sp.To {
			what := sp.Label
			if what == "" {
				what = string(sp.State)
			}
			return fmt.Sprintf("%s: %s (%s to %s)", lane.Name, what, formatSeconds(sp.From, tl.end()), formatSeconds(sp.To, tl.end()))
		}
	}
	return lane.Name
}

func (tl *Timeline) addTooltip(out List, tip string, x, y float32) List {
	th := tl.theme
	pad := tl.px(6)
	w := tl.textWidth(tip) + 2*pad
	h := tl.px(fontCSS) + 2*pad
	bx := min(x+tl.px(12), tl.w-w-tl.px(2))
	bx = max(bx, 0)
	by := y + tl.px(14)
	if by+h > tl.top+tl.h {
		by = y - h - tl.px(6)
	}
	out.Rects = append(out.Rects, Rect{bx, by, w, h, th.Text})
	out.Texts = append(out.Texts, Text{bx + pad, by + pad - tl.px(1), tip, th.Background})
	return out
}

// fit shortens s to n characters with an ellipsis.
func fit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n || n < 2 {
		return s
	}
	return string(r[:n-1]) + "…"
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
