package geom

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// Sizes in CSS pixels; Timeline multiplies them by the device scale.
const (
	axisCSS      = 26 // time axis on top (its labels and a margin: it grows with them)
	padCSS       = 12 // right and bottom margin
	charWidthEm  = 0.6
	minTickCSS   = 70 // least space between axis ticks
	minGutterCSS = 72
)

// laneOrder is the order of lane kinds from top to bottom: the event loop
// first, since it is what a learner watches, then what was sent, then the
// machinery.
var laneOrder = []string{trace.KindLoop, trace.KindRequest, trace.KindTask, trace.KindThread, trace.KindProcess, trace.KindGIL, trace.KindCores}

// Options are what a scenario asks of its picture.
type Options struct {
	// Focus names the lanes that are the scenario's point: a row whose
	// name contains one of these as a whole word keeps its label.
	Focus []string
	// From and To open the stage zoomed to that stretch of the run
	// (To == 0: the whole run).
	From, To trace.Time
	// Fills says each pattern and blend as one Fill instead of its
	// hundreds of strokes, for a writer with patterns of its own (SVG);
	// the stage, which has none, paints the strokes.
	Fills bool
}

// Timeline lays out one trace on a canvas: rows of bars against a time
// window that can be zoomed and panned, with markers for the moments that
// matter. Layout is cached: the bars are computed once per trace, size,
// window, scroll and theme, and each frame adds only the playhead, the
// fade over the future and the tooltip.
type Timeline struct {
	tr     *trace.Trace
	opts   Options
	order  []int            // lanes in display order
	levels [levels]grouping // the groupings, lightest first
	level  int              // the one the layout uses, -1 for none
	// holderOf is per lane the index into Theme.Holders its GIL colour
	// takes (-1: it never holds the GIL); holderByName finds it from a
	// GIL span's label.
	holderOf     []int
	holderByName map[string]int
	marks        markIndex
	shown        []bool       // per marker, whether the last layout drew it
	ends         []trace.Time // per lane, when it was answered or ended (laneEnds)
	opened       map[int]bool // lanes the learner took out of their group

	w, h   float32
	scale  float32
	font   float32 // the labels' size, CSS px: FontSize, or PresenterFontSize
	scroll float32 // lanes region offset, device px
	theme  Theme
	from   trace.Time // the window: the stretch of the run in view
	to     trace.Time
	// untouched is true while the window is what the scenario opened on.
	untouched bool
	// hide draws nothing after the playhead (SetModes): cut is then the
	// playhead of the last frame or report, and otherwise noCut.
	hide bool
	cut  trace.Time

	rows      []row              // laid out for the current size
	styles    [3][11]cachedStyle // states' styles by laneClass, for the theme
	lastLabel struct {           // the last GIL holder's or cores count's style
		state trace.State
		label string
		style style
	}
	gutter    float32 // device px
	shared    float32 // the least gutter, shared with the other run in compare mode
	grouping  bool    // the rows had to close groups: their labels get toggles
	highlight int32   // a code line whose spans are outlined, 0 for none
	static    *List   // cached bars, labels and axis
	// StaticVersion counts the times static was laid out, so a screen can
	// keep it painted while it stays the same.
	StaticVersion int

	// In compare mode two timelines share the canvas and the time axis.
	top   float32    // device y of this timeline's top edge
	span  trace.Time // the axis' end when longer than the run; 0: the run's
	title string     // shown above the lane labels
}

// NewTimeline prepares tr for drawing.
func NewTimeline(tr *trace.Trace, opts Options) *Timeline {
	tl := &Timeline{tr: tr, opts: opts, scale: 1, font: FontSize, theme: Light, opened: map[int]bool{}, cut: noCut}
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
	tl.levels = findGroups(tr, tl.order)
	tl.findHolders()
	first := -1
	if len(tl.order) > 0 {
		first = tl.order[0]
	}
	tl.marks = indexMarkers(tr, first)
	tl.open()
	return tl
}

// open shows what the scenario asks to open on: its zoom, or the whole run.
func (tl *Timeline) open() {
	tl.from, tl.to = 0, tl.end()
	if tl.opts.To > tl.opts.From {
		tl.SetWindow(tl.opts.From, tl.opts.To)
	}
	tl.untouched = true
}

