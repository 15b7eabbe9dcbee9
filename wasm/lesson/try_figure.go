package lesson

import (
	"fmt"

	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/report"
	"looplab/wasm/trace"
)

// The units of a try step's figure, for the page to write after it.
const (
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

// figureOf reads one figure of a simulated run, the way the page reads
// the run on the stage (see report.Figure), with its unit.
func figureOf(tr *trace.Trace, m string) (float64, string, error) {
	v, err := report.Figure(tr, m)
	return v, report.FigureUnit(m), err
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

// gameFigure reads a figure of the game a few seconds into a game
// nobody steers (see gameloop.FigureOf).
func gameFigure(code, m string, at position) (float64, string, error) {
	p, err := gameloop.Parse(code)
	if err != nil {
		return 0, "", &posError{at, fmt.Sprintf("the game does not read with these numbers: %v", err)}
	}
	v, err := gameloop.FigureOf(p, m)
	if err != nil {
		return 0, "", &posError{at, err.Error()}
	}
	return v, unitFPS, nil
}
