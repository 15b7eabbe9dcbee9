//go:build browser

package browsertest

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestTrySteps performs every try step of every lesson by its button, as
// a learner does, and checks that the run on the stage shows what the
// lesson says it will (the build checked the same with the simulator):
// the numbers move, the status line tells the figure, and it agrees.
func TestTrySteps(t *testing.T) {
	p := open(t)
	var steps []struct {
		Slug    string
		N       int
		Measure string
		Expect  float64
		Unit    string
		Version string
		Button  string
	}
	p.eval(`[...document.querySelectorAll("article")].flatMap((a) => [...a.querySelectorAll("aside.try")].map((t, n) =>
		({slug: a.dataset.slug, n, button: t.querySelector("button.try-run").textContent, ...JSON.parse(t.dataset.try)})))`, &steps)
	if len(steps) < 30 {
		t.Fatalf("found %d try steps; the lessons have more", len(steps))
	}
	for _, s := range steps {
		name := fmt.Sprintf("%s try %d (%s)", s.Slug, s.N+1, s.Button)
		p.await(fmt.Sprintf("looplab.go(%q)", s.Slug))
		p.await(fmt.Sprintf(`(() => { const b = document.querySelectorAll("article:not([hidden]) aside.try button.try-run")[%d]; b.click(); return new Promise((r) => requestAnimationFrame(() => r(true))); })()`, s.N))
		var got struct {
			Value  *float64
			Text   string
			Hidden bool
			Error  string
		}
		p.eval(fmt.Sprintf(`(() => { const a = document.querySelectorAll("article:not([hidden]) aside.try")[%d];
			const r = JSON.parse(document.getElementById("stage").contentWindow.looplabStage.measure(%q, %q));
			const out = a.querySelector(".try-result");
			return {value: r.ok ? r.value : null, error: r.error || "", text: out.textContent, hidden: out.hidden}; })()`,
			s.N, s.Measure, s.Version), &got)
		switch {
		case got.Value == nil:
			t.Errorf("%s: the run on the stage cannot be measured: %s", name, got.Error)
		case !near(*got.Value, s.Expect, s.Unit):
			t.Errorf("%s: the run on the stage measures %s = %v %s, the lesson says %v", name, s.Measure, *got.Value, s.Unit, s.Expect)
		}
		if got.Hidden || !strings.HasPrefix(got.Text, "The run on the stage shows") || strings.Contains(got.Text, "expected") {
			t.Errorf("%s: the status line says %q (hidden %v)", name, got.Text, got.Hidden)
		}
	}
}

// near is the build's rule: counts exactly, other figures within a tenth.
func near(v, expect float64, unit string) bool {
	if unit == "requests" || unit == "warnings" {
		return v == expect
	}
	return math.Abs(v-expect) <= math.Max(0.1*expect, 0.05)+1e-9
}

// TestTryStepLeavesTheEditor: a try step pressed while the code editor is
// open takes effect in the code, and the editor's text does not put the
// old number back.
func TestTryStepLeavesTheEditor(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	p.await(`document.getElementById("edit").click()`)
	p.waitFor(`looplab.current().editing`)
	var got struct {
		Editing bool
		Code    string
	}
	p.await(`looplab.tryStep(0)`)
	p.eval(`({editing: looplab.current().editing, code: looplab.current().code})`, &got)
	if got.Editing || !strings.Contains(got.Code, "time.sleep(1)") {
		t.Errorf("after the try step: editing %v, code %q", got.Editing, got.Code)
	}
}
