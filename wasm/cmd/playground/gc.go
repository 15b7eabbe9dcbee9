package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// runGrowth bounds how much simulations may grow the heap while the
// collector is held back before it runs after all (see gcHold).
const runGrowth = 128 << 20

// gcHold holds the collector back while the page simulates, and gives it
// back later, when the browser has painted the new run and is idle.
//
// In wasm the collector has no thread of its own: a collection that
// starts in the middle of a run marks only as the run allocates, and
// every pointer the run writes meanwhile pays a write barrier, until the
// run returns. For a 10,000-request run, which allocates some 30 MB, that
// made one number change in two about 100 ms slower. Collecting once the
// run is over, when the previous run has become garbage, takes a fifth of
// that, and collecting once the learner already sees the new run takes
// it off the number change altogether. While a drag sends change after
// change the hold lasts across them; the memory limit keeps the heap
// bounded meanwhile.
type gcHold struct {
	held    bool
	percent int   // GOGC before the hold
	limit   int64 // the memory limit before the hold
}

// run runs f, a simulation, with the collector held back.
func (h *gcHold) run(f func()) {
	if !h.held {
		total := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
		metrics.Read(total)
		h.limit = debug.SetMemoryLimit(int64(total[0].Value.Uint64()) + runGrowth)
		h.percent = debug.SetGCPercent(-1)
		h.held = true
	}
	f()
}

// release collects if the heap has gone past the collector's goal and
// gives the collector back. Collecting first matters: with the collector
// back on and the heap past its goal, the runtime would start a
// collection of its own at the next allocation, in the middle of
// whatever runs next.
func (h *gcHold) release() {
	if !h.held {
		return
	}
	h.held = false
	if heapPastGoal(h.percent) {
		runtime.GC()
	}
	debug.SetGCPercent(h.percent)
	debug.SetMemoryLimit(h.limit)
}

// heapPastGoal reports whether the heap has reached the size at which the
// collector, at GOGC=percent, would have started: the heap live after the
// last collection, plus percent of it (and at least 4 MB at 100, as the
// runtime has it). The runtime's own goal is no guide here: it moves
// along with the heap while sweeping is unfinished.
func heapPastGoal(percent int) bool {
	if percent < 0 {
		return false
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	live, objects := s[0].Value.Uint64(), s[1].Value.Uint64()
	p := uint64(percent)
	return objects >= max(live+live*p/100, (4<<20)*p/100)
}