func known(kind string) bool {
	for _, k := range laneOrder {
		if k == kind {
			return true
		}
	}
	return false
}

// findHolders gives each lane that holds a GIL its colour: the event
// loop the first, threads the others in the order of their lanes.
func (tl *Timeline) findHolders() {
	tl.holderOf = make([]int, len(tl.tr.Lanes))
	tl.holderByName = map[string]int{}
	// A thread that held the GIL for a moment (to start a job, to hand
	// back a result) gets no colour of its own: only holders that took a
	// real share of the run, so a swatch marks a thread that competes.
	heldFor := map[string]trace.Time{}
	for _, l := range tl.tr.Lanes {
		if l.Kind != trace.KindGIL {
			continue
		}
		// Summed run by run: holders change far less often than spans do.
		name, d := "", trace.Time(0)
		for _, sp := range l.Spans {
			if sp.Label != name {
				heldFor[name] += d
				name, d = sp.Label, 0
			}
			d += sp.To - sp.From
		}
		heldFor[name] += d
	}
	held := map[string]bool{}
	for name, d := range heldFor {
		held[name] = d*50 >= tl.tr.Duration // 2 % of the run
	}
	next := 0
	for _, li := range tl.order {
		l := &tl.tr.Lanes[li]
		tl.holderOf[li] = -1
		if (l.Kind != trace.KindThread && l.Kind != trace.KindLoop) || !held[l.Name] {
			continue
		}
		if l.Kind == trace.KindLoop {
			tl.holderOf[li] = 0
		} else {
			next++
			tl.holderOf[li] = next
		}
		tl.holderByName[l.Name] = tl.holderOf[li]
	}
}

// holderColor is the colour of holder k in the theme.
func (tl *Timeline) holderColor(k int) Color {
	hs := tl.theme.Holders
	if k <= 0 {
		return hs[0]
	}
	return hs[1+(k-1)%(len(hs)-1)]
}

// SetView sets the canvas size in device pixels, the device scale and
// the theme; it clears the cache when something changed.
func (tl *Timeline) SetView(w, h int, scale float64, theme Theme) {
	fw, fh, fs := float32(w), float32(h), float32(max(scale, 0.5))
	if fw != tl.w || fh != tl.h || fs != tl.scale || theme.Name != tl.theme.Name {
		if theme.Name != tl.theme.Name {
			tl.styles = [3][11]cachedStyle{}
			tl.lastLabel.label, tl.lastLabel.state = "", ""
		}
		tl.w, tl.h, tl.scale, tl.theme = fw, fh, fs, theme
		tl.invalidate()
		tl.ScrollBy(0)
	}
}

// PresenterFontSize is the labels' size in CSS px in presenter mode:
// legible from the back of a classroom on a projector.
const PresenterFontSize = 16

// SetModes sets the timeline's two modes (one call: each costs its bytes
// in the wasm).
//
// In presenter mode every text is PresenterFontSize CSS px, and what holds
// text grows with it: labelled rows, the axis, the spacing of its ticks.
// Bars, markers and margins stay as they are.
//
// With the future hidden nothing is drawn after the playhead: no bar,
// marker, count, text or tooltip says what happens later, so a question
// asked before the run (a lesson's predict block) is not answered by the
// picture. The axis and the lanes' names stay.
func (tl *Timeline) SetModes(presenter, hideFuture bool) {
	font := float32(FontSize)
	if presenter {
		font = PresenterFontSize
	}
	if font != tl.font {
		tl.font = font
		tl.invalidate()
		tl.ScrollBy(0)
	}
	tl.hide = hideFuture // the next frame's playhead (see playhead) moves the cut
}

// grown is css (a size meant for FontSize) grown with the labels, device
// px: the same in the normal mode, a third more in presenter mode.
func (tl *Timeline) grown(css float32) float32 { return tl.px(css * tl.font / FontSize) }

// noCut is the cut of a timeline that draws the whole run.
const noCut = trace.Time(math.MaxInt64)

