package sim

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// Handler builds the fiber that serves one request: Starlette's routing,
// dependencies, the endpoint and background tasks (supplied by the
// interpreter, which knows whether the endpoint is async).
type Handler func(r *Request) Fiber

// Server is uvicorn: one or more worker processes, each with an event loop
// on its main thread, sharing one listening socket.
//
// How connections reach workers: every worker's loop selects on the shared
// socket, so an arriving connection wakes the idle ones and the first to
// accept takes every connection pending at that moment (asyncio accepts in a
// loop). The kernel does not deal connections round-robin: a burst sent at
// once usually lands in one worker. The model wakes one idle worker, drawn
// by the seeded generator, and lets it take the whole backlog; a worker that
// is busy accepts what is pending whenever its loop next polls.
type Server struct {
	s       *Sim
	workers []*Worker
	backlog []*Request
	spare   []*Request // the backlog's other buffer: accept swaps them
	reqs    []*Request
	// A large load's requests and their names are carved from these, a
	// few allocations instead of two per request (see ExpectRequests).
	slab  []Request
	names strings.Builder
	// parseWork is the loop's CPU work for each request (Config.RequestCPU),
	// boxed once instead of once a request.
	parseWork Effect
}

// Worker is one uvicorn worker process.
type Worker struct {
	index         int
	proc          *Process
	loop          *Loop
	handler       Handler
	acceptFn      func() // accept, cached
	acceptPending bool
	starting      bool // its lifespan startup runs: it does not listen yet
}

// Request is one HTTP request of the load.
type Request struct {
	s         *Sim
	index     int
	lane      int
	name      string
	worker    *Worker
	responded bool
	parse     parsing
	body      string
}

// Body is the request's body ("" when it has none).
func (r *Request) Body() string { return r.body }

// parsing runs a request's fiber after the loop's own CPU work for it
// (Config.RequestCPU): uvicorn parsing the request, Starlette routing it.
// It lives in the Request so that a large load allocates nothing more.
type parsing struct {
	endpoint Fiber
	work     Effect // the server's CPU effect, made once; nil for none
	done     bool
	working  bool // the server's work is the effect under way
}

func (p *parsing) Resume(c *Ctx, v any, err error) Effect {
	if !p.done {
		p.done = true
		if p.work != nil {
			p.working = true
			return p.work
		}
	}
	p.working = false
	return p.endpoint.Resume(c, v, err)
}

// Line implements Fiber: the server's own work is no line of the
// scenario's code; after it, the endpoint's lines.
func (p *parsing) Line() int32 {
	if p.working || !p.done {
		return 0
	}
	return lineOf(p.endpoint)
}

// Describe is the endpoint's, for slow-callback warnings.
func (p *parsing) Describe(done bool) string {
	if d, ok := p.endpoint.(Describer); ok {
		return d.Describe(done)
	}
	return ""
}

// Serve starts n uvicorn workers. setup runs once per worker process, at
// import time, with a context on the worker's main thread; it returns the
// worker's handler (module-level objects such as pools are per process).
func (s *Sim) Serve(n int, setup func(c *Ctx) (Handler, error)) error {
	sv := &Server{s: s}
	if d := s.cfg.RequestCPU; d > 0 {
		sv.parseWork = CPU{D: d, Label: "parsing and routing the request"}
	}
	s.server = sv
	for i := 1; i <= n; i++ {
		name, laneName := "server", "event loop"
		if n > 1 {
			name = fmt.Sprintf("worker %d", i)
			laneName = name + " · event loop"
		}
		p := s.newProcess(name)
		t := p.newThread(laneName, trace.KindLoop, trace.Run)
		w := &Worker{index: i, proc: p, loop: p.newLoop(t)}
		w.acceptFn = w.accept
		w.loop.server = sv
		w.loop.worker = i
		h, err := setup(&Ctx{s: s, thread: t, owner: -1})
		if err != nil {
			return err
		}
		w.handler = h
		sv.workers = append(sv.workers, w)
		w.startup()
	}
	return nil
}

// ExpectRequests says n requests are about to be added.
func (s *Sim) ExpectRequests(n int) {
	s.rec.Reserve(n)
	sv := s.server
	sv.reqs = append(make([]*Request, 0, len(sv.reqs)+n), sv.reqs...)
	s.arrivals = append(make([]event, 0, len(s.arrivals)+n), s.arrivals...)
	sv.slab = make([]Request, 0, n)
	sv.names.Grow(n * len("GET /endpoint #10000"))
}

// AddRequest schedules a request of the load; call before Run.
func (s *Sim) AddRequest(method, path string, at Time) { s.AddRequestBody(method, path, "", at) }

