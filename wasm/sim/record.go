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

// showsJob reports whether lane shows what a thread or process does for
// it, or waits for, rather than the lane's own code: at the end of a task
// step, only a job the step started can have put it there, as the step
// showed the task running when it began and the loop held the GIL since.
func (s *Sim) showsJob(lane int) bool {
	switch st, _ := s.rec.State(lane); st {
	case trace.Token, trace.Queued, trace.Thread, trace.Process, trace.GILWait:
		return true
	}
	return false
}

// Escaped records that err escaped the code c runs for its lane, where
// nothing above it can catch it: an endpoint that answers 500.
func (c *Ctx) Escaped(err error) {
	c.s.rec.Event(c.s.now, trace.EvError, c.Lane(), "raises "+err.Error())
}

// ended records how the code of a task or thread on lane ended: it
// finishes, an exception escapes it, or it is cancelled.
func (s *Sim) ended(lane int, err error) {
	switch {
	case err == nil:
		s.rec.Event(s.now, trace.EvEnd, lane, "finishes")
	case IsCancelled(err):
		s.rec.Event(s.now, trace.EvCancel, lane, "is cancelled")
	default:
		s.rec.Event(s.now, trace.EvError, lane, "raises "+err.Error())
	}
}
