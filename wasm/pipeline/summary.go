package pipeline

import "looplab/wasm/trace"

// Summary is one way of doing the pipeline as the page reports it beside
// the stage: the playground's answer and the build's preview both give it.
type Summary struct {
	Name        string     `json:"name"`
	Workers     int        `json:"workers"`
	Total       trace.Time `json:"total"` // minutes shown as seconds: a minute plays in a second
	Utilisation float64    `json:"utilisation"`
	Fastest     bool       `json:"fastest"`
}

// Summaries are the result's ways, in order.
func (r Result) Summaries() []Summary {
	var out []Summary
	for _, l := range r.Lanes {
		out = append(out, Summary{l.Name, l.Workers, l.Total, l.Utilisation, l.Fastest})
	}
	return out
}