// AddRequestBody schedules a request with a body (JSON, for an endpoint
// that reads a model); call before Run.
func (s *Sim) AddRequestBody(method, path, body string, at Time) {
	sv := s.server
	var r *Request
	if len(sv.slab) < cap(sv.slab) {
		sv.slab = sv.slab[:len(sv.slab)+1]
		r = &sv.slab[len(sv.slab)-1]
	} else {
		r = new(Request)
	}
	*r = Request{s: s, index: len(sv.reqs), body: body}
	r.name = sv.name(method, path, r.index+1)
	r.lane = s.rec.Lane(r.name, trace.KindRequest)
	s.rec.Trace.Requests = append(s.rec.Trace.Requests, trace.Request{
		Method: method, Path: path, Sent: at, Start: -1, End: -1, Lane: r.lane,
	})
	sv.reqs = append(sv.reqs, r)
	s.arrive(at, r)
}

// name is a request's name, "GET /slow #2", written after the others':
// the strings a Builder has handed out stay as they are while it grows.
func (sv *Server) name(method, path string, n int) string {
	b := &sv.names
	start := b.Len()
	b.WriteString(method)
	b.WriteByte(' ')
	b.WriteString(path)
	b.WriteString(" #")
	var digits [20]byte
	b.Write(strconv.AppendInt(digits[:0], int64(n), 10))
	return b.String()[start:]
}

func (r *Request) rec() *trace.Request { return &r.s.rec.Trace.Requests[r.index] }

// Method and Path are the request line.
func (r *Request) Method() string { return r.rec().Method }
func (r *Request) Path() string   { return r.rec().Path }

// Name is "GET /slow #2".
func (r *Request) Name() string { return r.name }

func (sv *Server) arrive(r *Request) {
	s := sv.s
	if sv.backlog == nil {
		sv.backlog = sv.spare
	}
	sv.backlog = append(sv.backlog, r)
	s.rec.Set(r.lane, s.now, trace.Queued, "waiting for the server to accept it")
	s.rec.Event(s.now, trace.EvArrive, r.lane, "arrives")
	for _, w := range sv.workers {
		if w.acceptPending {
			return
		}
	}
	var idle []*Worker
	for _, w := range sv.workers {
		if w.loop.state == loopIdle && !w.starting {
			idle = append(idle, w)
		}
	}
	switch len(idle) {
	case 0: // every loop is busy; one accepts when it next polls
	case 1:
		idle[0].queueAccept()
	default:
		idle[s.rand.intn(len(idle))].queueAccept()
	}
}

func (w *Worker) queueAccept() {
	w.acceptPending = true
	h := w.loop.newHandle()
	h.fn = w.acceptFn
	w.loop.io = append(w.loop.io, h)
	w.loop.wake()
}

// idleLoop is a loop's poll at the end of an iteration: pending
// connections are readable, so it accepts them.
func (sv *Server) idleLoop(l *Loop) {
	if len(sv.backlog) == 0 || sv.workers[l.worker-1].starting {
		return
	}
	for _, w := range sv.workers {
		if w.acceptPending {
			return
		}
	}
	sv.workers[l.worker-1].queueAccept()
}

// accept takes every pending connection and starts a task for each, in
// arrival order.
func (w *Worker) accept() {
	sv := w.loop.server
	w.acceptPending = false
	batch := sv.backlog
	sv.backlog, sv.spare = nil, nil
	for _, r := range batch {
		w.loop.releases++ // reading the request: a recv that drops the GIL
		r.worker = w
		r.rec().Worker = w.index
		r.parse = parsing{endpoint: w.handler(r), work: sv.parseWork}
		t := w.loop.newTask(&r.parse, r.lane)
		t.req = r
	}
	clear(batch)
	sv.spare = batch[:0]
}

// MarkStart records that the endpoint's own code begins now.
func (c *Ctx) MarkStart() {
	if r := c.Request(); r != nil && r.rec().Start < 0 {
		r.rec().Start = c.s.now
		c.s.rec.Event(c.s.now, trace.EvStart, r.lane, "starts its endpoint")
	}
}

// Respond sends the response with the given status. The loop writes it
// to the socket when the running step ends; the request ends when the
// client has it all (see Loop.syscalls). (Starlette writes at once, inside
// the step: the two differ only if an async background task computes
// before its first await, which then delays the response in the model.)
func (c *Ctx) Respond(status int) {
	r := c.Request()
	if r == nil || r.responded {
		return
	}
	r.responded = true
	r.rec().Status = status
	if l := c.Loop(); l != nil {
		l.sends = append(l.sends, r)
		return
	}
	r.finish()
}

// finish records that the client has the whole response.
func (r *Request) finish() {
	s := r.s
	r.rec().End = s.now
	s.rec.Event(s.now, trace.EvRespond, r.lane, responseText(r.rec().Status))
}

func responseText(status int) string {
	if status == 200 {
		return "gets its response (200)"
	}
	return "gets its response (" + strconv.Itoa(status) + ")"
}
