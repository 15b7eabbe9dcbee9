//go:build browser

// Package browsertest drives the built playground in headless Chromium the
// way a learner would: every lesson, its drawn timeline, scrubbable
// numbers, keyboard navigation, broken edits and deep links. Run it with
// make browser (make test does); screenshots land in LOOPLAB_ARTIFACTS.
package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"looplab/scripts/internal/headless"
	"looplab/wasm/lesson"
	"looplab/wasm/scenario"
)

type page struct {
	t   *testing.T
	ctx context.Context
	url string
}

// siteDir is the built site the tests run against.
func siteDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("LOOPLAB_SITE")
	if dir == "" {
		t.Fatal("LOOPLAB_SITE is not set: run the browser tests with make browser")
	}
	return dir
}

// serve serves dir until the test ends (or stop) and returns its URL.
func serve(t *testing.T, dir string) (url string, stop func()) {
	t.Helper()
	url, stop, err := headless.Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return url, stop
}

// launch starts headless Chromium, width×height, for the test.
func launch(t *testing.T, width, height int) context.Context {
	t.Helper()
	ctx, cancel, err := headless.Browser(t.TempDir(), width, height)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	return ctx
}

func open(t *testing.T) *page { t.Helper(); return openAt(t, "") }

// openAt loads the page at a fragment, as a link someone sent does.
func openAt(t *testing.T, hash string) *page {
	t.Helper()
	url, _ := serve(t, siteDir(t))
	ctx := launch(t, 1400, 1000)
	watchErrors(t, ctx)
	p := &page{t: t, ctx: ctx, url: url}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+hash)); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	return p
}

// watchErrors fails the test on any uncaught exception, console error or
// browser log error (a CSP violation, a failed load) in the page or frame.
func watchErrors(t *testing.T, ctx context.Context) {
	t.Helper()
	var mu sync.Mutex
	var problems []string
	add := func(s string) {
		mu.Lock()
		problems = append(problems, s)
		mu.Unlock()
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			add("exception: " + msg)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				add("console.error: " + strings.Join(parts, " "))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				add(fmt.Sprintf("%s: %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cdplog.Enable, cdp.Empty{})
		return chromedp.Void{}, err
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("browser reported %s", p)
		}
	})
}

// eval evaluates a JavaScript expression (awaiting a promise) into v.
func (p *page) eval(expr string, v any) {
	p.t.Helper()
	if err := headless.Eval(p.ctx, 30*time.Second, expr, v); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) await(expr string) { p.t.Helper(); p.eval(expr, nil) }

// stage screenshots the stage frame.
func (p *page) stage() image.Image {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.Screenshot(chromedp.ID("stage")))
	if err != nil {
		p.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		p.t.Fatal(err)
	}
	return img
}

// inkFraction is the share of pixels that differ from the top-left one
// (the background).
func inkFraction(img image.Image) float64 {
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Min.Y)
	ink, all := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			all++
			if img.At(x, y) != bg {
				ink++
			}
		}
	}
	return float64(ink) / float64(max(all, 1))
}

func differ(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return true
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return true
			}
		}
	}
	return false
}

// screenshot keeps the whole page as a test artifact; viewportShot keeps
// only what the screen shows (a phone's stage, below the lesson).
func (p *page) screenshot(name string)   { p.keep(name, chromedp.FullScreenshot(100)) }
func (p *page) viewportShot(name string) { p.keep(name, chromedp.CaptureScreenshot()) }

func (p *page) keep(name string, shot chromedp.Action[[]byte]) {
	dir := os.Getenv("LOOPLAB_ARTIFACTS")
	if dir == "" {
		return
	}
	b, err := chromedp.Run(p.ctx, shot)
	if err != nil {
		p.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	_ = os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		p.t.Error(err)
	}
}

type current struct {
	Lesson  string            `json:"lesson"`
	Code    string            `json:"code"`
	Numbers []scenario.Number `json:"numbers"`
	Error   *struct {
		Section, Msg string
		Line, Col    int
	}
	Generation int               `json:"generation"`
	Scene      string            `json:"scene"`
	Trace      json.RawMessage   `json:"trace"`
	Traces     []json.RawMessage `json:"traces"`
	Compare    string            `json:"compare"`
	Pipeline   []struct {
		Name        string
		Total       float64
		Utilisation float64
	} `json:"pipeline"`
	Stats json.RawMessage `json:"stats"`
}