// playhead sets what is known with the playhead at t: with the future
// hidden, nothing after t. The bars are laid out again when that moves.
func (tl *Timeline) playhead(t trace.Time) {
	cut := noCut
	if tl.hide {
		cut = max(t, 0)
	}
	if cut != tl.cut {
		tl.cut = cut
		tl.static = nil
	}
}

// shownTo is the last moment the plot draws: the window's end, or the
// playhead's when the future is hidden.
func (tl *Timeline) shownTo() trace.Time { return min(tl.to, tl.cut) }

// invalidate drops the cached layout.
func (tl *Timeline) invalidate() {
	tl.static = nil
	tl.rows = nil
}

// SetBand places the timeline in a band of the canvas starting at device
// y top (its height is SetView's h), stretches its axis to span when that
// is longer than the run, and titles it: compare mode stacks two
// timelines with one time axis so their bars line up.
func (tl *Timeline) SetBand(top float32, span trace.Time, title string) {
	if top != tl.top || span != tl.span || title != tl.title {
		tl.top, tl.span, tl.title = top, span, title
		if tl.untouched { // the axis' end moved: open on the same view of it
			tl.open()
		}
		tl.invalidate()
	}
}

// Plot is the area the bars use, in device pixels.
func (tl *Timeline) Plot() (x0, x1, y0, y1 float32) { return tl.plot() }

func (tl *Timeline) px(css float32) float32 { return css * tl.scale }

// plot is the area the bars use.
func (tl *Timeline) plot() (x0, x1, y0, y1 float32) {
	tl.layout()
	return tl.gutter, tl.w - tl.px(padCSS), tl.top + tl.px(axisCSS+tl.font-FontSize), tl.top + tl.h - tl.px(padCSS)
}

// layout places the rows and sizes the gutter for the current view.
func (tl *Timeline) layout() {
	if tl.rows != nil {
		return
	}
	y0, y1 := tl.top+tl.px(axisCSS+tl.font-FontSize), tl.top+tl.h-tl.px(padCSS)
	tl.rows = tl.placeRows(max(y1-y0, 1))
	tl.gutter = tl.sizeGutter()
	tl.labelRows()
}

// charW is the advance of one character of the labels, device px.
func (tl *Timeline) charW() float32 { return tl.px(tl.font) * charWidthEm }

// sizeGutter gives the lane labels the room the longest needs, within a
// third of the canvas (and at least a little more than the narrowest
// phone needs for "event loop").
func (tl *Timeline) sizeGutter() float32 {
	need := tl.px(6) + tl.textWidth(tl.title)
	for _, r := range tl.rows {
		need = max(need, tl.labelX(r)+tl.textWidth(r.name))
	}
	need += tl.px(10)
	most := max(tl.px(110), tl.w*0.34)
	return max(min(max(need, tl.px(minGutterCSS)), most), tl.shared)
}

// Gutter is the width of the lane labels, device px.
func (tl *Timeline) Gutter() float32 {
	tl.layout()
	return tl.gutter
}

// ShareGutter makes the gutter at least g wide: the two runs of compare
// mode share one, so their time axes line up.
func (tl *Timeline) ShareGutter(g float32) {
	if g != tl.shared {
		tl.shared = g
		tl.invalidate()
	}
}

// Lanes is how many lanes the run has.
func (tl *Timeline) Lanes() int { return len(tl.order) }

// labelRows fits the rows' names into the gutter, so that no two read
// the same; rows too thin for text get none.
func (tl *Timeline) labelRows() {
	names := make([]string, len(tl.rows))
	rooms := make([]int, len(tl.rows))
	for i, r := range tl.rows {
		names[i] = r.name
		rooms[i] = int((tl.gutter - tl.labelX(r) - tl.px(4)) / tl.charW())
	}
	labels := laneLabels(names, rooms)
	for i := range tl.rows {
		r := &tl.rows[i]
		r.label = ""
		if r.h >= tl.grown(rowLabelCSS)-0.01 {
			r.label = labels[i]
		}
	}
}

