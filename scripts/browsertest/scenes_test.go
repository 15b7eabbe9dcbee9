//go:build browser

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// cdpCall runs one DevTools command on the page's target.
func cdpCall[P any](p *page, cmd cdp.Command[P, cdp.Empty], params P) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cmd, params)
		return chromedp.Void{}, err
	}); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) media(name, value string) {
	cdpCall(p, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: name, Value: value}},
	})
}

func (p *page) key(typ input.DispatchKeyEventType, key string, code int64) {
	cdpCall(p, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: typ, Key: key, Code: key, WindowsVirtualKeyCode: code})
}

func (p *page) sleep(d time.Duration) {
	p.await(fmt.Sprintf("new Promise(r => setTimeout(r, %d))", d.Milliseconds()))
}

// gameStats are the game scene's figures (seconds).
type gameStats struct {
	FPS        float64 `json:"fps"`
	Budget     float64 `json:"budget"`
	Median     float64 `json:"median"`
	P95        float64 `json:"p95"`
	OverBudget int     `json:"overBudget"`
	InputLag   float64 `json:"inputLag"`
	ShipX      float64 `json:"shipX"`
}

func (p *page) gameStats() gameStats {
	var s gameStats
	if err := json.Unmarshal(p.current().Stats, &s); err != nil {
		p.t.Fatal(err)
	}
	return s
}

// TestGameLagsUnderBlockingWork steers the game with the keyboard, then
// adds blocking work to every frame and sees frames miss their budget and
// the ship answer later.
func TestGameLagsUnderBlockingWork(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("game-loop")`)
	// Click the stage, as a learner does, to give it the keyboard (in the
	// HUD, away from the play field).
	var frame struct{ X, Y, W, H float64 }
	p.eval(`(() => { const f = document.getElementById("stage"); const r = f.getBoundingClientRect();
		return {x: r.x, y: r.y, w: r.width, h: r.height}; })()`, &frame)
	if _, err := chromedp.Run(p.ctx, chromedp.MouseClickXY(frame.X+frame.W*0.9, frame.Y+frame.H*0.9)); err != nil {
		t.Fatal(err)
	}
	p.sleep(1500 * time.Millisecond)
	healthy := p.gameStats()
	if healthy.Median > healthy.Budget*1.05 || healthy.OverBudget > 0 || healthy.FPS < 25 {
		t.Errorf("with no blocking work: %+v; want frames within the budget", healthy)
	}
	x0 := healthy.ShipX
	p.key(input.DispatchKeyEventTypeRawKeyDown, "ArrowRight", 39)
	p.sleep(600 * time.Millisecond)
	p.key(input.DispatchKeyEventTypeKeyUp, "ArrowRight", 39)
	if x := p.gameStats().ShipX; x <= x0 {
		t.Errorf("holding → did not move the ship right: x %.3f then %.3f", x0, x)
	}
	p.await(`looplab.setNumber("blocking", 0.06)`)
	p.sleep(2 * time.Second)
	slow := p.gameStats()
	if slow.Median <= slow.Budget || slow.P95 <= slow.Budget || slow.OverBudget == 0 || slow.FPS > 20 {
		t.Errorf("with 60 ms of blocking work a frame: %+v; want frames over the %.3f s budget", slow, slow.Budget)
	}
	if slow.InputLag <= healthy.InputLag+0.05 {
		t.Errorf("input lag %.3f s with blocking work, %.3f s without: want it to grow", slow.InputLag, healthy.InputLag)
	}
	p.screenshot("scene-gameloop-blocking")
}

// TestPipelineTotalsFollowDurations drags a wait and sees the async lane's
// total change, and the drawing with it.
func TestPipelineTotalsFollowDurations(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("async-or-parallel")`)
	p.await("looplab.seek(1e9)")
	before, img := p.current(), p.stage()
	p.await(`looplab.setNumber("steps.wait.review", 10)`)
	p.await("looplab.seek(1e9)")
	p.sleep(100 * time.Millisecond)
	after := p.current()
	if len(after.Pipeline) != 3 || len(before.Pipeline) != 3 {
		t.Fatalf("pipeline lanes: %v then %v", before.Pipeline, after.Pipeline)
	}
	for i := range after.Pipeline {
		if after.Pipeline[i].Total <= before.Pipeline[i].Total {
			t.Errorf("%s: total %.1f then %.1f; a longer review should take longer", after.Pipeline[i].Name, before.Pipeline[i].Total, after.Pipeline[i].Total)
		}
	}
	if !differ(img, p.stage()) {
		t.Error("the pipeline's drawing did not change")
	}
}

