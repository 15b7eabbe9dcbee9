//go:build browser

package browsertest

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
)

// TestTouchDrag drags a number with a finger on a phone, as far as a
// thumb goes: the number follows the whole way, and the page does not
// scroll instead.
func TestTouchDrag(t *testing.T) {
	p := open(t)
	p.resize(390, 844, true)
	cdpCall(p, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1})
	p.await(`looplab.go("fastapi-blocking")`)
	var id string
	p.eval(`looplab.current().numbers.find((n) => n.raw === "4" && n.seconds).id`, &id)
	var at struct{ X, Y float64 }
	p.eval(fmt.Sprintf(`(() => { const n = document.querySelector('#live .num[data-id=%q]'); n.scrollIntoView({block: "center"});
		const r = n.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()`, id), &at)
	var scrollBefore float64
	p.eval("scrollY", &scrollBefore)
	touch := func(typ input.DispatchTouchEventType, x float64) {
		pts := []*input.TouchPoint{{X: x, Y: at.Y}}
		if typ == input.DispatchTouchEventTypeTouchEnd {
			pts = []*input.TouchPoint{}
		}
		cdpCall(p, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
	}
	touch(input.DispatchTouchEventTypeTouchStart, at.X)
	// Left: the 4 has more room below it than above (0 to 16).
	for dx := 6.0; dx <= 120; dx += 6 {
		touch(input.DispatchTouchEventTypeTouchMove, at.X-dx)
		p.sleep(16 * time.Millisecond)
	}
	touch(input.DispatchTouchEventTypeTouchEnd, at.X-120)
	p.sleep(200 * time.Millisecond)
	var value, scrollAfter float64
	p.eval(fmt.Sprintf(`looplab.current().numbers.find((n) => n.id === %q).value`, id), &value)
	p.eval("scrollY", &scrollAfter)
	// 120 px at a quarter step a pixel is 30 steps of 0.05 s: 1.5 s.
	if value > 4-1.2 {
		t.Errorf("a 120 px drag with a finger moved %s from 4 to %v; want about 2.5", id, value)
	}
	if scrollAfter != scrollBefore {
		t.Errorf("the page scrolled from %v to %v during the drag", scrollBefore, scrollAfter)
	}
}