// labelX is where a row's label starts: after a group's toggle and a GIL
// holder's swatch.
func (tl *Timeline) labelX(r row) float32 {
	x := tl.px(6)
	if r.group >= 0 && tl.grouping {
		x += 2 * tl.charW()
	}
	if r.holder >= 0 {
		x += 2 * tl.charW()
	}
	return x
}

// lanesHeight is the height of all rows, device px.
func (tl *Timeline) lanesHeight() float32 {
	tl.layout()
	if len(tl.rows) == 0 {
		return 0
	}
	last := tl.rows[len(tl.rows)-1]
	return last.y + last.h
}

// ScrollBy moves the lanes by dy device pixels, within bounds.
func (tl *Timeline) ScrollBy(dy float32) {
	_, _, y0, y1 := tl.plot()
	maxScroll := max(0, tl.lanesHeight()-(y1-y0))
	s := min(max(tl.scroll+dy, 0), maxScroll)
	if s != tl.scroll {
		tl.scroll = s
		tl.static = nil
	}
}

// Overflows reports whether the lanes are taller than the plot, so they
// scroll.
func (tl *Timeline) Overflows() bool {
	_, _, y0, y1 := tl.plot()
	return tl.lanesHeight() > y1-y0+0.5
}

// end is the end of the run (or the shared axis in compare mode).
func (tl *Timeline) end() trace.Time { return max(tl.tr.Duration, tl.span, trace.Millisecond) }

// minWindow is the narrowest window: 20 µs, so a GIL hand-off of a few
// hundred microseconds can fill the stage.
const minWindow = 20 * trace.Microsecond

// Window is the stretch of the run in view.
func (tl *Timeline) Window() (from, to trace.Time) { return tl.from, tl.to }

// SetWindow sets the stretch in view, kept inside the run and no narrower
// than minWindow.
func (tl *Timeline) SetWindow(from, to trace.Time) {
	end := tl.end()
	w := min(max(to-from, minWindow), end)
	from = min(max(from, 0), end-w)
	tl.untouched = false
	if from != tl.from || from+w != tl.to {
		tl.from, tl.to = from, from+w
		tl.static = nil
	}
}

// Zoomed reports whether the window is narrower than the run.
func (tl *Timeline) Zoomed() bool { return tl.from > 0 || tl.to < tl.end() }

// ZoomAt scales the window by factor (below 1 zooms in) keeping the time
// under device x where it is.
func (tl *Timeline) ZoomAt(x float32, factor float64) {
	at := tl.TimeAt(x)
	w := float64(tl.to - tl.from)
	nw := w * factor
	f := float64(at-tl.from) / w
	from := float64(at) - f*nw
	tl.SetWindow(trace.Time(math.Round(from)), trace.Time(math.Round(from+nw)))
}

// PanBy moves the window by dx device pixels of the plot (positive: later).
func (tl *Timeline) PanBy(dx float32) {
	x0, x1, _, _ := tl.plot()
	dt := trace.Time(math.Round(float64(dx) / float64(x1-x0) * float64(tl.to-tl.from)))
	tl.SetWindow(tl.from+dt, tl.to+dt)
}

// Fit shows the whole run.
func (tl *Timeline) Fit() { tl.SetWindow(0, tl.end()) }

// Follow pans a zoomed window so the playhead stays in view while it
// plays: when t passes the right edge, the window moves on by most of its
// width.
func (tl *Timeline) Follow(t trace.Time) {
	if !tl.Zoomed() || (t >= tl.from && t <= tl.to) {
		return
	}
	w := tl.to - tl.from
	tl.SetWindow(t-w/10, t-w/10+w)
}

// X maps a time to a device x (outside the plot when outside the window).
func (tl *Timeline) X(t trace.Time) float32 {
	if tl.rows == nil {
		tl.layout()
	}
	// The plot's left is the gutter; its right, the margin: no call to
	// plot for each of a big run's tens of thousands of span ends.
	x0, x1 := tl.gutter, tl.w-tl.px(padCSS)
	return x0 + (x1-x0)*float32(float64(t-tl.from)/float64(tl.to-tl.from))
}

