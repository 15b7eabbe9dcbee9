package lesson

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/report"
	"looplab/wasm/trace"
)

// The units of a try step's figure, for the page to write after it.
const (
	unitSeconds  = "s"
	unitMinutes  = "min" // the pipeline's durations
	unitFPS      = "fps"
	unitRequests = "requests"
	unitWarnings = "warnings"
)

// figure runs changed, the block with the step's numbers set, and reads
// the step's measure= from the run: from a simulated trace (figureOf),
// or from the pipeline's or the game's own model.
func (t *Try) figure(changed *Block) (float64, string, error) {
	at := t.at["measure"]
	switch {
	case changed.Scene() == ScenePipeline:
		return pipelineFigure(changed.Code, t.Measure, at)
	case !changed.Simulated():
		return gameFigure(changed.Code, t.Measure, at)
	}
	specs, err := changed.Specs()
	if err != nil {
		return 0, "", err
	}
	spec := specs[0]
	if t.Version == "B" {
		spec = specs[1]
	}
	tr, err := changed.runSpec(spec)
	if err != nil {
		return 0, "", &posError{t.at["set"], fmt.Sprintf("with %s the scenario fails: %v", t.setText(), err)}
	}
	v, unit, err := figureOf(tr, t.Measure)
	if err != nil {
		return 0, "", &posError{at, err.Error()}
	}
	return v, unit, nil
}

// figureOf reads one figure of a simulated run: the predict block's
// (latency:N, done:N, print:N, total, stall; see measureOf), and
//
//	answered   how many requests got a response
//	gil        the time threads spent waiting for the GIL, summed
//	warnings   how many slow-callback warnings asyncio's debug mode gave
//	warning:N  when the Nth of them was given
func figureOf(tr *trace.Trace, m string) (float64, string, error) {
	if arg, ok := strings.CutPrefix(m, "warning:"); ok {
		n, err := strconv.Atoi(arg)
		if err != nil || n < 1 || n > len(tr.Warnings) {
			return 0, "", fmt.Errorf("measure=%s: the run has %d warnings", m, len(tr.Warnings))
		}
		return tr.Warnings[n-1].T.Seconds(), unitSeconds, nil
	}
	switch m {
	case "answered":
		return float64(report.Measure(tr).Completed), unitRequests, nil
	case "gil":
		return report.Measure(tr).GILWait.Seconds(), unitSeconds, nil
	case "warnings":
		return float64(len(tr.Warnings)), unitWarnings, nil
	}
	v, err := measureOf(tr, m)
	if err != nil && strings.HasPrefix(err.Error(), "unknown measure") {
		return 0, "", fmt.Errorf("unknown measure %q (known: latency:N, done:N, print:N, total, stall, answered, gil, warnings, warning:N)", m)
	}
	return v.Seconds(), unitSeconds, err
}

// pipelineFigure reads a figure of the pipeline scene, in minutes (see
// pipeline.Result.Figure).
func pipelineFigure(code, m string, at position) (float64, string, error) {
	plan, err := pipeline.Parse(code)
	if err != nil {
		return 0, "", &posError{at, fmt.Sprintf("the pipeline does not read with these numbers: %v", err)}
	}
	v, err := pipeline.Run(plan).Figure(m)
	if err != nil {
		return 0, "", &posError{at, err.Error()}
	}
	return v, unitMinutes, nil
}

// fpsAfter is when the game's counter is read: after the first second,
// so it counts a whole second, and before the first of the stalls that
// come every 5 s.
const fpsAfter = 3 * trace.Second

// gameFigure reads a figure of the game (see gameloop.Game.Figure) three
// seconds into a game nobody steers.
func gameFigure(code, m string, at position) (float64, string, error) {
	p, err := gameloop.Parse(code)
	if err != nil {
		return 0, "", &posError{at, fmt.Sprintf("the game does not read with these numbers: %v", err)}
	}
	g := gameloop.New(p)
	for g.Now() < fpsAfter {
		g.Advance(trace.Second/60, gameloop.Input{PointerX: -1, PointerY: -1})
	}
	v, err := g.Figure(m)
	if err != nil {
		return 0, "", &posError{at, err.Error()}
	}
	return v, unitFPS, nil
}
