//go:build browser

package main

import (
	"strings"
	"testing"
)

// TestScaledVerdict: a figure over its budget passes on a machine whose
// reference ran as much slower, and the table says by how much.
func TestScaledVerdict(t *testing.T) {
	ref := &reference{name: "yardstick", short: "load", unit: ms, now: 150, base: 100}
	var tb table
	tb.refs = []*reference{ref}
	tb.scaled("slow but explained", "280 ms", 280, 200, msg, ref)
	tb.scaled("slow beyond the machine", "320 ms", 320, 200, msg, ref)
	tb.add("unscaled", "1", "≤ 2", true)
	if got := tb.missed(); len(got) != 1 || got[0] != "slow beyond the machine" {
		t.Errorf("missed %q, want only the second", got)
	}
	md := tb.markdown()
	for _, want := range []string{"| ≤ 200 ms | ≤ 300 ms (load ×1.50) | ✓ |", "| ≤ 200 ms | ≤ 300 ms (load ×1.50) | ✗ over |", "yardstick 150 ms, baseline 100 ms (load ×1.50)"} {
		if !strings.Contains(md, want) {
			t.Errorf("the table lacks %q:\n%s", want, md)
		}
	}
	ref.base = 0 // no baseline: the budget as it stands
	if got := tb.missed(); len(got) != 2 {
		t.Errorf("without a baseline missed %q, want both", got)
	}
}
