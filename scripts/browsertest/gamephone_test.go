//go:build browser

package browsertest

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
)

// TestGameOnPhone plays the game loop lesson on an upright phone, where
// the stage is short and narrow: the play field is drawn beside the HUD,
// so holding the mouse button in it steers the ship there, and after a
// click on the stage the arrow keys steer it too.
func TestGameOnPhone(t *testing.T) {
	p := open(t)
	p.resize(390, 844, true)
	p.await(`looplab.go("game-loop")`)
	p.sleep(300 * time.Millisecond)
	f := p.frameBox()
	// The field is a square 10 CSS px in from the top left corner, as
	// tall as the stage allows while leaving the HUD 176 px (wasm/gameloop).
	s := min(f.h-20, f.w-30-176)
	if s < 100 {
		t.Fatalf("stage %+v: room for a field of only %.0f px", f, s)
	}
	x0 := p.gameStats().ShipX
	p.mouse(input.DispatchMouseEventTypeMousePressed, f.x+10+s*0.15, f.y+10+s*0.5, 1)
	p.sleep(1500 * time.Millisecond)
	p.mouse(input.DispatchMouseEventTypeMouseReleased, f.x+10+s*0.15, f.y+10+s*0.5, 0)
	x1 := p.gameStats().ShipX
	if x1 > 0.3 {
		t.Errorf("holding the button at the field's left: ship x %.3f then %.3f; want it near 0.15", x0, x1)
	}
	p.key(input.DispatchKeyEventTypeRawKeyDown, "ArrowRight", 39)
	p.sleep(700 * time.Millisecond)
	p.key(input.DispatchKeyEventTypeKeyUp, "ArrowRight", 39)
	if x2 := p.gameStats().ShipX; x2 <= x1+0.1 {
		t.Errorf("holding → on the phone: ship x %.3f then %.3f; want it to move right", x1, x2)
	}
	// A finger held at the field's right steers the ship there: a phone
	// sends touches, not a mouse.
	touch := func(typ input.DispatchTouchEventType, points []*input.TouchPoint) {
		cdpCall(p, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: points})
	}
	at := []*input.TouchPoint{{X: f.x + 10 + s*0.85, Y: f.y + 10 + s*0.5}}
	touch(input.DispatchTouchEventTypeTouchStart, at)
	for i := 0; i < 10; i++ {
		p.sleep(150 * time.Millisecond)
		touch(input.DispatchTouchEventTypeTouchMove, at)
	}
	touch(input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{})
	if x3 := p.gameStats().ShipX; x3 < 0.7 {
		t.Errorf("a finger held at the field's right: ship x %.3f; want it near 0.85", x3)
	}
	if st := p.gameStats(); st.FPS < 25 {
		t.Errorf("the game runs at %v frames a second on the phone; want about 30", st.FPS)
	}
	p.viewportShot("game-phone")
}
