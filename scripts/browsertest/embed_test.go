//go:build browser

package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEmbedPage: embed.html#/lesson?s=1, in a frame as small as a blog
// post's, shows that one scenario (its stage, code and numbers, none of
// the lesson's text), and its numbers drag as they do in the course.
func TestEmbedPage(t *testing.T) {
	url, _ := serve(t, siteDir(t))
	ctx := launch(t, 720, 560)
	watchErrors(t, ctx)
	p := &page{t: t, ctx: ctx, url: url}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"embed.html#/three-ways?s=1")); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	var shown struct {
		Lesson           string
		Scenario         int
		Figures, Heading int
		Stage            struct{ Y, Height float64 }
		Open             string
	}
	p.evalJSON(`JSON.stringify({lesson: looplab.current().lesson, scenario: looplab.current().scenario,
	  figures: [...document.querySelectorAll("figure.scenario")].filter((f) => f.checkVisibility()).length,
	  heading: [...document.querySelectorAll("article.lesson h1, article.lesson p")].filter((e) => e.checkVisibility() && !e.closest("figure")).length,
	  stage: document.getElementById("stage").getBoundingClientRect(),
	  open: document.getElementById("embed-open").getAttribute("href")})`, &shown)
	if shown.Lesson != "three-ways" || shown.Scenario != 1 {
		t.Fatalf("the embed shows %s #%d, want three-ways #1", shown.Lesson, shown.Scenario)
	}
	if shown.Figures != 1 || shown.Heading != 0 {
		t.Errorf("the embed shows %d scenarios and %d of the lesson's paragraphs, want 1 and none", shown.Figures, shown.Heading)
	}
	if shown.Stage.Y > 80 || shown.Stage.Height < 120 {
		t.Errorf("the stage is at y %v, %v high: want it at the top, at least 120 px", shown.Stage.Y, shown.Stage.Height)
	}
	p.viewportShot("embed-three-ways-opened")
	if shown.Open != "index.html#/three-ways?s=1" {
		t.Errorf("the embed's link to the course is %q", shown.Open)
	}
	before := p.current()
	p.dragFirstNumber("end")
	p.await("new Promise(r => setTimeout(r, 300))")
	after := p.current()
	if after.Numbers[0].Value <= before.Numbers[0].Value {
		t.Fatalf("dragging right in the embed: %s went from %v to %v", before.Numbers[0].ID, before.Numbers[0].Value, after.Numbers[0].Value)
	}
	if sameJSON(t, after.Trace, before.Trace) {
		t.Error("the drag left the run unchanged")
	}
	var open string
	p.eval(`document.getElementById("embed-open").getAttribute("href")`, &open)
	if open == shown.Open {
		t.Errorf("after the drag the embed's link still opens the lesson's own numbers: %q", open)
	}
	p.viewportShot("embed-three-ways")
}
