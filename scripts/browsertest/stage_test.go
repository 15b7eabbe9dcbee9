//go:build browser

package browsertest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"

	"looplab/wasm/lesson"
	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// layout is what window.looplab.layout() says the stage drew.
type layout struct {
	View  struct{ From, To float64 }
	Plot  struct{ X, Width float64 }
	Lanes []struct {
		Name, Label, Kind, Version string
		Y, H                       float64
		Group                      int
	}
	Markers []struct {
		Lane, Kind, Text, Version string
		T                         float64
		Shown                     bool
	}
	Highlighted []int
}

func (p *page) layout() layout {
	p.t.Helper()
	var l layout
	p.eval("looplab.layout()", &l)
	return l
}

// settle waits for the stage and the page to catch up with the playhead.
func (p *page) settle() {
	p.await("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))")
}

// TestStageTeaches lays out every scenario of every lesson at a laptop's
// and a phone's size and checks what the picture says by itself: no two
// lanes of a version read alike, the lanes a scenario names as its point
// are tall enough to label and labelled, every print is a marker, and
// the stage is photographed at each moment its lesson talks about.
func TestStageTeaches(t *testing.T) {
	lessons, err := lesson.CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	for _, sz := range []struct {
		name  string
		w, h  int
		phone bool
	}{{"1400x900", 1400, 900, false}, {"390x844", 390, 844, true}} {
		t.Run(sz.name, func(t *testing.T) {
			p := open(t)
			if sz.phone {
				cdpCall(p, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true})
			} else {
				cdpCall(p, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1400, Height: 900, DeviceScaleFactor: 1})
			}
			for i, l := range lessons {
				for _, b := range l.Blocks {
					if !b.Simulated() || b.Scene() != lesson.SceneTimeline {
						continue
					}
					t.Run(fmt.Sprintf("%s/%d", l.Slug, b.Index), func(t *testing.T) {
						p.t = t
						checkPicture(p, b, l.Slug, fmt.Sprintf("stage-%02d-%s-%d", i+1, l.Slug, b.Index), sz.name)
					})
				}
			}
		})
	}
}

