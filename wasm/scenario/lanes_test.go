package scenario

import (
	"testing"

	"looplab/wasm/trace"
)

// TestAwaitedWorkShows: a request whose endpoint awaits work in a worker
// process, or a threadpool token, shows that on its lane rather than a
// bare await.
func TestAwaitedWorkShows(t *testing.T) {
	for _, c := range []struct {
		name, code, load, lane string
		state                  trace.State
		least                  trace.Time
	}{
		{
			name: "a process pool's job",
			code: `import asyncio
from concurrent.futures import ProcessPoolExecutor
from fastapi import FastAPI

app = FastAPI()
pool = ProcessPoolExecutor(max_workers=2)


def factorize_number():
    cpu(1)
    return [3, 7]


@app.get("/factorize")
async def factorize():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, factorize_number)
`,
			load: "2 x at 0 GET /factorize", lane: "GET /factorize #2", state: trace.Process, least: 900 * trace.Millisecond,
		},
		{
			name: "a threadpool token",
			code: `import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/sync")
def sync():
    time.sleep(1)
`,
			load: "41 x at 0 GET /sync", lane: "GET /sync #41", state: trace.Token, least: 900 * trace.Millisecond,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr, err := Run(Spec{File: "app.py", Code: c.code, Load: c.load})
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range tr.Lanes {
				if l.Name != c.lane {
					continue
				}
				for _, s := range l.Spans {
					if s.State == c.state && s.To-s.From >= c.least {
						return
					}
				}
				t.Fatalf("%s never shows %s for %s: %+v", c.lane, c.state, c.least.Text(), l.Spans)
			}
			t.Fatalf("no lane %q", c.lane)
		})
	}
}
