package gameloop

import (
	"fmt"
	"strconv"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// Layout sizes, CSS px.
const (
	padCSS       = 10
	gapCSS       = 10
	hudMinCSS    = 300 // the HUD beside the field needs this much width
	sideMinCSS   = 150 // the FPS block beside a stacked field
	narrowHUDCSS = 176 // a narrow HUD: the statistics in three lines, the bar's label with its phase
	fieldMinCSS  = 100 // a field smaller than this is hard to steer in
	barCSS       = 14
	graphMinCSS  = 40
	graphMaxCSS  = 300
)

// gameLayout is where each part goes, device px. A part with no room has
// a zero box and is not drawn.
type gameLayout struct {
	field, fps, bar, graph, diagram box
	legend                          box     // what the colours mean; only where there is room
	bigDigits                       float32 // FPS digit height
}

// widestStats are the statistics under the counter at their widest, so
// their lines do not reflow as the figures change.
var widestStats = []string{"median 999 ms", "p95 999 ms", "missed 9999", "lag 999 ms"}

// fpsHeight is what the FPS block needs in width: the big digits, then
// the statistics in as many lines as they take at their widest.
func (p *pen) fpsHeight(width, digits float32) float32 {
	return digits + p.px(6) + float32(len(p.joinFit(widestStats, width)))*p.lineH()
}

// statsHeight is what the statistics under the counter take in width
// when they have room: as many of their lines as fit, 0 when none does.
func (p *pen) statsHeight(width, room float32) float32 {
	n := len(p.joinFit(widestStats, width))
	k := min(n, int((room-p.px(6))/p.lineH()))
	if k <= 0 {
		return 0
	}
	return p.px(6) + float32(k)*p.lineH()
}

func (p *pen) barHeight() float32 { return p.lineH() + p.px(2+barCSS) }

// layout places the field beside the HUD when the canvas is wide enough;
// otherwise beside a narrow HUD (a phone held upright: a short, narrow
// canvas) or above it (a tall canvas), whichever leaves the field bigger.
func (g *Game) layout(p *pen) gameLayout {
	chips := g.chips("", p.th)
	if l, ok := g.wideLayout(p, chips); ok {
		return l
	}
	l := g.stackedLayout(p, chips)
	if n, ok := g.narrowLayout(p, chips); ok && n.field.w >= l.field.w {
		return n
	}
	return l
}

// wideLayout is the field beside the whole HUD: the counter with its
// statistics, the bar, the graph, the loop diagram and, where there is
// room, the legend.
func (g *Game) wideLayout(p *pen, chips []chip) (gameLayout, bool) {
	pad, gap := p.px(padCSS), p.px(gapCSS)
	W, H := p.w, p.h
	var l gameLayout
	s := H - 2*pad
	hudW := W - 2*pad - gap - s
	if hudW < p.px(hudMinCSS) {
		return l, false
	}
	l.bigDigits = p.px(44)
	hud := box{pad + s + gap, pad, hudW, s}
	fh := p.fpsHeight(hud.w, l.bigDigits)
	dh := p.chipsHeight(chips, hud.w)
	gh := hud.h - fh - p.barHeight() - dh - 3*gap
	if gh < p.lineH()+p.px(graphMinCSS) {
		return l, false
	}
	l.field = box{pad, pad, s, s}
	gh = min(gh, p.lineH()+p.px(graphMaxCSS))
	l.fps = box{hud.x, hud.y, hud.w, fh}
	l.bar = box{hud.x, l.fps.bottom() + gap, hud.w, p.barHeight()}
	l.graph = box{hud.x, l.bar.bottom() + gap, hud.w, gh}
	l.diagram = box{hud.x, l.graph.bottom() + gap, hud.w, dh}
	if l.diagram.bottom()+3*p.lineH() <= hud.bottom() {
		l.legend = box{hud.x, l.diagram.bottom(), hud.w, 3 * p.lineH()}
	}
	return l, true
}

// narrowLayout is the field beside a narrow HUD, as on a phone: the
// counter, the bar and the graph always, then the statistics and the
// loop diagram as far as there is room (the bar's label names the phase
// too). A HUD too short for those three in a column but wide enough for
// two columns (a phone on its side) has the counter and the diagram
// beside the bar and the graph. ok is false when the field would be too
// small to steer in or the HUD does not fit.
func (g *Game) narrowLayout(p *pen, chips []chip) (l gameLayout, ok bool) {
	pad, gap := p.px(padCSS), p.px(gapCSS)
	inner := p.h - 2*pad
	s := min(inner, p.w-2*pad-gap-p.px(narrowHUDCSS))
	if s < p.px(fieldMinCSS) {
		return l, false
	}
	l.bigDigits = p.px(34)
	l.field = box{pad, pad, s, s}
	hud := box{pad + s + gap, pad, p.w - 2*pad - gap - s, inner}
	graphMin := p.lineH() + p.px(graphMinCSS)
	graphMax := p.lineH() + p.px(graphMaxCSS)

	if core := l.bigDigits + p.barHeight() + graphMin + 2*gap; core <= hud.h {
		spare := hud.h - core
		sh := p.statsHeight(hud.w, spare)
		spare -= sh
		l.fps = box{hud.x, hud.y, hud.w, l.bigDigits + sh}
		l.bar = box{hud.x, l.fps.bottom() + gap, hud.w, p.barHeight()}
		var dh float32
		if d := p.chipsHeight(chips, hud.w); d+gap <= spare {
			dh = d
			spare -= d + gap
		}
		l.graph = box{hud.x, l.bar.bottom() + gap, hud.w, min(graphMin+spare, graphMax)}
		if dh > 0 {
			l.diagram = box{hud.x, l.graph.bottom() + gap, hud.w, dh}
		}
		return l, true
	}

	cw := (hud.w - gap) / 2
	if cw < p.px(narrowHUDCSS) || l.bigDigits > hud.h || p.barHeight()+gap+graphMin > hud.h {
		return gameLayout{}, false
	}
	left := box{hud.x, hud.y, cw, hud.h}
	right := box{left.right() + gap, hud.y, hud.w - cw - gap, hud.h}
	l.fps = box{left.x, left.y, cw, l.bigDigits + p.statsHeight(cw, left.h-l.bigDigits)}
	if d := p.chipsHeight(chips, cw); l.fps.bottom()+gap+d <= left.bottom() {
		l.diagram = box{left.x, l.fps.bottom() + gap, cw, d}
	}
	l.bar = box{right.x, right.y, right.w, p.barHeight()}
	l.graph = box{right.x, l.bar.bottom() + gap, right.w, min(right.h-p.barHeight()-gap, graphMax)}
	return l, true
}

// stackedLayout is the field (with the FPS block beside or below it),
// then the bar, the graph and the diagram, for tall canvases. With no
// room for a field worth steering in, the counter goes on top alone.
func (g *Game) stackedLayout(p *pen, chips []chip) gameLayout {
	pad, gap := p.px(padCSS), p.px(gapCSS)
	W, H := p.w, p.h
	var l gameLayout
	l.bigDigits = p.px(34)
	fullW := W - 2*pad
	dh := p.chipsHeight(chips, fullW)
	gmin := p.lineH() + p.px(graphMinCSS+16)
	top := H - 2*pad - p.barHeight() - gmin - dh - 3*gap // for field and FPS block
	sideW := fullW - gap - p.px(sideMinCSS)
	sBeside := min(top, sideW)
	if fh := p.fpsHeight(p.px(sideMinCSS), l.bigDigits); fh > top {
		sBeside = 0
	}
	fhBelow := p.fpsHeight(fullW, l.bigDigits)
	sBelow := min(top-fhBelow-gap, fullW)
	var bottom float32
	switch {
	case sBeside >= sBelow && sBeside >= p.px(fieldMinCSS):
		l.field = box{pad, pad, sBeside, sBeside}
		l.fps = box{pad + sBeside + gap, pad, fullW - sBeside - gap, sBeside}
		bottom = l.field.bottom()
	case sBelow >= p.px(fieldMinCSS):
		l.field = box{pad + (fullW-sBelow)/2, pad, sBelow, sBelow}
		l.fps = box{pad, l.field.bottom() + gap, fullW, fhBelow}
		bottom = l.fps.bottom()
	default:
		l.fps = box{pad, pad, fullW, fhBelow}
		bottom = l.fps.bottom()
	}
	l.bar = box{pad, bottom + gap, fullW, p.barHeight()}
	gh := H - pad - dh - gap - (l.bar.bottom() + gap)
	gh = max(min(gh, p.lineH()+p.px(graphMaxCSS)), 0)
	l.graph = box{pad, l.bar.bottom() + gap, fullW, gh}
	l.diagram = box{pad, l.graph.bottom() + gap, fullW, dh}
	return l
}

// WorldAt maps a device pixel of a w×h canvas to world units of the play
// field, for the pointer; ok is false outside the field.
func (g *Game) WorldAt(w, h int, scale float64, x, y float32) (wx, wy float32, ok bool) {
	f := g.layout(newPen(w, h, scale, geom.Light)).field
	if f.w <= 0 || x < f.x || y < f.y || x > f.right() || y > f.bottom() {
		return -1, -1, false
	}
	return (x - f.x) / f.w, (y - f.y) / f.h, true
}

// Draw lays the scene out on a w×h canvas (device px) at scale device px
// per CSS px: the field with the ship as the last finished frame left it,
// and the HUD about the frame running now.
func (g *Game) Draw(w, h int, scale float64, theme geom.Theme) geom.List {
	p := newPen(w, h, scale, theme)
	g.draw(p)
	return p.clip()
}

func (g *Game) draw(p *pen) {
	l := g.layout(p)
	st := g.Stats()
	if l.field.w > p.px(40) {
		g.drawField(p, l.field)
	}
	g.drawFPS(p, l.fps, l.bigDigits, st)
	g.drawBar(p, l.bar, st)
	g.drawGraph(p, l.graph, st)
	if l.diagram.h > 0 {
		p.flowChips(g.chips(st.Phase, p.th), l.diagram)
	}
	if l.legend.h > 0 {
		y := l.legend.y
		for _, s := range p.joinFit([]string{"a bar per frame: solid = work", "faint = sleep", "red = missed the budget"}, l.legend.w) {
			p.text(l.legend.x, y, s, l.legend.w, p.th.Muted)
			y += p.lineH()
			if y+p.font() > l.legend.bottom() {
				break
			}
		}
	}
}

// phaseColor is a phase's colour in the bar, the graph and the diagram:
// the game's own work in the "running" colour, blocking in the stall
// red, sleeping in the quiet grid colour.
func phaseColor(th geom.Theme, ph Phase) geom.Color {
	switch ph {
	case PhaseBlocking, PhaseStall:
		return th.LoopStall
	case PhaseSleep:
		return th.Muted
	}
	return th.States[trace.Run]
}

func (g *Game) drawField(p *pen, f box) {
	th := p.th
	p.rect(f.x, f.y, f.w, f.h, fade(th.Grid, 70))
	for i := 1; i < 4; i++ { // a grid to see motion against
		x := f.x + f.w*float32(i)/4
		y := f.y + f.h*float32(i)/4
		p.line(x, f.y, x, f.bottom(), 1, th.Grid)
		p.line(f.x, y, f.right(), y, 1, th.Grid)
	}
	p.frame(f, th.Muted)
	at := func(x, y float64) (float32, float32) {
		return f.x + float32(x)*f.w, f.y + float32(y)*f.h
	}
	ship := th.States[trace.Run]
	// The trail: one dot per presented frame, so a late frame leaves a gap.
	dot := max(p.px(3), 2)
	for i, pt := range g.trail {
		x, y := at(pt.x, pt.y)
		p.rect(x-dot/2, y-dot/2, dot, dot, fade(ship, uint8(40+150*(i+1)/len(g.trail))))
	}
	w := g.shown
	tx, ty := at(w.tx, w.ty)
	p.disc(tx, ty, float32(targetR)*f.w, th.States[trace.Ready])
	sx, sy := at(w.x, w.y)
	r := float32(shipR) * f.w
	p.disc(sx, sy, r, ship)
	if v := float32(w.vx*w.vx + w.vy*w.vy); v > 1e-4 {
		// A nose in the direction of travel.
		k := 1.7 * r / sqrt32(v)
		p.line(sx, sy, sx+float32(w.vx)*k, sy+float32(w.vy)*k, max(p.px(2), 1), th.Text)
	}
	// The ghost: where the input asks for now, against where the last
	// frame shown put the ship.
	if hx, hy, ok := g.heading(); ok {
		gx, gy := at(hx, hy)
		p.line(sx, sy, gx, gy, 1, fade(th.Muted, 200))
		p.ring(gx, gy, r, max(p.px(1.5), 1), th.Text)
	}
	fs := p.px(4)
	p.text(f.x+fs, f.y+fs, "score "+strconv.Itoa(w.score), f.w-2*fs, th.Text)
	if d := g.frozenFor(); d > 0 {
		s := "frozen " + msText(int64(d))
		if p.textW(s) <= f.w/2 {
			p.textRight(f.right()-fs, f.y+fs, s, th.LoopStall)
		}
	}
	if hint := "ring: your input now"; f.w >= p.px(200) {
		p.text(f.x+fs, f.bottom()-fs-p.font(), hint, f.w-2*fs, th.Muted)
	}
}

// frozenFor is how long the picture has not changed, when that is longer
// than a frame and a half; 0 otherwise.
func (g *Game) frozenFor() trace.Time {
	if g.frames == 0 {
		return 0
	}
	if d := g.now - g.lastPresent; d > g.budget*3/2 {
		return d
	}
	return 0
}

func sqrt32(v float32) float32 {
	x := v
	for range 20 {
		x = (x + v/x) / 2
	}
	return x
}

func (g *Game) drawFPS(p *pen, b box, dh float32, st Stats) {
	th := p.th
	c := th.Text
	if st.Frames > 0 && st.FPS*10 < g.p.FPS*9 {
		c = th.LoopStall
	}
	num := strconv.Itoa(st.FPS)
	x := p.bigNumber(b.x, b.y, dh, num, c)
	x += p.px(8)
	if x+p.textW("target 240") <= b.right() {
		p.text(x, b.y, "target "+strconv.Itoa(g.p.FPS), b.right()-x, th.Muted)
	}
	p.text(x, b.y+dh-p.font(), "FPS", b.right()-x, c)
	parts := []string{
		"median " + msText(int64(st.Median)),
		"p95 " + msText(int64(st.P95)),
		"missed " + strconv.Itoa(st.OverBudget),
		"lag " + msText(int64(st.InputLag)),
	}
	y := b.y + dh + p.px(6)
	for _, s := range p.joinFit(parts, b.w) {
		if y+p.font() > b.bottom() {
			break
		}
		p.text(b.x, y, s, b.w, th.Text)
		y += p.lineH()
	}
}

// drawBar is the current frame against its budget: the frame's plan
// faintly, what has run so far solidly, red past the budget mark.
func (g *Game) drawBar(p *pen, b box, st Stats) {
	th := p.th
	over := st.Elapsed > g.budget
	lc, late := th.Text, ""
	if over {
		lc, late = th.LoopStall, " · late"
	}
	// The longest label that fits: a narrow HUD drops "this frame", then
	// the phase (which the diagram, if any, and the bar's colours show).
	el, bud := msText(int64(st.Elapsed)), msText(int64(g.budget))
	p.text(b.x, b.y, p.firstFit(b.w,
		fmt.Sprintf("this frame %s of %s · %s%s", el, bud, st.Phase, late),
		fmt.Sprintf("%s of %s · %s%s", el, bud, st.Phase, late),
		fmt.Sprintf("%s of %s%s", el, bud, late),
		fmt.Sprintf("%s of %s", el, bud)), b.w, lc)
	ty := b.y + p.lineH() + p.px(2)
	th2 := p.px(barCSS)
	span := g.budget * 3 / 2 // the track shows half a budget beyond it
	X := func(t trace.Time) float32 {
		return b.x + b.w*float32(min(float64(t)/float64(span), 1))
	}
	p.rect(b.x, ty, b.w, th2, fade(th.Grid, 120))
	for _, seg := range g.segments(g.started > 0 && g.cur.stall) {
		c := phaseColor(th, seg.phase)
		p.rect(X(seg.from), ty, X(seg.to)-X(seg.from), th2, fade(c, 60))
		if seg.from < st.Elapsed {
			p.rect(X(seg.from), ty, X(min(seg.to, st.Elapsed))-X(seg.from), th2, c)
		}
	}
	if over {
		p.rect(X(g.budget), ty, X(st.Elapsed)-X(g.budget), th2, th.LoopStall)
	}
	mx := X(g.budget)
	p.line(mx, ty-p.px(2), mx, ty+th2+p.px(2), max(p.px(2), 1), th.Text)
}

// drawGraph is the last frames' times, one bar each (work solid, sleep
// faint, red when the work alone missed the budget), the running frame
// growing at the right, and the budget as a dashed line.
func (g *Game) drawGraph(p *pen, b box, st Stats) {
	th := p.th
	p.text(b.x, b.y, p.firstFit(b.w, fmt.Sprintf("frame times, last %d frames", keepFrames), fmt.Sprintf("last %d frames", keepFrames)), b.w, th.Muted)
	pl := box{b.x, b.y + p.lineH(), b.w, b.h - p.lineH()}
	if pl.h <= 0 {
		return
	}
	yMax := 2 * g.budget
	for _, f := range st.FrameTimes {
		yMax = max(yMax, f.Interval)
	}
	yMax = max(yMax, st.Elapsed) * 11 / 10
	Y := func(t trace.Time) float32 { return pl.bottom() - pl.h*float32(float64(t)/float64(yMax)) }
	slot := pl.w / (keepFrames + 1)
	bw := slot
	if slot >= 3 {
		bw = slot - 1
	}
	run := th.States[trace.Run]
	first := keepFrames - len(st.FrameTimes)
	for i, f := range st.FrameTimes {
		x := pl.x + slot*float32(first+i)
		c := run
		if f.Cost > g.budget {
			c = th.LoopStall
		}
		p.rect(x, Y(f.Cost), bw, pl.bottom()-Y(f.Cost), c)
		p.rect(x, Y(f.Interval), bw, Y(f.Cost)-Y(f.Interval), fade(run, 70))
	}
	if g.started > 0 {
		c := fade(phaseColor(th, st.Phase), 150)
		if st.Elapsed > g.budget {
			c = th.LoopStall
		}
		x := pl.x + slot*keepFrames
		p.rect(x, Y(st.Elapsed), bw, pl.bottom()-Y(st.Elapsed), c)
	}
	p.line(pl.x, pl.bottom()-0.5, pl.right(), pl.bottom()-0.5, 1, th.Muted)
	by := Y(g.budget)
	p.dashed(pl.x, pl.right(), by, max(p.px(1.5), 1), th.Text)
	label := msText(int64(g.budget))
	ly := by - p.font() - p.px(2)
	if ly < pl.y {
		ly = by + p.px(2)
	}
	p.textRight(pl.right(), ly, label, th.Text)
	// The graph's bars may reach the label: it keeps a patch of background.
	last := &p.out.Texts[len(p.out.Texts)-1]
	last.Bg, last.Pad = th.Background, p.px(2)
}

// chips are the loop diagram's boxes, the running phase highlighted; the
// stall has its own box only when the code asks for stalls.
func (g *Game) chips(now Phase, th geom.Theme) []chip {
	phases := []Phase{PhaseInput, PhaseUpdate, PhaseBlocking, PhaseStall, PhaseRender, PhaseSleep}
	var out []chip
	for _, ph := range phases {
		if ph == PhaseStall && (g.p.Stall == 0 || g.p.StallEvery == 0) {
			continue
		}
		out = append(out, chip{s: string(ph), active: ph == now, color: phaseColor(th, ph)})
	}
	return out
}
