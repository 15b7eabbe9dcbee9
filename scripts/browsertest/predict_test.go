//go:build browser

package browsertest

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// stageAPI is the frame's own API, for the modes the page's API does not
// carry yet.
const stageAPI = `document.getElementById("stage").contentWindow.looplabStage`

// controls lists the page's focusable elements in order, as JavaScript.
const controls = `[...document.querySelectorAll("a[href], button, input, select, textarea, summary, iframe, [tabindex]")]
	.filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility())`

// where says where the keyboard's focus is: the page's element (its id,
// or its tag and text), whether the stage's canvas has it inside the
// frame, whether the frame is marked as focused, and the page's controls
// before and after the frame.
type where struct {
	Page     string
	Canvas   bool
	Marked   bool
	Previous string
	Next     string
}

func (p *page) where() where {
	p.t.Helper()
	var w where
	p.eval(`(() => {
		const f = document.getElementById("stage"), a = document.activeElement;
		const name = (el) => el ? el.id || el.tagName.toLowerCase() + (el.textContent ? ":" + el.textContent.trim().slice(0, 20) : "") : "";
		const all = `+controls+`;
		const i = all.indexOf(f);
		return { page: name(a), canvas: a === f && f.contentDocument.activeElement?.tagName === "CANVAS",
			marked: f.classList.contains("stage-focused"), previous: name(all[i - 1]), next: name(all[i + 1]) };
	})()`, &w)
	return w
}

