package gameloop

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// LoopView draws an asyncio program's event loop as the game loop's
// HUD draws frames: the loop's current phase, the ready queue, and a
// heartbeat graph whose bars are the gaps between a heartbeat task's
// prints, the asyncio counterpart of frame times.
type LoopView struct {
	tr       *trace.Trace
	loop     int   // the loop lane, -1 if none
	tasks    []int // task and request lanes, which queue on the loop
	beats    []trace.Time
	expected trace.Time   // the heartbeat's interval, see NewLoopView
	yMax     trace.Time   // the graph's top
	wakes    []trace.Time // when each loop iteration began

	p      *pen
	static *geom.List
}

// NewLoopView prepares tr for drawing.
//
// The heartbeat is the prints whose text has "beat" in it (the lesson's
// program prints "beat" from one task), or every print when fewer than two
// do. Its expected interval is the smallest gap between beats, not the
// median: a heartbeat never beats faster than its sleep, while a blocked
// loop only ever makes gaps longer, so the smallest gap is the intended
// one even when most beats are late and the median would be a late one.
func NewLoopView(tr *trace.Trace) *LoopView {
	v := &LoopView{tr: tr, loop: -1, p: newPen(1, 1, 1, geom.Light)}
	for i, l := range tr.Lanes {
		switch l.Kind {
		case trace.KindLoop:
			if v.loop < 0 {
				v.loop = i
			}
		case trace.KindTask, trace.KindRequest:
			v.tasks = append(v.tasks, i)
		}
	}
	for _, pr := range tr.Prints {
		if strings.Contains(strings.ToLower(pr.Text), "beat") {
			v.beats = append(v.beats, pr.T)
		}
	}
	if len(v.beats) < 2 {
		v.beats = v.beats[:0]
		for _, pr := range tr.Prints {
			v.beats = append(v.beats, pr.T)
		}
	}
	sort.Slice(v.beats, func(i, j int) bool { return v.beats[i] < v.beats[j] })
	for i := 1; i < len(v.beats); i++ {
		if d := v.beats[i] - v.beats[i-1]; d > 0 && (v.expected == 0 || d < v.expected) {
			v.expected = d
		}
	}
	v.yMax = 2 * v.expected
	for i := 1; i < len(v.beats); i++ {
		v.yMax = max(v.yMax, v.beats[i]-v.beats[i-1])
	}
	if n := len(v.beats); n > 0 {
		v.yMax = max(v.yMax, tr.Duration-v.beats[n-1])
	}
	v.yMax = max(v.yMax, trace.Millisecond) * 11 / 10
	v.wakes = v.iterations()
	return v
}

// iterations finds when the loop woke up: every instant a task step ended
// or started, and every stretch the loop lane was busy, merged where they
// touch. Zero-time steps leave no spans, only events, so both are needed;
// steps at one instant or inside one busy stretch are one iteration.
func (v *LoopView) iterations() []trace.Time {
	type iv struct{ from, to trace.Time }
	var ivs []iv
	onLoop := map[int]bool{v.loop: true}
	for _, i := range v.tasks {
		onLoop[i] = true
	}
	for _, e := range v.tr.Events {
		switch e.Kind {
		case trace.EvStart, trace.EvAwait, trace.EvBlock, trace.EvEnd, trace.EvCancel, trace.EvError, trace.EvRespond:
			if onLoop[e.Lane] {
				ivs = append(ivs, iv{e.T, e.T})
			}
		}
	}
	if v.loop >= 0 {
		for _, sp := range v.tr.Lanes[v.loop].Spans {
			ivs = append(ivs, iv{sp.From, sp.To})
		}
	}
	sort.Slice(ivs, func(i, j int) bool { return ivs[i].from < ivs[j].from })
	var wakes []trace.Time
	end := trace.Time(-1)
	for _, x := range ivs {
		if len(wakes) == 0 || x.from > end {
			wakes = append(wakes, x.from)
		}
		end = max(end, x.to)
	}
	return wakes
}

// spanAt is lane's span at t, or nil.
func (v *LoopView) spanAt(lane int, t trace.Time) *trace.Span {
	return trace.SpanAt(v.tr.Lanes[lane].Spans, t)
}

