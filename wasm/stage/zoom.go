package stage

import (
	"math"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// band is one timeline of a scene and its version's name in compare mode.
type band struct {
	tl      *geom.Timeline
	version string
}

// timelines are scenes of one or two timelines on one time axis: they
// zoom and pan together, report what they drew, and outline the spans of
// a code line.
type timelines interface {
	Scene
	bands(v View) []band
}

// timeAt maps a point over one of the bands to a time.
func timeAt(bs []band, x, y float32) (trace.Time, bool) {
	for _, b := range bs {
		if b.tl.InPlot(x, y) {
			return b.tl.TimeAt(x), true
		}
	}
	return 0, false
}

// bandAt is the band whose plot or gutter is under device y.
func bandAt(bs []band, x, y float32) (band, bool) {
	for _, b := range bs {
		if b.tl.InPlot(x, y) || b.tl.InGutter(x, y) {
			return b, true
		}
	}
	return band{}, false
}

// setWindow shows from..to in every band.
func setWindow(bs []band, from, to trace.Time) {
	for _, b := range bs {
		b.tl.SetWindow(from, to)
	}
}

// inStep changes the first band's window and gives the others the same
// one: the runs of compare mode zoom and pan together.
func inStep(bs []band, change func(tl *geom.Timeline)) {
	if len(bs) == 0 {
		return
	}
	change(bs[0].tl)
	from, to := bs[0].tl.Window()
	setWindow(bs[1:], from, to)
}

// zoomAt zooms every band by factor about the time under device x.
func zoomAt(bs []band, x float32, factor float64) {
	inStep(bs, func(tl *geom.Timeline) { tl.ZoomAt(x, factor) })
}

// panBy moves every band's window by dx device pixels.
func panBy(bs []band, dx float32) {
	inStep(bs, func(tl *geom.Timeline) { tl.PanBy(dx) })
}

// follow keeps the playhead in a zoomed window while it plays.
func follow(bs []band, t trace.Time) {
	inStep(bs, func(tl *geom.Timeline) { tl.Follow(t) })
}

// Layout is what a timeline scene drew with the playhead at t: one
// report, or in compare mode both merged, their lanes and markers marked
// A and B.
func layoutOf(bs []band, t trace.Time) geom.Report {
	var out geom.Report
	for i, b := range bs {
		r := b.tl.Report(b.version, t)
		if i == 0 {
			out = r
			continue
		}
		out.Lanes = append(out.Lanes, r.Lanes...)
		out.Markers = append(out.Markers, r.Markers...)
	}
	return out
}

// fit shows the whole run in every band.
func (s *Stage) fit() {
	if tls, ok := s.scene.(timelines); ok {
		inStep(tls.bands(s.view()), (*geom.Timeline).Fit)
		s.dirty = true
	}
}

// Fit shows the whole run.
func (s *Stage) Fit() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fit()
}

// Zoom shows the stretch from..to of the run (seconds).
func (s *Stage) Zoom(from, to float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if tls, ok := s.scene.(timelines); ok {
		setWindow(tls.bands(s.view()), trace.Time(math.Round(from*1e6)), trace.Time(math.Round(to*1e6)))
		s.dirty = true
	}
}

// ZoomBy scales the window by factor about the playhead (the page's zoom
// buttons).
func (s *Stage) ZoomBy(factor float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zoomBy(factor)
}

// zoomBy is ZoomBy without the lock, for the keys.
func (s *Stage) zoomBy(factor float64) {
	if tls, ok := s.scene.(timelines); ok {
		bs := tls.bands(s.view())
		zoomAt(bs, bs[0].tl.X(trace.Time(math.Round(s.t))), factor)
		s.dirty = true
	}
}

// Wheel takes a wheel event at CSS point x, y (deltas in CSS px): with
// ctrl (Ctrl, ⌘, or a trackpad's pinch) it zooms at the pointer; with
// shift, or sideways, it pans; otherwise it scrolls lanes that overflow.
// It reports whether it used the event, so the page can scroll when not.
func (s *Stage) Wheel(x, y, dx, dy float64, ctrl, shift bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	tls, ok := s.scene.(timelines)
	if !ok {
		return false
	}
	v := s.view()
	bs := tls.bands(v)
	px, py := float32(x*s.scale), float32(y*s.scale)
	switch {
	case ctrl:
		zoomAt(bs, px, math.Exp(dy/300))
	case shift || math.Abs(dx) > math.Abs(dy):
		d := dx
		if math.Abs(dx) < math.Abs(dy) {
			d = dy
		}
		panBy(bs, float32(d*s.scale))
	default:
		b, found := bandAt(bs, px, py)
		if !found || !b.tl.Overflows() {
			return false
		}
		b.tl.ScrollBy(float32(dy * s.scale))
	}
	s.dirty = true
	return true
}

// Drawn reports what the timeline on the stage drew (nil for other scenes).
func (s *Stage) Drawn() *geom.Report {
	s.mu.Lock()
	defer s.mu.Unlock()
	tls, ok := s.scene.(timelines)
	if !ok {
		return nil
	}
	v := s.view()
	r := layoutOf(tls.bands(v), v.T)
	return &r
}

// HoverLine is the code line of the span under the pointer and its
// version ("A" or "B" in compare mode), line 0 when none.
func (s *Stage) HoverLine() (int32, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hoverLine, s.hoverVersion
}

// Highlight outlines the spans of a code line of one version ("" or "A"
// for the first), 0 for none: the page calls it while a line is hovered.
func (s *Stage) Highlight(line int32, version string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if tls, ok := s.scene.(timelines); ok {
		for _, b := range tls.bands(s.view()) {
			if b.version == version || (version == "" && b.version == "A") || (version == "A" && b.version == "") {
				b.tl.SetHighlight(line)
			} else {
				b.tl.SetHighlight(0)
			}
		}
		s.dirty = true
	}
}

// Rows is how many rows a timeline scene needs with its groups closed:
// each version's, in compare mode.
func Rows(sc Scene) (a, b int) {
	switch s := sc.(type) {
	case *timelineScene:
		return s.tl.GroupedRows(), 0
	case *compareScene:
		return s.tls[0].GroupedRows(), s.tls[1].GroupedRows()
	}
	return 0, 0
}