func (p *page) current() current {
	var c current
	p.eval("looplab.current()", &c)
	return c
}

// TestLessons visits every scenario of every lesson: its scene is drawn,
// a simulated run's trace is the one the CLI computes, and dragging a
// number changes the code, the outcome and the drawing.
func TestLessons(t *testing.T) {
	p := open(t)
	lessons, err := lesson.CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	var listed []struct{ Slug string }
	p.eval("looplab.lessons()", &listed)
	if len(listed) != len(lessons) {
		t.Fatalf("page lists %d lessons, content has %d", len(listed), len(lessons))
	}
	for i, l := range lessons {
		for _, b := range l.Blocks {
			t.Run(fmt.Sprintf("%s/%d", l.Slug, b.Index), func(t *testing.T) {
				p.t = t
				checkBlock(p, l, b, fmt.Sprintf("%02d-%s-%d", i+1, l.Slug, b.Index))
			})
		}
	}
}

// wantScene is the stage's scene kind for a block.
func wantScene(b *lesson.Block) string {
	switch {
	case b.Compare != "" || b.CompareSettings != "":
		return "compare"
	case b.Scene() == lesson.SceneGameLoop && b.Simulated():
		return "loop"
	}
	return b.Scene()
}

func checkBlock(p *page, l *lesson.Lesson, b *lesson.Block, shot string) {
	t := p.t
	p.await(fmt.Sprintf("looplab.go(%q, %d)", l.Slug, b.Index))
	p.await("looplab.pause()")
	p.await("looplab.seek(1e9)")
	time.Sleep(100 * time.Millisecond)
	c := p.current()
	if c.Lesson != l.Slug || c.Scene != wantScene(b) {
		t.Fatalf("on lesson %q, scene %q; want %q, %q", c.Lesson, c.Scene, l.Slug, wantScene(b))
	}
	if b.Simulated() {
		specs, err := b.Specs()
		if err != nil {
			t.Fatal(err)
		}
		want, err := scenario.Run(specs[0])
		if err != nil {
			t.Fatal(err)
		}
		wantJSON, _ := json.Marshal(want)
		if !sameJSON(t, c.Trace, wantJSON) {
			t.Errorf("the page's trace differs from the CLI's for the same scenario")
		}
	}
	before := p.stage()
	if f := inkFraction(before); f < 0.02 {
		t.Errorf("the stage looks blank: %.1f%% of pixels drawn", 100*f)
	}
	p.screenshot(shot)
	if len(c.Numbers) == 0 {
		t.Fatal("no scrubbable numbers in the lesson's code")
	}
	// Some numbers only matter past a point (max_workers above the number
	// of jobs, an upstream delay past its timeout): the first number whose
	// drag changes the outcome and the drawing is the one checked, and at
	// least one must.
	var n scenario.Number
	var after current
	redrawn := false
	for _, n = range c.Numbers {
		p.await(fmt.Sprintf("looplab.setNumber(%q, %v)", n.ID, n.Value+5*n.Step))
		p.await("looplab.seek(1e9)")
		time.Sleep(100 * time.Millisecond)
		after = p.current()
		if after.Code == c.Code {
			t.Errorf("setNumber(%s) left the code unchanged", n.ID)
		}
		// The game moves by itself: its drawing always differs.
		redrawn = b.Scene() == lesson.SceneGameLoop && !b.Simulated() || differ(before, p.stage())
		if !b.Simulated() || !sameJSON(t, after.Trace, c.Trace) && redrawn {
			break
		}
		p.await(fmt.Sprintf("looplab.setCode(%q)", c.Code))
	}
	if b.Simulated() && sameJSON(t, after.Trace, c.Trace) {
		t.Errorf("no number's drag changed the trace (last tried: %s)", n.ID)
	}
	if b.Scene() == lesson.ScenePipeline && reflect.DeepEqual(after.Pipeline, c.Pipeline) {
		t.Errorf("setNumber(%s) left the pipeline's totals unchanged", n.ID)
	}
	if !redrawn {
		t.Errorf("no number's drag changed the drawing (last tried: %s)", n.ID)
	}
	p.await(fmt.Sprintf("looplab.setCode(%q)", c.Code)) // leave the lesson as it was
}

func sameJSON(t *testing.T, a, b []byte) bool {
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	return reflect.DeepEqual(x, y)
}

