package pipeline

import "fmt"

// FigureNames are the figures of a pipeline run a lesson's try step may
// name, for errors.
const FigureNames = "total:blocking, total:async, total:parallel, total"

// laneFigures are the figure names of the lanes, in Run's order.
var laneFigures = []string{"total:blocking", "total:async", "total:parallel"}

// Figure reads one figure of the run, in minutes: a way's total time
// (total:blocking, total:async, total:parallel), or total, the slowest
// way's. The lesson compiler checks a try step with it and the page reads
// the run on the stage with it, so both measure the same thing.
func (r Result) Figure(name string) (float64, error) {
	if name == "total" {
		return float64(r.Duration) / float64(Minute), nil
	}
	for i, f := range laneFigures {
		if name == f && i < len(r.Lanes) {
			return float64(r.Lanes[i].Total) / float64(Minute), nil
		}
	}
	return 0, fmt.Errorf("unknown measure %q for the pipeline (known: %s)", name, FigureNames)
}
