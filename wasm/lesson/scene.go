package lesson

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/scenario"
	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// The stage's scenes a block may pick with scene=.
const (
	SceneTimeline = "timeline" // lanes of a simulated run (the default)
	SceneGameLoop = "gameloop" // a game's frame loop; mode=asyncio: a simulated event loop drawn as one
	ScenePipeline = "pipeline" // one build pipeline done blocking, async and in parallel
)

var (
	scenes  = []string{SceneTimeline, SceneGameLoop, ScenePipeline}
	options = []string{"scene", "mode", "a", "b", "focus", "zoom", "point", "moments"}
	// points are the figures a compare block may name as its point.
	points = []string{"total", "answered", "latency", "throughput", "stall", "gil", "focus"}
)

// Scene is the scene the block asks for.
func (b *Block) Scene() string {
	if s := b.Options["scene"]; s != "" {
		return s
	}
	return SceneTimeline
}

// Simulated says the block's code is a scenario the simulator runs; the
// game and the pipeline are models of their own, set by constants.
func (b *Block) Simulated() bool {
	switch b.Scene() {
	case ScenePipeline:
		return false
	case SceneGameLoop:
		return b.Options["mode"] == "asyncio"
	}
	return true
}

// checkOptions rejects options and combinations the page cannot show, so
// a typo fails the build instead of quietly showing the timeline.
func (b *Block) checkOptions() error {
	for _, name := range sortedKeys(b.Options) {
		if !slices.Contains(options, name) {
			return fmt.Errorf("unknown option %q in the block's info string (known: %s)", name, strings.Join(options, ", "))
		}
	}
	if !slices.Contains(scenes, b.Scene()) {
		return fmt.Errorf("unknown scene %q (known: %s)", b.Scene(), strings.Join(scenes, ", "))
	}
	if m, ok := b.Options["mode"]; ok && (b.Scene() != SceneGameLoop || m != "asyncio") {
		return fmt.Errorf("mode=%s: only scene=gameloop has a mode, asyncio", m)
	}
	if !b.Simulated() && (b.Load != "" || b.Settings != "" || b.Compare != "" || b.CompareSettings != "") {
		return fmt.Errorf("scene=%s takes only its constants: no load, settings or compare sections", b.Scene())
	}
	if b.Scene() != SceneTimeline && (b.Compare != "" || b.CompareSettings != "") {
		return fmt.Errorf("compare mode shows two timelines: it needs scene=timeline")
	}
	if _, err := geom.ParseOptions(b.Options["focus"], b.Options["zoom"]); err != nil {
		return err
	}
	if p, ok := b.Options["point"]; ok {
		if b.Compare == "" && b.CompareSettings == "" {
			return fmt.Errorf("point=%s: only a compare block has a point to make between its versions", p)
		}
		if !slices.Contains(points, p) {
			return fmt.Errorf("point=%s: unknown figure (known: %s)", p, strings.Join(points, ", "))
		}
		if p == "focus" && b.Options["focus"] == "" {
			return fmt.Errorf("point=focus: the block names no focus= lanes whose latency would be its point")
		}
	}
	if _, err := b.Moments(); err != nil {
		return err
	}
	return nil
}

// Moments are the block's moments= in seconds: the times its text talks
// about, where the screenshots of every scenario are taken.
func (b *Block) Moments() ([]float64, error) {
	var out []float64
	for _, f := range strings.Fields(b.Options["moments"]) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || v < 0 || math.IsInf(v, 0) {
			return nil, fmt.Errorf("moments=%q: want seconds separated by spaces, such as moments=\"1.5 4\"", b.Options["moments"])
		}
		out = append(out, v)
	}
	return out, nil
}

// checkView checks the options about the picture against the runs: every
// focus= name is a lane of each (or a group of them), every moment is
// within the runs, and zoom= is inside the longer.
func (b *Block) checkView(runs []*trace.Trace) error {
	opts, _ := geom.ParseOptions(b.Options["focus"], b.Options["zoom"])
	longest := trace.Time(0)
	for i, tr := range runs {
		for _, w := range opts.Focus {
			if !geom.HasFocus(tr, w) {
				return fmt.Errorf("focus=%q: no lane of %s is called %q", b.Options["focus"], version(i, len(runs)), w)
			}
		}
		longest = max(longest, tr.Duration)
	}
	if opts.To > longest {
		return fmt.Errorf("zoom=%s ends after the run (%s s)", b.Options["zoom"], longest.Text())
	}
	moments, _ := b.Moments()
	for _, m := range moments {
		if trace.Time(math.Round(m*1e6)) > longest {
			return fmt.Errorf("moments: %v s is after the run (%s s)", m, longest.Text())
		}
	}
	return nil
}

// version names run i of n for errors: "the run", "version A".
func version(i, n int) string {
	if n == 1 {
		return "the run"
	}
	return "version " + string(rune('A'+i))
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkModel reads the constants of a scene that is not simulated, so a
// typo in them fails the build at its place.
func (b *Block) checkModel() error {
	var err error
	if b.Scene() == ScenePipeline {
		_, err = pipeline.Parse(b.Code)
	} else {
		_, err = gameloop.Parse(b.Code)
	}
	var line, col int
	var msg string
	switch e := err.(type) {
	case nil:
		return nil
	case *pipeline.Error:
		line, col, msg = e.Line, e.Col, e.Msg
	case *gameloop.Error:
		line, col, msg = e.Line, e.Col, e.Msg
	default:
		msg = err.Error()
	}
	return b.locate("code", &scenario.Error{File: "code", Line: line, Col: col, Msg: msg})
}