// TestKeyboard: ← and → step between lessons when focus is not in the
// code, and Space plays.
func TestKeyboard(t *testing.T) {
	p := open(t)
	var slugs []struct{ Slug string }
	p.eval("looplab.lessons()", &slugs)
	p.await(fmt.Sprintf("looplab.go(%q)", slugs[0].Slug))
	p.await("document.activeElement.blur()")
	if _, err := chromedp.Run(p.ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	p.await("new Promise(r => setTimeout(r, 300))")
	if c := p.current(); c.Lesson != slugs[1].Slug {
		t.Errorf("after →: lesson %q, want %q", c.Lesson, slugs[1].Slug)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.KeyEvent(kb.ArrowLeft)); err != nil {
		t.Fatal(err)
	}
	p.await("new Promise(r => setTimeout(r, 300))")
	if c := p.current(); c.Lesson != slugs[0].Slug {
		t.Errorf("after ←: lesson %q, want %q", c.Lesson, slugs[0].Slug)
	}
	p.await("looplab.seek(0)")
	p.await("looplab.pause()")
	p.await("document.activeElement.blur()")
	if _, err := chromedp.Run(p.ctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	var st struct{ Playing bool }
	p.eval("looplab.state()", &st)
	if !st.Playing {
		t.Error("Space did not start playback")
	}
}

// TestBrokenEdit: a parse error shows at its line in the editor and the
// stage keeps the last good run.
func TestBrokenEdit(t *testing.T) {
	p := open(t)
	good := p.current()
	p.await("document.getElementById('edit').click()")
	p.await(`looplab.setCode("import asyncio\nasync def main(:\n    pass\n")`)
	c := p.current()
	if c.Error == nil || c.Error.Line != 2 {
		t.Fatalf("error = %+v, want one on line 2", c.Error)
	}
	if c.Generation != good.Generation || !sameJSON(t, c.Trace, good.Trace) {
		t.Error("the stage lost the last good run")
	}
	// The editor marks the error at its line, in the gutter and under the
	// text; the box under the code says it in words.
	p.waitFor(`document.querySelector("#edit-box .cm-lint-marker-error")`)
	var shown struct {
		Box  bool
		Line string
		Text string
	}
	p.eval(`({box: !document.getElementById('code-error').hidden,
		line: document.querySelector("#edit-box .cm-lintRange-error")?.closest(".cm-line")?.textContent || "",
		text: document.getElementById('code-error').textContent})`, &shown)
	if !shown.Box || !strings.Contains(shown.Text, "Line 2") || !strings.Contains(shown.Line, "async def main(:") {
		t.Errorf("error display = %+v", shown)
	}
	p.await(fmt.Sprintf("looplab.setCode(%q)", good.Code))
	if c := p.current(); c.Error != nil || c.Generation == good.Generation {
		t.Errorf("fixing the code: error %+v, generation %d (was %d)", c.Error, c.Generation, good.Generation)
	}
}

// TestNotSimulatedLinksToRuns: an error about something LoopLab does not
// simulate links to the page that says what it does, which the site has.
func TestNotSimulatedLinksToRuns(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("fastapi")).slug)`)
	p.await(`looplab.setCode("import asyncio\nimport socket\n")`)
	p.waitFor(`document.querySelector("#code-error a")`)
	var link struct {
		Href, Text, Box string
		Status          int
	}
	p.eval(`(() => { const a = document.querySelector("#code-error a"); return {href: a.getAttribute("href"), text: a.textContent, box: document.getElementById("code-error").textContent}; })()`, &link)
	p.eval(`fetch("runs.html").then((r) => r.status)`, &link.Status)
	if link.Href != "runs.html#not-simulated" || link.Text != "What LoopLab runs" || link.Status != 200 || !strings.Contains(link.Box, "module 'socket' is not simulated") {
		t.Errorf("a not-simulated error links to %+v", link)
	}
}

// TestInstantRunShowsItsPrints: a script that only prints, in no virtual
// time, replaces the last run's console and log with its own.
func TestInstantRunShowsItsPrints(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("fastapi")).slug)`)
	p.await(`looplab.setLoad("")`)
	p.await(`looplab.setCode("import asyncio\n\nasync def main():\n    print('first program')\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n")`)
	p.await(`looplab.setCode("words = {'b', 'a'}\nprint('second program', len(words))\n")`)
	p.waitFor(`document.getElementById("console").textContent.includes("second program 2")`)
	var text string
	p.eval(`document.getElementById("console").textContent + "|" + document.getElementById("log").textContent`, &text)
	if strings.Contains(text, "first program") {
		t.Errorf("the last run's output is still shown: %q", text)
	}
}

