package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

type poolKind int

const (
	poolThreads   poolKind = iota // concurrent.futures.ThreadPoolExecutor
	poolProcesses                 // concurrent.futures.ProcessPoolExecutor
	poolAnyIO                     // AnyIO's worker threads (unbounded; the limiter bounds them)
)

// Pool is an executor: worker threads in the owning process, or worker
// processes each with its own GIL. Work waits FIFO for a free worker.
type Pool struct {
	s        *Sim
	kind     poolKind
	proc     *Process
	id       int
	max      int    // 0: no bound
	pyPrefix string // a ThreadPoolExecutor's thread names: "ThreadPoolExecutor-0"
	workers  int
	idle     []*Thread
	queue    []*queuedJob
	running  int
	shut     bool // Shutdown was called
}

type queuedJob struct {
	job Job
	fut *Future // points to own: one allocation for both
	own Future
	ctx Ctx // ctx.owner is the lane credited with the job
}

func (s *Sim) newPool(p *Process, kind poolKind, max int) *Pool {
	s.pools++
	return &Pool{s: s, kind: kind, proc: p, id: s.pools, max: max}
}

// Max is the pool's worker limit.
func (pl *Pool) Max() int { return pl.max }

// defaultExecutor is the loop's default executor, made on first use:
// ThreadPoolExecutor(max_workers=min(32, cores + 4)), threads "asyncio_N".
func (p *Process) defaultExecutor() *Pool {
	if p.defExec == nil {
		p.defExec = &Pool{s: p.s, kind: poolThreads, proc: p, max: min(32, p.s.cfg.Cores+4)}
	}
	p.defExec.shut = false // the next asyncio.run's executor, in CPython a new one
	return p.defExec
}

// submit queues a job and returns its concurrent future.
func (pl *Pool) submit(c *Ctx, j Job) *Future {
	owner := c.Lane()
	q := &queuedJob{job: j, ctx: Ctx{s: pl.s, owner: owner, req: c.Request()}}
	q.fut = &q.own
	if w := pl.takeIdle(); w != nil {
		pl.start(w, q)
	} else if pl.max == 0 || pl.workers < pl.max {
		pl.start(pl.spawn(), q)
	} else {
		pl.queue = append(pl.queue, q)
		pl.s.beginCall(owner, trace.Queued, "waiting for a free worker of "+pl.name(), c.line())
	}
	return q.fut
}

// takeIdle picks an idle worker: ThreadPoolExecutor's idle threads wait on
// one queue (oldest first); AnyIO reuses the most recently idle thread.
func (pl *Pool) takeIdle() *Thread {
	n := len(pl.idle)
	if n == 0 {
		return nil
	}
	if pl.kind == poolAnyIO {
		w := pl.idle[n-1]
		pl.idle = pl.idle[:n-1]
		return w
	}
	w := pl.idle[0]
	pl.idle = pl.idle[1:]
	return w
}

func (pl *Pool) name() string {
	switch {
	case pl.kind == poolAnyIO:
		return "the threadpool"
	case pl.kind == poolProcesses:
		return fmt.Sprintf("process pool %d", pl.id)
	case pl.id == 0:
		return "the default executor"
	}
	return fmt.Sprintf("thread pool %d", pl.id)
}

func (pl *Pool) spawn() *Thread {
	w := pl.newWorker()
	w.pool = pl
	w.jobStart = func() { pl.runJob(w) }
	w.jobAfter = func(e Effect) { pl.finish(w, w.job, e) }
	return w
}

func (pl *Pool) newWorker() *Thread {
	pl.workers++
	n := pl.workers
	prefix := pl.proc.lanePrefix()
	var t *Thread
	switch pl.kind {
	case poolAnyIO:
		t = pl.proc.newThread(fmt.Sprintf("%sthreadpool thread %d", prefix, n), trace.KindThread, trace.Thread)
		t.pyName = "AnyIO worker thread"
	case poolProcesses:
		p := pl.s.newProcess(fmt.Sprintf("pool %d process %d", pl.id, n))
		return p.newThread(p.name, trace.KindProcess, trace.Process)
	case poolThreads:
		if pl.id == 0 {
			t = pl.proc.newThread(fmt.Sprintf("%sexecutor thread %d", prefix, n), trace.KindThread, trace.Thread)
			t.pyName = fmt.Sprintf("asyncio_%d", n-1) // the default executor's thread_name_prefix
		} else {
			t = pl.proc.newThread(fmt.Sprintf("%spool %d thread %d", prefix, pl.id, n), trace.KindThread, trace.Thread)
			t.pyName = fmt.Sprintf("%s_%d", pl.pyPrefix, n-1)
		}
	default:
		panic("unknown pool kind")
	}
	return t
}

// start runs q on worker w: take the GIL, run the fiber to its end. The
// job is a call on its owner's lane from now, and on the worker's from
// when it has the GIL; both show the lines the worker runs.
func (pl *Pool) start(w *Thread, q *queuedJob) {
	pl.running++
	w.owner = q.ctx.owner
	w.job = q
	q.ctx.thread = w
	w.line = lineOf(q.job.Fiber)
	pl.s.rec.Begin(q.ctx.owner, pl.s.now, w.kind, w.where(q.job.Label), w.line)
	w.acquire(w.jobStart)
}

// runJob runs worker w's job once it holds the GIL.
func (pl *Pool) runJob(w *Thread) {
	q := w.job
	w.s.rec.Begin(w.lane, w.s.now, trace.Run, q.job.Label, w.line)
	w.showOwnerAt(w.kind, w.where(q.job.Label), w.line)
	w.drive(q.job.Fiber, &q.ctx, nil, nil, w.jobAfter)
}

func (pl *Pool) finish(w *Thread, q *queuedJob, e Effect) {
	s := pl.s
	d, ok := e.(Done)
	if !ok {
		s.Fail(fmt.Errorf("%T is not possible in a worker thread", e))
		return
	}
	pl.running--
	w.job = nil
	w.release(false)
	w.show("", "")
	w.owner = -1
	if q.ctx.owner >= 0 {
		s.rec.Event(s.now, trace.EvEnd, q.ctx.owner, w.phrase(q.job.Label, finishesPhrase))
	} else {
		// No lane is credited with the job (a script's main thread
		// submitted it): it finishes on its worker's.
		s.rec.Event(s.now, trace.EvEnd, w.lane, q.job.Label+" finishes")
	}
	q.fut.resolve(d.Value, d.Err)
	if len(pl.queue) > 0 {
		next := pl.queue[0]
		pl.queue = pl.queue[1:]
		s.soon(func() { pl.start(w, next) })
		return
	}
	pl.idle = append(pl.idle, w)
}

// Shutdown is Executor.shutdown(): the workers end once no work is left
// for them (threading.enumerate() no longer lists them).
func (pl *Pool) Shutdown() { pl.shut = true }

// busy reports whether any job is queued or running.
func (pl *Pool) busy() bool { return pl.running > 0 || len(pl.queue) > 0 }
