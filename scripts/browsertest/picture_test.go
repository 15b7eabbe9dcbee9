//go:build browser

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"looplab/wasm/lesson"
)

// openCold loads the page at a fragment without reaching for the stage,
// as a learner who only reads: the stage has not started.
func openCold(t *testing.T, hash string, width, height int) *page {
	t.Helper()
	url, _ := serve(t, siteDir(t))
	ctx := launch(t, width, height)
	watchErrors(t, ctx)
	p := &page{t: t, ctx: ctx, url: url}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+hash)); err != nil {
		t.Fatal(err)
	}
	return p
}

// evalJSON evaluates an expression that returns JSON text into v.
func (p *page) evalJSON(expr string, v any) {
	p.t.Helper()
	var s string
	p.eval(expr, &s)
	if err := json.Unmarshal([]byte(s), v); err != nil {
		p.t.Fatalf("%v: %s", err, s)
	}
}

// stageBox is where the stage's frame and the block under it are, and
// whether the picture stands in its place.
const stageBox = `JSON.stringify({frame: document.getElementById("stage").getBoundingClientRect(),
  block: document.getElementById("stage-block").getBoundingClientRect(),
  lessons: document.getElementById("lessons").getBoundingClientRect(),
  picture: !document.getElementById("stage-picture").hidden,
  svgs: document.querySelectorAll("#stage-picture svg").length,
  figureSvgs: document.querySelectorAll("figure.scenario.on-stage .scenario-picture > svg").length,
  fills: ["#stage-picture svg", "figure.scenario.on-stage .scenario-picture > svg"].map((s) =>
    [...document.querySelectorAll(s)].map((svg) => getComputedStyle(svg.querySelector("rect")).fill).join())})`

