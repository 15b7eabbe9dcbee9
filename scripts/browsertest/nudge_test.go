//go:build browser

package browsertest

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
)

// TestNudgeStepsBack focuses WORK = 0.008 in the game loop lesson (a
// duration that steps by 0.01) and presses the arrow keys: ArrowUp moves
// it by its step from where it is, to between 0.008 and 0.02, and
// ArrowDown brings back 0.008; a step the range cuts short (down to 0)
// comes back with the opposite key too.
func TestNudgeStepsBack(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("game-loop")`)
	p.await(`(() => { const n = document.querySelector('#live .num[data-id="work"]');
		n.scrollIntoView({block: "center"}); n.focus(); })()`)
	work := func() float64 {
		t.Helper()
		var v float64
		p.eval(`Number(/^WORK = ([0-9.]+)/m.exec(looplab.current().code)[1])`, &v)
		// The code panel shows what the code says, and keeps the focus.
		p.waitFor(`document.activeElement?.dataset?.id === "work" && Number(document.activeElement.textContent) === Number(/^WORK = ([0-9.]+)/m.exec(looplab.current().code)[1])`)
		return v
	}
	press := func(key string, code int64) float64 {
		t.Helper()
		p.key(input.DispatchKeyEventTypeRawKeyDown, key, code)
		p.key(input.DispatchKeyEventTypeKeyUp, key, code)
		p.sleep(100 * time.Millisecond)
		return work()
	}
	start := work()
	if start != 0.008 {
		t.Fatalf("WORK = %v; the lesson has 0.008", start)
	}
	up := press("ArrowUp", 38)
	if up <= 0.008 || up >= 0.02 {
		t.Errorf("ArrowUp from 0.008 gave %v; want a step from the value, between 0.008 and 0.02", up)
	}
	if back := press("ArrowDown", 40); back != start {
		t.Errorf("ArrowUp then ArrowDown: %v, %v; want %v back", up, back, start)
	}
	if low := press("ArrowDown", 40); low != 0 {
		t.Errorf("ArrowDown from 0.008 gave %v; want 0, the bottom of the range", low)
	}
	if back := press("ArrowUp", 38); back != start {
		t.Errorf("ArrowDown to 0 then ArrowUp: %v; want %v back", back, start)
	}
	// A number on its step's grid steps as it did: FPS by 1.
	p.await(`document.querySelector('#live .num[data-id="fps"]').focus()`)
	var fps []float64
	for _, k := range []struct {
		key  string
		code int64
	}{{"ArrowUp", 38}, {"ArrowDown", 40}} {
		p.key(input.DispatchKeyEventTypeRawKeyDown, k.key, k.code)
		p.key(input.DispatchKeyEventTypeKeyUp, k.key, k.code)
		p.sleep(100 * time.Millisecond)
		var v float64
		p.eval(`Number(/^FPS = ([0-9.]+)/m.exec(looplab.current().code)[1])`, &v)
		fps = append(fps, v)
	}
	if fps[0] != 31 || fps[1] != 30 {
		t.Errorf("FPS = 30, ArrowUp, ArrowDown: %v; want 31, 30", fps)
	}
}
