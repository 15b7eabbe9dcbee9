package py_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"looplab/wasm/py"
	_ "looplab/wasm/py/lib"
	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// runTrace runs a script and returns its trace.
func runTrace(t *testing.T, code string) *trace.Trace {
	t.Helper()
	p, err := py.Load("chunk.py", []byte(code))
	if err != nil {
		t.Fatal(err)
	}
	s := sim.New(sim.Config{})
	if err := p.Start(s, py.Settings{}); err != nil {
		t.Fatal(err)
	}
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

// TestTaskLaneNames: a task's lane names the call as the code wrote it,
// with short reprs of the arguments' values.
func TestTaskLaneNames(t *testing.T) {
	tr := runTrace(t, `import asyncio
import httpx

async def job(name, n=1, *rest, **kw):
    await asyncio.sleep(n)

async def main(delay=0):
    client = httpx.AsyncClient()
    await asyncio.gather(
        job("B"),
        job("B", 2),
        job("a very long name indeed", [1, 2, 3, 4, 5, 6, 7, 8]),
        job(1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        job(client, 1, flag=True),
        asyncio.sleep(0.5),
        client.get("http://example.com/delay/1"),
        asyncio.to_thread(print, "hi"),
    )

asyncio.run(main())
`)
	want := []string{
		"Task-1 main()",
		"Task-2 job('B')",
		"Task-3 job('B', 2)",
		"Task-4 job('a very lon…, …)", // a list's repr would not fit
		"Task-5 job(1, 1, 2, 3, 4, 5, 6, …)",
		"Task-6 job(<AsyncClient>, …)", // n left at its default, but flag=True does not fit
		"Task-7 asyncio.sleep(0.5)",
		"Task-8 client.get('/delay/1')", // a URL says its path, as the bars do
		"Task-9 to_thread(print, 'hi')",
	}
	for _, name := range want {
		if laneNamed(tr, name) < 0 {
			var got []string
			for _, l := range tr.Lanes {
				got = append(got, l.Name)
			}
			t.Errorf("no lane %q among %q", name, got)
		}
		if utf8.RuneCountInString(name) > 36 {
			t.Errorf("lane %q is too long", name)
		}
	}
}

// TestSpansAreCallsWithLines: each call is a span of its own, with the
// line of the call, and prints go on the lane of the code that printed.
func TestSpansAreCallsWithLines(t *testing.T) {
	tr := runTrace(t, `import asyncio
import time

print("module")

async def main():
    time.sleep(2)
    time.sleep(2)
    cpu(1)
    cpu(1)
    await asyncio.sleep(1)
    await asyncio.sleep(1)
    print("done")

asyncio.run(main())
`)
	main := laneNamed(tr, "Task-1 main()")
	if main < 0 {
		t.Fatal("no main task lane")
	}
	type span struct {
		from, to int64 // ms
		state    trace.State
		line     int32
	}
	var got []span
	for _, s := range tr.Lanes[main].Spans {
		if s.To-s.From >= trace.Millisecond {
			got = append(got, span{int64(s.From / trace.Millisecond), int64(s.To / trace.Millisecond), s.State, s.Line})
		}
	}
	want := []span{
		{0, 2000, trace.Blocked, 7},
		{2000, 4000, trace.Blocked, 8},
		{4000, 5000, trace.Run, 9},
		{5000, 6000, trace.Run, 10},
		{6000, 7000, trace.Await, 11},
		{7000, 8000, trace.Await, 12},
	}
	if len(got) != len(want) {
		t.Fatalf("spans %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d is %v, want %v", i, got[i], want[i])
		}
	}
	loop := laneNamed(tr, "event loop (main thread)")
	for _, p := range tr.Prints {
		want := main
		if p.Text == "module" {
			want = loop // the main thread's, which runs the loop later
		}
		if p.Lane != want {
			t.Errorf("print %q is on lane %d, want %d", p.Text, p.Lane, want)
		}
	}
}

// A wait inside a library (a queue's join waits on an Event) is named by
// what the learner's code awaited.
func TestLibraryWaitsAreNamedByTheLearnersCall(t *testing.T) {
	tr := runTrace(t, `import asyncio

async def worker(q):
    while True:
        await asyncio.sleep(await q.get())
        q.task_done()

async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    asyncio.create_task(worker(q))
    await q.join()
    e = asyncio.Event()
    asyncio.get_running_loop().call_later(1, e.set)
    await e.wait()

asyncio.run(main())
`)
	var labels []string
	for _, s := range tr.Lanes[laneNamed(tr, "Task-1 main()")].Spans {
		if s.State == trace.Await && s.To > s.From {
			labels = append(labels, s.Label)
		}
	}
	want := []string{"await queue.join()", "await event.wait()"}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Errorf("main's waits are labelled %q, want %q", labels, want)
	}
}

// A task's exception is reported as never retrieved when the loop ends,
// and only if the program neither awaited the task (even after it
// ended) nor asked for its result or exception, as CPython reports it:
// asyncio's log lines, on the console before what the program prints
// after asyncio.run.
func TestNeverRetrievedIsSaidAtTheEnd(t *testing.T) {
	code, err := os.ReadFile("testdata/never_retrieved.py")
	if err != nil {
		t.Fatal(err)
	}
	tr := runTrace(t, string(code))
	var got []string
	for _, p := range tr.Prints {
		got = append(got, fmt.Sprintf("%.1f %s", p.T.Seconds(), p.Text))
	}
	want := []string{
		"1.0 caught awaited late", "1.0 asked: asked for", "1.0 main done",
		"1.0 Task exception was never retrieved",
		"1.0 future: <Task finished name='Task-2' coro=<boom() done, defined at /app/chunk.py:3> exception=RuntimeError('lost')>",
		"1.0 Traceback (most recent call last):",
		"1.0   File \"/app/chunk.py\", line 5, in boom",
		"1.0     raise RuntimeError(what)",
		"1.0 RuntimeError: lost",
		"1.0 after run",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("printed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(tr.Warnings) != 0 {
		t.Errorf("warnings %+v, want none", tr.Warnings)
	}
}

// gather and a TaskGroup ask each failed child for its exception, as
// CPython's callbacks do, so none is reported as never retrieved: not the
// one gather raised, not the one that failed after it, not those it
// returned, not those a TaskGroup raised in its group.
func TestGatherAndTaskGroupsRetrieve(t *testing.T) {
	code, err := os.ReadFile("testdata/retrieved_by_gather_and_groups.py")
	if err != nil {
		t.Fatal(err)
	}
	tr := runTrace(t, string(code))
	if len(tr.Warnings) != 0 {
		t.Errorf("warnings %+v, want none", tr.Warnings)
	}
	if n := len(tr.Prints); n != 4 {
		t.Errorf("%d lines printed, want 4: %+v", n, tr.Prints)
	}
}

// A program that waits for what nothing is left to do (CPython hangs on
// it) ends the run with what still waits named, so the page can say so.
func TestWhatNeverFinishesIsNamed(t *testing.T) {
	for _, tc := range []struct{ name, code, want string }{
		{"an event nobody sets", "import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n", "task Task-1 never finished"},
		{"a lock taken twice", "import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n", "the main thread never finished"},
		{"a script that ends", "print('done')\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := runTrace(t, tc.code)
			if got := strings.Join(tr.Pending, "; "); got != tc.want {
				t.Errorf("pending %q, want %q", got, tc.want)
			}
		})
	}
}
