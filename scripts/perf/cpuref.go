//go:build browser

package main

import (
	"context"
	"fmt"
)

// cpuRounds sizes the page's CPU yardstick: 60 to 110 ms a run on a
// 2-vCPU cloud machine, quiet (in Node) to busy (in headless Chromium).
// Changing it changes what the baseline's reference means: rewrite it.
const cpuRounds = 80

// cpuWorkload is the CPU yardstick, timed in the page: deterministic
// JavaScript made, like the stage's work and the simulator's, of small
// allocations, string building, map look-ups and a sort, run n times
// after a warm-up run. It returns each run's milliseconds.
const cpuWorkload = `(() => {
	const work = (rounds) => {
		let x = 0x9e3779b9, sum = 0;
		for (let r = 0; r < rounds; r++) {
			const keys = new Array(2000), index = new Map();
			for (let i = 0; i < keys.length; i++) {
				x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
				keys[i] = x.toString(36) + "." + (i & 7);
				index.set(keys[i], i);
			}
			keys.sort();
			for (let i = 0; i < keys.length; i++) sum = (sum + index.get(keys[i]) * i) %% 1000000007;
		}
		return sum;
	};
	let sink = work(%[1]d);
	const times = [];
	for (let i = 0; i < %[2]d; i++) {
		const t0 = performance.now();
		sink ^= work(%[1]d);
		times.push(performance.now() - t0);
	}
	window.__looplabSink = sink;
	return times;
})()`

// timeCPU runs the yardstick n times in the page and returns the times.
func timeCPU(ctx context.Context, n int) []float64 {
	return eval[[]float64](ctx, fmt.Sprintf(cpuWorkload, cpuRounds, n))
}
