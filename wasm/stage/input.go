package stage

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// How the timeline answers the pointer, a finger and the keys:
//   - a click on the plot moves the playhead there; a drag on the axis,
//     or anywhere while the whole run is in view, scrubs;
//   - while zoomed, a drag on the lanes pans, and so do two fingers;
//   - a pinch, Ctrl or ⌘ with the wheel, and + and − zoom; the wheel with
//     Shift, or sideways, pans (see Wheel); 0 or a double click shows the
//     whole run again;
//   - a click on a group's label opens or closes it.

// drag is a press on the plot being held.
type drag struct {
	on     bool
	x, y   float32 // where it began
	moved  bool
	pan    bool // panning the window rather than scrubbing
	lastX  float32
	touch  ebiten.TouchID
	finger bool
}

// click is the last press, for double clicks.
type click struct {
	at   time.Time
	x, y float32
}

// pinch is two fingers on the stage.
type pinch struct {
	on       bool
	dist, mx float32
}

const (
	doubleClick = 400 * time.Millisecond
	dragSlop    = 4 // CSS px a press may move and still be a click
)

// pointer handles the mouse on a timeline scene.
func (s *Stage) pointer(x, y float32, inside bool) {
	tls, ok := s.scene.(timelines)
	v := s.view()
	if inside && (x != s.drag.lastX || !s.drag.on) {
		s.hover(tls, ok, v, x, y)
	}
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) && inside {
		s.press(x, y, false, 0)
	}
	if s.drag.on && !s.drag.finger {
		if !ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
			s.release()
		} else {
			s.move(max(x, 0), y)
		}
	}
}

// hover remembers the code line of the span under the pointer.
func (s *Stage) hover(tls timelines, ok bool, v View, x, y float32) {
	line, version := int32(0), ""
	if ok {
		if b, found := bandAt(tls.bands(v), x, y); found {
			line, version = b.tl.HoverLine(x, y), b.version
		}
	}
	s.hoverLine, s.hoverVersion = line, version
}

// press begins a click or a drag at a device point.
func (s *Stage) press(x, y float32, finger bool, id ebiten.TouchID) {
	v := s.view()
	now := time.Now()
	double := now.Sub(s.lastClick.at) < doubleClick && abs(x-s.lastClick.x) < s.px(6) && abs(y-s.lastClick.y) < s.px(6)
	s.lastClick = click{now, x, y}
	tls, isTimeline := s.scene.(timelines)
	if isTimeline {
		bs := tls.bands(v)
		if b, found := bandAt(bs, x, y); found && b.tl.ToggleAt(x, y) {
			s.dirty = true
			return
		}
		if double {
			s.fit()
			return
		}
	}
	t, ok := s.scene.TimeAt(v, x, y)
	if !ok {
		return
	}
	s.drag = drag{on: true, x: x, y: y, lastX: x, touch: id, finger: finger}
	s.playing = false
	if isTimeline && s.zoomedLanes(tls, v, x, y) {
		s.drag.pan = true // a click seeks on release; a drag pans
		return
	}
	s.seek(float64(t))
}

// zoomedLanes reports whether a point is on the lanes (not the axis) of a
// zoomed timeline, where a drag pans.
func (s *Stage) zoomedLanes(tls timelines, v View, x, y float32) bool {
	for _, b := range tls.bands(v) {
		_, _, y0, _ := b.tl.Plot()
		if b.tl.Zoomed() && b.tl.InPlot(x, y) && y >= y0 {
			return true
		}
	}
	return false
}

// move follows a held press.
func (s *Stage) move(x, y float32) {
	d := &s.drag
	if !d.moved && abs(x-d.x) < s.px(dragSlop) && abs(y-d.y) < s.px(dragSlop) {
		return
	}
	d.moved = true
	v := s.view()
	if d.pan {
		if tls, ok := s.scene.(timelines); ok && x != d.lastX {
			panBy(tls.bands(v), d.lastX-x)
			s.dirty = true
		}
	} else if t, ok := s.scene.TimeAt(v, x, s.axisY(v)); ok {
		s.seek(float64(t))
	}
	d.lastX = x
}