func checkPicture(p *page, b *lesson.Block, slug, shot, size string) {
	t := p.t
	p.await(fmt.Sprintf("looplab.go(%q, %d)", slug, b.Index))
	p.await("looplab.pause()")
	p.await("looplab.seek(1e9)")
	p.settle()
	lay := p.layout()
	if len(lay.Lanes) == 0 {
		t.Fatal("the stage reports no lanes")
	}
	seen := map[string]string{}
	for _, l := range lay.Lanes {
		if l.Label == "" {
			continue
		}
		key := l.Version + "\x00" + l.Label
		if other, ok := seen[key]; ok {
			t.Errorf("lanes %q and %q of version %q both read %q", other, l.Name, l.Version, l.Label)
		}
		seen[key] = l.Name
	}
	focus := strings.Fields(b.Options["focus"])
	for _, w := range focus {
		found := false
		for _, l := range lay.Lanes {
			if !geom.MatchesFocus(l.Name, w) && !geom.MatchesFocus(l.Label, w) {
				continue
			}
			found = true
			if l.H < 14 || l.Label == "" {
				t.Errorf("focus lane %q is %.1f px tall with label %q", l.Name, l.H, l.Label)
			}
		}
		if !found {
			t.Errorf("no lane is the focus %q", w)
		}
	}
	// Every print of every version is a marker on its lane.
	c := p.current()
	runs := c.Traces
	if len(runs) == 0 {
		runs = []json.RawMessage{c.Trace}
	}
	for k, raw := range runs {
		var tr trace.Trace
		if err := json.Unmarshal(raw, &tr); err != nil {
			t.Fatal(err)
		}
		version := ""
		if len(runs) > 1 {
			version = string(rune('A' + k))
		}
		for _, pr := range tr.Prints {
			if !slices.ContainsFunc(lay.Markers, func(m struct {
				Lane, Kind, Text, Version string
				T                         float64
				Shown                     bool
			}) bool {
				return m.Kind == "print" && m.Text == pr.Text && m.Version == version && abs(m.T-pr.T.Seconds()) < 1e-6
			}) {
				t.Errorf("version %q: the print %q at %v s has no marker", version, pr.Text, pr.T.Seconds())
			}
		}
	}
	moments, _ := b.Moments()
	for _, m := range append(moments, 1e9) {
		p.await(fmt.Sprintf("looplab.seek(%v)", m))
		p.settle()
		at := "end"
		if m < 1e9 {
			at = strings.ReplaceAll(fmt.Sprintf("%gs", m), ".", "_")
		}
		p.await(`window.scrollTo(0, document.getElementById("playground").getBoundingClientRect().top + scrollY - document.querySelector(".top").offsetHeight - 8)`)
		p.viewportShot(fmt.Sprintf("%s-%s-%s", shot, at, size))
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestOverdueWorkIsReady: in lesson 7's first scenario the two polite
// requests' sleeps end at 4 s, but the loop is blocked until 5 s, so they
// are ready, waiting for the loop, in between, and the stage says so.
func TestOverdueWorkIsReady(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking", 0)`)
	var tr trace.Trace
	if err := json.Unmarshal(p.current().Trace, &tr); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"GET /polite #1", "GET /polite #2"} {
		i := slices.IndexFunc(tr.Lanes, func(l trace.Lane) bool { return l.Name == name })
		if i < 0 {
			t.Fatalf("no lane %q", name)
		}
		ready := false
		for _, sp := range tr.Lanes[i].Spans {
			if sp.State == trace.Ready && sp.From <= 4010*trace.Millisecond && sp.To >= 4990*trace.Millisecond {
				ready = true
			}
			if sp.State == trace.Await && sp.To > 4010*trace.Millisecond {
				t.Errorf("%s awaits past its timer: %+v", name, sp)
			}
		}
		if !ready {
			t.Errorf("%s is not ready from 4 s to 5 s: %+v", name, tr.Lanes[i].Spans)
		}
	}
	// The caption and the code say what happens at 2 s.
	p.await("looplab.seek(2)")
	p.settle()
	var caption string
	p.eval("looplab.caption()", &caption)
	if !strings.Contains(caption, "/rude") || !strings.Contains(caption, "time.sleep(4)") || !strings.Contains(caption, "the event loop is blocked") {
		t.Errorf("caption at 2 s: %q", caption)
	}
	if got := p.layout().Highlighted; !slices.Equal(got, []int{10, 16}) {
		t.Errorf("lines marked at 2 s: %v, want the asyncio.sleep (10) and the time.sleep (16)", got)
	}
}

// TestGILOpensOnTheTurns: the GIL lesson's first scenario opens zoomed in
// far enough that one 5 ms hand-off is at least 4 px wide, on a laptop
// and on a phone; Fit shows the whole run.
func TestGILOpensOnTheTurns(t *testing.T) {
	for _, phone := range []bool{false, true} {
		p := open(t)
		if phone {
			cdpCall(p, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true})
		}
		p.await(`looplab.go("gil", 0)`)
		p.settle()
		lay := p.layout()
		if w := lay.Plot.Width / (lay.View.To - lay.View.From) * 0.005; w < 4 {
			t.Errorf("phone %v: a 5 ms hand-off is %.1f px wide", phone, w)
		}
		p.await(`document.getElementById("zoom-fit").click()`)
		p.settle()
		if lay := p.layout(); lay.View.From != 0 || lay.View.To < 2 {
			t.Errorf("phone %v: after Fit the view is %v", phone, lay.View)
		}
	}
}

