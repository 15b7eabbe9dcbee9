package sim

import (
	"testing"

	"looplab/wasm/trace"
)

// steps is a hand-written fiber for tests: each step returns an effect.
type steps struct {
	list []func(c *Ctx, v any) Effect
	i    int
}

func (f *steps) Resume(c *Ctx, v any, err error) Effect {
	if err != nil {
		return Done{Err: err}
	}
	if f.i >= len(f.list) {
		return Done{Value: v}
	}
	s := f.list[f.i]
	f.i++
	return s(c, v)
}

func (f *steps) Line() int32 { return 0 }

func fiber(list ...func(c *Ctx, v any) Effect) Fiber { return &steps{list: list} }

func sleepFor(d Time) func(c *Ctx, v any) Effect {
	return func(c *Ctx, v any) Effect { return Await{F: c.Sleep(d)} }
}

func blockFor(d Time) func(c *Ctx, v any) Effect {
	return func(c *Ctx, v any) Effect { return Block{D: d, Label: "time.sleep"} }
}

func cpuFor(d Time) func(c *Ctx, v any) Effect {
	return func(c *Ctx, v any) Effect { return CPU{D: d, Label: "cpu"} }
}

func respond(c *Ctx, v any) Effect { c.Respond(200); return Done{} }

func start(c *Ctx, v any) Effect { c.MarkStart(); return CPU{} }

const sec = trace.Second

// serve runs a server whose handler is picked by path.
func serve(t *testing.T, cfg Config, workers int, routes map[string]func() Fiber, load []string) *trace.Trace {
	t.Helper()
	s := New(cfg)
	err := s.Serve(workers, func(c *Ctx) (Handler, error) {
		return func(r *Request) Fiber { return routes[r.Path()]() }, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range load {
		s.AddRequest("GET", p, 0)
	}
	tr, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func ends(tr *trace.Trace) []Time {
	var out []Time
	for _, r := range tr.Requests {
		out = append(out, r.End)
	}
	return out
}

func repeat(p string, n int) []string {
	var out []string
	for range n {
		out = append(out, p)
	}
	return out
}

// parse is the loop's own work for each request (Config.RequestCPU).
var parse = Config{}.Defaults().RequestCPU

func TestAsyncSleepEndpointsFinishTogether(t *testing.T) {
	routes := map[string]func() Fiber{"/": func() Fiber { return fiber(start, sleepFor(4*sec), respond) }}
	// The loop parses the four requests one after another, so each sleep
	// starts, and ends, one parse later than the one before.
	tr := serve(t, Config{}, 1, routes, repeat("/", 4))
	for i, e := range ends(tr) {
		if want := 4*sec + Time(i+1)*parse; e != want {
			t.Errorf("request %d ended at %v, want %v", i+1, e, want)
		}
	}
	bare := serve(t, Config{RequestCPU: -1}, 1, routes, repeat("/", 4))
	for i, e := range ends(bare) {
		if e != 4*sec {
			t.Errorf("with no parsing cost, request %d ended at %v, want 4 s", i+1, e)
		}
	}
}

func TestBlockingAsyncEndpointStallsTheLoop(t *testing.T) {
	routes := map[string]func() Fiber{
		"/":     func() Fiber { return fiber(start, sleepFor(4*sec), respond) },
		"/slow": func() Fiber { return fiber(start, blockFor(4*sec), respond) },
	}
	tr := serve(t, Config{}, 1, routes, append(repeat("/slow", 2), repeat("/", 4)...))
	// Each request is parsed when the loop is free: the second only once
	// the first has blocked for 4 s, the last four once the second has.
	want := []Time{4*sec + parse, 8*sec + 2*parse, 12*sec + 3*parse, 12*sec + 4*parse, 12*sec + 5*parse, 12*sec + 6*parse}
	got := ends(tr)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("request %d ended at %v, want %v", i+1, got[i], want[i])
		}
	}
	if len(tr.Warnings) != 2 {
		t.Errorf("want 2 slow-step warnings, got %v", tr.Warnings)
	}
}

func syncEndpoint(d Time) func() Fiber {
	return func() Fiber {
		return fiber(func(c *Ctx, v any) Effect {
			return Await{F: c.RunInThreadpool(Job{Fiber: fiber(start, blockFor(d)), Label: "sync"})}
		}, respond)
	}
}

func TestThreadpoolTokens(t *testing.T) {
	routes := map[string]func() Fiber{"/sync-slow": syncEndpoint(4 * sec)}
	tr := serve(t, Config{}, 1, routes, repeat("/sync-slow", 45))
	// GIL hand-offs to the worker threads add a few milliseconds.
	n4, n8 := 0, 0
	for _, e := range ends(tr) {
		switch {
		case e >= 4*sec && e < 4*sec+50*trace.Millisecond:
			n4++
		case e >= 8*sec && e < 8*sec+50*trace.Millisecond:
			n8++
		default:
			t.Errorf("unexpected end %v", e)
		}
	}
	if n4 != 40 || n8 != 5 {
		t.Errorf("ends at 4 s: %d, at 8 s: %d; want 40 and 5", n4, n8)
	}
}

func TestCPUThreadsShareTheGIL(t *testing.T) {
	// Two cpu(1) jobs in the default executor finish together a little after
	// 2 s: each of the 400 forced switches costs a hand-off.
	routes := map[string]func() Fiber{"/f": func() Fiber {
		return fiber(func(c *Ctx, v any) Effect {
			return Await{F: c.RunInExecutor(nil, Job{Fiber: fiber(cpuFor(sec)), Label: "cpu(1)"})}
		}, respond)
	}}
	tr := serve(t, Config{}, 1, routes, repeat("/f", 2))
	for i, e := range ends(tr) {
		if e < 2000*trace.Millisecond || e > 2400*trace.Millisecond {
			t.Errorf("request %d ended at %v, want a little over 2 s", i+1, e)
		}
	}
	free := serve(t, Config{FreeThreaded: true}, 1, routes, repeat("/f", 2))
	for i, e := range ends(free) {
		if want := sec + Time(i+1)*parse; e != want {
			t.Errorf("free-threaded: request %d ended at %v, want %v", i+1, e, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	routes := map[string]func() Fiber{"/f": func() Fiber {
		return fiber(func(c *Ctx, v any) Effect {
			return Await{F: c.RunInExecutor(nil, Job{Fiber: fiber(cpuFor(sec)), Label: "cpu(1)"})}
		}, respond)
	}}
	a, _ := serve(t, Config{}, 2, routes, repeat("/f", 5)).JSON()
	b, _ := serve(t, Config{}, 2, routes, repeat("/f", 5)).JSON()
	if string(a) != string(b) {
		t.Fatal("two runs of the same scenario differ")
	}
}
