package report

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// Figures are what a lesson asks of a run by name: a predict block's
// measure= when the lesson is built, and the page, through the stage's
// measure call, for the run on screen when the learner checks an answer.
// One definition for both, so the verdict a learner sees comes from the
// run they watched, measured the way the build checked the lesson.
//
//	latency:N   the Nth request's latency, in the order they were sent (s)
//	latency     the median latency of the answered requests (s)
//	done:N      when the Nth request (in sending order) was answered (s)
//	print:N     when the Nth line was printed (s)
//	total       how long the whole run took (s)
//	stall       the longest event-loop stall (s)
//	gil         the time threads spent waiting for the GIL, summed (s)
//	answered    how many requests were answered (a count)
//	throughput  requests answered per second of the run
const figureNames = "latency:N, latency, done:N, print:N, total, stall, gil, answered, throughput"

// Figure measures the figure called name in tr: seconds, or a count or a
// rate for answered and throughput (see FigureUnit).
func Figure(tr *trace.Trace, name string) (float64, error) {
	kind, arg, nth := strings.Cut(name, ":")
	pick := func(limit int, what string) (int, error) {
		n, err := strconv.Atoi(arg)
		if err != nil || n < 1 || n > limit {
			return 0, fmt.Errorf("measure=%s: the run has %d %s", name, limit, what)
		}
		return n - 1, nil
	}
	switch {
	case nth && (kind == "latency" || kind == "done"):
		i, err := pick(len(tr.Requests), "requests")
		if err != nil {
			return 0, err
		}
		r := tr.Requests[i]
		if r.End < 0 {
			return 0, fmt.Errorf("measure=%s: that request never got a response", name)
		}
		if kind == "done" {
			return r.End.Seconds(), nil
		}
		return (r.End - r.Sent).Seconds(), nil
	case nth && kind == "print":
		i, err := pick(len(tr.Prints), "prints")
		if err != nil {
			return 0, err
		}
		return tr.Prints[i].T.Seconds(), nil
	case nth:
	case name == "total":
		return tr.Duration.Seconds(), nil
	case name == "latency", name == "stall", name == "gil", name == "answered", name == "throughput":
		m := Measure(tr)
		switch name {
		case "latency":
			if m.Completed == 0 {
				return 0, fmt.Errorf("measure=latency: no request was answered")
			}
			return m.LatencyMedian.Seconds(), nil
		case "stall":
			return m.Stall.Seconds(), nil
		case "gil":
			return m.GILWait.Seconds(), nil
		case "answered":
			return float64(m.Completed), nil
		}
		return m.Throughput, nil
	}
	return 0, fmt.Errorf("unknown measure %q (known: %s)", name, figureNames)
}

// FigureUnit is what the figure called name counts: "s" for times,
// "requests" for answered, "requests/s" for throughput.
func FigureUnit(name string) string {
	switch name {
	case "answered":
		return "requests"
	case "throughput":
		return "requests/s"
	}
	return "s"
}
