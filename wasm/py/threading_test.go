package py_test

import (
	"strings"
	"testing"

	"looplab/wasm/py"
	_ "looplab/wasm/py/lib"
	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// These cases differ from CPython on purpose or print to stderr there, so
// they are not chunks (which scripts/check-chunks-cpython.py runs for real).

func TestExceptionInAThreadIsPrintedAndTheProcessGoesOn(t *testing.T) {
	got := runChunk(chunk{code: `import threading
import time

def boom(n):
    time.sleep(n)
    return 1 / 0

t = threading.Thread(target=boom, args=(1,))
t.start()
t.join()
print("main goes on")
`})
	want := `1.000 Exception in thread Thread-1 (boom):
1.000 Traceback (most recent call last):
1.000   File "/app/chunk.py", line 6, in boom
1.000     return 1 / 0
1.000 ZeroDivisionError: division by zero
1.000 main goes on
`
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// asyncio's debug mode, whose warnings the simulator prints, checks what
// is handed to call_soon; so does the simulator, always.
func TestCallSoonChecksLikeDebugMode(t *testing.T) {
	got := runChunk(chunk{code: `import asyncio
import threading

async def coro():
    pass

def from_thread(loop):
    try:
        loop.call_soon(print, "no")
    except RuntimeError as e:
        print("call_soon:", e)

async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.call_soon_threadsafe(coro)
    except TypeError as e:
        print("async def:", e)
    t = threading.Thread(target=from_thread, args=(loop,))
    t.start()
    await asyncio.sleep(0.1)

asyncio.run(main())
`})
	want := `0.000 async def: coroutines cannot be used with call_soon_threadsafe()
0.000 call_soon: Non-thread-safe operation invoked on an event loop other than the current one
`
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestCallSoonThreadsafeAfterTheLoopClosed(t *testing.T) {
	got := runChunk(chunk{code: `import asyncio
import threading
import time

def late(loop):
    time.sleep(1)
    try:
        loop.call_soon_threadsafe(print, "too late")
    except RuntimeError as e:
        print(e)

async def main():
    threading.Thread(target=late, args=(asyncio.get_running_loop(),)).start()

asyncio.run(main())
`})
	if want := "1.000 Event loop is closed\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// serveApp runs an app with requests at the given times (all GET path).
func serveApp(t *testing.T, code, path string, at ...sim.Time) (*trace.Trace, error) {
	t.Helper()
	p, err := py.Load("app.py", []byte(code))
	if err != nil {
		t.Fatal(err)
	}
	s := sim.New(sim.Config{})
	if err := p.Start(s, py.Settings{}); err != nil {
		return nil, err
	}
	for _, a := range at {
		s.AddRequest("GET", path, a)
	}
	return s.Run()
}

const startupApp = `import asyncio
import threading
from fastapi import FastAPI

app = FastAPI()
ready = {}

@app.on_event("startup")
async def first():
    await asyncio.sleep(0.5)
    ready["first"] = threading.current_thread().name

@app.on_event("startup")
def second():
    ready["second"] = threading.current_thread().name

@app.on_event("shutdown")
def bye():
    print("never printed: the run ends with the server up")

@app.get("/")
async def root():
    print(ready)
    return ready
`

func TestStartupHandlersRunInOrderBeforeRequests(t *testing.T) {
	tr, err := serveApp(t, startupApp, "/", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range tr.Requests {
		// The loop parses the requests in turn (sim.Config.RequestCPU).
		parse := sim.Config{}.Defaults().RequestCPU
		if want := 500*trace.Millisecond + trace.Time(i+1)*parse; r.Start != want {
			t.Errorf("request %d started at %v, want %v: 0.5 s, when startup is done, and its parse", i+1, r.Start, want)
		}
	}
	if len(tr.Prints) != 2 || tr.Prints[0].Text != "{'first': 'MainThread', 'second': 'MainThread'}" {
		t.Errorf("prints %v, want both handlers to have run on the loop's thread", tr.Prints)
	}
}

func TestStartupFailureStopsTheApp(t *testing.T) {
	code := `from fastapi import FastAPI

app = FastAPI()

@app.on_event("startup")
async def connect():
    raise ConnectionError("broker unreachable")

@app.get("/")
async def root():
    return {}
`
	_, err := serveApp(t, code, "/", 0)
	if err == nil || !strings.Contains(err.Error(), "7:5: the app's startup failed, so uvicorn exits: ConnectionError: broker unreachable") {
		t.Errorf("got %v, want the startup's exception at its line", err)
	}
}

func TestOnEventTakesStartupOrShutdown(t *testing.T) {
	code := `from fastapi import FastAPI

app = FastAPI()

@app.on_event("ready")
def nope():
    pass
`
	_, err := serveApp(t, code, "/", 0)
	if err == nil || !strings.Contains(err.Error(), `on_event() takes "startup" or "shutdown", not 'ready'`) {
		t.Errorf("got %v", err)
	}
}

func TestAsyncTargetIsNeverAwaited(t *testing.T) {
	tr := runTrace(t, `import threading

async def fetch():
    print("never runs")

t = threading.Thread(target=fetch)
t.start()
t.join()
`)
	if len(tr.Prints) != 0 || len(tr.Warnings) != 1 || tr.Warnings[0].Text != "RuntimeWarning: coroutine 'fetch' was never awaited" {
		t.Errorf("prints %v, warnings %v; want only the never-awaited warning", tr.Prints, tr.Warnings)
	}
}
