//go:build browser

package main

import (
	"fmt"
	"regexp"
	"strconv"
)

// simBudgets are the simulator's go test -bench figures and their budgets.
var simBudgets = []struct {
	bench, figure string
	budgetMS      float64
}{
	{"BenchmarkLessonScenario", "simulate a lesson-size scenario (go test -bench)", 1},
	{"BenchmarkDefEndpoint10k", "simulate 10,000 requests to a def endpoint (go test -bench)", 50},
	{"BenchmarkGIL1000Threads", "simulate 1,000 CPU-bound threads for 1 s (go test -bench)", 200},
}

// referenceBench is the Go yardstick the simulator's figures are judged
// by (wasm/scenario's, the one its regression check divides by); make
// bench runs it with the others.
const referenceBench = "BenchmarkReference"

// simulatorFigures reads ns/op from go test -bench output (the best of
// repeated runs), the reference's too: each figure's budget is scaled by
// how much slower the reference ran than on the baseline machine.
func simulatorFigures(out string, t *table, ref *reference) error {
	if ns, err := bestNs(out, referenceBench); err == nil {
		ref.now = ns
	}
	for _, b := range simBudgets {
		ns, err := bestNs(out, b.bench)
		if err != nil {
			return err
		}
		t.scaled(b.figure, fmt.Sprintf("%.3g ms", ns/1e6), ns/1e6, b.budgetMS, msg, ref)
	}
	return nil
}

// bestNs is the least ns/op the output reports for a benchmark.
func bestNs(out, bench string) (float64, error) {
	re := regexp.MustCompile(`(?m)^` + bench + `(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)
	best := -1.0
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		ns, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return 0, err
		}
		if best < 0 || ns < best {
			best = ns
		}
	}
	if best < 0 {
		return 0, fmt.Errorf("%s is missing from the benchmark output", bench)
	}
	return best, nil
}
