//go:build browser

package browsertest

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// predictInfo is what a predict block carries.
type predictInfo struct {
	Index    int
	Slug     string
	Scenario int
	Answer   float64
	Measure  string
}

// TestPredictHidesTheAnswer: before the learner answers, nothing after the
// playhead is drawn and no figure on screen gives the answer; after, the
// verdict quotes the run on the stage.
func TestPredictHidesTheAnswer(t *testing.T) {
	p := open(t)
	var predicts []predictInfo
	p.eval(`[...document.querySelectorAll("aside.predict")].map((a) => ({slug: a.closest("article").dataset.slug, ...JSON.parse(a.dataset.predict)}))`, &predicts)
	if len(predicts) < 10 {
		t.Fatalf("found %d predict blocks", len(predicts))
	}
	for _, q := range predicts {
		p.await(fmt.Sprintf("looplab.go(%q, %d)", q.Slug, q.Scenario))
		p.sleep(50 * time.Millisecond)
		var shown struct {
			Secret  bool
			Figures string
			Playing bool
			Layout  struct {
				HiddenAfter *float64
			}
			T     float64
			Scene string
			Clock string
			Prose string
		}
		p.eval(fmt.Sprintf(`(() => {
			const a = document.querySelector("article:not([hidden]) aside.predict[id='predict-%d']");
			let prose = "";
			for (let n = a.nextElementSibling; n && !n.matches("figure.scenario, aside.predict"); n = n.nextElementSibling)
				if (n.checkVisibility()) prose += n.textContent;
			return {secret: looplab.current().secret, figures: document.getElementById("metrics").textContent,
				playing: looplab.state().playing, layout: looplab.layout() || {}, t: looplab.state().t, scene: looplab.state().scene,
				clock: document.getElementById("clock").textContent, prose};
		})()`, q.Index), &shown)
		if !shown.Secret {
			t.Errorf("%s: the question is open but the page does not keep the run secret", q.Slug)
			continue
		}
		for _, form := range answerForms(q.Answer) {
			if strings.Contains(shown.Figures, form) {
				t.Errorf("%s: the figures show %q, the answer to the open question: %s", q.Slug, form, shown.Figures)
			}
		}
		if strings.Contains(shown.Clock, " of ") && !strings.Contains(shown.Clock, "min") {
			t.Errorf("%s: the clock says the run's length, %q, while the question is open", q.Slug, shown.Clock)
		}
		if shown.Prose != "" {
			t.Errorf("%s: the text that explains the answer is on screen before it is given: %.80q", q.Slug, shown.Prose)
		}
		if shown.Playing {
			t.Errorf("%s: the run plays by itself while the question is open", q.Slug)
		}
		// The loop scene draws only the playhead's moment (its figures are
		// counted up to it), so it has no future to hide.
		if shown.Scene == "loop" {
			continue
		}
		if shown.Layout.HiddenAfter == nil || *shown.Layout.HiddenAfter > shown.T+1e-6 {
			t.Errorf("%s: the stage draws past the playhead (%.3f s) while the question is open (hiddenAfter %v)", q.Slug, shown.T, shown.Layout.HiddenAfter)
		}
	}
}

// answerForms are the ways a figure could print a time: 7.501 s, 7.50 s, 7.5 s.
func answerForms(v float64) []string {
	return []string{fmt.Sprintf("%.3f s", v), fmt.Sprintf("%.2f s", v)}
}

// TestVerdictQuotesTheRunOnScreen: with a number changed, the verdict
// reads the run the learner watched, and says which numbers it used.
func TestVerdictQuotesTheRunOnScreen(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	var id string
	p.eval(`looplab.current().numbers.find((n) => n.raw === "4" && n.seconds).id`, &id)
	p.await(fmt.Sprintf("looplab.setNumber(%q, 2)", id))
	var want float64
	p.eval(`JSON.parse(document.getElementById("stage").contentWindow.looplabStage.measure("latency:4", "")).value`, &want)
	p.await(`document.querySelector("article:not([hidden]) aside.predict input[value='0']").click()`)
	p.await(`document.querySelector("article:not([hidden]) aside.predict button[type=submit]").click()`)
	p.sleep(300 * time.Millisecond)
	var reveal string
	p.eval(`document.querySelector("article:not([hidden]) aside.predict .predict-reveal").textContent`, &reveal)
	quoted := fmt.Sprintf("says %s s", strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", want), "0"), "."))
	if !strings.Contains(reveal, quoted) || !strings.Contains(reveal, "= 2 s") {
		t.Errorf("verdict %q: want the run on screen (%s) and the number used", reveal, quoted)
	}
}

// TestVerdictStays: the verdict is the one given when the learner
// committed; a number changed afterwards adds what the run says now
// instead of turning the answer wrong.
func TestVerdictStays(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	p.await(`document.querySelector("article:not([hidden]) aside.predict input[value='2']").click()`)
	p.await(`document.querySelector("article:not([hidden]) aside.predict button[type=submit]").click()`)
	p.sleep(300 * time.Millisecond)
	var before, after string
	p.eval(`document.querySelector("article:not([hidden]) aside.predict .predict-reveal").textContent`, &before)
	if !strings.HasPrefix(before, "Right: ") {
		t.Fatalf("verdict %q", before)
	}
	var id string
	p.eval(`looplab.current().numbers.find((n) => n.raw === "4" && n.seconds).id`, &id)
	p.await(fmt.Sprintf("looplab.setNumber(%q, 1)", id))
	p.eval(`document.querySelector("article:not([hidden]) aside.predict .predict-reveal").textContent`, &after)
	var classes string
	p.eval(`document.querySelector("article:not([hidden]) aside.predict").className`, &classes)
	if !strings.HasPrefix(after, before[:strings.Index(before, ".")]) || !strings.Contains(after, "the run says") || strings.Contains(classes, "wrong") {
		t.Errorf("after a number changed the verdict became %q (%s); it was %q", after, classes, before)
	}
}

// TestOwnCodeKeepsNoSecret: a question is about the lesson's run; once
// the learner runs code of their own (more than numbers changed), the
// page shows that run whole, with its figures.
func TestOwnCodeKeepsNoSecret(t *testing.T) {
	p := open(t)
	var q predictInfo
	p.eval(`(() => { const a = document.querySelector("aside.predict"); return {slug: a.closest("article").dataset.slug, ...JSON.parse(a.dataset.predict)}; })()`, &q)
	p.await(fmt.Sprintf("looplab.go(%q, %d)", q.Slug, q.Scenario))
	var secret bool
	p.eval(`looplab.current().secret`, &secret)
	if !secret {
		t.Fatalf("%s: the open question's run is not kept secret to begin with", q.Slug)
	}
	p.await(`looplab.setLoad("")`)
	p.await(`looplab.setCode("import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print('mine')\n\nasyncio.run(main())\n")`)
	p.waitFor(`!looplab.current().secret && !document.getElementById("metrics").textContent.includes("once you answer")`)
}
