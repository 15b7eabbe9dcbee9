//go:build browser

package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"looplab/scripts/internal/headless"
	"looplab/wasm/site"
)

// TestCrashPanel makes the simulator panic, inside an API call and inside
// a frame (which kills the Go program), and checks that the page shows
// the error panel, keeps the learner's edit, and that "Reload scenario"
// brings back a working stage running that edit.
func TestCrashPanel(t *testing.T) {
	for _, where := range []string{"call", "frame"} {
		t.Run(where, func(t *testing.T) {
			p := open(t)
			p.await(`looplab.go("fastapi-blocking")`)
			p.await(`looplab.setNumber("sleep", 2.5)`)
			edited := p.current().Code
			if !strings.Contains(edited, "sleep(2.5)") {
				t.Fatalf("the edit did not take:\n%s", edited)
			}
			p.await(`looplab.crashForTest(` + quote(where) + `)`)
			p.waitFor("looplab.crashed()")
			var shown struct {
				Visible bool
				Msg     string
				Focused string
			}
			p.eval(`(() => {
			  const panel = document.getElementById("stage-crash");
			  return { visible: !panel.hidden && panel.offsetHeight > 0,
			    msg: document.getElementById("stage-crash-msg").textContent,
			    focused: document.activeElement.id };
			})()`, &shown)
			if !shown.Visible || !strings.Contains(shown.Msg, "asked to crash") || shown.Focused != "stage-reload" {
				t.Errorf("panel: %+v", shown)
			}
			p.viewportShot("crash-" + where)
			if code := p.current().Code; code != edited {
				t.Errorf("the edit was lost with the crash:\n%s", code)
			}
			gen := p.current().Generation
			if _, err := chromedp.Run(p.ctx, chromedp.Click(chromedp.ID("stage-reload"))); err != nil {
				t.Fatal(err)
			}
			p.waitFor("!looplab.crashed() && looplab.state() !== null && looplab.state().drawn > 0")
			c := p.current()
			if c.Code != edited || c.Error != nil {
				t.Errorf("after the reload: code %q, error %+v", c.Code, c.Error)
			}
			if where == "frame" && c.Generation == gen && gen > 1 {
				t.Errorf("the stage did not re-simulate after the reload (generation %d)", gen)
			}
			if inkFraction(p.stage()) < 0.02 {
				t.Error("the reloaded stage draws nothing")
			}
		})
	}
}

func quote(s string) string { return `"` + s + `"` }

// TestDistOffline serves the dist folder (make dist), lets the service
// worker keep the course, stops the server, and reads another lesson and
// runs its scenario with no network at all.
func TestDistOffline(t *testing.T) {
	dist := filepath.Join(t.TempDir(), "dist")
	if err := site.Dist(os.Getenv("LOOPLAB_SITE"), dist); err != nil {
		t.Fatal(err)
	}
	url, stop, err := headless.Serve(dist)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ctx, cancel, err := headless.Browser(t.TempDir(), 1400, 1000)
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	p := &page{t: t, ctx: ctx, url: url}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	p.waitFor("navigator.serviceWorker.controller !== null")
	var cached int
	p.eval(`caches.keys().then((ks) => Promise.all(ks.map((k) => caches.open(k).then((c) => c.keys())))).then((all) => all.flat().length)`, &cached)
	if cached < 10 {
		t.Fatalf("the service worker cached %d files", cached)
	}
	stop() // from here on, no server
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"#/gil")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	var title string
	p.eval(`document.querySelector("article:not([hidden]) h1").textContent`, &title)
	c := p.current()
	if c.Lesson != "gil" || title == "" || len(c.Trace) < 10 || c.Error != nil {
		t.Errorf("offline: lesson %q, title %q, trace %.80s, error %+v", c.Lesson, title, c.Trace, c.Error)
	}
	p.viewportShot("offline-gil")
}
