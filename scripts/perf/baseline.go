//go:build browser

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
)

// reference is a yardstick measured in the same run as the figures it
// judges: how much slower it ran than on the machine that set the budgets
// (the baseline) is how much slower a figure may be.
type reference struct {
	name  string // what was measured
	short string // how the table's column names it
	unit  func(float64) string
	now   float64 // this run's; 0 when it was not measured
	base  float64 // the baseline machine's; 0 when unknown
}

// scale is now over base, or 1 when either is unknown.
func (r *reference) scale() float64 {
	if r.now <= 0 || r.base <= 0 {
		return 1
	}
	return r.now / r.base
}

func (r *reference) String() string {
	now, base := "not measured", "none"
	if r.now > 0 {
		now = r.unit(r.now)
	}
	if r.base > 0 {
		base = r.unit(r.base)
	}
	return fmt.Sprintf("%s %s, baseline %s (%s ×%.2f)", r.name, now, base, r.short, r.scale())
}

// references are the run's three yardsticks.
type references struct {
	load, cpu, gobench reference
}

func newReferences() *references {
	return &references{
		load: reference{name: "a plain static page as large as index.html, its first contentful paint (cold, median)", short: "load", unit: ms},
		cpu:  reference{name: "a fixed JavaScript workload in the page (median)", short: "CPU", unit: ms1},
		gobench: reference{name: "the Go benchmark BenchmarkReference (best of its runs)", short: "Go",
			unit: func(v float64) string { return fmt.Sprintf("%.0f µs", v/1000) }},
	}
}

// baselineFile is scripts/perf/baseline.json: the references measured on
// the machine that sets the budgets.
type baselineFile struct {
	Note      string  `json:"note"`
	PageLoad  float64 `json:"static_page_fcp_ms"`
	PageCPU   float64 `json:"page_cpu_workload_ms"`
	GoBenchNs float64 `json:"go_reference_ns_per_op"`
}

const baselineNote = "The performance script's references, measured on the machine that set the budgets: " +
	"the first contentful paint of a plain page as large as index.html (cold), a fixed JavaScript workload in the page, " +
	"and the simulator's BenchmarkReference. Figures that depend on the machine's speed are judged by their ratio to these. " +
	"make bench's command with --update-baseline rewrites them."

// loadBaseline fills the references' baseline values from path; a missing
// file leaves them unknown (every scale is then 1).
func (rs *references) loadBaseline(path string) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var f baselineFile
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	rs.load.base, rs.cpu.base, rs.gobench.base = f.PageLoad, f.PageCPU, f.GoBenchNs
	return nil
}

// saveBaseline makes this run's references the baseline (a reference not
// measured keeps its old value) and writes them to path.
func (rs *references) saveBaseline(path string) error {
	for _, r := range []*reference{&rs.load, &rs.cpu, &rs.gobench} {
		if r.now > 0 {
			r.base = r.now
		}
	}
	round := func(v, per float64) float64 { return math.Round(v*per) / per }
	b, err := json.MarshalIndent(baselineFile{baselineNote, round(rs.load.base, 1), round(rs.cpu.base, 10), round(rs.gobench.base, 1)}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
