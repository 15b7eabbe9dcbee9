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

// simulatorFigures reads ns/op from go test -bench output (the best of
// repeated runs).
func simulatorFigures(out string, t *table) error {
	for _, b := range simBudgets {
		re := regexp.MustCompile(`(?m)^` + b.bench + `(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)
		best := -1.0
		for _, m := range re.FindAllStringSubmatch(out, -1) {
			ns, err := strconv.ParseFloat(m[1], 64)
			if err != nil {
				return err
			}
			if best < 0 || ns < best {
				best = ns
			}
		}
		if best < 0 {
			return fmt.Errorf("%s is missing from the benchmark output", b.bench)
		}
		ms := best / 1e6
		t.add(b.figure, fmt.Sprintf("%.3g ms", ms), fmt.Sprintf("< %g ms", b.budgetMS), ms < b.budgetMS)
	}
	return nil
}
