package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// Process is an OS process: its own GIL, threads and (for uvicorn workers)
// event loop. A process pool worker is a Process too.
type Process struct {
	s       *Sim
	name    string
	gil     *gil
	threads []*Thread
	taskSeq int   // asyncio names tasks Task-1, Task-2, ... per process
	loop    *Loop // the loop of its main thread, if any
	anyio   *anyioPool
	defExec *Pool
	// threading's per-process counters: unnamed Threads ("Thread-3") and
	// ThreadPoolExecutors ("ThreadPoolExecutor-1_0")
	threadSeq int
	executors int
	lifespan  *Job // uvicorn workers: the app's startup handlers (startup.go)
	pid       int
}

// PID is the process's id, made up (and the same every run) since a
// real one differs every time.
func (p *Process) PID() int { return p.pid }

func (s *Sim) newProcess(name string) *Process {
	p := &Process{s: s, name: name, pid: 4000 + 17*len(s.procs)}
	p.gil = &gil{proc: p, lane: -1}
	s.procs = append(s.procs, p)
	return p
}

// lanePrefix names the process on its threads' lanes when there is more
// than one: "worker 2 · threadpool thread 1".
func (p *Process) lanePrefix() string {
	s := p.s
	if len(s.procs) > 1 || s.server != nil && len(s.server.workers) > 1 {
		return p.name + " · "
	}
	return ""
}

// Thread is an OS thread of a process. It runs one fiber at a time: a task
// step when it hosts an event loop, a job when it is a pool worker.
type Thread struct {
	started *Future // resolved when the thread first runs, for whoever waits in its start()
	s       *Sim
	proc    *Process
	name    string
	lane    int
	kind    trace.State // the state an owner lane shows while this thread runs its code
	owner   int         // lane of the request or task this thread works for now, -1 for none
	// line is the line of the scenario's code the thread's current call
	// comes from (see Fiber.Line), for the spans that show it
	line int32

	// GIL wait
	gilThen  func()
	gilTimer *event
	gilSaved uint64
	gilStart Time // when the current timed wait began (Config.OldestWins)

	phrases map[phraseKey]string
	// lastPhrase is the phrase of each kind made last, looked up before
	// the map: a worker says the same few for every request it serves.
	lastPhrase [4]phraseKey
	lastText   [4]string

	// what the thread runs now (set by drive); the cached continuations
	// below resume it, so a sleep or a stretch of CPU work allocates nothing
	fib          Fiber
	fctx         *Ctx
	after        func(Effect)
	blockResult  any
	blockThen    func()
	resumeFn     func() // step(nil, nil)
	unblockFn    func() // step(blockResult, nil)
	wakeFn       func() // acquire(blockThen), when a blocking call returns
	gilTimeout   func() // this thread's timed wait for the GIL ends
	gilFrom      string // event text for the thread it takes the GIL from
	gilWaitLabel string // what an owner lane shows while this thread waits for the GIL

	// pool workers: the job being run and its cached callbacks
	pool     *Pool
	job      *queuedJob
	jobStart func()
	jobAfter func(Effect)

	// preempted says the thread last gave the GIL up because it was asked
	// to (CPU-bound), not on its own (I/O)
	preempted bool

	// pyName is what threading.current_thread().name says ("" for the
	// lane's name); bg is set for threads started with threading.Thread.
	pyName string
	bg     *background

	// CPU work
	computing bool
	cpuLeft   Time
	cpuLabel  string
	cpuLine   int32
	cpuThen   func()
}

func (p *Process) newThread(name, laneKind string, kind trace.State) *Thread {
	s := p.s
	t := &Thread{s: s, proc: p, name: name, kind: kind, owner: -1}
	t.resumeFn = func() { t.step(nil, nil) }
	t.unblockFn = func() {
		r := t.blockResult
		t.blockResult = nil
		t.step(r, nil)
	}
	t.gilTimeout = func() { p.gil.timeout(t) }
	t.gilFrom = "takes the GIL from " + name
	t.gilWaitLabel = "waiting for the GIL in " + name
	t.wakeFn = func() {
		if t.bg != nil {
			t.bg.wakeEv = nil
		}
		then := t.blockThen
		t.blockThen = nil
		t.acquire(then)
	}
	t.lane = s.rec.Lane(name, laneKind)
	p.threads = append(p.threads, t)
	if len(p.threads) == 2 && !s.cfg.FreeThreaded {
		p.gil.openLane()
	}
	return t
}

