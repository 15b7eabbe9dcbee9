package scenario

import (
	"math"
	"strings"
)

// numberRange is how far and in what steps a number may be dragged. The
// page clamps to the range and moves by whole steps, and writes a value
// with as many decimals as its step has (deeplink does the same), so a
// value a lesson tells the learner to reach must lie on the step's grid.
func numberRange(lit literal, seconds bool) (lo, hi, step float64) {
	v := lit.value
	up := 4 * v // finite: no literal past 2^53 is scrubbable
	switch {
	case seconds:
		// A duration drags to any fraction, however it is written: a
		// sleep(3) must reach 0.5.
		return 0, max(10, up), durationStep(v)
	case lit.isFloat:
		// A number written with decimals is a quantity, not a count: it
		// steps by its last decimal (1.2 by 0.1), so a drag or the other
		// version of a comparison never rounds it to a whole number.
		step := 0.1
		if i := strings.IndexByte(lit.raw, '.'); i >= 0 && len(lit.raw)-i-1 >= 2 {
			step = 0.01
		}
		return 0, max(10, up), step
	}
	return min(1, v), max(64, up), 1
}

// durationStep is a duration's step: hundredths below a tenth of a
// second (BLOCKING = 0.0 is dragged to 0.05); twentieths up to two
// seconds, so that the short fractions lessons name (0.05, 0.15, 0.25)
// are reachable from cpu(1.5); tenths above. A value written finer than
// that (0.45, 2.25, 1.05) gets the step it needs to sit on the grid.
func durationStep(v float64) float64 {
	switch {
	case v < 0.1:
		return 0.01
	case v > 2 && OnGrid(v, 0.1):
		return 0.1
	case OnGrid(v, 0.05):
		return 0.05
	}
	return 0.01
}

// OnGrid says v is a whole number of steps from 0, give or take the
// rounding of decimal fractions in binary. A value too big for a float
// to hold a fraction of a step is on it.
func OnGrid(v, step float64) bool {
	k := v / step
	if math.IsInf(k, 0) || math.Abs(k) > 1<<52 {
		return true
	}
	return math.Abs(k-math.Round(k)) < 1e-6
}
