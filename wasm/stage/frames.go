package stage

import (
	"time"

	"looplab/wasm/report"
)

// frameStats keeps the last few thousand frame intervals and paint times,
// for the page's frames() and the performance script.
type frameStats struct {
	last      time.Time
	intervals []float64 // ms between ticks
	paints    []float64 // ms spent painting
	works     []float64 // ms of Go work per painted frame: its Updates and its Draw
	update    time.Duration
}

// updated adds an Update's duration to the next painted frame's work;
// idle drops it when nothing was painted.
func (f *frameStats) updated(d time.Duration) { f.update += d }
func (f *frameStats) idle()                   { f.update = 0 }

const keepFrames = 4096

func (f *frameStats) tick(now time.Time) {
	if !f.last.IsZero() {
		f.intervals = keep(f.intervals, float64(now.Sub(f.last).Microseconds())/1000)
	}
	f.last = now
}

func (f *frameStats) draw(d time.Duration) {
	f.paints = keep(f.paints, float64(d.Microseconds())/1000)
	f.works = keep(f.works, float64((d+f.update).Microseconds())/1000)
	f.update = 0
}

func keep(v []float64, x float64) []float64 {
	if len(v) >= keepFrames {
		v = append(v[:0], v[len(v)/2:]...)
	}
	return append(v, x)
}

// FrameStats are medians and 99th percentiles, in milliseconds.
type FrameStats struct {
	Ticks          int     `json:"ticks"`
	IntervalMedian float64 `json:"intervalMedian"`
	IntervalP99    float64 `json:"intervalP99"`
	Paints         int     `json:"paints"`
	PaintMedian    float64 `json:"paintMedian"`
	PaintP99       float64 `json:"paintP99"`
	WorkMedian     float64 `json:"workMedian"` // Update + Draw, per painted frame
	WorkP99        float64 `json:"workP99"`
}

// Frames reports the statistics and, with reset, starts afresh.
func (s *Stage) Frames(reset bool) FrameStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &s.stats
	out := FrameStats{Ticks: len(f.intervals), Paints: len(f.paints)}
	out.IntervalMedian, out.IntervalP99 = report.Quantile(f.intervals, 0.5), report.Quantile(f.intervals, 0.99)
	out.PaintMedian, out.PaintP99 = report.Quantile(f.paints, 0.5), report.Quantile(f.paints, 0.99)
	out.WorkMedian, out.WorkP99 = report.Quantile(f.works, 0.5), report.Quantile(f.works, 0.99)
	if reset {
		f.intervals, f.paints, f.works, f.last, f.update = f.intervals[:0], f.paints[:0], f.works[:0], time.Time{}, 0
	}
	return out
}