// LoopStats are the view's figures at one time, for tests and the page.
type LoopStats struct {
	Iterations int        `json:"iterations"` // loop wake-ups so far
	Beats      int        `json:"beats"`      // heartbeats so far
	LongestGap trace.Time `json:"longestGap"` // between two heartbeats so far
	Expected   trace.Time `json:"expected"`   // the heartbeat's interval
	Phase      string     `json:"phase"`      // "running", "blocked" or "waiting"
	Label      string     `json:"label,omitempty"`
	Running    string     `json:"running,omitempty"` // the task running, if any
	Ready      []string   `json:"ready"`             // tasks waiting for the loop
	Stalled    trace.Time `json:"stalled"`           // blocked for this long so far; 0 when not
}

// Stats reports the loop at t.
func (v *LoopView) Stats(t trace.Time) LoopStats {
	s := LoopStats{Expected: v.expected, Phase: "waiting", Ready: []string{}}
	s.Iterations = sort.Search(len(v.wakes), func(i int) bool { return v.wakes[i] > t })
	s.Beats = sort.Search(len(v.beats), func(i int) bool { return v.beats[i] > t })
	for i := 1; i < s.Beats; i++ {
		s.LongestGap = max(s.LongestGap, v.beats[i]-v.beats[i-1])
	}
	if v.loop >= 0 {
		if sp := v.spanAt(v.loop, t); sp != nil {
			s.Label = sp.Label
			switch sp.State {
			case trace.Blocked:
				s.Phase, s.Stalled = "blocked", t-sp.From
			default:
				s.Phase = "running"
			}
		}
	}
	for _, i := range v.tasks {
		sp := v.spanAt(i, t)
		if sp == nil {
			continue
		}
		switch sp.State {
		case trace.Ready:
			s.Ready = append(s.Ready, v.tr.Lanes[i].Name)
		case trace.Run, trace.Blocked:
			if s.Running == "" {
				s.Running = v.tr.Lanes[i].Name
			}
		}
	}
	return s
}

// SetView sets the canvas in device px, the scale and the theme; the
// cached static list is dropped when one of them changed.
func (v *LoopView) SetView(w, h int, scale float64, theme geom.Theme) {
	p := newPen(w, h, scale, theme)
	if p.w != v.p.w || p.h != v.p.h || p.scale != v.p.scale || theme.Name != v.p.th.Name {
		v.p, v.static = p, nil
	}
}

// loopLayout is the view's rows, device px.
type loopLayout struct {
	diagram, status, ready, banner, graph box
	plot                                  box // the graph's bars
	slot                                  float32
}

func (v *LoopView) layout() loopLayout {
	p := v.p
	pad, gap := p.px(padCSS), p.px(8)
	w := p.w - 2*pad
	var l loopLayout
	y := pad
	l.diagram = box{pad, y, w, p.chipsHeight(v.chips("", ""), w)}
	y = l.diagram.bottom() + gap
	l.status = box{pad, y, w, p.lineH()}
	y = l.status.bottom() + gap
	l.ready = box{pad, y, w, p.lineH()}
	y = l.ready.bottom() + gap
	l.banner = box{pad, y, w, p.px(34)}
	y = l.banner.bottom() + gap
	l.graph = box{pad, y, w, max(p.h-pad-y, 0)}
	l.plot = box{pad, y + 2*p.lineH(), w, max(l.graph.h-2*p.lineH(), 0)}
	// One slot per interval plus the gap after the last beat, no wider
	// than a thick bar, so a short run does not draw slabs.
	l.slot = min(l.plot.w/float32(max(len(v.beats), 1)), p.px(28))
	return l
}

// chips are the loop's two phases; phase is "running", "blocked" or
// "waiting", and a blocked loop is stuck inside a callback.
func (v *LoopView) chips(phase, _ string) []chip {
	th := v.p.th
	run := chip{s: "run ready callbacks", active: phase == "running" || phase == "blocked", color: th.States[trace.Run]}
	if phase == "blocked" {
		run.color = th.LoopStall
	}
	return []chip{run, {s: "wait for I/O (select)", active: phase == "waiting", color: th.Muted}}
}

// Frame is the display lists at t: the static one (the graph's frame and
// expected line) is cached; the overlay is what t changes.
func (v *LoopView) Frame(t trace.Time) (static, overlay geom.List) {
	if v.static == nil {
		v.p.out = geom.List{}
		v.drawStatic(v.layout())
		s := v.p.clip()
		v.static = &s
	}
	v.p.out = geom.List{}
	v.drawOverlay(v.layout(), t)
	return *v.static, v.p.clip()
}

func (v *LoopView) y(l loopLayout, d trace.Time) float32 {
	return l.plot.bottom() - l.plot.h*float32(float64(d)/float64(v.yMax))
}

