//go:build browser

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axeRun runs axe-core with the WCAG 2.1 A and AA rules on the page and its
// stage frame. Only violations and "needs review" keep all their nodes in
// the artifacts; passes keep one each, or a run's file would be megabytes.
const axeRun = `axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
  resultTypes: ["violations", "incomplete"],
}).then((r) => JSON.stringify(r))`

type axeResult struct {
	Violations []struct {
		ID, Impact, Help string
		Nodes            []struct {
			Target         json.RawMessage
			FailureSummary string
		}
	}
}

// axeSource is axe-core as package-lock.json pins it. It is not skipped
// when missing: make test installs node_modules before the browser tests.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is missing (npm ci at the top of the repository installs it; make test does): %v", err)
	}
	return string(b)
}

// openWithAxe opens the page with axe-core in every frame. The page's CSP
// allows no inline script, but a script added over CDP before the
// documents load is not subject to it, and it reaches the stage frame too,
// which axe needs to check what is inside it.
func openWithAxe(t *testing.T) *page {
	t.Helper()
	url, _ := serve(t, siteDir(t))
	ctx := launch(t, 1400, 900)
	watchErrors(t, ctx)
	p := &page{t: t, ctx: ctx, url: url}
	if _, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: axeSource(t)})
		return chromedp.Void{}, err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	return p
}

// a11yFinding is one failing node of a rule, with every state it failed in.
type a11yFinding struct {
	rule, impact, help, target, summary string
	where                               []string
}

// TestA11y runs axe-core's WCAG 2.1 A and AA rules on every lesson, light
// and dark, at 1400×900 and 390×844, once its stage has drawn; and at
// 1400×900 in both themes with the code editor open and with a predict
// question answered (right in light, wrong in dark: their colours
// differ). It fails on serious or critical violations and logs the rest;
// with LOOPLAB_ARTIFACTS set every run's results go to a11y/ there.
func TestA11y(t *testing.T) {
	p := openWithAxe(t)
	var lessons []struct{ Slug string }
	p.eval("looplab.lessons()", &lessons)
	findings := map[string]*a11yFinding{}
	var order []string
	check := func(state string) {
		t.Helper()
		var raw string
		// Two frames: what the page does after a lesson shows (the
		// scrolled boxes it makes focusable) is done before a learner
		// can press a key.
		p.await(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		p.eval(axeRun, &raw)
		keepA11y(t, state, raw)
		var r axeResult
		if err := json.Unmarshal([]byte(raw), &r); err != nil {
			t.Fatalf("%s: axe results: %v", state, err)
		}
		for _, v := range r.Violations {
			for _, n := range v.Nodes {
				key := v.ID + " " + string(n.Target)
				f := findings[key]
				if f == nil {
					f = &a11yFinding{rule: v.ID, impact: v.Impact, help: v.Help, target: string(n.Target), summary: n.FailureSummary}
					findings[key] = f
					order = append(order, key)
				}
				f.where = append(f.where, state)
			}
		}
	}
	sizes := []struct {
		name   string
		w, h   int
		mobile bool
	}{{"1400x900", 1400, 900, false}, {"390x844", 390, 844, true}}
	for _, size := range sizes {
		p.resize(size.w, size.h, size.mobile)
		for _, theme := range []string{"light", "dark"} {
			p.setTheme(theme)
			for i, l := range lessons {
				p.await(fmt.Sprintf("looplab.go(%q)", l.Slug))
				check(fmt.Sprintf("%s-%s-%02d-%s", size.name, theme, i+1, l.Slug))
			}
			if size.mobile {
				continue
			}
			p.await(fmt.Sprintf("looplab.go(%q)", lessons[0].Slug))
			p.await(`document.getElementById("edit").click()`)
			p.waitFor(`document.querySelector("#edit-box .cm-editor .cm-content")`)
			check(fmt.Sprintf("%s-%s-editor", size.name, theme))
			p.await(`document.getElementById("edit").click()`)
			p.answerPredict(theme == "light")
			check(fmt.Sprintf("%s-%s-predict-%s", size.name, theme, map[bool]string{true: "right", false: "wrong"}[theme == "light"]))
		}
	}
	// What LoopLab runs, at both sizes and in both themes
	for _, size := range sizes {
		p.resize(size.w, size.h, size.mobile)
		for _, theme := range []string{"light", "dark"} {
			p.await(fmt.Sprintf(`localStorage.setItem("looplab:theme", %q)`, `"`+theme+`"`))
			if _, err := chromedp.Run(p.ctx, chromedp.Navigate(strings.TrimSuffix(p.url, "/")+"/runs.html")); err != nil {
				t.Fatal(err)
			}
			check(fmt.Sprintf("%s-%s-runs", size.name, theme))
		}
	}
	for _, key := range order {
		f := findings[key]
		where := strings.Join(f.where[:min(len(f.where), 4)], ", ")
		if len(f.where) > 4 {
			where += fmt.Sprintf(" and %d more", len(f.where)-4)
		}
		msg := fmt.Sprintf("%s (%s): %s\n  target %s\n  %s\n  in %s", f.rule, f.impact, f.help, f.target,
			strings.ReplaceAll(f.summary, "\n", "\n  "), where)
		if f.impact == "serious" || f.impact == "critical" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
}

// setTheme picks a theme with the toggle, as a learner does.
func (p *page) setTheme(theme string) {
	p.t.Helper()
	p.await(fmt.Sprintf(`looplab.theme() === %q || document.getElementById("theme").click()`, theme))
	var got string
	if p.eval("looplab.theme()", &got); got != theme {
		p.t.Fatalf("theme %s after the toggle, want %s", got, theme)
	}
}

// answerPredict answers the first multiple-choice predict question of the
// course, rightly or not, and waits for its verdict.
func (p *page) answerPredict(right bool) {
	p.t.Helper()
	var q struct {
		Slug     string
		Scenario int
		Index    int
		Choices  []string
		Correct  int
	}
	p.eval(`(() => {
	  const a = [...document.querySelectorAll("aside.predict")].find((a) => JSON.parse(a.dataset.predict).choices);
	  return {slug: a.closest("article").dataset.slug, ...JSON.parse(a.dataset.predict)};
	})()`, &q)
	if len(q.Choices) < 2 {
		p.t.Fatalf("no multiple-choice predict question: %+v", q)
	}
	pick := q.Correct
	if !right {
		pick = (q.Correct + 1) % len(q.Choices)
	}
	p.await(fmt.Sprintf("looplab.go(%q, %d)", q.Slug, q.Scenario))
	sel := fmt.Sprintf(`#lesson-%s aside.predict[id="predict-%d"]`, q.Slug, q.Index)
	p.await(fmt.Sprintf(`(() => { const a = document.querySelector(%q);
	  a.querySelector('input[value="%d"]').click(); a.querySelector("button[type=submit]").click(); })()`, sel, pick))
	p.waitFor(fmt.Sprintf(`document.querySelector(%q).classList.contains(%q)`, sel, map[bool]string{true: "right", false: "wrong"}[right]))
}

// keepA11y writes a run's full results to LOOPLAB_ARTIFACTS/a11y.
func keepA11y(t *testing.T, state, raw string) {
	dir := os.Getenv("LOOPLAB_ARTIFACTS")
	if dir == "" {
		return
	}
	dir = filepath.Join(dir, "a11y")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, state+".json"), []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
}
