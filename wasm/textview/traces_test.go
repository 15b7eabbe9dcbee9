package textview

import (
	"fmt"

	"looplab/wasm/trace"
)

const ms = trace.Millisecond

// blockedLoop is FastAPI running `async def slow(): print("Slow started");
// time.sleep(4)`: two /slow requests block the event loop one after the
// other, and four requests to a fast / endpoint wait behind them.
func blockedLoop() *trace.Trace {
	r := trace.NewRecorder()
	loop := r.Lane("event loop", trace.KindLoop)
	slow := []int{r.Lane("GET /slow#1", trace.KindRequest), r.Lane("GET /slow#2", trace.KindRequest)}
	var fast []int
	for i := 1; i <= 4; i++ {
		fast = append(fast, r.Lane(fmt.Sprintf("GET /#%d", i), trace.KindRequest))
	}
	var reqs []trace.Request
	for _, l := range append(append([]int{}, slow...), fast...) {
		r.Set(l, 0, trace.Ready, "")
		reqs = append(reqs, trace.Request{Method: "GET", Path: "/slow", Start: -1, End: -1, Status: 200, Worker: 1, Lane: l})
	}
	t := trace.Time(0)
	for i, l := range slow {
		r.Set(loop, t, trace.Run, "slow")
		r.Set(l, t, trace.Run, "")
		r.Print(t, l, "Slow started")
		reqs[i].Start = t
		r.Set(loop, t+ms, trace.Blocked, "time.sleep(4)")
		r.Set(l, t+ms, trace.Blocked, "time.sleep(4)")
		t += 4*trace.Second + ms
		r.Set(l, t, "", "")
		reqs[i].End = t
		r.Warn(t, l, fmt.Sprintf("Executing <Task finished name='Task-%d' coro=<slow() done>> took 4.001 seconds", i+1))
	}
	for i, l := range fast {
		r.Set(loop, t, trace.Run, "root")
		r.Set(l, t, trace.Run, "")
		reqs[2+i].Path, reqs[2+i].Start = "/", t
		t += ms
		r.Set(l, t, "", "")
		reqs[2+i].End = t
	}
	r.Set(loop, t, "", "")
	r.Trace.Requests = reqs
	return r.Finish(t)
}

// threadpool is a sync endpoint, `def sync(): time.sleep(1)`, run by
// Starlette's threadpool with two tokens: two requests run in worker
// threads, taking turns on the GIL, the third waits for a token, and a
// fourth is still queued when the run hits its time limit.
func threadpool() *trace.Trace {
	r := trace.NewRecorder()
	loop := r.Lane("event loop", trace.KindLoop)
	var req []int
	for i := 1; i <= 4; i++ {
		req = append(req, r.Lane(fmt.Sprintf("GET /sync#%d", i), trace.KindRequest))
	}
	w1 := r.Lane("worker thread 1", trace.KindThread)
	w2 := r.Lane("worker thread 2", trace.KindThread)
	gil := r.Lane("GIL", trace.KindGIL)
	cores := r.Lane("cores", trace.KindCores)
	never := r.Lane("idle thread", trace.KindThread) // no spans: not drawn

	r.Set(loop, 0, trace.Run, "accept")
	r.Set(loop, ms, "", "")
	for _, l := range req[:3] {
		r.Set(l, 0, trace.Queued, "")
	}
	// Requests 1 and 2 take the two tokens; 3 waits for one.
	r.Set(req[0], ms, trace.Thread, "worker thread 1")
	r.Set(req[1], ms, trace.Thread, "worker thread 2")
	r.Set(req[2], ms, trace.Token, "")
	r.Set(w1, ms, trace.Run, "")
	r.Set(gil, ms, trace.Held, "worker thread 1")
	r.Set(cores, ms, trace.Busy, "1 of 4")
	r.Set(w2, ms, trace.GILWait, "")
	r.Set(w1, 2*ms, trace.Blocked, "time.sleep(1)") // sleep releases the GIL
	r.Set(w2, 2*ms, trace.Run, "")
	r.Set(gil, 2*ms, trace.Held, "worker thread 2")
	r.Set(w2, 3*ms, trace.Blocked, "time.sleep(1)")
	r.Set(gil, 3*ms, "", "")
	r.Set(cores, 3*ms, "", "")
	// Request 1 ends and hands its token to request 3.
	t1 := trace.Second + 2*ms
	r.Set(w1, t1, trace.Run, "")
	r.Set(req[0], t1, "", "")
	r.Set(req[2], t1, trace.Thread, "worker thread 1")
	r.Set(gil, t1, trace.Held, "worker thread 1")
	r.Set(cores, t1, trace.Busy, "1 of 4")
	r.Set(w1, t1+ms, trace.Blocked, "time.sleep(1)")
	r.Set(gil, t1+ms, "", "")
	r.Set(cores, t1+ms, "", "")
	t2 := trace.Second + 3*ms
	r.Set(w2, t2, "", "")
	r.Set(req[1], t2, "", "")
	t3 := 2*trace.Second + 3*ms
	r.Set(w1, t3, "", "")
	r.Set(req[2], t3, "", "")
	// Request 4 arrives late and is still queued at the limit.
	r.Set(req[3], 2*trace.Second, trace.Queued, "")
	r.Trace.Requests = []trace.Request{
		{Method: "GET", Path: "/sync", Sent: 0, Start: ms, End: t1, Status: 200, Worker: 1, Lane: req[0]},
		{Method: "GET", Path: "/sync", Sent: 0, Start: ms, End: t2, Status: 200, Worker: 1, Lane: req[1]},
		{Method: "GET", Path: "/sync", Sent: 0, Start: t1, End: t3, Status: 200, Worker: 1, Lane: req[2]},
		{Method: "GET", Path: "/sync", Sent: 2 * trace.Second, Start: -1, End: -1, Worker: 1, Lane: req[3]},
	}
	_ = never
	r.Trace.Stopped = "time limit of 2.5 s reached"
	r.Trace.Pending = []string{"GET /sync#4"}
	r.Print(ms, req[2], "sync handler in worker thread 1\nsecond line of the same print")
	return r.Finish(2500 * ms)
}

// manyRequests is a load of n quick requests served one after another,
// with a long path and a long lane name to show cutting.
func manyRequests(n int) *trace.Trace {
	r := trace.NewRecorder()
	loop := r.Lane("event loop", trace.KindLoop)
	t := trace.Time(0)
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("GET /items#%d", i)
		path := "/items"
		if i == 1 {
			name = "GET /a/rather/long/path/for/one/lane#1"
			path = "/a/rather/long/path/for/one/lane/that/goes/on/and/on/past/any/reasonable/column/width?with=query"
		}
		l := r.Lane(name, trace.KindRequest)
		r.Set(l, 0, trace.Ready, "")
		r.Set(l, t, trace.Run, "")
		r.Set(loop, t, trace.Run, name)
		t += 10 * ms
		r.Set(l, t, trace.Respond, "")
		r.Set(l, t+5*ms, "", "")
		r.Trace.Requests = append(r.Trace.Requests, trace.Request{Method: "GET", Path: path, Start: t - 10*ms, End: t, Status: 200, Worker: 1 + i%2, Lane: l})
	}
	r.Set(loop, t, "", "")
	return r.Finish(t + 5*ms)
}