func (v *LoopView) drawStatic(l loopLayout) {
	p, th := v.p, v.p.th
	what := "every print"
	if v.expected > 0 {
		what = "expected " + msText(int64(v.expected)) + " (the smallest gap)"
	}
	p.text(l.graph.x, l.graph.y, "heartbeat: time between prints", l.graph.w, th.Muted)
	p.text(l.graph.x, l.graph.y+p.lineH(), what+" · red: over 1.5×", l.graph.w, th.Muted)
	if l.plot.h <= 0 {
		return
	}
	p.line(l.plot.x, l.plot.bottom()-0.5, l.plot.right(), l.plot.bottom()-0.5, 1, th.Muted)
	if v.expected > 0 {
		y := v.y(l, v.expected)
		p.dashed(l.plot.x, l.plot.right(), y, max(p.px(1.5), 1), th.Text)
		label := msText(int64(v.expected))
		ly := y - p.font() - p.px(2)
		if ly < l.plot.y {
			ly = y + p.px(2)
		}
		p.textRight(l.plot.right(), ly, label, th.Text)
	}
}

func (v *LoopView) drawOverlay(l loopLayout, t trace.Time) {
	p, th := v.p, v.p.th
	s := v.Stats(t)
	p.flowChips(v.chips(s.Phase, s.Label), l.diagram)

	status, sc := "waiting (select): nothing is ready", th.Muted
	switch s.Phase {
	case "running":
		status, sc = "running callbacks", th.Text
		if s.Running != "" {
			status += ": " + s.Running
		}
		if s.Label != "" {
			status += " · " + s.Label
		}
	case "blocked":
		status, sc = "blocked: "+s.Label, th.LoopStall
	}
	status += fmt.Sprintf(" · iteration %d", s.Iterations)
	p.text(l.status.x, l.status.y, status, l.status.w, sc)

	// The ready queue as chips; what does not fit is counted.
	x := l.ready.x
	label := "ready queue:"
	if len(s.Ready) == 0 {
		label = "ready queue: empty"
	}
	p.text(x, l.ready.y, label, l.ready.w, th.Muted)
	x += p.textW(label) + p.px(6)
	for i, name := range s.Ready {
		more := "+" + strconv.Itoa(len(s.Ready)-i) + " more"
		cw := p.chipW(fit(name, 18))
		if x+cw+p.textW(more) > l.ready.right() && i < len(s.Ready)-1 || x+cw > l.ready.right() {
			p.text(x, l.ready.y+p.px(2), more, l.ready.right()-x, th.Muted)
			break
		}
		p.rect(x, l.ready.y, cw, p.lineH(), th.States[trace.Ready])
		p.text(x+p.px(4), l.ready.y+p.px(2), fit(name, 18), cw, th.Ink(th.States[trace.Ready]))
		x += cw + p.px(4)
	}

	if s.Stalled > 0 {
		b := l.banner
		p.text(b.x, b.y+b.h-p.font(), "loop stalled", b.w, th.LoopStall)
		num := strconv.FormatFloat(s.Stalled.Seconds(), 'f', 2, 64)
		bx := b.x + p.textW("loop stalled ")
		if bx+float32(len(num))*digitW(b.h)+p.textW(" s") <= b.right() {
			end := p.bigNumber(bx, b.y, b.h, num, th.LoopStall)
			p.text(end+p.px(4), b.y+b.h-p.font(), "s", b.right()-end, th.LoopStall)
		}
	}

	if l.plot.h <= 0 || len(v.beats) == 0 {
		return
	}
	bw := l.slot
	if bw >= 3 {
		bw--
	}
	run := th.States[trace.Run]
	for i := 1; i < s.Beats; i++ {
		d := v.beats[i] - v.beats[i-1]
		c := run
		if v.expected > 0 && d*2 > v.expected*3 {
			c = th.LoopStall
		}
		x := l.plot.x + l.slot*float32(i-1)
		p.rect(x, v.y(l, d), bw, l.plot.bottom()-v.y(l, d), c)
	}
	// The gap growing since the last beat: during a stall it climbs red.
	if s.Beats > 0 && s.Beats <= len(v.beats) {
		d := min(t, v.tr.Duration) - v.beats[s.Beats-1]
		if d > 0 {
			c := fade(run, 110)
			if v.expected > 0 && d*2 > v.expected*3 {
				c = fade(th.LoopStall, 160)
			}
			x := l.plot.x + l.slot*float32(s.Beats-1)
			p.rect(x, v.y(l, d), bw, l.plot.bottom()-v.y(l, d), c)
		}
	}
}
