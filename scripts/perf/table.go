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
	scored   bool // false for figures reported without a budget
}

type table struct{ rows []row }

// add records a figure with a budget: ok says whether it was beaten.
func (t *table) add(figure, measured, budget string, ok bool) {
	t.rows = append(t.rows, row{figure, measured, budget, ok, true})
}

// note records a figure that has no budget of its own.
func (t *table) note(figure, measured string) {
	t.rows = append(t.rows, row{figure: figure, measured: measured, budget: "(reported)"})
}

func (t *table) markdown() string {
	var b strings.Builder
	b.WriteString("| figure | measured | budget | |\n| --- | --- | --- | --- |\n")
	for _, r := range t.rows {
		mark := ""
		if r.scored {
			mark = "✓"
			if !r.ok {
				mark = "✗ over"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.figure, r.measured, r.budget, mark)
	}
	return b.String()
}

func (t *table) missed() []string {
	var out []string
	for _, r := range t.rows {
		if r.scored && !r.ok {
			out = append(out, r.figure)
		}
	}
	return out
}
