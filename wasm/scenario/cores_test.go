package scenario

import (
	"fmt"
	"sort"
	"testing"

	"looplab/wasm/trace"
)

// poolApp runs cpu(0.6) in a pool of processes, one job per request.
func poolApp(workers int) string {
	return fmt.Sprintf(`import asyncio
from concurrent.futures import ProcessPoolExecutor
from fastapi import FastAPI

app = FastAPI()
pool = ProcessPoolExecutor(max_workers=%d)

@app.get("/crunch")
async def crunch():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(pool, cpu, 0.6)
    return {}
`, workers)
}

// crunchTimes runs n requests at once on two cores and returns their
// latencies, fastest first.
func crunchTimes(t *testing.T, n int, seed uint64) []trace.Time {
	t.Helper()
	load := fmt.Sprintf("%d x at 0 GET /crunch\n", n)
	tr, err := Run(Spec{Code: poolApp(n), Load: load, Settings: Settings{Cores: 2, Seed: seed}})
	if err != nil {
		t.Fatal(err)
	}
	var lat []trace.Time
	for _, r := range tr.Requests {
		lat = append(lat, r.End-r.Sent)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat
}

// Three equal jobs on two cores: the OS moves them between cores now and
// then, so they share the cores evenly only on average. Real Linux
// finished them at about 0.83, 0.89 and 0.94 s (the corpus's
// process_pool_oversubscribed), not all at the fair 0.9 s.
func TestOversubscribedCoresShareUnevenly(t *testing.T) {
	const seeds = 200
	var first, last []float64
	for seed := uint64(1); seed <= seeds; seed++ {
		lat := crunchTimes(t, 3, seed)
		// A freed core takes the waiting job at once, so no job takes
		// longer than running alone after sharing half a core until then.
		if lat[0] < 600*ms || lat[2] > 1200*ms {
			t.Fatalf("seed %d: %v µs; want every job between 0.6 and 1.2 s", seed, lat)
		}
		first = append(first, lat[0].Seconds())
		last = append(last, lat[2].Seconds())
	}
	f, l := median(first), median(last)
	if f < 0.78 || f > 0.87 || l < 0.91 || l > 1.0 {
		t.Errorf("median fastest %.3f s and slowest %.3f s; want them spread around the fair 0.9 s (about 0.84 and 0.92)", f, l)
	}
}

// With no more jobs than cores, each has a core of its own.
func TestJobsUpToTheCoresRunAtFullSpeed(t *testing.T) {
	for _, lat := range crunchTimes(t, 2, 1) {
		if lat < 600*ms || lat > 610*ms {
			t.Errorf("a job took %v µs beside one other on two cores; want 0.6 s", lat)
		}
	}
}
