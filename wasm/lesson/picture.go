package lesson

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/report"
	"looplab/wasm/stage/geom"
	"looplab/wasm/stage/svg"
	"looplab/wasm/trace"
)

// pictureWidth is the width the pictures are drawn at, CSS px: about the
// lesson column's on a laptop, so their labels read at the page's size.
const pictureWidth = 640

// picture is a block's default run drawn at build time, as the stage draws
// it, in both themes: the lesson shows it in the block's figure and the
// page in the stage's place until the stage runs.
type picture struct {
	// both is the picture once for both themes, coloured by the
	// palette's classes (see PicturesCSS); light and dark are a document
	// for each theme instead, where the themes' drawings differ in more
	// than colour.
	both, light, dark []byte
	// run is what the page shows beside the stage until the simulator
	// says it (nil for the game, which runs live).
	run *preview
}

// picture draws the block's default run, its colours named by pal;
// hidden draws it with its future hidden, as the stage shows a run a
// lesson's question asks about until the question is answered.
func (b *Block) picture(hidden bool, pal *svg.Palette) (*picture, error) {
	var draw func(o svg.Options) svg.Scene
	p := &picture{}
	o := svg.Options{Width: pictureWidth, HideFuture: hidden}
	switch b.Scene() {
	case ScenePipeline:
		plan, err := pipeline.Parse(b.Code)
		if err != nil {
			return nil, err
		}
		r := pipeline.Run(plan)
		p.run = pipelinePreview(r)
		o.Title, o.Desc = "The build pipeline done three ways, to its end", pipelineDesc(r)
		draw = func(o svg.Options) svg.Scene { return svg.PipelineScene(r, o) }
	case SceneGameLoop:
		if !b.Simulated() {
			params, err := gameloop.Parse(b.Code)
			if err != nil {
				return nil, err
			}
			o.Title = "The game three seconds in, nobody steering"
			o.Desc = "The field, frames per second, this frame's budget and recent frame times."
			draw = func(o svg.Options) svg.Scene {
				g := gameloop.New(params)
				for g.Now() < 3*trace.Second {
					g.Advance(trace.Second/60, gameloop.Input{PointerX: -1, PointerY: -1})
				}
				return svg.GameScene(g, o)
			}
			break
		}
		tr, err := b.run()
		if err != nil {
			return nil, err
		}
		p.run = runPreview(tr, geom.NewTimeline(tr, geom.Options{}), nil)
		p.run.Caption = captionsAt([]*trace.Trace{tr}, 0, hidden)
		o.Title, o.Desc = "The event loop drawn as a game loop, to the run's end", runDesc(tr)
		draw = func(o svg.Options) svg.Scene { return svg.LoopScene(tr, o) }
	default:
		specs, err := b.Specs()
		if err != nil {
			return nil, err
		}
		opts, err := geom.ParseOptions(b.Options["focus"], b.Options["zoom"])
		if err != nil {
			return nil, err
		}
		var trs []*trace.Trace
		for _, spec := range specs {
			tr, err := b.runSpec(spec)
			if err != nil {
				return nil, err
			}
			trs = append(trs, tr)
			run := runPreview(tr, geom.NewTimeline(tr, opts), opts.Focus)
			if p.run == nil {
				p.run = run
			} else {
				p.run.Compare = run
			}
		}
		o.Focus, o.From, o.To = opts.Focus, opts.From, opts.To
		// The stage opens at the end of the block's zoom= (else at 0),
		// and at 0 while a question about the run is open.
		opens := opts.To
		if hidden {
			opens = 0
		}
		p.run.Caption = captionsAt(trs, opens, hidden)
		o.Desc = runDesc(trs[0])
		draw = func(o svg.Options) svg.Scene { return svg.TimelineScene(trs[0], o) }
		if len(trs) == 2 {
			a, bb := b.labels()
			o.Desc = "A: " + runDesc(trs[0]) + " B: " + runDesc(trs[1])
			draw = func(o svg.Options) svg.Scene { return svg.CompareScene(trs[0], trs[1], a, bb, o) }
		}
	}
	o.Height = stageHeight(b.Scene(), p.run)
	if hidden {
		// Nothing the question asks may show: not even the run's length,
		// which a timeline's title gives.
		o.Title = "The run's lanes, before it runs"
		o.Desc = "Its bars wait for your answer to the question."
	}
	scene := draw(o)
	var err error
	if p.both, err = scene.Themes(pal); err != nil {
		p.light, p.dark = scene.Document(pal.Light), scene.Document(pal.Dark)
	}
	return p, nil
}

// labels are a compare block's names of its versions, as the page names
// them.
func (b *Block) labels() (string, string) {
	a, bb := b.Options["a"], b.Options["b"]
	if a == "" {
		a = "first"
	}
	if bb == "" {
		bb = "second"
	}
	return a, bb
}

// runDesc says in words what the picture of a run shows: its length, the
// requests answered and how fast, and the longest stall of the loop.
func runDesc(tr *trace.Trace) string {
	m := report.Measure(tr)
	parts := []string{"Takes " + secs(m.Total)}
	if m.Requests > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d answered, %s median, %s at most", m.Completed, m.Requests, secs(m.LatencyMedian), secs(m.LatencyMax)))
	}
	if m.Stall > 0 {
		why := ""
		if m.StallWhy != "" {
			why = " (" + m.StallWhy + ")"
		}
		parts = append(parts, fmt.Sprintf("loop stalls %s at most, from %s%s", secs(m.Stall), secs(m.StallFrom), why))
	}
	return strings.Join(parts, "; ") + "."
}

// pipelineDesc says what the pipeline's picture shows: each way's total.
func pipelineDesc(r pipeline.Result) string {
	var parts []string
	for _, l := range r.Lanes {
		parts = append(parts, fmt.Sprintf("%s: %.1f min", l.Name, l.Total.Seconds()))
	}
	return strings.Join(parts, "; ") + "."
}

func secs(t trace.Time) string { return strconv.FormatFloat(t.Seconds(), 'f', -1, 64) + " s" }

// The laptop the pictures are drawn for: its window's height, CSS px.
// The page gives the stage a share of it (web/src/figures.js, fitStage),
// and the pictures take the height the stage takes there, so the stage
// takes over from the picture at the same size and layout.
const laptopHeight = 900

// stageHeight is the height fitStage gives the stage on that laptop: a
// row of 22 px for each lane while they fit in rows of 14 px, else for
// each row with alike lanes grouped, within 42 % of the window (half of
// it for a compare block's two runs); the pipeline's rows of 26 px; the
// game's 420 px.
func stageHeight(scene string, run *preview) int {
	compare := run != nil && run.Compare != nil
	limit := laptopHeight * 42 / 100
	if compare {
		limit = laptopHeight / 2
	}
	limit = max(limit, 220)
	want := 420
	switch {
	case scene == ScenePipeline:
		rows := 0
		for _, l := range run.Pipeline {
			rows += l.Workers + 2
		}
		want = 60 + 26*rows
	case scene == SceneTimeline && run != nil:
		lanes, rows, chrome := run.Lanes, run.Rows, 50
		if compare {
			lanes, rows, chrome = lanes+run.Compare.Lanes, rows+run.Compare.Rows, 100
		}
		want = chrome + 22*rows
		if chrome+14*lanes <= limit {
			want = chrome + 22*lanes
		}
	}
	return min(max(want, 140), limit)
}