// TestCompareRedrawsBoth changes one number in compare mode: both
// versions' code, both runs and the drawing change.
func TestCompareRedrawsBoth(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking", 1)`)
	p.await("looplab.seek(1e9)")
	before, img := p.current(), p.stage()
	if before.Scene != "compare" || len(before.Traces) != 2 {
		t.Fatalf("scene %q with %d traces; want compare with 2", before.Scene, len(before.Traces))
	}
	p.await(`looplab.setNumber("wait.sleep", 3)`)
	p.await("looplab.seek(1e9)")
	p.sleep(100 * time.Millisecond)
	after := p.current()
	if !strings.Contains(after.Code, "time.sleep(3)") || !strings.Contains(after.Compare, "asyncio.sleep(3)") {
		t.Errorf("one drag should change both versions:\n%s\n%s", after.Code, after.Compare)
	}
	for i := range 2 {
		if sameJSON(t, before.Traces[i], after.Traces[i]) {
			t.Errorf("run %d did not change", i+1)
		}
	}
	if !differ(img, p.stage()) {
		t.Error("the stage did not redraw")
	}
	var better int
	p.eval(`document.querySelectorAll("#metrics dd.better").length`, &better)
	if better == 0 {
		t.Error("no figure marked better in the side-by-side metrics")
	}
	p.screenshot("scene-compare")
}

// TestPredictReveal answers a question: the run plays, the answer is
// revealed with its why, and it is still there after a reload.
func TestPredictReveal(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	p.await(`document.querySelector("article:not([hidden]) aside.predict input[value='0']").click()`)
	p.await(`document.querySelector("article:not([hidden]) aside.predict button[type=submit]").click()`)
	p.sleep(300 * time.Millisecond)
	var reveal string
	p.eval(`document.querySelector("article:not([hidden]) aside.predict .predict-reveal").textContent`, &reveal)
	if !strings.HasPrefix(reveal, "Not quite: you said 4 s; the run on the stage (with the lesson's numbers) says 7.5 s.") || !strings.Contains(reveal, "/rude") {
		t.Errorf("reveal = %q", reveal)
	}
	var playing bool
	p.eval("looplab.state().playing", &playing)
	if !playing {
		t.Error("committing an answer did not play the scenario")
	}
	if _, err := chromedp.Run(p.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	p.eval(`document.querySelector("article:not([hidden]) aside.predict .predict-reveal").textContent`, &reveal)
	if !strings.HasPrefix(reveal, "Not quite") {
		t.Errorf("after a reload the answer is gone: %q", reveal)
	}
}

type exported struct {
	OK    bool
	Files []struct{ Name, Text string }
	Run   string
}

func (e exported) file(name string) string {
	for _, f := range e.Files {
		if f.Name == name {
			return f.Text
		}
	}
	return ""
}

// TestExport exports a FastAPI scenario and a script as programs to run.
func TestExport(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	var app exported
	p.eval("looplab.exported()", &app)
	if !app.OK || !strings.Contains(app.file("app.py"), "time.sleep(4)") || app.file("client.py") == "" || !strings.Contains(app.Run, "uvicorn app:api") {
		t.Errorf("FastAPI export: %+v", app)
	}
	p.await(`document.getElementById("export").click()`)
	var open bool
	p.eval(`document.getElementById("export-dialog").open && document.querySelectorAll("#export-body details").length === 6`, &open)
	if !open {
		t.Error("Run it for real did not open the dialog with the commands and five files")
	}
	// The prediction to hold the real run against: the stage's picture.
	if svg := app.file("predicted.svg"); !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, "GET /rude") {
		t.Errorf("the export's predicted.svg is not the run's picture: %.200q", svg)
	}
	if !strings.Contains(app.file("README.md"), "predicted.svg") {
		t.Error("the export's README does not say what predicted.svg is")
	}
	p.screenshot("export-dialog")
	p.await(`document.getElementById("export-close").click()`)
	p.await(`looplab.go("three-ways")`)
	var script exported
	p.eval("looplab.exported()", &script)
	if !script.OK || script.file("client.py") != "" || !strings.Contains(script.Run, "python3 ") {
		t.Errorf("script export: %+v", script)
	}
}

