package svg

import (
	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// The heights the page gives the scenes that are not timelines, CSS px
// (web/src/figures.js): the game's, and the pipeline's per row and for
// its axis.
const (
	gamePx         = 420
	pipelineRowPx  = 26
	pipelineAxisPx = 60
)

// Pipeline is the picture of the pipeline scene's three ways at their end
// (at their start with the future hidden).
func Pipeline(r pipeline.Result, o Options) []byte { return PipelineScene(r, o).Document(o.theme()) }

// PipelineScene is Pipeline's picture, to draw in any theme.
func PipelineScene(r pipeline.Result, o Options) Scene {
	rows := 0
	for _, l := range r.Lanes {
		rows += l.Workers + 2
	}
	w, h := o.size(pipelineAxisPx + pipelineRowPx*rows)
	at := o.at(r.Duration)
	return Scene{W: w, H: h, Title: o.titled("The build pipeline done three ways"), Desc: o.Desc, draw: func(th geom.Theme) []geom.List {
		l := pipeline.NewLayout(r)
		l.SetView(w, h, 1, th)
		static, overlay := l.Frame(at, -1, -1)
		return []geom.List{static, overlay}
	}}
}

// Loop is the picture of a simulated asyncio program's event loop drawn
// as the game loop's twin, at the run's end.
func Loop(tr *trace.Trace, o Options) []byte { return LoopScene(tr, o).Document(o.theme()) }

// LoopScene is Loop's picture, to draw in any theme.
func LoopScene(tr *trace.Trace, o Options) Scene {
	w, h := o.size(gamePx)
	at := o.at(tr.Duration)
	return Scene{W: w, H: h, Title: o.titled("The event loop drawn as a game loop"), Desc: o.Desc, draw: func(th geom.Theme) []geom.List {
		v := gameloop.NewLoopView(tr)
		v.SetView(w, h, 1, th)
		static, overlay := v.Frame(at)
		return []geom.List{static, overlay}
	}}
}

// Game is the picture of the game as it is now.
func Game(g *gameloop.Game, o Options) []byte { return GameScene(g, o).Document(o.theme()) }

// GameScene is Game's picture, to draw in any theme: the game as it is
// when drawn.
func GameScene(g *gameloop.Game, o Options) Scene {
	w, h := o.size(gamePx)
	return Scene{W: w, H: h, Title: o.titled("The game"), Desc: o.Desc, draw: func(th geom.Theme) []geom.List {
		return []geom.List{g.Draw(w, h, 1, th)}
	}}
}

// size is the picture's width and height: the options', or 800 wide and
// h high.
func (o Options) size(h int) (int, int) {
	w := o.Width
	if w <= 0 {
		w = 800
	}
	if o.Height > 0 {
		h = o.Height
	}
	return w, h
}

func (o Options) theme() geom.Theme {
	if o.Theme.Name == "" {
		return geom.Light
	}
	return o.Theme
}

func (o Options) titled(fallback string) string {
	if o.Title != "" {
		return o.Title
	}
	return fallback
}
