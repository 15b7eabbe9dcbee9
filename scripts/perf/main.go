//go:build browser

// Command perf measures the playground in headless Chromium on localhost
// and prints the figures the README quotes: the wasm's size raw and with
// brotli, the time to the lesson text and to the first simulation frame,
// frame times while a 1,000-request scenario plays, and the time from a
// number change to the redrawn frame.
//
//	go run -tags browser ./scripts/perf --site build/site   (make perf)
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"

	"looplab/scripts/internal/headless"
	"looplab/wasm/report"
)

// thousand is a FastAPI app served 1,000 requests over ten seconds.
const thousand = `import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/fast")
async def fast():
    await asyncio.sleep(0.5)
    return {}


@app.get("/sync")
def sync():
    time.sleep(0.2)
    return {}
`

const thousandLoad = "every 0.02 from 0 to 10 GET /fast\nevery 0.02 from 0.01 to 10 GET /sync\n"

func main() {
	site := flag.String("site", "build/site", "the built site")
	runs := flag.Int("runs", 5, "page loads to take medians over")
	flag.Parse()
	if err := measure(*site, *runs); err != nil {
		log.Fatal(err)
	}
}

func eval[T any](ctx context.Context, expr string) T {
	var v T
	if err := headless.Eval(ctx, time.Minute, expr, &v); err != nil {
		log.Fatal(err)
	}
	return v
}

func measure(site string, runs int) error {
	raw, err := os.Stat(filepath.Join(site, "looplab.wasm"))
	if err != nil {
		return err
	}
	br, err := os.Stat(filepath.Join(site, "looplab.wasm.br"))
	if err != nil {
		return err
	}
	url, stop, err := headless.Serve(site)
	if err != nil {
		return err
	}
	defer stop()
	var text, frame []float64
	for i := 0; i < runs; i++ {
		dir, _ := os.MkdirTemp("", "looplab-perf-")
		ctx, cancel, err := headless.Browser(dir, 1400, 1000)
		if err != nil {
			return err
		}
		if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
			return err
		}
		eval[any](ctx, "looplab.ready")
		text = append(text, eval[float64](ctx, `performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1`))
		frame = append(frame, eval[float64](ctx, "looplab.timing.firstFrame"))
		if i == runs-1 {
			if err := interactive(ctx, raw.Size(), br.Size(), text, frame); err != nil {
				return err
			}
		}
		cancel()
		os.RemoveAll(dir)
	}
	return nil
}

type frames struct {
	Ticks          int
	IntervalMedian float64
	IntervalP99    float64
	Paints         int
	PaintMedian    float64
	PaintP99       float64
}

func interactive(ctx context.Context, raw, br int64, text, frame []float64) error {
	fmt.Printf("wasm size: %.2f MB raw, %.2f MB brotli\n", float64(raw)/1e6, float64(br)/1e6)
	fmt.Printf("time to lesson text (first contentful paint): median %.0f ms over %d loads\n", median(text), len(text))
	fmt.Printf("time to first simulation frame: median %.0f ms over %d loads\n", median(frame), len(frame))

	eval[any](ctx, fmt.Sprintf("looplab.setLoad(%q)", thousandLoad))
	eval[any](ctx, fmt.Sprintf("looplab.setCode(%q)", thousand))
	reqs := eval[float64](ctx, "looplab.current().metrics.requests")
	eval[any](ctx, "looplab.seek(0)")
	eval[frames](ctx, "looplab.frames(true)")
	time.Sleep(2 * time.Second)
	idle := eval[frames](ctx, "looplab.frames(true)")
	fmt.Printf("paused, nothing to redraw: frame interval median %.1f ms, p99 %.1f ms\n", idle.IntervalMedian, idle.IntervalP99)
	eval[any](ctx, "looplab.play()")
	time.Sleep(6 * time.Second)
	f := eval[frames](ctx, "looplab.frames(false)")
	eval[any](ctx, "looplab.pause()")
	fmt.Printf("while %.0f requests play: frame interval median %.1f ms, p99 %.1f ms (%d frames); paint median %.1f ms, p99 %.1f ms\n",
		reqs, f.IntervalMedian, f.IntervalP99, f.Ticks, f.PaintMedian, f.PaintP99)

	lat := eval[[]float64](ctx, `(async () => {
		await looplab.go(looplab.lessons()[1].slug);
		const n = looplab.current().numbers[0];
		const out = [];
		for (let i = 0; i < 40; i++) {
			const t0 = performance.now();
			await looplab.setNumber(n.id, n.value + (i % 2 ? 0 : n.step));
			out.push(performance.now() - t0);
		}
		return out;
	})()`)
	fmt.Printf("number change to redrawn frame: median %.1f ms, p99 %.1f ms, max %.1f ms over %d changes\n",
		median(lat), report.Quantile(lat, 0.99), report.Quantile(lat, 1), len(lat))
	return nil
}

func median(v []float64) float64 { return report.Quantile(v, 0.5) }