// TestThemeToggle picks dark, which the page, the code and the stage
// follow, and which is remembered.
func TestThemeToggle(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("async-or-parallel")`)
	p.await(`document.getElementById("theme").click()`)
	p.sleep(200 * time.Millisecond)
	check := func(when string) {
		var bg string
		p.eval("getComputedStyle(document.documentElement).backgroundColor", &bg)
		img := p.stage()
		r, g, b, _ := img.At(img.Bounds().Min.X+4, img.Bounds().Max.Y-4).RGBA()
		if bg != "rgb(13, 17, 23)" || r>>8 > 40 || g>>8 > 40 || b>>8 > 40 {
			t.Errorf("%s: page %s, stage (%d,%d,%d); want both dark", when, bg, r>>8, g>>8, b>>8)
		}
	}
	check("after the toggle")
	p.screenshot("scene-pipeline-dark")
	if _, err := chromedp.Run(p.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	p.sleep(200 * time.Millisecond)
	check("after a reload")
	p.await(`looplab.go("game-loop")`)
	p.sleep(500 * time.Millisecond)
	p.screenshot("scene-gameloop-dark")
}

// TestReducedMotion: the game waits for play when motion is unwelcome.
func TestReducedMotion(t *testing.T) {
	p := open(t)
	p.media("prefers-reduced-motion", "reduce")
	// A media change reaches the page's listener at a rendering step, not
	// at once: wait two frames before leaning on it.
	p.await(`matchMedia("(prefers-reduced-motion: reduce)").matches &&
		new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))`)
	p.await(`looplab.go("game-loop")`)
	var playing bool
	p.eval("looplab.state().playing", &playing)
	if playing {
		t.Error("the game started by itself under prefers-reduced-motion")
	}
	p.await(`document.getElementById("play").click()`)
	p.sleep(100 * time.Millisecond)
	p.eval("looplab.state().playing", &playing)
	if !playing {
		t.Error("pressing play did not start the game")
	}
}

// TestPhone lays every scenario out at 390 × 844: nothing wider than the
// screen, the stage drawn.
func TestPhone(t *testing.T) {
	p := open(t)
	cdpCall(p, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true})
	var blocks []struct {
		Slug      string
		Scenarios int
	}
	p.eval("looplab.lessons()", &blocks)
	for _, l := range blocks {
		for i := range l.Scenarios {
			p.await(fmt.Sprintf("looplab.go(%q, %d)", l.Slug, i))
			p.await("looplab.seek(1e9)")
			var width int
			p.eval("document.documentElement.scrollWidth", &width)
			if width > 390 {
				t.Errorf("%s/%d: the page is %d px wide on a 390 px screen", l.Slug, i, width)
			}
			if f := inkFraction(p.stage()); f < 0.02 {
				t.Errorf("%s/%d: the stage looks blank on a phone", l.Slug, i)
			}
		}
	}
	for _, slug := range []string{"game-loop", "async-or-parallel", "fastapi-blocking"} {
		p.await(fmt.Sprintf("looplab.go(%q)", slug))
		p.await(`document.getElementById("playground").scrollIntoView()`)
		p.sleep(300 * time.Millisecond)
		p.viewportShot("phone-" + slug)
	}
}
