//go:build browser

package main

import (
	"fmt"
	"strings"
)

// row is one figure: what was measured, and the budget it must beat.
type row struct {
	figure   string
	measured string
	budget   string
	ok       bool
	scored   bool   // false for figures reported without a budget
	here     string // what the budget column's note says: "absolute", or nothing
	// A figure that depends on the machine's speed is judged by its ratio
	// to a reference measured in the same run: value ≤ limit × ref.scale().
	ref          *reference
	value, limit float64
	unit         func(float64) string
}

type table struct {
	rows []row
	refs []*reference // the references the rows were judged by
}

// add records a figure with a budget: ok says whether it was beaten.
func (t *table) add(figure, measured, budget string, ok bool) {
	t.rows = append(t.rows, row{figure: figure, measured: measured, budget: budget, ok: ok, scored: true})
}

// absolute records a figure with a budget that holds on any machine
// although the figure depends on its speed (Lighthouse's throttled ones).
func (t *table) absolute(figure, measured, budget string, ok bool) {
	t.add(figure, measured, budget, ok)
	t.rows[len(t.rows)-1].here = "absolute"
}

// scaled records a figure that depends on the machine's speed: its budget
// is limit (in unit's terms, at most), scaled by how much slower than the
// baseline machine ref says this one is.
func (t *table) scaled(figure, measured string, value, limit float64, unit func(float64) string, ref *reference) {
	t.rows = append(t.rows, row{figure: figure, measured: measured, budget: "≤ " + unit(limit), scored: true,
		ref: ref, value: value, limit: limit, unit: unit})
}

// note records a figure that has no budget of its own.
func (t *table) note(figure, measured string) {
	t.rows = append(t.rows, row{figure: figure, measured: measured, budget: "(reported)"})
}

// verdict says whether the row beat its budget and, for a scaled row,
// what the budget is on this machine.
func (r row) verdict() (ok bool, here string) {
	if r.ref == nil {
		return r.ok, r.here
	}
	s := r.ref.scale()
	return r.value <= r.limit*s, fmt.Sprintf("≤ %s (%s ×%.2f)", r.unit(r.limit*s), r.ref.short, s)
}

func (t *table) markdown() string {
	var b strings.Builder
	b.WriteString("| figure | measured | budget | on this machine | |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range t.rows {
		ok, here := r.verdict()
		mark := ""
		if r.scored {
			mark = "✓"
			if !ok {
				mark = "✗ over"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.figure, r.measured, r.budget, here, mark)
	}
	if len(t.refs) > 0 {
		var refs []string
		for _, r := range t.refs {
			refs = append(refs, r.String())
		}
		fmt.Fprintf(&b, "\nReferences measured in this run, beside the baseline machine's (scripts/perf/baseline.json): %s. "+
			"A figure with a scale is judged by figure ÷ reference ≤ budget ÷ baseline reference, that is by the budget times the scale.\n",
			strings.Join(refs, "; "))
	}
	return b.String()
}

// missed names the figures over budget; a "… " row is named with the row
// it continues.
func (t *table) missed() []string {
	var out []string
	lead := ""
	for _, r := range t.rows {
		name := r.figure
		if rest, ok := strings.CutPrefix(name, "… "); ok {
			name = lead + ": " + rest
		} else {
			lead = name
		}
		if ok, _ := r.verdict(); r.scored && !ok {
			out = append(out, name)
		}
	}
	return out
}

// Units for scaled rows.
func ms(v float64) string  { return fmt.Sprintf("%.0f ms", v) }
func ms1(v float64) string { return fmt.Sprintf("%.1f ms", v) }

// msg is three significant figures of milliseconds (whole ones from 100).
func msg(v float64) string {
	if v >= 100 {
		return ms(v)
	}
	return fmt.Sprintf("%.3g ms", v)
}
func sec(v float64) string { return fmt.Sprintf("%.2f s", v/1000) }
