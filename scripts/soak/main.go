//go:build browser

// Command soak plays the playground for a long time in headless Chromium,
// as a learner leaving it open would: it walks the lessons, plays every
// scenario, drags numbers and plays a 1,000-request run, and samples
// memory every half minute (the Go heap, the wasm's linear memory, the
// JavaScript heap and the page's DOM nodes). It fails when memory keeps
// growing after the first minutes: the bound is the level at the warm-up
// mark plus the stated allowance.
//
//	go run -tags browser ./scripts/soak --site build/site --for 30m   (make soak)
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/chromedp/chromedp"

	"looplab/scripts/internal/headless"
	"looplab/scripts/internal/workload"
)

// sample is one reading, in megabytes (DOM in nodes).
type sample struct {
	At        time.Duration
	GoHeap    float64 `json:"goHeap"`
	WasmMem   float64 `json:"wasmMem"`
	JSHeap    float64 `json:"jsHeap"`
	DOMNodes  float64 `json:"domNodes"`
	Scenarios int
}

const readMemory = `(() => {
  const m = looplab.memStats();
  return { goHeap: m.heapInuse / 1e6, wasmMem: m.sys / 1e6,
    jsHeap: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : 0,
    domNodes: document.getElementsByTagName("*").length };
})()`

// oneRound visits every scenario of every lesson, drags its first number
// twice and plays it for a moment; then a 1,000-request run plays.
var oneRound = fmt.Sprintf(`(async () => {
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  let n = 0;
  for (const l of looplab.lessons()) {
    for (let i = 0; i < l.scenarios; i++) {
      await looplab.go(l.slug, i);
      const num = looplab.current().numbers[0];
      if (num) { await looplab.setNumber(num.id, num.value + num.step); await looplab.setNumber(num.id, num.value); }
      looplab.play(); await pause(400); looplab.pause();
      n++;
    }
  }
  await looplab.go("fastapi-blocking");
  await looplab.setLoad(%q);
  await looplab.setCode(%q);
  looplab.seek(0); looplab.play(); await pause(3000); looplab.pause();
  return n + 1;
})()`, workload.ThousandLoad, workload.App)

func main() {
	site := flag.String("site", "build/site", "the built site")
	length := flag.Duration("for", 30*time.Minute, "how long to play")
	warmup := flag.Duration("warmup", 5*time.Minute, "when the baseline is taken")
	allowGo := flag.Float64("allow-go", 32, "MB the Go heap may grow after the warm-up")
	allowJS := flag.Float64("allow-js", 32, "MB the JavaScript heap may grow after the warm-up")
	flag.Parse()
	url, stop, err := headless.Serve(*site)
	if err != nil {
		log.Fatal(err)
	}
	defer stop()
	dir, _ := os.MkdirTemp("", "looplab-soak-")
	defer os.RemoveAll(dir)
	ctx, cancel, err := headless.Browser(dir, 1400, 1000)
	if err != nil {
		log.Fatal(err)
	}
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		log.Fatal(err)
	}
	eval[any](ctx, "looplab.ready")
	start := time.Now()
	var samples []sample
	var base *sample
	scenarios := 0
	next := time.Duration(0)
	fmt.Println("minute  go heap MB  wasm memory MB  JS heap MB  DOM nodes  scenarios played")
	for time.Since(start) < *length {
		scenarios += int(eval[float64](ctx, oneRound))
		at := time.Since(start)
		if at < next {
			continue
		}
		next = at + 30*time.Second
		eval[any](ctx, "new Promise((r) => setTimeout(r, 200))")
		s := eval[sample](ctx, readMemory)
		s.At, s.Scenarios = at, scenarios
		samples = append(samples, s)
		fmt.Printf("%6.1f  %10.1f  %14.1f  %10.1f  %9.0f  %d\n", at.Minutes(), s.GoHeap, s.WasmMem, s.JSHeap, s.DOMNodes, scenarios)
		if base == nil && at >= *warmup {
			b := s
			base = &b
		}
	}
	if base == nil {
		log.Fatalf("ran %v, shorter than the %v warm-up", *length, *warmup)
	}
	peak := *base
	for _, s := range samples {
		if s.At >= base.At {
			peak.GoHeap, peak.WasmMem, peak.JSHeap = max(peak.GoHeap, s.GoHeap), max(peak.WasmMem, s.WasmMem), max(peak.JSHeap, s.JSHeap)
		}
	}
	fmt.Printf("\nafter the %v warm-up: Go heap %.1f MB (peak %.1f), wasm memory %.1f MB (peak %.1f), JS heap %.1f MB (peak %.1f)\n",
		*warmup, base.GoHeap, peak.GoHeap, base.WasmMem, peak.WasmMem, base.JSHeap, peak.JSHeap)
	failed := false
	if peak.GoHeap > base.GoHeap+*allowGo {
		fmt.Printf("FAIL: the Go heap grew %.1f MB, more than %.0f MB\n", peak.GoHeap-base.GoHeap, *allowGo)
		failed = true
	}
	if peak.JSHeap > base.JSHeap+*allowJS {
		fmt.Printf("FAIL: the JavaScript heap grew %.1f MB, more than %.0f MB\n", peak.JSHeap-base.JSHeap, *allowJS)
		failed = true
	}
	if failed {
		os.Exit(1)
	}
	fmt.Printf("ok: %d scenarios played in %v, memory within its bound\n", scenarios, time.Since(start).Round(time.Second))
}

func eval[T any](ctx context.Context, expr string) T {
	return headless.MustEval[T](ctx, 10*time.Minute, expr)
}