// axisY is a device y on the axis of the first band, where any x scrubs.
func (s *Stage) axisY(v View) float32 {
	if tls, ok := s.scene.(timelines); ok {
		_, _, y0, _ := tls.bands(v)[0].tl.Plot()
		return y0 - 1
	}
	return 1
}

// release ends a press: a click that did not move seeks where it was.
func (s *Stage) release() {
	d := s.drag
	s.drag.on = false
	if d.pan && !d.moved {
		if t, ok := s.scene.TimeAt(s.view(), d.x, d.y); ok {
			s.seek(float64(t))
		}
	}
}

// touches handles fingers: one is a pointer, two pinch and pan.
func (s *Stage) touches() {
	ids := ebiten.AppendTouchIDs(nil)
	tls, ok := s.scene.(timelines)
	if len(ids) >= 2 && ok {
		s.drag.on = false
		ax, ay := ebiten.TouchPosition(ids[0])
		bx, by := ebiten.TouchPosition(ids[1])
		dist := float32(math.Hypot(float64(bx-ax), float64(by-ay)))
		mx := float32(ax+bx) / 2
		if s.pinch.on && dist > 0 && s.pinch.dist > 0 {
			bs := tls.bands(s.view())
			zoomAt(bs, mx, float64(s.pinch.dist/dist))
			panBy(bs, s.pinch.mx-mx)
			s.dirty = true
		}
		s.pinch = pinch{true, dist, mx}
		return
	}
	s.pinch.on = false
	for _, id := range inpututil.AppendJustPressedTouchIDs(nil) {
		x, y := ebiten.TouchPosition(id)
		// A tap also says what is there: the tooltip a pointer's hover
		// would show, until the next tap.
		s.pointerX, s.pointerY, s.away = float32(x), float32(y), true
		s.dirty = true
		s.press(float32(x), float32(y), true, id)
	}
	if s.drag.on && s.drag.finger {
		if inpututil.IsTouchJustReleased(s.drag.touch) {
			s.release()
		} else {
			x, y := ebiten.TouchPosition(s.drag.touch)
			s.move(float32(x), float32(y))
		}
	}
}

// keys handles the keyboard while the stage has the focus.
func (s *Stage) keys() {
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	tls, isTimeline := s.scene.(timelines)
	pan := func(dir float32) {
		if !isTimeline {
			return
		}
		bs := tls.bands(s.view())
		x0, x1, _, _ := bs[0].tl.Plot()
		panBy(bs, dir*(x1-x0)/4)
		s.dirty = true
	}
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeySpace):
		if s.playing {
			s.playing = false
			s.dirty = true
		} else {
			s.play()
		}
	case inpututil.IsKeyJustPressed(ebiten.KeyArrowRight) && shift:
		pan(1)
	case inpututil.IsKeyJustPressed(ebiten.KeyArrowLeft) && shift:
		pan(-1)
	case inpututil.IsKeyJustPressed(ebiten.KeyArrowRight):
		s.playing = false
		s.step(1)
	case inpututil.IsKeyJustPressed(ebiten.KeyArrowLeft):
		s.playing = false
		s.step(-1)
	case inpututil.IsKeyJustPressed(ebiten.KeyHome):
		s.seek(0)
	case inpututil.IsKeyJustPressed(ebiten.KeyEnd):
		s.seek(math.Inf(1))
	case inpututil.IsKeyJustPressed(ebiten.KeyEqual), inpututil.IsKeyJustPressed(ebiten.KeyNumpadAdd):
		s.zoomBy(0.5)
	case inpututil.IsKeyJustPressed(ebiten.KeyMinus), inpututil.IsKeyJustPressed(ebiten.KeyNumpadSubtract):
		s.zoomBy(2)
	case inpututil.IsKeyJustPressed(ebiten.KeyDigit0), inpututil.IsKeyJustPressed(ebiten.KeyNumpad0):
		s.fit()
	}
}

func (s *Stage) px(css float32) float32 { return css * float32(s.scale) }

func abs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
