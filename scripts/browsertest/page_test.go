//go:build browser

package browsertest

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
)

// resize emulates a screen of width × height CSS pixels.
func (p *page) resize(width, height int, mobile bool) {
	cdpCall(p, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: int64(width), Height: int64(height), DeviceScaleFactor: 1, Mobile: mobile})
	p.sleep(100 * time.Millisecond)
}

// inView scrolls each number of the scenario on the stage into view, as a
// learner scrolls to the number a lesson names, and returns for each how
// much of the stage is then in view (0 to 1).
const inView = `(async () => {
  const out = [];
  const stage = document.getElementById("stage");
  const shown = (r) => Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / r.height *
    Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0)) / r.width;
  for (const num of document.querySelectorAll("#live .num")) {
    if (!num.checkVisibility()) continue;
    num.scrollIntoView({block: "nearest"});
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const n = num.getBoundingClientRect();
    out.push({id: num.dataset.src + ":" + num.dataset.id, number: shown(n), stage: shown(stage.getBoundingClientRect())});
  }
  return out;
})()`

// TestDragAndWatch: at 1400 × 900 and 1280 × 720, whichever number of
// whichever scenario the learner scrolls to, the stage stays in view
// while they drag it; on a phone the pinned stage does too.
func TestDragAndWatch(t *testing.T) {
	p := open(t)
	var blocks []struct {
		Slug      string
		Scenarios int
	}
	p.eval("looplab.lessons()", &blocks)
	for _, size := range []struct {
		w, h   int
		mobile bool
	}{{1400, 900, false}, {1280, 720, false}, {390, 844, true}} {
		p.resize(size.w, size.h, size.mobile)
		count, scenarios, least := 0, 0, 1.0
		for _, l := range blocks {
			for i := range l.Scenarios {
				p.await(fmt.Sprintf("looplab.go(%q, %d)", l.Slug, i))
				var seen []struct {
					ID            string
					Number, Stage float64
				}
				p.eval(inView, &seen)
				scenarios++
				count += len(seen)
				for _, s := range seen {
					least = min(least, s.Stage)
					if s.Number < 0.95 {
						t.Errorf("%d×%d %s/%d: number %s is not in view after scrolling to it (%.0f %%)", size.w, size.h, l.Slug, i, s.ID, 100*s.Number)
					}
					if s.Stage < 0.9 {
						t.Errorf("%d×%d %s/%d: with number %s in view only %.0f %% of the stage is", size.w, size.h, l.Slug, i, s.ID, 100*s.Stage)
					}
				}
			}
		}
		t.Logf("%d×%d: %d numbers in %d scenarios, each scrolled into view: at least %.0f %% of the stage in view", size.w, size.h, count, scenarios, 100*least)
	}
}

// TestNudgeKeepsFocus: five arrow presses on a number change it five times,
// focus stays on it and the lesson does not change.
func TestNudgeKeepsFocus(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking")`)
	p.await(`document.querySelector("#live .num").focus()`)
	var before current
	before = p.current()
	for range 5 {
		p.key(input.DispatchKeyEventTypeRawKeyDown, "ArrowRight", 39)
		p.key(input.DispatchKeyEventTypeKeyUp, "ArrowRight", 39)
		p.sleep(60 * time.Millisecond)
	}
	after := p.current()
	var focused struct {
		Num bool
		ID  string
	}
	p.eval(`({num: document.activeElement.classList.contains("num"), id: document.activeElement.dataset.id || ""})`, &focused)
	if after.Lesson != "fastapi-blocking" {
		t.Fatalf("the arrows changed the lesson to %s", after.Lesson)
	}
	if !focused.Num || focused.ID != before.Numbers[0].ID {
		t.Errorf("focus left the number: %+v", focused)
	}
	got := after.Numbers[0].Value - before.Numbers[0].Value
	if want := 5 * before.Numbers[0].Step; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("five presses moved %s by %v, want %v", before.Numbers[0].ID, got, want)
	}
}
