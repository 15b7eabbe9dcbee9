package export

import (
	"errors"
	"flag"
	"strings"
	"testing"

	"looplab/wasm/internal/golden"
	"looplab/wasm/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The golden cases are written here rather than taken from the fidelity
// corpus or the lessons, so editing those does not churn these files.
var goldenCases = []struct {
	name     string
	code     string
	load     string
	settings string
}{
	{
		name: "fastapi_cpu_workers",
		code: `# CPU work on the loop, and a health check beside it.
from fastapi import FastAPI

api = FastAPI()


@api.get("/crunch")
async def crunch():
    cpu(0.3)
    return {"ok": True}


@api.post("/items")
def create():
    return {"created": True}


@api.get("/health")
async def health():
    return {"status": "ok"}
`,
		load: `2 x at 0 GET /crunch   # two at once
at 0.1 POST /items
every 0.25 from 0.05 to 1 GET /health?verbose=1
`,
		settings: "workers = 2\ncores = 2\n",
	},
	{
		name: "fastapi_upstream",
		code: `import httpx
import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/blocking")
async def blocking():
    r = requests.get("http://upstream/delay/0.3")
    return r.json()


@app.get("/awaited")
async def awaited():
    async with httpx.AsyncClient() as client:
        r = await client.get("http://upstream/anything")
    return r.json()
`,
		load:     "3 x at 0 GET /blocking\nevery 0.1 from 1.5 to 4 GET /awaited\n",
		settings: "latency = 0.2",
	},
	{
		// threading and queue are the standard library: nothing more to
		// install than for any app.
		name: "fastapi_subscriber",
		code: `import asyncio
import queue
import threading
import time
from fastapi import FastAPI

app = FastAPI()
broker = queue.Queue()


def on_message(order):
    time.sleep(0.5)
    print(f"order {order} stored on {threading.current_thread().name}")


def subscribe(loop):
    for _ in range(10):
        loop.call_soon_threadsafe(on_message, broker.get())


@app.on_event("startup")
async def start_subscriber():
    loop = asyncio.get_running_loop()
    threading.Thread(target=subscribe, args=(loop,), daemon=True, name="subscriber").start()


@app.post("/publish/{order}")
async def publish(order: int):
    broker.put(order)
    return {"published": order}


@app.get("/health")
async def health():
    return {"ok": True}
`,
		load: "at 0.5 POST /publish/1\nevery 0.25 from 0 to 1.5 GET /health\n",
	},
	{
		name: "script",
		code: `# CPU-bound threads take turns holding the GIL.
import asyncio


async def job(n):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, cpu, 0.5)
    print(f"job {n} done")


async def main():
    print("start")
    await asyncio.gather(*[job(i) for i in range(3)])


asyncio.run(main())
`,
	},
	{
		// Unseeded random: the simulator starts from seed 0, so the
		// export seeds it too, on the same added first line as cpu.
		name: "script_random",
		code: `import asyncio
import random


async def job(n):
    cpu(0.1)
    await asyncio.sleep(random.uniform(0.1, 0.5))
    print(f"job {n} done")


async def main():
    await asyncio.gather(*[job(i) for i in range(3)])


asyncio.run(main())
`,
	},
	{
		// A lesson about asyncio's debug warnings says so in its
		// settings: the script runs with PYTHONASYNCIODEBUG=1.
		name: "script_debug_setting",
		code: `import asyncio
import time


async def main():
    time.sleep(0.3)  # blocks the loop: debug mode's warning
    await asyncio.sleep(0.1)


asyncio.run(main())
`,
		settings: "asyncio_debug = true\n",
	},
	{
		// The code turns debug mode on itself: uvicorn runs with
		// PYTHONASYNCIODEBUG=1 too, so it is on before the handler runs.
		name: "fastapi_set_debug",
		code: `import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.on_event("startup")
async def debug_mode():
    asyncio.get_running_loop().set_debug(True)


@app.get("/slow")
async def slow():
    time.sleep(0.2)
    return {}
`,
		load: "2 x at 0 GET /slow\n",
	},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			set, err := scenario.ParseSettings(c.settings)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Export(scenario.Spec{File: "code", Code: c.code, LoadFile: "load", Load: c.load, Settings: set})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "testdata/"+c.name+".txt", archive(p), *update)
		})
	}
}

// archive writes a program as one text, txtar style, so one golden file
// holds all of it and a file that appears or goes away shows in the diff.
func archive(p Program) string {
	var b strings.Builder
	b.WriteString("-- Run --\n" + p.Run)
	for _, f := range p.Files {
		b.WriteString("-- " + f.Name + " --\n" + f.Text)
	}
	return b.String()
}

func TestErrors(t *testing.T) {
	app := "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    return {}\n"
	script := "print('hi')\n"
	cases := []struct {
		name, code, load, want string
	}{
		{"code does not parse", "x = (1,\n", "", "code:1:5: '(' was never closed"},
		{"load does not parse", app, "at 0 GET /\nat x GET /\n", "load:2:4: "},
		{"app without load", app, "", "code: this FastAPI app gets no requests"},
		{"script with load", script, "at 0 GET /", "load: a load only applies to a FastAPI or Starlette app"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Export(scenario.Spec{File: "code", Code: c.code, LoadFile: "load", Load: c.load})
			var se *scenario.Error
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *scenario.Error", err)
			}
			// Export must report what the simulator reports, word for word.
			_, runErr := scenario.Run(scenario.Spec{File: "code", Code: c.code, LoadFile: "load", Load: c.load})
			if runErr == nil || err.Error() != runErr.Error() {
				t.Errorf("Export says %q, scenario.Run says %v", err, runErr)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %q, want it to start with %q", err, c.want)
			}
		})
	}
}

func TestDefaultFileNames(t *testing.T) {
	_, err := Export(scenario.Spec{Code: "x = (\n"})
	if err == nil || !strings.HasPrefix(err.Error(), "app.py:") {
		t.Errorf("got %v, want an error in app.py as scenario.Run names it", err)
	}
}
