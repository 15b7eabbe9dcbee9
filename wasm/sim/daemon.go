package sim

import "looplab/wasm/trace"

// isDaemon says the thread's pending work need not keep the run going: a
// daemon thread nobody joins dies with its process.
func (t *Thread) isDaemon() bool { return t.bg != nil && t.bg.daemon && !t.bg.joined }

func onlyDaemons(ts []*Thread) bool {
	for _, t := range ts {
		if !t.isDaemon() {
			return false
		}
	}
	return len(ts) > 0
}

// onlyDaemonsLeft reports whether everything still scheduled is daemon
// threads' own work, and no other thread waits for anything (which a
// daemon thread might still provide: an item on a queue). Real daemon
// threads are killed when their process exits, and a served app's run is
// over once its load is, so such work must not keep the run going (a
// subscriber waiting for messages forever). The heap is small; this runs
// only when a daemon event is next.
func (s *Sim) onlyDaemonsLeft() bool {
	if s.nextArrival < len(s.arrivals) || s.waits > 0 {
		return false
	}
	for _, it := range s.events.items {
		if e := s.event(it.v); !e.dead && !e.daemon {
			return false
		}
	}
	return true
}

// endThreads marks the daemon threads still running when the run ends.
func (s *Sim) endThreads() {
	for _, t := range s.threads {
		if t.bg.alive && t.bg.daemon {
			s.rec.Event(s.now, trace.EvEnd, t.lane, "is still running at the end; a daemon thread does not keep its process alive")
		}
	}
}

// unfinishedThreads lists non-daemon threads that never finished (the run
// hit a limit, or they wait for something that never happens).
func (s *Sim) unfinishedThreads() []string {
	var out []string
	for _, t := range s.threads {
		if t.bg.alive && !t.bg.daemon {
			out = append(out, "thread "+t.PyName()+" never finished (not a daemon thread: its process cannot exit while it runs)")
		}
	}
	return out
}