// TestZoomAndPan drives the stage's zoom as a learner would: the keys,
// Ctrl with the wheel, a drag on the lanes, a double click to fit.
func TestZoomAndPan(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking", 0)`)
	p.settle()
	whole := p.layout().View
	// Focus the stage as a click does, then press +.
	box := p.frameBox()
	p.click(box.x+box.w/2, box.y+box.h/2)
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
		cdpCall(p, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: typ, Key: "=", Code: "Equal", WindowsVirtualKeyCode: 187})
	}
	p.settle()
	zoomed := p.layout().View
	if zoomed.To-zoomed.From > (whole.To-whole.From)*0.6 {
		t.Errorf("+ left the view at %v (whole run %v)", zoomed, whole)
	}
	// A drag on the lanes pans the zoomed view.
	p.drag(box.x+box.w*0.7, box.y+box.h/2, box.x+box.w*0.4)
	p.settle()
	if panned := p.layout().View; panned.From <= zoomed.From {
		t.Errorf("dragging left did not move the view later: %v then %v", zoomed, panned)
	}
	// A double click shows the whole run.
	p.click(box.x+box.w/2, box.y+box.h/2)
	p.click(box.x+box.w/2, box.y+box.h/2)
	p.settle()
	if v := p.layout().View; v != whole {
		t.Errorf("double click: view %v, want the whole run %v", v, whole)
	}
	// Ctrl with the wheel zooms at the pointer.
	cdpCall(p, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseWheel, X: box.x + box.w*0.6, Y: box.y + box.h/2,
		DeltaX: 0.01, DeltaY: -300, Modifiers: 2})
	p.settle()
	if v := p.layout().View; v.To-v.From >= whole.To-whole.From {
		t.Errorf("Ctrl+wheel did not zoom in: %v", v)
	}
	// The page's buttons, too.
	p.await(`document.getElementById("zoom-fit").click()`)
	p.await(`document.getElementById("zoom-in").click()`)
	p.settle()
	if v := p.layout().View; v.To-v.From > (whole.To-whole.From)*0.6 {
		t.Errorf("the zoom-in button left the view at %v", v)
	}
}

type rect struct{ x, y, w, h float64 }

// frameBox is the stage frame's box in the page, CSS px.
func (p *page) frameBox() rect {
	var r struct{ X, Y, W, H float64 }
	p.eval(`(() => { const b = document.getElementById("stage").getBoundingClientRect(); return {x: b.x, y: b.y, w: b.width, h: b.height}; })()`, &r)
	return rect{r.X, r.Y, r.W, r.H}
}

func (p *page) mouse(typ input.DispatchMouseEventType, x, y float64, buttons int64) {
	cdpCall(p, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons, ClickCount: 1})
}

func (p *page) click(x, y float64) {
	p.mouse(input.DispatchMouseEventTypeMousePressed, x, y, 1)
	p.sleep(40 * time.Millisecond)
	p.mouse(input.DispatchMouseEventTypeMouseReleased, x, y, 0)
	p.sleep(60 * time.Millisecond)
}

func (p *page) drag(x, y, toX float64) {
	p.mouse(input.DispatchMouseEventTypeMousePressed, x, y, 1)
	for i := 1; i <= 8; i++ {
		p.sleep(30 * time.Millisecond)
		p.mouse(input.DispatchMouseEventTypeMouseMoved, x+(toX-x)*float64(i)/8, y, 1)
	}
	p.sleep(30 * time.Millisecond)
	p.mouse(input.DispatchMouseEventTypeMouseReleased, toX, y, 0)
	p.sleep(500 * time.Millisecond) // past the double-click window
}

// TestHoverLeavesWithThePointer: the line of the span under the pointer
// is marked while the pointer is over the stage and forgotten when it
// leaves the frame, so no tooltip or mark is left behind.
func TestHoverLeavesWithThePointer(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("fastapi-blocking", 0)`)
	p.await(`looplab.seek(1e6)`) // played to its end, the run is drawn whole past its open question
	p.settle()
	lay := p.layout()
	var y float64
	for _, l := range lay.Lanes {
		if l.Name == "GET /rude #3" {
			y = l.Y + l.H/2
		}
	}
	box := p.frameBox()
	x := lay.Plot.X + lay.Plot.Width*2/(lay.View.To-lay.View.From) // at 2 s, in time.sleep(4)
	hover := func() int {
		var h struct{ Line int }
		p.eval(`JSON.parse(document.getElementById("stage").contentWindow.looplabStage.hoverLine())`, &h)
		return h.Line
	}
	p.mouse(input.DispatchMouseEventTypeMouseMoved, box.x+x, box.y+y, 0)
	p.sleep(150 * time.Millisecond)
	if hover() == 0 {
		t.Fatal("no line under the pointer over /rude's time.sleep")
	}
	p.mouse(input.DispatchMouseEventTypeMouseMoved, box.x-200, box.y+y, 0) // over the lesson
	p.sleep(150 * time.Millisecond)
	if line := hover(); line != 0 {
		t.Errorf("the pointer left the stage, but line %d is still hovered", line)
	}
}
