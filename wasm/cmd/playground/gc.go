package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// runGrowth bounds how much a simulation may grow the heap before the
// collector runs in the middle of it after all (see withoutGC).
const runGrowth = 128 << 20

// withoutGC runs f, a simulation, with the collector held back, and
// collects afterwards if the heap has gone past the collector's goal.
// In wasm the collector has no thread of its own: a collection that
// starts in the middle of a run marks only as the run allocates, and
// every pointer the run writes meanwhile pays a write barrier, until the
// run returns. For a 10,000-request run, which allocates some 30 MB, that
// made one number change in two about 100 ms slower. Collecting once the
// run is over, when the previous run has become garbage, takes a fifth
// of that. The memory limit keeps a huge run from growing the heap
// without bound meanwhile.
func withoutGC(f func()) {
	total := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(total)
	limit := debug.SetMemoryLimit(int64(total[0].Value.Uint64()) + runGrowth)
	percent := debug.SetGCPercent(-1)
	defer func() {
		// Collect before the collector is back on: it would otherwise
		// start a collection of its own at the next allocation.
		if heapPastGoal(percent) {
			runtime.GC()
		}
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}()
	f()
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