// TimeAt maps a device x to a time, clamped to the window.
func (tl *Timeline) TimeAt(x float32) trace.Time {
	x0, x1, _, _ := tl.plot()
	f := float64(min(max((x-x0)/(x1-x0), 0), 1))
	return tl.from + trace.Time(math.Round(f*float64(tl.to-tl.from)))
}

// rowAt returns the row under device y, or -1.
func (tl *Timeline) rowAt(y float32) int {
	_, _, y0, y1 := tl.plot()
	if y < y0 || y >= y1 {
		return -1
	}
	ry := y - y0 + tl.scroll
	lo, hi := 0, len(tl.rows)
	for lo < hi {
		mid := (lo + hi) / 2
		if tl.rows[mid].y+tl.rows[mid].h <= ry {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo >= len(tl.rows) || tl.rows[lo].y > ry {
		return -1
	}
	return lo
}

// LaneAt returns the trace lane under device y (a group's first), or -1.
func (tl *Timeline) LaneAt(y float32) int {
	r := tl.rowAt(y)
	if r < 0 {
		return -1
	}
	return tl.rows[r].lanes[0]
}

// InPlot reports whether a device point is over the bars or the axis,
// where a click scrubs.
func (tl *Timeline) InPlot(x, y float32) bool {
	x0, x1, _, y1 := tl.plot()
	return x >= x0-tl.px(4) && x <= x1+tl.px(4) && y >= tl.top && y < y1
}

// InGutter reports whether a device point is over the lane labels.
func (tl *Timeline) InGutter(x, y float32) bool {
	x0, _, y0, y1 := tl.plot()
	return x >= 0 && x < x0 && y >= y0 && y < y1
}

// ToggleAt opens or closes the group whose label is under the device
// point, and reports whether there was one.
func (tl *Timeline) ToggleAt(x, y float32) bool {
	if !tl.InGutter(x, y) {
		return false
	}
	r := tl.rowAt(y)
	if r < 0 || tl.rows[r].group < 0 || !tl.grouping {
		return false
	}
	open := !tl.rows[r].open
	for _, li := range tl.group(&tl.rows[r]).lanes {
		if open {
			tl.opened[li] = true
		} else {
			delete(tl.opened, li)
		}
	}
	tl.invalidate()
	tl.ScrollBy(0)
	return true
}

// SetHighlight outlines the spans of a line of the code (0: none).
func (tl *Timeline) SetHighlight(line int32) {
	if line != tl.highlight {
		tl.highlight = line
		tl.static = nil
	}
}

// Frame is the display lists of one frame with the playhead at t; hover
// is the pointer (negative when outside). The static list (bars, labels,
// axis) is cached and shared between frames, so a frame only builds the
// overlay: the fade over the future, the playhead and the tooltip. Paint
// them layer by layer.
func (tl *Timeline) Frame(t trace.Time, hoverX, hoverY float32) (static, overlay List) {
	tl.playhead(t)
	if tl.static == nil {
		s := tl.drawStatic()
		s.Font = tl.font
		tl.static = &s
		tl.StaticVersion++
	}
	x0, x1, y0, y1 := tl.plot()
	x := tl.X(t)
	// The future is faded: it has not happened yet (or not drawn at all).
	if x < x1 && !tl.hide {
		fade := tl.theme.Background
		fade.A = 150
		fx := max(x, x0)
		overlay.Rects = append(overlay.Rects, Rect{fx, y0, x1 - fx + 1, y1 - y0, fade})
	}
	if x >= x0-1 && x <= x1+1 {
		overlay.Lines = append(overlay.Lines, Line{x, tl.top + tl.px(4), x, y1, tl.px(2), tl.theme.Playhead})
		tl.playheadLabel(&overlay, t, x)
	}
	if tip := tl.tooltip(hoverX, hoverY); tip != "" {
		tl.addTooltip(&overlay, tip, hoverX, hoverY)
	}
	overlay.Font = tl.font
	return *tl.static, overlay
}

func (tl *Timeline) textWidth(s string) float32 { return float32(runes(s)) * tl.charW() }

// drawStatic lays out what does not move with the playhead: the axis and
// its grid, then every row's bars and markers, then the words over them
// (printed text, labels).
func (tl *Timeline) drawStatic() List {
	var out, glyphs, top List
	tl.layout()
	tl.shown = make([]bool, tl.marks.len())
	tl.drawAxis(&out)
	_, _, y0, y1 := tl.plot()
	for i := range tl.rows {
		r := &tl.rows[i]
		r.drawnTo = 0
		y := y0 + r.y - tl.scroll
		if y+r.h <= y0 || y >= y1 {
			continue
		}
		gap := float32(0)
		if r.h >= tl.px(8) {
			gap = tl.px(2)
		}
		h := min(r.h-gap, y1-y)
		marks := tl.rowMarkers(r)
		words := tl.printTexts(r, marks, y, h)
		if len(r.lanes) == 1 {
			tl.drawLane(&out, r, y, h, words)
		} else {
			tl.drawGroup(&out, r, y, h, words)
		}
		tl.drawRowMarkers(&glyphs, marks, y, h)
		top.Texts = append(top.Texts, words...)
		tl.drawRowLabel(&top, r, y, h)
	}
	out.Append(glyphs)
	out.Append(top)
	tl.drawScrollbar(&out)
	if tl.title != "" {
		title := fit(tl.title, int((tl.gutter-tl.px(12))/tl.charW()))
		out.Texts = append(out.Texts, Text{X: tl.px(6), Y: tl.top + tl.px(7), S: title, Color: tl.theme.Text})
	}
	return out
}

// drawScrollbar shows, when the lanes are taller than the plot, where
// the view is among them, in the right margin: the wheel scrolls them.
func (tl *Timeline) drawScrollbar(out *List) {
	if !tl.Overflows() {
		return
	}
	_, x1, y0, y1 := tl.plot()
	total := tl.lanesHeight()
	x := x1 + tl.px(4)
	w := tl.px(4)
	out.rect(x, y0, w, y1-y0, tl.theme.Grid)
	out.rect(x, y0+(y1-y0)*tl.scroll/total, w, max((y1-y0)*(y1-y0)/total, tl.px(8)), tl.theme.Muted)
}

// drawRowLabel writes a row's label in the gutter: a group's after its
// toggle, a GIL holder's after a swatch of its colour.
func (tl *Timeline) drawRowLabel(out *List, r *row, y, h float32) {
	if r.label == "" {
		return
	}
	th := tl.theme
	ty := y + (h-tl.px(tl.font))/2
	x := tl.px(6)
	if r.group >= 0 && tl.grouping && (!r.open || r.lanes[0] == tl.group(r).lanes[0]) {
		glyph := "►"
		if r.open {
			glyph = "▼"
		}
		out.Texts = append(out.Texts, Text{X: x, Y: ty, S: glyph, Color: th.Muted})
	}
	if r.holder >= 0 {
		s := tl.px(8)
		out.rect(tl.labelX(*r)-2*tl.charW(), y+(h-s)/2, s, s, tl.holderColor(r.holder))
	}
	color := th.Text
	if r.kind != trace.KindLoop && r.kind != trace.KindRequest && r.kind != trace.KindTask {
		color = th.Muted
	}
	out.Texts = append(out.Texts, Text{X: tl.labelX(*r), Y: ty, S: r.label, Color: color})
}

// ParseOptions reads a scenario block's focus= (lane names, separated by
// spaces) and zoom= ("1.0-1.05": the stretch in seconds to open on).
func ParseOptions(focus, zoom string) (Options, error) {
	o := Options{Focus: strings.Fields(focus)}
	if zoom == "" {
		return o, nil
	}
	a, b, ok := strings.Cut(zoom, "-")
	from, errA := strconv.ParseFloat(strings.TrimSpace(a), 64)
	to, errB := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if !ok || errA != nil || errB != nil || from < 0 || to <= from || math.IsInf(to, 0) {
		return o, fmt.Errorf("zoom=%q: want the seconds to show, from-to, such as zoom=1.0-1.05", zoom)
	}
	o.From, o.To = trace.Time(math.Round(from*1e6)), trace.Time(math.Round(to*1e6))
	return o, nil
}