// TestScrubbedToTheEndShowsTheLastMoment: the slider at its end shows
// what the run printed at its last moment (1.025 s is 1024999.99... µs in
// floating point; a truncated playhead stopped just short of it).
func TestScrubbedToTheEndShowsTheLastMoment(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("fastapi")).slug)`)
	p.await(`looplab.setLoad("")`)
	p.await(`looplab.setCode("import asyncio\n\nasync def main():\n    await asyncio.sleep(1.025)\n    print('done at the end')\n\nasyncio.run(main())\n")`)
	p.eval(`(() => { const s = document.getElementById("scrub"); s.value = "1000"; s.dispatchEvent(new Event("input")); s.dispatchEvent(new Event("change")); return true; })()`, nil)
	p.waitFor(`document.getElementById("console").textContent.includes("done at the end")`)
}

// TestBrokenSavedEditSaysWhyTheStageIsEmpty: a scenario opened with a
// saved edit that does not run has no run to show: the stage says so,
// and no other scenario's run, log or console stands in for it.
func TestBrokenSavedEditSaysWhyTheStageIsEmpty(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("fastapi")).slug)`)
	p.await(`looplab.setLoad("")`)
	p.await(`looplab.setCode("import socket\nprint(socket.gethostname())\n")`)
	p.await(`looplab.go(looplab.lessons()[looplab.lessons().length - 1].slug)`)
	p.waitFor(`document.getElementById("stage-empty").hidden`)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("fastapi")).slug)`)
	p.waitFor(`!document.getElementById("stage-empty").hidden`)
	p.eval(`(document.getElementById("playground").scrollIntoView(), true)`, nil)
	p.viewportShot("broken-saved-edit")
	var shown struct{ Console, Log, Error string }
	p.eval(`({console: document.getElementById("console").textContent, log: document.getElementById("log").textContent, error: document.getElementById("code-error").textContent})`, &shown)
	if shown.Console != "" || shown.Log != "" || !strings.Contains(shown.Error, "socket") || strings.Contains(shown.Error, "last run that worked") {
		t.Errorf("a broken saved edit shows %+v", shown)
	}
}

// TestAppWithoutRequestsOpensTheRequests: code pasted into a script's
// scenario that makes an app asks for requests, and the box to type them
// in opens; with one, the app is served.
func TestAppWithoutRequestsOpensTheRequests(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("three-ways")).slug)`)
	p.await(`looplab.setCode("from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/')\nasync def root():\n    return {'hello': 'world'}\n")`)
	p.waitFor(`!document.getElementById("load-box").hidden && !document.getElementById("load-edit").hidden && document.getElementById("code-error").textContent.includes("gets no requests")`)
	p.await(`looplab.setLoad("at 0 GET /")`)
	p.waitFor(`document.getElementById("code-error").hidden && looplab.current().error == null`)
	// Back to a script: the requests went with the app.
	p.await(`looplab.setCode("print('a script again')\n")`)
	p.waitFor(`document.getElementById("console").textContent.includes("a script again") && looplab.current().error == null`)
}