func (p *page) stroke(key string, shift bool) {
	p.t.Helper()
	var opts []chromedp.KeyOption
	if shift {
		opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	if _, err := chromedp.Run(p.ctx, chromedp.KeyEvent(key, opts...)); err != nil {
		p.t.Fatal(err)
	}
	p.sleep(100 * time.Millisecond)
}

// TestStageKeyboardLeaves: Tab reaches the stage and leaves it both ways,
// Escape leaves it for the next control, the frame is marked while it has
// the focus, and the stage's own keys still work inside.
func TestStageKeyboardLeaves(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking", 0)`)
	p.await("looplab.pause()")
	p.await("looplab.seek(0)")
	p.settle()
	around := p.where()
	if around.Previous == "" || around.Next == "" {
		t.Fatalf("no controls around the stage: %+v", around)
	}
	enter := func(how string) {
		t.Helper()
		if w := p.where(); w.Page != "stage" || !w.Canvas || !w.Marked {
			t.Fatalf("%s: focus on %+v, want the stage's canvas and the frame marked", how, w)
		}
	}
	at := func(how, want string) {
		t.Helper()
		if w := p.where(); w.Page != want || w.Marked {
			t.Errorf("%s: focus on %q (frame marked %v), want %q", how, w.Page, w.Marked, want)
		}
	}
	// Tab in from the control before the stage.
	p.await(`(() => { const all = ` + controls + `; all[all.indexOf(document.getElementById("stage")) - 1].focus(); })()`)
	at("start", around.Previous)
	p.stroke(kb.Tab, false)
	enter("Tab from before")
	// The stage's keys still work: → steps to the next event.
	p.stroke(kb.ArrowRight, false)
	var st struct{ T float64 }
	p.eval("looplab.state()", &st)
	if st.T <= 0 {
		t.Errorf("→ in the stage left the playhead at %v", st.T)
	}
	enter("after →")
	p.stroke(kb.Tab, false)
	at("Tab out", around.Next)
	p.stroke(kb.Tab, true)
	enter("Shift+Tab back")
	// Shift+Tab out goes back to the code beside the stage, its last
	// number, not to what precedes the frame in the page (the lesson's end).
	p.stroke(kb.Tab, true)
	var back struct{ Last, Marked bool }
	p.eval(`(() => { const nums = [...document.querySelectorAll("#live .num")].filter((n) => n.checkVisibility());
		return {last: document.activeElement === nums[nums.length - 1], marked: document.getElementById("stage").classList.contains("stage-focused")}; })()`, &back)
	if !back.Last || back.Marked {
		t.Errorf("Shift+Tab out: focus on %+v, want the code's last number", p.where())
	}
	p.await(`(() => { const all = ` + controls + `; all[all.indexOf(document.getElementById("stage")) - 1].focus(); })()`)
	p.stroke(kb.Tab, false)
	enter("Tab again")
	p.stroke(kb.Escape, false)
	at("Escape", around.Next)
	// "Skip to the stage", the page's first Tab stop, puts the keys on
	// the stage's canvas: → steps from there.
	p.await("looplab.seek(0)")
	p.await(`document.getElementById("skip-stage").focus()`)
	p.stroke(kb.Enter, false)
	enter("Skip to the stage")
	p.stroke(kb.ArrowRight, false)
	p.eval("looplab.state()", &st)
	if st.T <= 0 {
		t.Errorf("→ after Skip to the stage left the playhead at %v", st.T)
	}
}

// TestHideFuture: with the future hidden, layout() reports no marker and
// no bar after the playhead, and says where it stops; shown again, the
// whole run is back.
func TestHideFuture(t *testing.T) {
	p := open(t)
	for _, c := range []struct {
		slug     string
		scenario int
		compare  bool
	}{{"fastapi-blocking", 0, false}, {"three-ways", 0, false}, {"three-ways", 2, true}} {
		p.await(fmt.Sprintf("looplab.go(%q, %d)", c.slug, c.scenario))
		p.await("looplab.pause()")
		p.await(stageAPI + ".setHideFuture(true)")
		p.await("looplab.seek(2)")
		p.settle()
		lay := p.layoutHidden()
		if lay.HiddenAfter == nil || *lay.HiddenAfter != 2 {
			t.Errorf("%s: hiddenAfter %v, want 2", c.slug, lay.HiddenAfter)
		}
		for _, m := range lay.Markers {
			if m.T > 2 {
				t.Errorf("%s: marker %s %q at %v s after the playhead", c.slug, m.Kind, m.Text, m.T)
			}
		}
		versions := map[string]bool{}
		for _, l := range lay.Lanes {
			versions[l.Version] = true
			if l.DrawnTo > 2 {
				t.Errorf("%s: lane %q of %q is drawn to %v s", c.slug, l.Name, l.Version, l.DrawnTo)
			}
		}
		if c.compare != (versions["A"] && versions["B"]) {
			t.Errorf("%s/%d: lanes of versions %v", c.slug, c.scenario, versions)
		}
		p.await(stageAPI + ".setHideFuture(false)")
		p.settle()
		whole := p.layoutHidden()
		later := false
		for _, l := range whole.Lanes {
			later = later || l.DrawnTo > 2
		}
		if whole.HiddenAfter != nil || !later || len(whole.Markers) <= len(lay.Markers) {
			t.Errorf("%s: shown again, hiddenAfter %v, drawn after 2 s %v, %d markers (hidden: %d)",
				c.slug, whole.HiddenAfter, later, len(whole.Markers), len(lay.Markers))
		}
	}
}

// hiddenLayout is layout() with what hide-future and presenter mode add.
type hiddenLayout struct {
	HiddenAfter *float64
	FontSize    float64
	Lanes       []struct {
		Name, Label, Version string
		H, DrawnTo           float64
	}
	Markers []struct {
		Kind, Text string
		T          float64
	}
}

func (p *page) layoutHidden() hiddenLayout {
	p.t.Helper()
	var l hiddenLayout
	p.eval("looplab.layout()", &l)
	return l
}

// TestPresenterMode: the timeline's texts are 16 CSS px or more, its
// labelled rows tall enough for them, in compare mode too; and the run
// can be measured from the stage.
func TestPresenterMode(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking", 0)`)
	p.await(stageAPI + ".setPresenter(true)")
	p.settle()
	lay := p.layoutHidden()
	if lay.FontSize < 16 {
		t.Errorf("presenter mode writes at %v px", lay.FontSize)
	}
	for _, l := range lay.Lanes {
		if l.Label != "" && l.H < 16 {
			t.Errorf("lane %q is labelled at %v px", l.Name, l.H)
		}
	}
	p.screenshot("presenter-fastapi-blocking")
	p.await(stageAPI + ".setPresenter(false)")
	p.settle()
	if lay := p.layoutHidden(); lay.FontSize != 12 {
		t.Errorf("presenter mode off: %v px", lay.FontSize)
	}
	var m struct {
		OK    bool
		Value float64
		Error string
	}
	p.eval(`JSON.parse(`+stageAPI+`.measure("answered", ""))`, &m)
	if !m.OK || m.Value < 1 {
		t.Errorf("measure(answered) = %+v", m)
	}
}
