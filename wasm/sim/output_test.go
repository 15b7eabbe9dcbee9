package sim

import (
	"testing"

	"looplab/wasm/trace"
)

func say(text string) func(c *Ctx, v any) Effect {
	return func(c *Ctx, v any) Effect { c.Print(text); return CPU{} }
}

// TestPrintsAreOnTheirLanes: a print is on the lane of the code that
// printed it: a task's, a thread's, the loop's for a callback, the main
// thread's for module code, a request's for its def endpoint in a
// worker thread, and a worker thread's for a task's job.
func TestPrintsAreOnTheirLanes(t *testing.T) {
	task := fiber(say("task"), func(c *Ctx, v any) Effect {
		if err := c.Loop().CallSoon(Callback{Fiber: fiber(say("callback")), Label: "cb()", Repr: "<Handle cb()>"}); err != nil {
			t.Error(err)
		}
		return Await{F: c.RunInExecutor(nil, Job{Fiber: fiber(say("job")), Label: "job()"})}
	})
	main := fiber(say("module"), func(c *Ctx, v any) Effect {
		c.StartThread(ThreadSpec{Fiber: fiber(say("thread")), Name: "sub"})
		return RunLoop{Main: task, Name: "main()", Lane: -1}
	})
	s := New(Config{})
	s.RunScript(main, func(*Ctx, any, error) {})
	tr, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	checkPrintLanes(t, tr.Prints, tr.Lanes, map[string]string{
		"module": "event loop (main thread)", "thread": "sub", "task": "Task-1 main()",
		"callback": "event loop (main thread)", "job": "executor thread 1",
	})

	tr = serve(t, Config{}, 1, map[string]func() Fiber{"/": func() Fiber {
		return fiber(func(c *Ctx, v any) Effect {
			return Await{F: c.RunInThreadpool(Job{Fiber: fiber(say("endpoint")), Label: "sync()"})}
		}, respond)
	}}, []string{"/"})
	checkPrintLanes(t, tr.Prints, tr.Lanes, map[string]string{"endpoint": "GET / #1"})
}

func checkPrintLanes(t *testing.T, prints []trace.Line, lanes []trace.Lane, want map[string]string) {
	t.Helper()
	if len(prints) != len(want) {
		t.Errorf("%d prints, want %d", len(prints), len(want))
	}
	for _, p := range prints {
		if p.Lane < 0 || p.Lane >= len(lanes) || lanes[p.Lane].Name != want[p.Text] {
			t.Errorf("print %q is on lane %d, want %q", p.Text, p.Lane, want[p.Text])
		}
	}
}
