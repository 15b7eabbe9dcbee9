package py

import "looplab/wasm/sim"

// timeSleep is time.sleep: it blocks the calling thread (the event loop
// itself when called from async def) and releases the GIL.
func timeSleep(c *call) (Value, sim.Effect, *Exception) {
	v, ok := c.arg(0, "secs")
	if !ok {
		return nil, nil, c.errorf("time.sleep() takes exactly one argument")
	}
	d, exc := seconds(v, "time.sleep()")
	if exc != nil {
		return nil, nil, exc
	}
	return nil, sim.Block{D: d, Label: sleepLabel(d)}, nil
}

// sleepLabels caches "time.sleep(4)": the same few durations repeat.
var sleepLabels = map[sim.Time]string{}

func sleepLabel(d sim.Time) string {
	if l, ok := sleepLabels[d]; ok {
		return l
	}
	l := "time.sleep(" + fmtSeconds(d) + ")"
	if len(sleepLabels) < 256 {
		sleepLabels[d] = l
	}
	return l
}

func clock(c *call) (Value, sim.Effect, *Exception) {
	return c.ctx().Now().Seconds(), nil, nil
}

func timeModule() *Module {
	return &Module{Name: "time", Attrs: map[string]Value{
		"sleep":        &Builtin{Name: "sleep", Fn: timeSleep},
		"perf_counter": &Builtin{Name: "perf_counter", Fn: clock},
		"monotonic":    &Builtin{Name: "monotonic", Fn: clock},
		"time":         &Builtin{Name: "time", Fn: clock},
	}}
}
