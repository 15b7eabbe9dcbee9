package scenario

import (
	"strings"
	"testing"
	"time"

	"looplab/wasm/trace"
)

// Runaway scenarios stop at a limit with a message that names it.
func TestLimits(t *testing.T) {
	loop := "total = 0\nfor i in range(1000000):\n    total += i\n"
	_, err := Run(Spec{File: "busy.py", Code: loop, Settings: Settings{Limits: Limits{Steps: 10_000}}})
	if err == nil || !strings.HasPrefix(err.Error(), "busy.py:3:") || !strings.Contains(err.Error(), "step limit") {
		t.Errorf("step limit: got %v", err)
	}

	sleepy := "import time\ntime.sleep(36000)\nprint('woke')\n"
	tr, err := Run(Spec{Code: sleepy})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tr.Stopped, "time limit of 3600 s") || len(tr.Prints) != 0 {
		t.Errorf("time limit: stopped %q, prints %v", tr.Stopped, tr.Prints)
	}

	chatty := "import asyncio\n\nasync def main():\n    for _ in range(100000):\n        await asyncio.sleep(0.001)\n\nasyncio.run(main())\n"
	tr, err = Run(Spec{Code: chatty, Settings: Settings{Limits: Limits{Events: 5000}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tr.Stopped, "event limit") || len(tr.Pending) == 0 {
		t.Errorf("event limit: stopped %q, pending %v", tr.Stopped, tr.Pending)
	}
}

// Every runaway a learner might write stops quickly, with the default
// limits, and says which limit stopped it: as an error, as why the run
// stopped, or as the exception the program dies of (its last print).
func TestRunawaysStopAtLimits(t *testing.T) {
	const app = "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    return {}\n"
	tests := []struct {
		name, code, load string
		want             string
	}{
		{"a huge loop", "total = 0\nfor i in range(1000000):\n    for j in range(1000000):\n        total += j\n", "",
			"more than 20000000 steps (the step limit)"},
		{"a million requests at once", app, "1000000 x at 0 GET /", "repeat count must be from 1 to 100000 (the repeat limit)"},
		{"a million requests over a second", app, "every 0.000001 from 0 to 1 GET /", "more than 100000 requests (the request limit)"},
		{"a 10-hour sleep", "import time\ntime.sleep(36000)\n", "", "stopped at the time limit of 3600 s simulated"},
		{"a 10-hour asyncio.sleep", "import asyncio\n\nasync def main():\n    await asyncio.sleep(36000)\n\nasyncio.run(main())\n", "",
			"stopped at the time limit of 3600 s simulated"},
		{"a 10-hour endpoint", "import asyncio\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    await asyncio.sleep(36000)\n", "at 0 GET /",
			"stopped at the time limit of 3600 s simulated"},
		{"a busy event loop", "import asyncio\n\nasync def spin():\n    for _ in range(1000000):\n        for _ in range(1000000):\n            await asyncio.sleep(0)\n\nasyncio.run(spin())\n", "",
			"(the step limit)"},
		{"a loop over a huge string", "s = 'é' * 500000\nn = 0\nfor i in range(1000000):\n    if s[i] == 'é':\n        n += 1\n", "",
			"(the step limit)"},
		{"a loop over a huge list", "l = list(range(1000000))\nfor i in range(1000000):\n    if i in l:\n        l.pop(0)\n", "",
			"(the step limit)"},
		{"deep recursion", "def f(n):\n    return f(n + 1)\n\nf(0)\n", "", "RecursionError: maximum recursion depth exceeded"},
		{"a billion-character string", "x = 'a' * 10**9\n", "", "MemoryError: a string of 1000000000 characters is over the simulator's limit of 1048576"},
		{"a string doubled", "x = 'a'\nfor _ in range(100):\n    x = x + x\n", "", "MemoryError: a string of 2097152 characters is over the simulator's limit of 1048576"},
		{"an f-string doubled", "x = 'a'\nfor _ in range(100):\n    x = f'{x}{x}'\n", "", "over the simulator's limit of 1048576"},
		{"a huge join", "s = 'a' * 1000000\nt = ''.join([s] * 1000000)\n", "", "MemoryError: a string of 1000000000000 characters"},
		{"a billion-item list", "x = [0] * 10**9\n", "", "MemoryError: a list of 1000000000 items is over the simulator's limit of 1000000"},
		{"a list doubled", "x = [0]\nfor _ in range(100):\n    x += x\n", "", "MemoryError: a list of 1048576 items is over the simulator's limit of 1000000"},
		{"a list extended by itself", "x = [0]\nfor _ in range(100):\n    x.extend(x)\n", "", "MemoryError: a list of 1048576 items"},
		{"a billion-item range", "print(list(range(10**9)))\n", "", "MemoryError: range of 1000000000 items is over the simulator's limit of 1000000"},
		{"many large strings kept", "s = 'a' * 1000000\nkept = []\nfor i in range(1000000):\n    kept.append(s + str(i))\n", "",
			"MemoryError: the scenario built more than 256 MiB of strings and lists (the simulator's memory limit)"},
		{"a huge number", "x = 10 ** 10 ** 10\n", "", "OverflowError: integer too large for the simulator (more than 65,536 bits)"},
		{"a number squared until it overflows", "x = 2\nfor _ in range(100):\n    x = x * x\n", "", "OverflowError: integer too large"},
		{"a list that contains itself", "x = [1]\nx.append(x)\nprint(x)\n", "", "[1, [...]]"},
		{"lists nested a million deep", "x = []\nfor _ in range(1000000):\n    x = [x]\nprint(x)\n", "",
			"RecursionError: maximum recursion depth exceeded while getting the repr of an object (the simulator's limit is 1000 levels)"},
		{"a million tasks", "import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n\nasync def main():\n    for _ in range(1000000):\n        asyncio.create_task(f())\n\nasyncio.run(main())\n", "",
			"RuntimeError: can't create another task: the simulator's limit is 100000 tasks"},
		{"a million threads", "import threading\n\ndef f():\n    pass\n\nfor _ in range(1000000):\n    threading.Thread(target=f).start()\n", "",
			"RuntimeError: can't start new thread: the simulator's limit is 10000 threads"},
		{"a million prints", "for i in range(1000000):\n    print(i)\n", "",
			"[the simulator's print limit: more than 100000 lines or 4 MiB printed; later prints are not shown]"},
		{"megabyte prints", "s = 'a' * 1000000\nfor i in range(1000):\n    print(s)\n", "", "print limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			tr, err := Run(Spec{Code: tt.code, Load: tt.load})
			took := time.Since(start)
			var got string
			switch {
			case err != nil:
				got = err.Error()
			case tr.Stopped != "":
				got = tr.Stopped
			case len(tr.Prints) > 0:
				got = tr.Prints[len(tr.Prints)-1].Text
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q\nwant it to contain %q", got, tt.want)
			}
			// Generous, for a loaded machine: these take milliseconds to
			// a second or two here.
			if took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			if tr != nil {
				for _, p := range invariants(tr) {
					t.Error(p)
				}
			}
		})
	}
}

// A run stopped at a limit still keeps the invariants and says what was
// left unfinished.
func TestStoppedRunListsPending(t *testing.T) {
	code := "import asyncio\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    await asyncio.sleep(100)\n"
	tr, err := Run(Spec{Code: code, Load: "3 x at 0 GET /", Settings: Settings{Limits: Limits{Time: 10 * trace.Second}}})
	if err != nil {
		t.Fatal(err)
	}
	pending := strings.Join(tr.Pending, "\n")
	if !strings.Contains(tr.Stopped, "time limit of 10 s") || !strings.Contains(pending, "task Task-3 never finished") ||
		!strings.Contains(pending, "GET / (#3) got no response") {
		t.Errorf("stopped %q, pending %q", tr.Stopped, tr.Pending)
	}
	for _, p := range invariants(tr) {
		t.Error(p)
	}
}
