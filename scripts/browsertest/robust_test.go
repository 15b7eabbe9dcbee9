//go:build browser

package browsertest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

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
			p.await(`looplab.setNumber("polite.sleep", 2.5)`)
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
	if err := site.Dist(siteDir(t), dist); err != nil {
		t.Fatal(err)
	}
	url, stop := serve(t, dist)
	ctx := launch(t, 1400, 1000)
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

type notice struct {
	Hidden bool
	Text   string
}

func (p *page) linkNotice() notice {
	var n notice
	p.eval(`({ hidden: document.getElementById("link-notice").hidden, text: document.getElementById("link-notice-text").textContent })`, &n)
	return n
}

// TestDeepLinkNotice opens malformed deep links: the lesson opens with
// defaults for what could not be used, numbers are clamped to their
// ranges, and a note says what was ignored. A good link shows no note.
func TestDeepLinkNotice(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	limit := numberNamed(t, p.current(), "polite.sleep").max
	// sleep is the id polite.sleep had before numbers were named after
	// where they are: old links still set it.
	p.await(`(location.hash = "#/fastapi-blocking?s=x&sleep=900&bogus=1", looplab.ready)`)
	p.waitFor(`looplab.current().lesson === "fastapi-blocking" && !document.getElementById("link-notice").hidden`)
	if got := numberNamed(t, p.current(), "polite.sleep").value; got != limit {
		t.Errorf("sleep=900 should be clamped to %v: got %v", limit, got)
	}
	n := p.linkNotice()
	for _, want := range []string{"s=x", "bogus", "sleep=900"} {
		if !strings.Contains(n.Text, want) {
			t.Errorf("the note does not mention %s:\n%s", want, n.Text)
		}
	}
	p.viewportShot("deep-link-notice")

	p.await(`(location.hash = "#/no-such-lesson", true)`)
	p.waitFor(`document.getElementById("link-notice-text").textContent.includes("no-such-lesson")`)
	if c := p.current(); c.Lesson != "async-or-parallel" {
		t.Errorf("an unknown lesson opened %q, not the first", c.Lesson)
	}
	p.await(`(location.hash = "#/gil", true)`)
	p.waitFor(`looplab.current().lesson === "gil"`)
	if n := p.linkNotice(); !n.Hidden {
		t.Errorf("a good link still shows a note: %q", n.Text)
	}
}

type scenarioNumber struct{ value, max float64 }

func numberNamed(t *testing.T, c current, id string) scenarioNumber {
	t.Helper()
	for _, n := range c.Numbers {
		if n.ID == id {
			return scenarioNumber{n.Value, n.Max}
		}
	}
	t.Fatalf("no number %s in %v", id, c.Numbers)
	return scenarioNumber{}
}

// TestNumberClamped drags a number past its range: it stops at the end
// and the page says the range.
func TestNumberClamped(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	limit := numberNamed(t, p.current(), "polite.sleep").max
	p.await(`looplab.setNumber("polite.sleep", 1e6)`)
	if got := numberNamed(t, p.current(), "polite.sleep").value; got != limit {
		t.Errorf("sleep is %v, want the end of its range, %v", got, limit)
	}
	// Dragging on from the end does not widen the range.
	p.await(`looplab.setNumber("polite.sleep", 1e6)`)
	if got := numberNamed(t, p.current(), "polite.sleep").value; got != limit {
		t.Errorf("a second drag took sleep to %v, past %v", got, limit)
	}
	var shown string
	p.eval(`document.getElementById("number-range").textContent`, &shown)
	if !strings.Contains(shown, "stays between") {
		t.Errorf("the range note says %q", shown)
	}
}