// TestPictureHandsOverToTheStage: before the stage starts its place shows
// the build's picture of the run, at the size the stage will have; when
// the stage has drawn it takes the place without anything moving, on a
// laptop and on a phone.
func TestPictureHandsOverToTheStage(t *testing.T) {
	for _, c := range []struct {
		w, h   int
		mobile bool
	}{{1400, 900, false}, {390, 844, true}} {
		t.Run(fmt.Sprint(c.w), func(t *testing.T) {
			p := openCold(t, "#/fastapi-blocking", c.w, c.h)
			if c.mobile {
				p.resize(c.w, c.h, true)
			}
			p.waitFor(`document.querySelectorAll("#stage-picture svg").length > 0`)
			var before, after struct {
				Frame, Block, Lessons struct{ X, Y, Width, Height float64 }
				Picture               bool
				Svgs, FigureSvgs      int
				Fills                 []string
			}
			p.evalJSON(stageBox, &before)
			// The figure's picture: one document for both themes (or one
			// a theme), coloured alike in the stage's place.
			if !before.Picture || before.Svgs == 0 || before.Svgs != before.FigureSvgs {
				t.Fatalf("before the stage starts: picture shown %v with %d documents, want shown with the figure's %d", before.Picture, before.Svgs, before.FigureSvgs)
			}
			if before.Fills[0] == "" || before.Fills[0] != before.Fills[1] {
				t.Errorf("the stage's picture is painted %q, the figure's %q", before.Fills[0], before.Fills[1])
			}
			p.await("looplab.ready")
			p.evalJSON(stageBox, &after)
			if after.Picture {
				t.Error("the picture still covers the stage once it has drawn")
			}
			// Within half a pixel: a caption's text may move a line's
			// baseline by a fraction.
			moved := func(a, b struct{ X, Y, Width, Height float64 }) bool {
				return math.Abs(a.X-b.X) > 0.5 || math.Abs(a.Y-b.Y) > 0.5 || math.Abs(a.Width-b.Width) > 0.5 || math.Abs(a.Height-b.Height) > 0.5
			}
			if moved(before.Frame, after.Frame) || moved(before.Block, after.Block) || moved(before.Lessons, after.Lessons) {
				t.Errorf("the page moved when the stage took over:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// TestNumberChangedBeforeTheStageRuns: a number changed while the stage
// is still starting is kept, and the stage's first run is of it.
func TestNumberChangedBeforeTheStageRuns(t *testing.T) {
	p := openCold(t, "#/fastapi-blocking", 1400, 900)
	p.waitFor(`document.querySelector("#live .num")`)
	var id string
	p.eval(`(() => { const n = document.querySelector("#live .num"); n.focus(); return n.dataset.id; })()`, &id)
	// The focus starts the stage; the key comes before it has drawn.
	var drawn bool
	p.eval(`looplab.current().generation > 0`, &drawn)
	if drawn {
		t.Skip("the stage drew before the key could be pressed")
	}
	p.await(`document.activeElement.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowUp", bubbles: true}))`)
	var code string
	p.eval(`looplab.current().code`, &code)
	p.await("looplab.ready")
	p.await(`new Promise((r) => setTimeout(r, 300))`)
	var now struct {
		Code       string
		Generation int
	}
	p.evalJSON(`JSON.stringify(looplab.current())`, &now)
	if now.Code != code || now.Generation == 0 {
		t.Fatalf("the change made before the stage ran was lost: the stage runs\n%s\nwant\n%s", now.Code, code)
	}
	var lessonCode string
	p.eval(`document.querySelector("#lesson-fastapi-blocking #scenario-0 > pre").textContent`, &lessonCode)
	if code == lessonCode {
		t.Errorf("the arrow key did not change number %s", id)
	}
}

// TestPicturesMatchTheStage: the build's picture of every timeline
// scenario has the lane labels the stage draws for the same run at the
// same size (the same layout code draws both).
func TestPicturesMatchTheStage(t *testing.T) {
	lessons, err := lesson.CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	p := openAt(t, "")
	for _, l := range lessons {
		for _, b := range l.Blocks {
			if b.Scene() != lesson.SceneTimeline {
				continue
			}
			p.await(fmt.Sprintf("looplab.go(%q, %d)", l.Slug, b.Index))
			// The stage at the picture's size, so both lay out alike.
			p.await(`(() => { const svg = document.querySelector("#lesson-" + looplab.current().lesson + " figure.on-stage .scenario-picture > svg");
			  const f = document.getElementById("stage"); f.style.width = svg.getAttribute("width") + "px"; f.style.height = svg.getAttribute("height") + "px"; })()`)
			p.await(`new Promise((r) => setTimeout(r, 400))`)
			var got struct {
				Stage []string
				SVG   []string
			}
			p.evalJSON(`JSON.stringify({stage: looplab.layout().lanes.map((l) => l.label).filter(Boolean),
			  svg: [...document.querySelector("#lesson-" + looplab.current().lesson + " figure.on-stage .scenario-picture > svg").querySelectorAll("text")].map((t) => t.textContent)})`, &got)
			if len(got.Stage) == 0 {
				t.Errorf("%s #%d: the stage drew no lane labels", l.Slug, b.Index)
			}
			texts := map[string]bool{}
			for _, s := range got.SVG {
				texts[s] = true
			}
			for _, label := range got.Stage {
				if !texts[label] {
					t.Errorf("%s #%d: the stage labels a lane %q, the picture does not (its texts: %q)", l.Slug, b.Index, label, got.SVG)
				}
			}
		}
	}
	p.await(`(() => { const f = document.getElementById("stage"); f.style.width = ""; })()`)
}

// TestPageWithoutJavaScript: with JavaScript off the page is a book:
// every lesson shows, each scenario with its code and its picture.
func TestPageWithoutJavaScript(t *testing.T) {
	url, _ := serve(t, siteDir(t))
	ctx := launch(t, 1280, 900)
	p := &page{t: t, ctx: ctx, url: url}
	if _, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Lessons, Shown, Figures, Pictures int
		Playground                        bool
	}
	p.evalJSON(`JSON.stringify({lessons: document.querySelectorAll("article.lesson").length,
	  shown: [...document.querySelectorAll("article.lesson")].filter((a) => a.checkVisibility()).length,
	  figures: document.querySelectorAll("figure.scenario").length,
	  pictures: [...document.querySelectorAll("figure.scenario")].filter((f) =>
	    [...f.querySelectorAll(".scenario-picture > svg")].some((s) => s.checkVisibility() && s.getBoundingClientRect().width > 300)).length,
	  playground: document.getElementById("playground").checkVisibility()})`, &r)
	if r.Lessons < 10 || r.Shown != r.Lessons {
		t.Errorf("%d of %d lessons show without JavaScript", r.Shown, r.Lessons)
	}
	if r.Figures == 0 || r.Pictures != r.Figures {
		t.Errorf("%d of %d scenarios show a picture without JavaScript", r.Pictures, r.Figures)
	}
	if r.Playground {
		t.Error("the playground, which needs JavaScript, shows without it")
	}
	p.screenshot("no-javascript")
}

// TestActionsBeforeTheStageRuns: committing an answer or trying a step
// while the stage is still a picture starts it, and the action is taken
// once it has drawn: the answer is judged by the run, the step measured.
func TestActionsBeforeTheStageRuns(t *testing.T) {
	p := openCold(t, "#/fastapi-blocking", 1400, 900)
	p.waitFor(`document.querySelectorAll("#stage-picture svg").length > 0`)
	var live bool
	if p.eval(`!!looplab.current().trace`, &live); live {
		t.Skip("the stage ran before the test could act")
	}
	p.await(`(() => { const a = document.querySelector("#lesson-fastapi-blocking aside.predict");
	  a.querySelector("input[type=radio], input[type=number]").click();
	  const n = a.querySelector("input[type=number]"); if (n) n.value = "4";
	  a.querySelector("button[type=submit]").click(); })()`)
	p.waitFor(`looplab.current().trace && !document.querySelector("#lesson-fastapi-blocking aside.predict .predict-reveal").hidden`)
	var reveal string
	p.eval(`document.querySelector("#lesson-fastapi-blocking aside.predict .predict-reveal").textContent`, &reveal)
	if !strings.Contains(reveal, "run on the stage") {
		t.Errorf("the answer committed before the stage ran is not judged by its run: %q", reveal)
	}

	q := openCold(t, "#/gil", 1400, 900)
	q.waitFor(`document.querySelectorAll("#stage-picture svg").length > 0`)
	q.await(`document.querySelector("#lesson-gil aside.try button.try-run").click()`)
	q.waitFor(`!document.querySelector("#lesson-gil aside.try .try-result")?.hidden && looplab.current().trace`)
	var result string
	q.eval(`document.querySelector("#lesson-gil aside.try .try-result").textContent`, &result)
	if !strings.Contains(result, "The run on the stage shows") {
		t.Errorf("a step tried before the stage ran was not measured: %q", result)
	}
}
