package sim

import "looplab/wasm/trace"

// beginCall shows lane starting a call of the scenario's code at line:
// a span of its own, even after one that reads the same. Without a line
// (the server's own work, or a fiber that cannot say) the lane just
// changes state, and equal spans merge.
func (s *Sim) beginCall(lane int, state trace.State, label string, line int32) {
	if line == 0 {
		s.rec.Set(lane, s.now, state, label)
		return
	}
	s.rec.Begin(lane, s.now, state, label, line)
}
