package lesson

import (
	"fmt"
	"math"
	"strings"

	"looplab/wasm/deeplink"
	"looplab/wasm/scenario"
)

// resolve does what the try step asks, as the page will: it sets the
// numbers in the scenario's code (the compared version's follow by id),
// runs it, and checks the figure against the text's expect=.
func (t *Try) resolve(blocks []*Block) error {
	if t.Scenario < 0 || t.Scenario >= len(blocks) {
		if t.explicit {
			return &posError{t.at["scenario"], fmt.Sprintf("scenario=%d: the lesson has %d scenario blocks", t.Scenario+1, len(blocks))}
		}
		return &posError{t.at[""], "a try block needs a scenario block above it (or scenario=N)"}
	}
	b := blocks[t.Scenario]
	if t.Version != "" && b.Compare == "" && b.CompareSettings == "" {
		return &posError{t.at["version"], fmt.Sprintf("version=%s: scenario %d is not a compare block; it has one version", t.Version, t.Scenario+1)}
	}
	changed, err := t.change(b)
	if err != nil {
		return err
	}
	v, unit, err := t.figure(changed)
	if err != nil {
		return err
	}
	t.Measured, t.Unit = math.Round(v*1000)/1000, unit
	if !near(t.Expect, v, unit) {
		return &posError{t.at["expect"], fmt.Sprintf("with %s the run measures %s%s = %s %s, not %s (%s)",
			t.setText(), t.Measure, t.versionText(), trimFloat(t.Measured), unit, trimFloat(t.Expect), tolerance(unit))}
	}
	return nil
}

// change is block b with the step's numbers set as the page sets them:
// in the first version, which the compared version's numbers follow by
// id (version=B only picks the run the figure is read from); a number
// only a second version with code of its own has is set there.
// Ids that start with load. are the requests'.
func (t *Try) change(b *Block) (*Block, error) {
	changed := *b
	var err error
	changed.Code, changed.Load, err = t.apply(b.Code, b.Load, "the scenario")
	if err != nil {
		if t.Version != "B" || b.Compare == "" {
			return nil, err
		}
		changed = *b
		changed.Compare, changed.Load, err = t.apply(b.Compare, b.Load, "version B")
		return &changed, err
	}
	if b.Compare != "" {
		changed.Compare = follow(b.Compare, changed.Code)
	}
	return &changed, nil
}

// numbersOf lists the scrubbable numbers of code and of load, as the
// page offers them.
func numbersOf(code, load string) ([]scenario.Number, error) {
	nums, err := scenario.Numbers(code)
	if err != nil || load == "" {
		return nums, err
	}
	more, err := scenario.LoadNumbers(load)
	return append(nums, more...), err
}

// apply sets the step's numbers in code and load and checks that the
// page could set them: each id is a scrubbable number, each value inside
// its range and on its step (reachable by dragging from the value in the
// text), and different from it. where names the code in errors.
func (t *Try) apply(code, load, where string) (string, string, error) {
	at := t.at["set"]
	nums, err := numbersOf(code, load)
	if err != nil {
		return "", "", &posError{at, fmt.Sprintf("the scenario's numbers cannot be read: %v", err)}
	}
	var links []deeplink.Number
	for _, s := range t.Set {
		n, ok := numberByID(nums, s.ID)
		switch {
		case !ok:
			return "", "", &posError{at, fmt.Sprintf("set: %s has no number %q (it has %s)", where, s.ID, idList(nums))}
		case s.Value < n.Min || s.Value > n.Max:
			return "", "", &posError{at, fmt.Sprintf("set: %s=%s is outside its range, %s to %s", s.ID, trimFloat(s.Value), trimFloat(n.Min), trimFloat(n.Max))}
		case !onStep(s.Value, n):
			return "", "", &posError{at, fmt.Sprintf("set: %s=%s is off its step: it moves from %s by %s", s.ID, trimFloat(s.Value), n.Raw, trimFloat(n.Step))}
		case s.Value == n.Value:
			return "", "", &posError{at, fmt.Sprintf("set: %s is already %s; a try step changes something", s.ID, n.Raw)}
		}
		links = append(links, deeplink.Number{ID: s.ID, Value: s.Value})
	}
	out, outLoad, notes := deeplink.Apply(code, load, links)
	if len(notes) > 0 { // cannot happen: checked above
		return "", "", &posError{at, "set: " + strings.Join(notes, "; ")}
	}
	// The page writes a value with the decimals its step has: a value
	// finer than that would be rounded on the way into the text.
	written, err := numbersOf(out, outLoad)
	if err != nil {
		return "", "", &posError{at, fmt.Sprintf("set: the scenario no longer reads: %v", err)}
	}
	for _, s := range t.Set {
		if n, ok := numberByID(written, s.ID); !ok || n.Value != s.Value {
			return "", "", &posError{at, fmt.Sprintf("set: %s=%s cannot be written at its step, %s", s.ID, trimFloat(s.Value), trimFloat(n.Step))}
		}
	}
	return out, outLoad, nil
}

// follow gives other (a compared version) the numbers of code by id, as
// the page does: a number dragged in one version is dragged in both.
func follow(other, code string) string {
	nums, err := scenario.Numbers(code)
	if err != nil {
		return other
	}
	links := make([]deeplink.Number, len(nums))
	for i, n := range nums {
		links[i] = deeplink.Number{ID: n.ID, Value: n.Value}
	}
	out, _, _ := deeplink.Apply(other, "", links) // notes are about ids only one version has
	return out
}

func numberByID(nums []scenario.Number, id string) (scenario.Number, bool) {
	for _, n := range nums {
		if n.ID == id {
			return n, true
		}
	}
	return scenario.Number{}, false
}

func idList(nums []scenario.Number) string {
	if len(nums) == 0 {
		return "none"
	}
	ids := make([]string, len(nums))
	for i, n := range nums {
		ids[i] = n.ID
	}
	return strings.Join(ids, ", ")
}

// onStep says a drag from n's value reaches v.
func onStep(v float64, n scenario.Number) bool {
	if n.Step <= 0 {
		return true
	}
	k := (v - n.Value) / n.Step
	return math.Abs(k-math.Round(k)) < 1e-6
}

// near is the rule expect= is held to, the one the page holds the run
// on the stage to, as it holds a typed prediction: within a tenth of
// expect= or 0.05, whichever is more. Counts (requests, warnings) must
// be exact.
func near(expect, measured float64, unit string) bool {
	if isCount(unit) {
		return expect == measured
	}
	return math.Abs(expect-measured) <= math.Max(0.1*expect, 0.05)+1e-9
}

func tolerance(unit string) string {
	if isCount(unit) {
		return "a count must match exactly"
	}
	return "the run must be within 10 % of expect=, or 0.05"
}

func isCount(unit string) bool { return unit == unitRequests || unit == unitWarnings }

// setText writes the step's settings as set= does: "sleep:1,workers:2".
func (t *Try) setText() string {
	parts := make([]string, len(t.Set))
	for i, s := range t.Set {
		parts[i] = s.ID + ":" + trimFloat(s.Value)
	}
	return "set=" + strings.Join(parts, ",")
}

func (t *Try) versionText() string {
	if t.Version == "" {
		return ""
	}
	return " in version " + t.Version
}

// trimFloat writes v with no trailing zeros: 1, 0.25, 2.025.
func trimFloat(v float64) string { return fmt.Sprintf("%.6g", v) }
