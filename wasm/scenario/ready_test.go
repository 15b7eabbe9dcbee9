package scenario

import (
	"testing"

	"looplab/wasm/trace"
)

// TestReadyWhileTheLoopIsBusy: a task whose sleep is over, whose I/O,
// thread or child is done, or that was handed a semaphore is ready,
// waiting for the event loop, from that moment until the loop runs it,
// however long the loop is blocked meanwhile; before it, it shows what
// it waited for.
func TestReadyWhileTheLoopIsBusy(t *testing.T) {
	const ms = trace.Millisecond
	for _, c := range []struct {
		name, code, load string
		lane             string
		before           trace.State // the lane's state until it is ready
		from, to         trace.Time  // the ready span, within a ms
	}{
		{
			name: "sleeps behind a blocked endpoint",
			code: polite, load: politeLoad,
			lane: "GET /polite #1", before: trace.Await, from: 4000*ms + 300, to: 5000*ms + 600,
		},
		{
			name: "the second sleep behind a blocked endpoint",
			code: polite, load: politeLoad,
			lane: "GET /polite #2", before: trace.Await, from: 4000*ms + 600, to: 5000*ms + 600,
		},
		{
			name: "a timer beside a blocked loop",
			code: `import asyncio
import time

async def ticker():
    await asyncio.sleep(1)
    print("tick")

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(2.5)
    await t

asyncio.run(main())
`,
			lane: "Task-2 ticker()", before: trace.Await, from: 1000 * ms, to: 2500 * ms,
		},
		{
			name: "a thread's result beside a blocked loop",
			code: `import asyncio
import time

async def offload():
    await asyncio.to_thread(time.sleep, 1)

async def main():
    t = asyncio.create_task(offload())
    await asyncio.sleep(0)
    time.sleep(3)
    await t

asyncio.run(main())
`,
			lane: "Task-2 offload()", before: trace.Thread, from: 1000*ms + 690, to: 3000 * ms,
		},
		{
			name: "network I/O beside a blocked loop",
			code: `import asyncio
import time
import httpx

async def fetch(client):
    await client.get("http://example.com/delay/1")

async def main():
    client = httpx.AsyncClient()
    t = asyncio.create_task(fetch(client))
    await asyncio.sleep(0.1)
    time.sleep(3)
    await t

asyncio.run(main())
`,
			lane: "Task-2 fetch(<AsyncClient>)", before: trace.IO, from: 1025 * ms, to: 3125 * ms,
		},
		{
			name: "gather's parent behind a blocked loop",
			code: `import asyncio
import time

async def child():
    await asyncio.sleep(1)

async def blocker():
    await asyncio.sleep(1)
    time.sleep(2)

async def main():
    children = asyncio.gather(child())
    b = asyncio.create_task(blocker())
    await children
    await b

asyncio.run(main())
`,
			lane: "Task-1 main()", before: trace.Await, from: 1000 * ms, to: 3000 * ms,
		},
		{
			name: "a semaphore handed over before the loop blocks",
			code: `import asyncio
import time

sem = asyncio.Semaphore(1)

async def holder():
    async with sem:
        await asyncio.sleep(1)
    time.sleep(2)

async def waiter():
    async with sem:
        pass

async def main():
    await asyncio.gather(holder(), waiter())

asyncio.run(main())
`,
			lane: "Task-3 waiter()", before: trace.Await, from: 1000 * ms, to: 3000 * ms,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr, err := Run(Spec{File: "app.py", Code: c.code, Load: c.load})
			if err != nil {
				t.Fatal(err)
			}
			lane := -1
			for i, l := range tr.Lanes {
				if l.Name == c.lane {
					lane = i
				}
			}
			if lane < 0 {
				t.Fatalf("no lane %q", c.lane)
			}
			spans := tr.Lanes[lane].Spans
			for i, s := range spans {
				if s.State != trace.Ready || s.To-s.From < ms {
					continue
				}
				if i == 0 || spans[i-1].State != c.before || spans[i-1].To != s.From {
					t.Errorf("ready span %+v does not follow a %s span: %+v", s, c.before, spans)
				}
				if !within(s.From, c.from, ms) || !within(s.To, c.to, ms) {
					t.Errorf("ready from %s to %s, want %s to %s", s.From.Text(), s.To.Text(), c.from.Text(), c.to.Text())
				}
				return
			}
			t.Errorf("%s is never ready for a ms: %+v", c.lane, spans)
		})
	}
}

// polite and politeLoad: /polite sleeps 4 s, /rude blocks the loop for
// 4 s, from 1 s to 5 s, while both first /polite sleeps end.
const (
	polite = `from fastapi import FastAPI
import asyncio
import time

api = FastAPI()


@api.get("/polite")
async def polite():
    await asyncio.sleep(4)
    return {"waited": "politely"}


@api.get("/rude")
async def rude():
    time.sleep(4)
    return {"waited": "rudely"}
`
	politeLoad = "2 x at 0 GET /polite\nat 1 GET /rude\nat 1.5 GET /polite\n"
)

func within(got, want, tol trace.Time) bool { return got >= want-tol && got <= want+tol }
