package sim

import (
	"slices"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// startThread is a step that starts a threading.Thread running f.
func startThread(f Fiber, daemon bool, started **Thread) func(c *Ctx, v any) Effect {
	return func(c *Ctx, v any) Effect {
		t := c.StartThread(ThreadSpec{Fiber: f, Name: "sub", Daemon: daemon})
		if started != nil {
			*started = t
		}
		return CPU{}
	}
}

func joinThread(t **Thread) func(c *Ctx, v any) Effect {
	return func(c *Ctx, v any) Effect {
		if e := c.Join(*t, -1); e != nil {
			return e
		}
		return CPU{}
	}
}

func script(t *testing.T, cfg Config, main Fiber) *trace.Trace {
	t.Helper()
	s := New(cfg)
	s.RunScript(main, func(*Ctx, any, error) {})
	tr, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func laneNamed(tr *trace.Trace, name string) int {
	for i, l := range tr.Lanes {
		if l.Name == name {
			return i
		}
	}
	return -1
}

func TestDaemonThreadDiesWithTheRun(t *testing.T) {
	forever := fiber(blockFor(10*sec), blockFor(10*sec), blockFor(10*sec))
	tr := script(t, Config{}, fiber(startThread(forever, true, nil), blockFor(sec)))
	if tr.Duration != sec {
		t.Errorf("run took %v, want 1 s: a daemon thread must not keep it going", tr.Duration)
	}
	lane := laneNamed(tr, "sub")
	if lane < 0 {
		t.Fatal("no lane for the thread")
	}
	last := tr.Events[len(tr.Events)-1]
	if last.Lane != lane || !strings.Contains(last.Text, "daemon") {
		t.Errorf("last event %+v, want the daemon thread's end", last)
	}
	if len(tr.Pending) != 0 {
		t.Errorf("pending %v, want none for a daemon thread", tr.Pending)
	}
}

func TestNonDaemonThreadOutlivesTheMainThread(t *testing.T) {
	tr := script(t, Config{}, fiber(startThread(fiber(blockFor(3*sec)), false, nil), blockFor(sec)))
	if tr.Duration != 3*sec {
		t.Errorf("run took %v, want 3 s: the process waits for a non-daemon thread", tr.Duration)
	}
}

func TestJoinedDaemonThreadIsWaitedFor(t *testing.T) {
	var th *Thread
	// The join comes while the thread is already asleep: its pending wake-up
	// must start counting.
	main := fiber(startThread(fiber(blockFor(3*sec)), true, &th), blockFor(sec), joinThread(&th))
	tr := script(t, Config{}, main)
	if tr.Duration != 3*sec {
		t.Errorf("run took %v, want 3 s: join waits for the thread", tr.Duration)
	}
}

func TestJoinTimeout(t *testing.T) {
	var th *Thread
	var joinedAt Time
	main := fiber(startThread(fiber(blockFor(3*sec)), false, &th),
		func(c *Ctx, v any) Effect { return c.Join(th, sec/2) },
		func(c *Ctx, v any) Effect { joinedAt = c.Now(); return CPU{} })
	script(t, Config{}, main)
	if joinedAt != sec/2 {
		t.Errorf("join(timeout=0.5) returned at %v, want 0.5 s", joinedAt)
	}
}

func TestThreadsShareTheGIL(t *testing.T) {
	var a, b *Thread
	var done Time
	main := fiber(startThread(fiber(cpuFor(sec/2)), false, &a), startThread(fiber(cpuFor(sec/2)), false, &b),
		joinThread(&a), joinThread(&b), func(c *Ctx, v any) Effect { done = c.Now(); return CPU{} })
	script(t, Config{}, main)
	if done < sec || done > 1200*trace.Millisecond {
		t.Errorf("two cpu(0.5) threads done at %v, want a little over 1 s", done)
	}
	script(t, Config{FreeThreaded: true}, fiber(startThread(fiber(cpuFor(sec/2)), false, &a),
		startThread(fiber(cpuFor(sec/2)), false, &b), joinThread(&a), joinThread(&b),
		func(c *Ctx, v any) Effect { done = c.Now(); return CPU{} }))
	if done != sec/2 {
		t.Errorf("free-threaded: done at %v, want 0.5 s", done)
	}
}

// subscriberApp serves GET / at once and, at startup, starts a daemon
// thread that gets a message after 1 s and handles it with a 2 s blocking
// call: in the thread itself, or handed to the loop with CallSoon.
func subscriberApp(t *testing.T, onLoop bool) *trace.Trace {
	t.Helper()
	s := New(Config{})
	err := s.Serve(1, func(c *Ctx) (Handler, error) {
		var loop *Loop
		handle := func() Fiber { return fiber(blockFor(2 * sec)) }
		listen := fiber(blockFor(sec), func(c *Ctx, v any) Effect {
			if onLoop {
				if err := loop.CallSoon(Callback{Fiber: handle(), Label: "handle()", Repr: "<Handle handle()>"}); err != nil {
					t.Error(err)
				}
				return CPU{}
			}
			return Block{D: 2 * sec, Label: "handle()"}
		}, blockFor(10*sec))
		c.OnStartup(Job{Fiber: fiber(func(c *Ctx, v any) Effect {
			loop = c.Loop()
			c.StartThread(ThreadSpec{Fiber: listen, Name: "listener", Daemon: true})
			return CPU{}
		}), Label: "startup"})
		return func(r *Request) Fiber { return fiber(start, respond) }, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.AddRequest("GET", "/", 0)
	s.AddRequest("GET", "/", 1500*trace.Millisecond)
	tr, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestCallbackOnItsOwnThreadLeavesTheLoopFree(t *testing.T) {
	tr := subscriberApp(t, false)
	if got := tr.Requests[1].End; got != 1500*trace.Millisecond+parse {
		t.Errorf("request at 1.5 s ended at %v, want 1.5 s and one parse", got)
	}
	if tr.Duration != 1500*trace.Millisecond+parse {
		t.Errorf("run took %v, want 1.5 s and one parse: the daemon subscriber ends with the load", tr.Duration)
	}
	if len(tr.Warnings) != 0 {
		t.Errorf("warnings %v, want none", tr.Warnings)
	}
}

func TestCallbackOnTheLoopStallsRequests(t *testing.T) {
	tr := subscriberApp(t, true)
	// The listener starts once the loop has parsed the first request and
	// handed it the GIL, so its message, and the 2 s block, come that much
	// after 1 s; then the loop parses the second request.
	handOff := Config{}.Defaults().HandOff
	if got, want := tr.Requests[1].End, 3*sec+parse+handOff+parse; got != want {
		t.Errorf("request at 1.5 s ended at %v, want %v, after the callback's 2 s block", got, want)
	}
	if len(tr.Warnings) != 1 || !strings.HasPrefix(tr.Warnings[0].Text, "Executing <Handle handle()> took 2.000 seconds") {
		t.Errorf("warnings %v, want one slow-callback warning", tr.Warnings)
	}
}

func TestStartupRunsBeforeTheFirstRequest(t *testing.T) {
	// A def handler that blocks the loop, and an async one that awaits and
	// leaves the loop idle: uvicorn listens only after either is done.
	for _, c := range []struct {
		name string
		step func(c *Ctx, v any) Effect
	}{{"blocks", blockFor(sec)}, {"awaits", sleepFor(sec)}} {
		name, step := c.name, c.step
		s := New(Config{})
		err := s.Serve(1, func(c *Ctx) (Handler, error) {
			c.OnStartup(Job{Fiber: fiber(step), Label: "startup"})
			return func(r *Request) Fiber { return fiber(start, respond) }, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		s.AddRequest("GET", "/", 0)
		tr, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		if r := tr.Requests[0]; r.Start != sec+parse || r.End != sec+parse {
			t.Errorf("startup %s: request sent at 0 started at %v and ended at %v, want both at 1 s and one parse", name, r.Start, r.End)
		}
	}
}

func TestWaitingForADaemonKeepsItGoing(t *testing.T) {
	// The main thread waits on a queue that only a daemon thread fills:
	// the process is alive, so the daemon thread runs on.
	q := NewQueue(0)
	var got any
	producer := fiber(blockFor(2*sec), func(c *Ctx, v any) Effect { q.TryPut("item"); return CPU{} }, blockFor(10*sec))
	main := fiber(startThread(producer, true, nil),
		func(c *Ctx, v any) Effect { _, e := q.Get(-1, nil, "queue.get()"); return e },
		func(c *Ctx, v any) Effect { got = v; return CPU{} })
	tr := script(t, Config{}, main)
	if got != "item" || tr.Duration != 2*sec {
		t.Errorf("got %v, run took %v; want the item at 2 s and the run to end there", got, tr.Duration)
	}
}

// TestThreadsOfOneNameHaveLanesOfTheirOwn: Python lets two threads share
// a name; their lanes must not.
func TestThreadsOfOneNameHaveLanesOfTheirOwn(t *testing.T) {
	s := New(Config{})
	s.RunScript(fiber(func(c *Ctx, v any) Effect {
		for range 3 {
			c.StartThread(ThreadSpec{Fiber: fiber(blockFor(sec)), Name: "worker"})
		}
		return CPU{}
	}), func(*Ctx, any, error) {})
	tr, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range tr.Lanes {
		if l.Kind == trace.KindThread && l.Name != "main thread" {
			got = append(got, l.Name)
		}
	}
	if want := []string{"worker", "worker (2)", "worker (3)"}; !slices.Equal(got, want) {
		t.Errorf("thread lanes %q, want %q", got, want)
	}
}
