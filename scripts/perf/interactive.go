//go:build browser

package main

import (
	"context"
	"fmt"
	"time"

	"looplab/scripts/internal/workload"
	"looplab/wasm/report"
)

type frames struct {
	Ticks                 int
	IntervalMedian        float64
	IntervalP99           float64
	WorkMedian, WorkP99   float64
	PaintMedian, PaintP99 float64
}

type memStats struct {
	TotalAlloc float64 `json:"totalAlloc"`
	HeapInuse  float64 `json:"heapInuse"`
}

// interactive measures playback and number changes in a loaded page. Its
// CPU times are judged by their ratio to the page's CPU yardstick, timed
// before and after them.
func interactive(ctx context.Context, t *table, cpu *reference) {
	cpuTimes := timeCPU(ctx, 5)
	defer func() { cpu.now = median(append(cpuTimes, timeCPU(ctx, 5)...)) }()
	eval[any](ctx, `looplab.go("fastapi-blocking")`) // a timeline scenario
	eval[any](ctx, fmt.Sprintf("looplab.setLoad(%q)", workload.ThousandLoad))
	eval[any](ctx, fmt.Sprintf("looplab.setCode(%q)", workload.App))
	reqs := eval[float64](ctx, "looplab.current().metrics.requests")
	eval[any](ctx, "looplab.seek(0)")
	eval[any](ctx, `(() => {
		const w = document.getElementById("stage").contentWindow;
		w.__raf = []; let last = 0;
		const f = (ts) => { if (last) w.__raf.push(ts - last); last = ts; if (w.__rafOn) w.requestAnimationFrame(f); };
		w.__rafOn = true; w.requestAnimationFrame(f);
	})()`)
	eval[frames](ctx, "looplab.frames(true)")
	m0 := eval[memStats](ctx, "looplab.memStats()")
	start := time.Now()
	eval[any](ctx, "looplab.play()")
	time.Sleep(8 * time.Second)
	f := eval[frames](ctx, "looplab.frames(false)")
	m1 := eval[memStats](ctx, "looplab.memStats()")
	elapsed := time.Since(start).Seconds()
	raf := eval[[]float64](ctx, `(() => { const w = document.getElementById("stage").contentWindow; w.__rafOn = false; return w.__raf; })()`)
	eval[any](ctx, "looplab.pause()")
	rate := (m1.TotalAlloc - m0.TotalAlloc) / 1e6 / elapsed
	t.scaled(fmt.Sprintf("Go time per frame (Update + Draw) while %.0f requests play, p99", reqs),
		fmt.Sprintf("%.2f ms (median %.2f ms, %d frames)", f.WorkP99, f.WorkMedian, f.Ticks), f.WorkP99, 4, msg, cpu)
	t.add("allocation while they play", fmt.Sprintf("%.2f MB/s", rate), "≤ 10 MB/s", rate <= 10)
	t.note("frame pacing (requestAnimationFrame, stage at its default size), p50 / p99",
		fmt.Sprintf("%.1f / %.1f ms (%d frames)", median(raf), report.Quantile(raf, 0.99), len(raf)))

	// The 1,000-request run above was saved as an edit of its lesson:
	// forget it, so every lesson scenario is measured as written.
	eval[any](ctx, "localStorage.clear()")
	worst := numberChanges(ctx)
	t.scaled("number change → re-simulated and redrawn, every lesson scenario: the work (worst median; worst p99)",
		fmt.Sprintf("%.1f ms (%s); %.1f ms", worst.work, worst.where, worst.p99), worst.work, 16, msg, cpu)
	t.note("… until the stage's next frame shows it (worst median; adds the wait for the browser's frame)",
		fmt.Sprintf("%.1f ms", worst.painted))

	eval[any](ctx, `looplab.go("fastapi-blocking")`)
	eval[any](ctx, fmt.Sprintf("looplab.setLoad(%q)", workload.TenThousandLoad))
	eval[any](ctx, fmt.Sprintf("looplab.setCode(%q)", workload.App))
	big := eval[float64](ctx, "looplab.current().metrics.requests")
	work, painted := changeLatencies(ctx, 10)
	t.scaled(fmt.Sprintf("number change → re-simulated and redrawn, %.0f requests: the work (median)", big),
		fmt.Sprintf("%.0f ms (p99 %.0f ms; %.0f ms until shown)", median(work), report.Quantile(work, 0.99), median(painted)), median(work), 100, msg, cpu)
}

type worstChange struct {
	work, painted float64 // medians
	p99           float64 // of the work
	where         string
}

// numberChanges drags the first number of every lesson scenario but the
// game (which runs live, frame by frame) and keeps the slowest.
func numberChanges(ctx context.Context) worstChange {
	type lessonInfo struct {
		Slug      string
		Scenarios int
	}
	var w worstChange
	for _, l := range eval[[]lessonInfo](ctx, "looplab.lessons()") {
		for i := 0; i < l.Scenarios; i++ {
			eval[any](ctx, fmt.Sprintf("looplab.go(%q, %d)", l.Slug, i))
			if eval[string](ctx, "looplab.current().scene") == "gameloop" {
				continue
			}
			work, painted := changeLatencies(ctx, 8)
			if work == nil {
				continue
			}
			if m := median(work); m > w.work {
				w.work, w.where = m, fmt.Sprintf("%s #%d", l.Slug, i)
			}
			w.painted = max(w.painted, median(painted))
			w.p99 = max(w.p99, report.Quantile(work, 0.99))
		}
	}
	return w
}

// changeLatencies nudges the first number up and down n times. Each change
// starts in an animation frame callback, as a drag's pointer events do.
// For each it returns the work (re-simulating and updating the page, which
// setNumber does before it returns, plus the stage's paint of the new
// run) and the time until the stage had painted it, which adds the wait
// for the browser's next frame.
func changeLatencies(ctx context.Context, n int) (work, painted []float64) {
	pairs := eval[[][2]float64](ctx, fmt.Sprintf(`(async () => {
		const n = looplab.current().numbers[0];
		if (!n) return null;
		const out = [];
		for (let i = 0; i < %d; i++) {
			await new Promise((r) => requestAnimationFrame(r));
			const t0 = performance.timeOrigin + performance.now();
			const drawn = looplab.setNumber(n.id, n.value + (i %% 2 ? 0 : n.step));
			const sync = performance.timeOrigin + performance.now() - t0;
			await drawn;
			const st = looplab.state();
			out.push([sync + st.drawMs, st.drawnAt - t0]);
		}
		return out;
	})()`, n))
	for _, p := range pairs {
		work, painted = append(work, p[0]), append(painted, p[1])
	}
	return work, painted
}
