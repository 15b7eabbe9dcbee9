package lesson

import (
	"looplab/wasm/pipeline"
	"looplab/wasm/report"
	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// preview is what the page shows beside the stage about a block's
// default run (its figures, the legend's entries, the rows the stage
// needs), in the form the simulator answers the page with, so that the
// page shows them before the simulator has started and nothing moves
// when it takes over.
type preview struct {
	Metrics  *report.Metrics `json:"metrics,omitempty"`
	Focus    []report.Focus  `json:"focus,omitempty"`
	States   []string        `json:"states,omitempty"`
	Marks    []string        `json:"marks,omitempty"`
	Duration trace.Time      `json:"duration"`
	Lanes    int             `json:"lanes"`
	Rows     int             `json:"rows"`
	Compare  *preview        `json:"compare,omitempty"`
	// Caption is the sentence under the stage at the moment it opens,
	// one a run (see captionsAt).
	Caption  []string           `json:"caption,omitempty"`
	Pipeline []pipeline.Summary `json:"pipeline,omitempty"`
}

// runPreview is a simulated run's preview; tl is its layout.
func runPreview(tr *trace.Trace, tl *geom.Timeline, focus []string) *preview {
	m := report.Measure(tr)
	return &preview{
		Metrics: &m, Focus: report.FocusLatency(tr, focus, geom.MatchesFocus),
		States: geom.StatesUsed(tr), Marks: geom.MarkKinds(tr), Duration: tr.Duration,
		Lanes: len(tr.Lanes), Rows: tl.GroupedRows(),
	}
}

// pipelinePreview is the pipeline's.
func pipelinePreview(r pipeline.Result) *preview {
	return &preview{Duration: r.Duration, Pipeline: r.Summaries()}
}

// captionsAt are the sentences the stage's caption says of runs at t; with
// soFar (the future hidden) each is said knowing the run only up to t.
func captionsAt(trs []*trace.Trace, t trace.Time, soFar bool) []string {
	var out []string
	for _, tr := range trs {
		known := tr.Duration
		if soFar {
			known = t
		}
		out = append(out, report.Caption(tr, report.NewNarration(tr), t, known))
	}
	return out
}
