// Package report turns a trace into what the page shows beside the stage:
// the metrics (latencies, throughput, the longest event-loop stall, time
// spent waiting for the GIL) and a narrated log of the run in plain words.
package report

import (
	"slices"

	"looplab/wasm/trace"
)

// Metrics sum up one run. Times are in µs of virtual time; JSON shows
// seconds, like the trace.
type Metrics struct {
	Total     trace.Time `json:"total"`
	Requests  int        `json:"requests"`
	Completed int        `json:"completed"`
	// Latency of completed requests, from sent to response.
	LatencyMin    trace.Time `json:"latencyMin"`
	LatencyMedian trace.Time `json:"latencyMedian"`
	LatencyMax    trace.Time `json:"latencyMax"`
	// Throughput is completed requests per second of the run.
	Throughput float64 `json:"throughput"`
	// Stall is the longest stretch the event loop could not serve anyone:
	// blocked in a call, running one piece of code, or waiting for the GIL.
	Stall     trace.Time `json:"stall"`
	StallFrom trace.Time `json:"stallFrom"`
	StallWhy  string     `json:"stallWhy,omitempty"`
	// GILWait is the time threads (the loop's included) spent waiting for
	// the GIL, summed over threads.
	GILWait trace.Time `json:"gilWait"`
}

// Measure computes the metrics of a run.
func Measure(tr *trace.Trace) Metrics {
	m := Metrics{Total: tr.Duration, Requests: len(tr.Requests)}
	var lat []trace.Time
	for _, r := range tr.Requests {
		if r.End >= 0 {
			lat = append(lat, r.End-r.Sent)
		}
	}
	m.Completed = len(lat)
	if len(lat) > 0 {
		slices.Sort(lat)
		m.LatencyMin, m.LatencyMax = lat[0], lat[len(lat)-1]
		m.LatencyMedian = median(lat)
		if tr.Duration > 0 {
			m.Throughput = float64(len(lat)) / tr.Duration.Seconds()
		}
	}
	for _, l := range tr.Lanes {
		switch l.Kind {
		case trace.KindLoop:
			from, d, why := longestStall(l.Spans)
			if d > m.Stall {
				m.Stall, m.StallFrom, m.StallWhy = d, from, why
			}
			m.GILWait += timeIn(l.Spans, trace.GILWait)
		case trace.KindThread:
			m.GILWait += timeIn(l.Spans, trace.GILWait)
		}
	}
	return m
}

// stalls are the states in which a loop serves nobody.
func stalls(s trace.State) bool {
	return s == trace.Blocked || s == trace.Run || s == trace.GILWait
}

// longestStall finds the longest stretch of back-to-back stalling spans,
// and names it by its longest span's label.
func longestStall(spans []trace.Span) (from, d trace.Time, why string) {
	for i := 0; i < len(spans); {
		if !stalls(spans[i].State) {
			i++
			continue
		}
		j, longest := i, i
		for j+1 < len(spans) && stalls(spans[j+1].State) && spans[j+1].From == spans[j].To {
			j++
			if spans[j].To-spans[j].From > spans[longest].To-spans[longest].From {
				longest = j
			}
		}
		if s := spans[j].To - spans[i].From; s > d {
			from, d, why = spans[i].From, s, spans[longest].Label
		}
		i = j + 1
	}
	return from, d, why
}

func timeIn(spans []trace.Span, s trace.State) trace.Time {
	var d trace.Time
	for _, sp := range spans {
		if sp.State == s {
			d += sp.To - sp.From
		}
	}
	return d
}

// median is the middle of sorted times (the mean of the middle two of an
// even number).
func median(sorted []trace.Time) trace.Time {
	n := len(sorted)
	if n%2 == 0 {
		return (sorted[n/2-1] + sorted[n/2]) / 2
	}
	return sorted[n/2]
}

// Quantile is the q-quantile (0 to 1) of v by the nearest rank below,
// for frame-time figures; 0 for no values. v is left as it was.
func Quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}