// show sets what the thread's own lane and its owner's lane display.
func (t *Thread) show(state trace.State, label string) {
	t.s.rec.Set(t.lane, t.s.now, state, label)
}

func (t *Thread) showOwner(state trace.State, label string) {
	if t.owner >= 0 {
		t.s.rec.Set(t.owner, t.s.now, state, label)
	}
}

// showAt and showOwnerAt are show and showOwner for a span about line.
func (t *Thread) showAt(state trace.State, label string, line int32) {
	t.s.rec.SetLine(t.lane, t.s.now, state, label, line)
}

func (t *Thread) showOwnerAt(state trace.State, label string, line int32) {
	if t.owner >= 0 {
		t.s.rec.SetLine(t.owner, t.s.now, state, label, line)
	}
}

// beginCall starts a call of the scenario's code on the thread's lane and
// its owner's: a span of its own, even after one that reads the same
// (time.sleep(2) twice). The server's own work (line 0) is not a call of
// the scenario's, and its spans merge as before, which keeps a big run's
// event-loop lane short.
func (t *Thread) beginCall(state trace.State, label string, owner trace.State, ownerLabel string) {
	if t.line == 0 {
		return
	}
	t.s.rec.Begin(t.lane, t.s.now, state, label, t.line)
	if t.owner >= 0 {
		t.s.rec.Begin(t.owner, t.s.now, owner, ownerLabel, t.line)
	}
}

// drive runs fiber f on t from its current point, handling CPU and Block
// effects itself; any other effect goes to after. It reports whether after
// was called before drive returned (the step ended without waiting).
// The thread must hold the GIL.
func (t *Thread) drive(f Fiber, c *Ctx, v any, err error, after func(Effect)) bool {
	t.fib, t.fctx, t.after = f, c, after
	return t.step(v, err)
}

// step resumes the thread's current fiber (see drive).
func (t *Thread) step(v any, err error) bool {
	for {
		eff := t.fib.Resume(t.fctx, v, err)
		v, err = nil, nil
		switch e := eff.(type) {
		case CPU:
			if e.D <= 0 {
				continue
			}
			t.line = lineOf(t.fib)
			t.beginCall(trace.Run, e.Label, t.kind, t.where(e.Label))
			t.compute(e.D, e.Label, t.line, t.resumeFn)
			return false
		case Block:
			t.line = lineOf(t.fib)
			t.blockResult = e.Result
			t.block(e.D, e.Label, t.unblockFn)
			return false
		case Wait:
			if e.F.done {
				v, err = e.outcome()
				continue
			}
			t.line = lineOf(t.fib)
			t.wait(e)
			return false
		case nil:
			t.s.Fail(fmt.Errorf("internal error: a fiber returned no effect"))
			return false
		default:
			t.after(eff)
			return true
		}
	}
}

// compute holds the GIL and a core for d of work, at line, then calls
// then. The call began before (beginCall); this is also how it goes on
// after the thread has had to drop the GIL.
func (t *Thread) compute(d Time, label string, line int32, then func()) {
	t.cpuLeft, t.cpuLabel, t.cpuLine, t.cpuThen = d, label, line, then
	g := t.proc.gil
	if !t.s.cfg.FreeThreaded && g.dropPending {
		// A drop was asked for while this thread ran zero-time code: it
		// honours it at its first eval-breaker check.
		t.preempt()
		return
	}
	t.computing = true
	t.showAt(trace.Run, label, line)
	t.showOwnerAt(t.kind, t.where(label), line)
	t.s.cpus.add(t)
}

