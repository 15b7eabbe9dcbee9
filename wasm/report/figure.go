package report

import (
	"errors"
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
//	warnings    how many slow-callback warnings asyncio's debug mode gave
//	warning:N   when the Nth of them was given (s)
//
// (Figure is in the wasm, where every call costs its bytes: it looks its
// name up once, in figures, and divides rather than call Seconds.)
var figures = [...]string{"total", "latency", "stall", "gil", "answered", "throughput", "done", "print", "warnings", "warning"}

// Figure measures the figure called name in tr: seconds, or a count or a
// rate for answered and throughput (see FigureUnit).
func Figure(tr *trace.Trace, name string) (float64, error) {
	kind, arg, nth := strings.Cut(name, ":")
	k := 0
	for k < len(figures) && figures[k] != kind {
		k++
	}
	s := float64(trace.Second)
	switch {
	case !nth && k < 6:
		m := Measure(tr)
		if k == 1 && m.Completed == 0 {
			return 0, errors.New("measure=latency: no request was answered")
		}
		return [...]float64{float64(m.Total) / s, float64(m.LatencyMedian) / s, float64(m.Stall) / s,
			float64(m.GILWait) / s, float64(m.Completed), m.Throughput}[k], nil
	case !nth && k == 8:
		return float64(len(tr.Warnings)), nil
	case nth && (k == 1 || k == 6 || k == 7 || k == 9): // latency:N, done:N, print:N, warning:N
		n, err := strconv.Atoi(arg)
		count, what := len(tr.Requests), " requests"
		switch k {
		case 7:
			count, what = len(tr.Prints), " prints"
		case 9:
			count, what = len(tr.Warnings), " warnings"
		}
		switch {
		case err != nil || n < 1 || n > count:
			return 0, errors.New("measure=" + name + ": the run has " + strconv.Itoa(count) + what)
		case k == 7:
			return float64(tr.Prints[n-1].T) / s, nil
		case k == 9:
			return float64(tr.Warnings[n-1].T) / s, nil
		}
		r := tr.Requests[n-1]
		switch {
		case r.End < 0:
			return 0, errors.New("measure=" + name + ": that request never got a response")
		case k == 6:
			return float64(r.End) / s, nil
		}
		return float64(r.End-r.Sent) / s, nil
	}
	return 0, errors.New("unknown measure " + strconv.Quote(name) +
		" (known: latency:N, latency, done:N, print:N, total, stall, gil, answered, throughput, warnings, warning:N)")
}

// FigureUnit is what the figure called name counts: "s" for times,
// "requests" for answered, "requests/s" for throughput, "warnings" for
// warnings.
func FigureUnit(name string) string {
	switch name {
	case "answered":
		return "requests"
	case "throughput":
		return "requests/s"
	case "warnings":
		return "warnings"
	}
	return "s"
}
