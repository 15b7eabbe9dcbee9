package pipeline

import (
	"math"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// Sizes in CSS pixels; the layout multiplies them by the device scale.
const (
	gutterCSS   = 84 // row names: "machine 12" fits
	axisCSS     = 22 // time axis on top
	padCSS      = 12 // right and bottom margin
	textXCSS    = 6  // left margin of the gutter's texts
	lineCSS     = 16 // one line of a lane's header
	groupGapCSS = 8  // between lanes
	maxRowCSS   = 30 // a worker row, gap included
	minTickCSS  = 72 // least space between axis ticks
	fontCSS     = geom.FontSize
	charWidthEm = 0.6
	// The waits in flight are thin rows: half a worker row each, and the
	// band of them at most waitBandMax worker rows, so fifty features
	// waiting at once do not push the workers off a phone.
	waitRowWeight = 0.5
	waitBandMax   = 2.5
)

// Layout draws a Result: per lane a header (name, features shipped, total
// and utilisation) above its rows of bars, all against one time axis.
// Geometry is computed once per view and the static picture once per view
// too; a frame adds only what moves with the playhead.
type Layout struct {
	r        Result
	w, h     float32
	scale    float32
	theme    geom.Theme
	twoLines bool // headers too wide for one line take two
	nameCol  int  // characters of the names' column in one-line headers
	groups   []group
	bottom   float32 // of the last lane's rows
	static   *geom.List
}

// group is one lane's place on the canvas.
type group struct {
	top   float32  // of the header
	rows  []rowBox // in the lane's row order
	waitY float32  // the band of waits in flight (async lane), when waitH > 0
	waitH float32
}

// rowBox is one row's bars area, gap excluded.
type rowBox struct{ y, h float32 }

// NewLayout prepares r for drawing.
func NewLayout(r Result) *Layout {
	return &Layout{r: r, scale: 1, theme: geom.Light}
}

// SetView sets the canvas size in device pixels, the device scale and the
// theme; it recomputes the geometry and clears the cache when something
// changed.
func (l *Layout) SetView(w, h int, scale float64, theme geom.Theme) {
	fw, fh, fs := float32(max(w, 1)), float32(max(h, 1)), float32(max(scale, 0.5))
	if fw == l.w && fh == l.h && fs == l.scale && theme.Name == l.theme.Name && l.groups != nil {
		return
	}
	l.w, l.h, l.scale, l.theme = fw, fh, fs, theme
	l.static = nil
	l.arrange()
}

func (l *Layout) px(css float32) float32 { return css * l.scale }

func (l *Layout) charWidth() float32 { return l.px(fontCSS) * charWidthEm }

func (l *Layout) textWidth(s string) float32 { return float32(len([]rune(s))) * l.charWidth() }

// chars is how many characters fit in width w.
func (l *Layout) chars(w float32) int { return max(int(w/l.charWidth()), 0) }

// plot is the bars' horizontal extent and the top of the lanes. The gutter
// gives way on very small canvases so the bars keep most of the width.
func (l *Layout) plot() (x0, x1, y0 float32) {
	x0 = min(l.px(gutterCSS), l.w*0.3)
	x1 = max(l.w-l.px(padCSS), x0+1)
	return x0, x1, min(l.px(axisCSS), l.h*0.2)
}

// end is the time at the plot's right edge.
func (l *Layout) end() trace.Time { return max(l.r.Duration, trace.Millisecond) }

// X maps a time to a device x.
func (l *Layout) X(t trace.Time) float32 {
	x0, x1, _ := l.plot()
	return x0 + (x1-x0)*float32(float64(t)/float64(l.end()))
}

// TimeAt maps a device x to a time, clamped to the run.
func (l *Layout) TimeAt(x float32) trace.Time {
	x0, x1, _ := l.plot()
	f := float64(min(max((x-x0)/(x1-x0), 0), 1))
	return trace.Time(math.Round(f * float64(l.end())))
}

// InPlot reports whether a device point is over the bars or the axis,
// where a click scrubs.
func (l *Layout) InPlot(x, y float32) bool {
	x0, x1, _ := l.plot()
	return x >= x0-l.px(4) && x <= x1+l.px(4) && y >= 0 && y < l.bottom
}

// arrange places the lanes: headers of one or two lines, then rows that
// share the height left, up to a comfortable maximum.
func (l *Layout) arrange() {
	_, _, y0 := l.plot()
	avail := l.h - y0 - l.px(padCSS)
	l.twoLines = !l.fitsOneLine()
	lines := float32(1)
	if l.twoLines {
		lines = 2
	}
	n := float32(len(l.r.Lanes))
	gap := l.px(groupGapCSS)
	var weight float32
	for _, ln := range l.r.Lanes {
		weight += laneWeight(ln)
	}
	weight = max(weight, 1)
	unit := (avail - n*lines*l.px(lineCSS) - (n-1)*gap) / weight
	if unit < l.px(4) && l.twoLines {
		// Too little height for two-line headers: one line each, texts
		// shortened, so the bars stay visible.
		lines, l.twoLines = 1, false
		unit = (avail - n*l.px(lineCSS) - (n-1)*gap) / weight
	}
	if unit < l.px(4) {
		gap = 0
		unit = (avail - n*l.px(lineCSS)) / weight
	}
	unit = min(max(unit, 0), l.px(maxRowCSS))
	l.nameCol = l.nameColumn()
	if !l.twoLines {
		// Names give way to the counter and the shortest totals.
		room := l.chars(l.w - l.px(textXCSS) - l.px(padCSS))
		for i := range l.r.Lanes {
			forms := l.stats(i)
			rest := 2 + len([]rune(l.counter(i, 0))) + 2 + len([]rune(forms[len(forms)-1]))
			l.nameCol = max(min(l.nameCol, room-rest), 0)
		}
	}
	l.groups = l.groups[:0]
	y := y0
	for i, ln := range l.r.Lanes {
		if i > 0 {
			y += gap
		}
		g := group{top: y}
		y += lines * l.px(lineCSS)
		slots := 0
		for _, row := range ln.Rows {
			if row.Waits {
				slots++
			}
		}
		slotH := float32(0)
		if slots > 0 {
			slotH = unit * min(waitRowWeight*float32(slots), waitBandMax) / float32(slots)
		}
		for _, row := range ln.Rows {
			h := unit
			if row.Waits {
				h = slotH
				if g.waitH == 0 {
					g.waitY = y
				}
				g.waitH += h
			}
			// A gap between rows while they are tall enough to spare it.
			inner := h
			switch {
			case h >= l.px(8):
				inner = h - l.px(2)
			case h >= l.px(3):
				inner = h - l.px(1)
			}
			g.rows = append(g.rows, rowBox{y, inner})
			y += h
		}
		l.groups = append(l.groups, g)
	}
	l.bottom = min(y, l.h)
}

// laneWeight is a lane's height in worker rows.
func laneWeight(ln Lane) float32 {
	var w float32
	slots := 0
	for _, r := range ln.Rows {
		if r.Waits {
			slots++
		} else {
			w++
		}
	}
	return w + min(waitRowWeight*float32(slots), waitBandMax)
}

// fitsOneLine reports whether every header fits on one line at full
// length: name, counter and the short form of the totals.
func (l *Layout) fitsOneLine() bool {
	room := l.chars(l.w - l.px(textXCSS) - l.px(padCSS))
	for i := range l.r.Lanes {
		need := l.nameColumn() + 2 + len([]rune(l.counter(i, 0))) + 2 + len([]rune(l.stats(i)[2]))
		if need > room {
			return false
		}
	}
	return true
}

// nameColumn is the widest lane name in characters, so the counters line up.
func (l *Layout) nameColumn() int {
	n := 0
	for _, ln := range l.r.Lanes {
		n = max(n, len([]rune(ln.Name)))
	}
	return n
}

// spanAt finds the bar under a device point.
func (l *Layout) spanAt(x, y float32) (lane int, s Span, ok bool) {
	x0, x1, _ := l.plot()
	if x < x0 || x > x1 {
		return 0, Span{}, false
	}
	t := l.TimeAt(x)
	for gi, g := range l.groups {
		for ri, b := range g.rows {
			if y < b.y || y >= b.y+b.h {
				continue
			}
			for _, sp := range l.r.Lanes[gi].Rows[ri].Spans {
				if sp.From <= t && t < sp.To {
					return gi, sp, true
				}
			}
			return 0, Span{}, false
		}
	}
	return 0, Span{}, false
}