// Phrases about a label and this thread, cached because every request a
// worker serves repeats them.
const (
	wherePhrase    = iota // "time.sleep(4) in threadpool thread 3"
	blocksPhrase          // "time.sleep(4) blocks the event loop"
	finishesPhrase        // "time.sleep(4) in threadpool thread 3 finishes"
	blocksInPhrase        // "blocks in queue.get()", on a thread's own lane
)

type phraseKey struct {
	label string
	kind  int
	loop  bool // the thread runs an event loop (a script's main thread does only inside asyncio.run)
}

func (t *Thread) phrase(label string, kind int) string {
	loop := t.s.rec.Trace.Lanes[t.lane].Kind == trace.KindLoop
	key := phraseKey{label, kind, loop}
	if t.lastPhrase[kind] == key && t.lastText[kind] != "" {
		return t.lastText[kind]
	}
	if p, ok := t.phrases[key]; ok {
		t.lastPhrase[kind], t.lastText[kind] = key, p
		return p
	}
	var p string
	switch kind {
	case wherePhrase:
		p = label + " in " + t.name
		if label == "" {
			p = "in " + t.name
		}
	case blocksPhrase:
		p = label + " blocks " + t.name
		if loop {
			p = label + " blocks the event loop"
		}
	case finishesPhrase:
		p = t.where(label) + " finishes"
	case blocksInPhrase:
		p = "blocks in " + label
	}
	if t.phrases == nil {
		t.phrases = map[phraseKey]string{}
	}
	if len(t.phrases) < 64 {
		t.phrases[key] = p
	}
	t.lastPhrase[kind], t.lastText[kind] = key, p
	return p
}

// where labels an owner lane with the thread doing the work.
func (t *Thread) where(label string) string {
	if t.kind == trace.Run {
		return label
	}
	return t.phrase(label, wherePhrase)
}

// cpuFinished is called by the cores when t's work is done.
func (t *Thread) cpuFinished() {
	t.computing = false
	then := t.cpuThen
	t.cpuThen = nil
	then()
}

// preempt makes a computing thread drop the GIL (a forced switch) and queue
// to get it back, then go on with the rest of its work. As in CPython's
// drop_gil, a thread made to drop the GIL waits until the thread it went to
// is running before it queues again, so it cannot take it straight back.
func (t *Thread) preempt() {
	if t.computing {
		t.s.cpus.remove(t)
		t.computing = false
	}
	left, label, line, then := t.cpuLeft, t.cpuLabel, t.cpuLine, t.cpuThen
	resume := func() { t.compute(left, label, line, then) }
	t.preempted = true
	t.release(true)
	if g := t.proc.gil; g.holder == nil || t.s.cfg.FreeThreaded {
		t.acquire(resume) // nobody was waiting: no switch to wait for
		return
	}
	// The new holder starts after HandOff; this event comes after its
	// start, which release scheduled first. Meanwhile the thread waits.
	t.showGILWait()
	t.s.after(max(t.s.cfg.HandOff, 0), func() { t.acquire(resume) })
}

// block is a blocking call: the GIL is released for d, then taken back.
func (t *Thread) block(d Time, label string, then func()) {
	t.goBlocked(label)
	t.blockThen = then
	ev := t.s.at(t.s.now+d, t.wakeFn)
	if t.isDaemon() {
		ev.daemon = true
		t.bg.wakeEv = ev
	}
}

// goBlocked enters a blocking call: the GIL is released and the lanes say so.
func (t *Thread) goBlocked(label string) {
	s := t.s
	t.preempted = false
	what := blocksPhrase
	if t.owner < 0 && t.bg != nil { // a threading.Thread, narrated on its own lane
		what = blocksInPhrase
	}
	s.rec.Event(s.now, trace.EvBlock, max(t.owner, t.lane), t.phrase(label, what))
	t.release(false)
	t.beginCall(trace.Blocked, label, blockedState(t), t.where(label))
	t.showAt(trace.Blocked, label, t.line)
	t.showOwnerAt(blockedState(t), t.where(label), t.line)
}

func blockedState(t *Thread) trace.State {
	if t.kind == trace.Run { // the loop thread: the loop itself is blocked
		return trace.Blocked
	}
	return t.kind
}
