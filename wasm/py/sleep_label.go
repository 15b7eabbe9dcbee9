package py

import "looplab/wasm/sim"

// sleepLabel is "time.sleep(4)", or "await asyncio.sleep(4)" when async,
// cached per run: the same few durations repeat for every request.
func (r *Run) sleepLabel(d sim.Time, async bool) string {
	key := sleepKey{d, async}
	i := 0
	if async {
		i = 1
	}
	if r.lastSleep[i] == d && r.lastSleepLabel[i] != "" {
		return r.lastSleepLabel[i]
	}
	if l, ok := r.sleepLabels[key]; ok {
		r.lastSleep[i], r.lastSleepLabel[i] = d, l
		return l
	}
	l := "time.sleep(" + d.Text() + ")"
	if async {
		l = "await asyncio.sleep(" + d.Text() + ")"
	}
	if r.sleepLabels == nil {
		r.sleepLabels = map[sleepKey]string{}
	}
	if len(r.sleepLabels) < 256 {
		r.sleepLabels[key] = l
	}
	r.lastSleep[i], r.lastSleepLabel[i] = d, l
	return l
}

type sleepKey struct {
	d     sim.Time
	async bool
}
