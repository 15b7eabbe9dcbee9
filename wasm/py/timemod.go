package py

import "looplab/wasm/sim"

// timeSleep is time.sleep: it blocks the calling thread (the event loop
// itself when called from async def) and releases the GIL.
func timeSleep(c *call) (Value, sim.Effect, *Exception) {
	v, ok := c.arg(0, "secs")
	if !ok {
		return nil, nil, c.errorf("time.sleep() takes exactly one argument")
	}
	if f, ok := toFloat(v); ok && f < 0 {
		return nil, nil, newExc(excValue, "sleep length must be non-negative")
	}
	d, exc := seconds(v, "time.sleep()")
	if exc != nil {
		return nil, nil, exc
	}
	return nil, sim.Block{D: d, Label: c.f.run.sleepLabel(d, false)}, nil
}

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

// Epoch is the wall-clock time (Unix seconds) at the start of every run:
// 2026-01-01 00:00:00 UTC. time.time() and datetime.now() count from it
// on the virtual clock.
const Epoch = 1767225600

func wallClock(c *call) (Value, sim.Effect, *Exception) {
	return Epoch + c.ctx().Now().Seconds(), nil, nil
}

func clock(c *call) (Value, sim.Effect, *Exception) {
	return c.ctx().Now().Seconds(), nil, nil
}

func timeModule() *Module {
	return &Module{Name: "time", Attrs: map[string]Value{
		"sleep":        &Builtin{Name: "sleep", Fn: timeSleep},
		"perf_counter": &Builtin{Name: "perf_counter", Fn: clock},
		"monotonic":    &Builtin{Name: "monotonic", Fn: clock},
		"time":         &Builtin{Name: "time", Fn: wallClock},
		"time_ns": &Builtin{Name: "time_ns", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			return int64(Epoch)*1_000_000_000 + int64(c.ctx().Now())*1000, nil, nil
		}},
	}}
}
