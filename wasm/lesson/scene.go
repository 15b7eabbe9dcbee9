package lesson

import (
	"fmt"
	"slices"
	"strings"

	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/scenario"
)

// The stage's scenes a block may pick with scene=.
const (
	SceneTimeline = "timeline" // lanes of a simulated run (the default)
	SceneGameLoop = "gameloop" // a game's frame loop; mode=asyncio: a simulated event loop drawn as one
	ScenePipeline = "pipeline" // one build pipeline done blocking, async and in parallel
)

var (
	scenes  = []string{SceneTimeline, SceneGameLoop, ScenePipeline}
	options = []string{"scene", "mode", "a", "b"}
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
	return nil
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