// TestScriptPastedOverAnAppRuns: a script pasted into an app's scenario
// runs; the lesson's requests stay in their box, marked as not sent, and
// go to the app again when the code is an app again.
func TestScriptPastedOverAnAppRuns(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("event-loop")).slug)`)
	var before struct{ Code, Load string }
	p.eval(`({code: looplab.current().code, load: document.getElementById("load-view").textContent})`, &before)
	if before.Load == "" {
		t.Fatal("the scenario has no requests to keep")
	}
	p.await(`looplab.setCode("import asyncio\n\nasync def main():\n    await asyncio.sleep(0.5)\n    print('pasted script')\n\nasyncio.run(main())\n")`)
	p.waitFor(`JSON.stringify(looplab.current().trace).includes("pasted script") && looplab.current().error == null`)
	var idle struct {
		Note bool
		Load string
	}
	p.eval(`({note: !document.getElementById("load-idle").hidden, load: document.getElementById("load-view").textContent})`, &idle)
	if !idle.Note || idle.Load != before.Load {
		t.Errorf("with a script, the requests box shows %+v; want the note and the lesson's requests %q", idle, before.Load)
	}
	p.await(fmt.Sprintf(`looplab.setCode(%q)`, before.Code))
	p.waitFor(`document.getElementById("load-idle").hidden && looplab.current().error == null && !JSON.stringify(looplab.current().trace).includes("pasted script")`)
}

// TestUndoStaysWithItsScenario: the undo a reset offers belongs to that
// scenario; another scenario never shows it, so it can never take the
// reset code.
func TestUndoStaysWithItsScenario(t *testing.T) {
	p := open(t)
	lessons := []struct{ Slug string }{}
	p.eval("looplab.lessons()", &lessons)
	p.await(fmt.Sprintf("looplab.go(%q)", lessons[0].Slug))
	n := p.current().Numbers[0]
	p.await(fmt.Sprintf("looplab.setNumber(%q, %v)", n.ID, n.Value+n.Step))
	p.eval(`(document.getElementById("reset").click(), !document.getElementById("undo-box").hidden)`, nil)
	p.waitFor(`!document.getElementById("undo-box").hidden`)
	p.await(fmt.Sprintf("looplab.go(%q)", lessons[2].Slug))
	var hidden bool
	p.eval(`document.getElementById("undo-box").hidden`, &hidden)
	if !hidden {
		t.Error("another lesson offers the undo of the first lesson's reset")
	}
}

// TestDeepLink: a link with a changed number restores lesson and number.
func TestDeepLink(t *testing.T) {
	p := open(t)
	var slugs []struct{ Slug string }
	p.eval("looplab.lessons()", &slugs)
	slug := slugs[len(slugs)-1].Slug
	p.await(fmt.Sprintf("looplab.go(%q)", slug))
	c := p.current()
	n := c.Numbers[0]
	value := n.Value + 2*n.Step
	p.await(fmt.Sprintf("looplab.setNumber(%q, %v)", n.ID, value))
	var hash string
	p.eval("location.hash", &hash)
	if !strings.Contains(hash, slug) || !strings.Contains(hash, n.ID+"=") {
		t.Fatalf("hash %q does not keep the lesson and %s", hash, n.ID)
	}
	// A fresh browser (another profile, so no saved edits) loads the
	// link itself: the page starts at it, not at a hash changed later.
	q := openAt(t, hash)
	q.await("new Promise(r => setTimeout(r, 300))")
	got := q.current()
	if got.Lesson != slug {
		t.Errorf("deep link opened %q, want %q", got.Lesson, slug)
	}
	if len(got.Numbers) == 0 || got.Numbers[0].Value != value {
		t.Errorf("deep link: %s = %v, want %v", n.ID, got.Numbers, value)
	}
}

// TestDarkTheme: with prefers-color-scheme: dark, the page and the stage
// turn dark.
func TestDarkTheme(t *testing.T) {
	p := open(t)
	if _, err := chromedp.Run(p.ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
		})
		return chromedp.Void{}, err
	}); err != nil {
		t.Fatal(err)
	}
	var slugs []struct{ Slug string }
	p.eval("looplab.lessons()", &slugs)
	p.await(fmt.Sprintf("looplab.go(%q)", slugs[1].Slug))
	p.await("looplab.seek(1e9)")
	p.await("new Promise(r => setTimeout(r, 300))")
	var bg string
	p.eval("getComputedStyle(document.documentElement).backgroundColor", &bg)
	if bg != "rgb(13, 17, 23)" {
		t.Errorf("page background %s, want the dark one", bg)
	}
	img := p.stage()
	r, g, b, _ := img.At(img.Bounds().Min.X+4, img.Bounds().Max.Y-4).RGBA()
	if r>>8 > 40 || g>>8 > 40 || b>>8 > 40 {
		t.Errorf("stage background (%d,%d,%d) is not dark", r>>8, g>>8, b>>8)
	}
	p.screenshot("dark-" + slugs[1].Slug)
}

// TestDragNumber drags a number in the code panel with the mouse, as a
// learner does, and sees the code, the run and the drawing change; the
// timeline then scrubs on a click.
// dragFirstNumber drags the code's first number 40 px right with the
// mouse, in steps, after scrolling it to block ("center", "end": where
// nothing pinned covers it).
func (p *page) dragFirstNumber(block string) {
	p.t.Helper()
	var box struct{ X, Y float64 }
	p.eval(fmt.Sprintf(`(() => { const el = document.querySelector("#code .num"); el.scrollIntoView({block: %q});
		const r = el.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()`, block), &box)
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, box.X, box.Y, chromedp.ButtonType(input.MouseButtonLeft)),
	}
	for dx := 10.0; dx <= 40; dx += 10 {
		steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box.X+dx, box.Y, chromedp.ButtonType(input.MouseButtonLeft)))
	}
	steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, box.X+40, box.Y, chromedp.ButtonType(input.MouseButtonLeft)))
	for _, s := range steps {
		if _, err := chromedp.Run(p.ctx, s); err != nil {
			p.t.Fatal(err)
		}
	}
}

func TestDragNumber(t *testing.T) {
	p := open(t)
	slug := "three-ways" // a timeline: a drag must change the run
	p.await(fmt.Sprintf("looplab.go(%q)", slug))
	p.await("looplab.seek(1e9)")
	p.await("new Promise(r => setTimeout(r, 200))")
	before := p.current()
	beforeImg := p.stage()
	p.dragFirstNumber("center")
	p.await("new Promise(r => setTimeout(r, 300))")
	after := p.current()
	if after.Numbers[0].Value <= before.Numbers[0].Value {
		t.Fatalf("dragging right: %s went from %v to %v", before.Numbers[0].ID, before.Numbers[0].Value, after.Numbers[0].Value)
	}
	if sameJSON(t, after.Trace, before.Trace) {
		t.Error("the drag left the run unchanged")
	}
	p.await("looplab.seek(1e9)")
	p.await("new Promise(r => setTimeout(r, 200))")
	if !differ(beforeImg, p.stage()) {
		t.Error("the drag left the drawing unchanged")
	}
	p.screenshot("dragged-" + slug)

	// A click on the timeline moves the playhead there.
	var frame struct{ X, Y, W, H float64 }
	p.eval(`(() => { const f = document.getElementById("stage"); f.scrollIntoView(); const r = f.getBoundingClientRect();
		return {x: r.x, y: r.y, w: r.width, h: r.height}; })()`, &frame)
	if _, err := chromedp.Run(p.ctx, chromedp.MouseClickXY(frame.X+frame.W*0.6, frame.Y+frame.H/2)); err != nil {
		t.Fatal(err)
	}
	p.await("new Promise(r => setTimeout(r, 300))")
	var st struct{ T, Duration float64 }
	p.eval("looplab.state()", &st)
	if st.T <= 0 || st.T >= st.Duration {
		t.Errorf("after a click on the timeline the playhead is at %v of %v", st.T, st.Duration)
	}
}

// TestAHangSaysSo: a program CPython would hang on (an event nobody sets)
// ends the run with LoopLab's note in the console, after its output.
func TestAHangSaysSo(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("three-ways")).slug)`)
	p.await(`looplab.setCode("import asyncio\n\nasync def main():\n    print('waiting')\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n")`)
	p.eval(`(() => { const s = document.getElementById("scrub"); s.value = "1000"; s.dispatchEvent(new Event("input")); s.dispatchEvent(new Event("change")); return true; })()`, nil)
	p.waitFor(`document.querySelector("#console .note")?.textContent.includes("never ends")`)
	var text string
	p.eval(`document.getElementById("console").textContent`, &text)
	if !strings.HasPrefix(text, "waiting\n[LoopLab: the program never ends") || !strings.Contains(text, "task Task-1 never finished") {
		t.Errorf("console %q", text)
	}
}

// TestStaleStageSaysSo: while the code does not run, the stage, which
// still shows the last run that worked, says so at its top, and its
// button brings the error (under the code, maybe off screen) into view.
func TestStaleStageSaysSo(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("event-loop")).slug)`)
	p.waitFor(`document.getElementById("stage-stale").hidden`)
	p.await(`looplab.setCode("import asyncio\n\nasync def main():\n    await asyncio.sleep(1\n")`)
	p.waitFor(`!document.getElementById("stage-stale").hidden`)
	var text string
	p.eval(`document.getElementById("stage-stale-text").textContent`, &text)
	if !strings.Contains(text, "line 4") || !strings.Contains(text, "last run that worked") {
		t.Errorf("the stage says %q", text)
	}
	p.await(`document.getElementById("stage-stale-show").click()`)
	p.waitFor(`(() => { const r = document.getElementById("code-error").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`)
	p.await(`document.getElementById("reset").click()`)
	p.waitFor(`document.getElementById("stage-stale").hidden`)
}
