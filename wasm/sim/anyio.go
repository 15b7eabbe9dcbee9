package sim

import (
	"strconv"

	"looplab/wasm/trace"
)

// ThreadpoolTokens is AnyIO's default thread limiter: 40 tokens per process,
// shared by sync endpoints, sync dependencies and sync background tasks.
const ThreadpoolTokens = 40

// anyioPool is AnyIO's to_thread machinery for one process: a
// CapacityLimiter whose waiters are served FIFO (AnyIO >= 3.7), and worker
// threads that are started when none is idle.
type anyioPool struct {
	tokens  int
	waiters []*anyioCall
	threads *Pool
}

func (p *Process) anyioPool() *anyioPool {
	if p.anyio == nil {
		p.anyio = &anyioPool{tokens: ThreadpoolTokens, threads: &Pool{s: p.s, kind: poolAnyIO, proc: p}}
	}
	return p.anyio
}

func (a *anyioPool) run(c *Ctx, j Job) *Future {
	s := c.s
	ac := &anyioCall{a: a, c: c, j: j, l: c.Loop(), lane: c.Lane()}
	ac.fut.loop = ac.l
	if a.tokens > 0 && len(a.waiters) == 0 {
		a.tokens--
		ac.start()
		return &ac.fut
	}
	s.beginCall(ac.lane, trace.Token, "waiting for a threadpool token", c.line())
	a.waiters = append(a.waiters, ac)
	return &ac.fut
}

// anyioCall is one run_sync: it waits for a token, runs its job in a
// worker thread and hands the outcome back to the loop. It is its own
// callback at each of these steps (fire), so that a call allocates once.
type anyioCall struct {
	a    *anyioPool
	c    *Ctx
	j    Job
	l    *Loop
	lane int
	fut  Future  // what the awaiting task gets
	cf   *Future // the worker's, once started
	step int
}

// The steps of an anyioCall, each ended by fire.
const (
	anyioWaiting  = iota // for a token; fire: a freed one is its
	anyioRunning         // in a worker thread; fire: the job is done
	anyioReturned        // queued on the loop; fire: the loop runs it
)

// start takes the token and submits the job.
func (ac *anyioCall) start() {
	s, a := ac.c.s, ac.a
	s.rec.Event(s.now, trace.EvToken, ac.lane, s.tokenText("takes a threadpool token (", a.tokens, " left)"))
	ac.step = anyioRunning
	ac.cf = a.threads.submit(ac.c, ac.j)
	ac.cf.onDoneRunner(ac)
}

func (ac *anyioCall) fire() {
	switch ac.step {
	case anyioWaiting:
		ac.start()
	case anyioRunning:
		ac.step = anyioReturned
		ac.l.callSoonRunner(ac)
	case anyioReturned:
		ac.a.release(ac.l, ac.c.s, ac.lane)
		ac.fut.resolve(ac.cf.result, ac.cf.err)
	}
}

// release frees a token; the oldest waiter gets it on the next iteration,
// when its task wakes up.
func (a *anyioPool) release(l *Loop, s *Sim, lane int) {
	if len(a.waiters) == 0 {
		a.tokens++
		s.rec.Event(s.now, trace.EvToken, lane, s.tokenText("frees a threadpool token (", a.tokens, " free)"))
		return
	}
	next := a.waiters[0]
	a.waiters = a.waiters[1:]
	s.rec.Event(s.now, trace.EvToken, lane, "frees a threadpool token; the longest waiter takes it")
	l.callSoonRunner(next)
}

// tokenText builds a token event text, cached per simulation: they
// repeat for every request.
func (s *Sim) tokenText(before string, n int, after string) string {
	if n < 0 || n > ThreadpoolTokens {
		return before + strconv.Itoa(n) + after
	}
	texts := s.tokenTexts[before]
	if texts == nil {
		texts = new([ThreadpoolTokens + 1]string)
		if s.tokenTexts == nil {
			s.tokenTexts = map[string]*[ThreadpoolTokens + 1]string{}
		}
		s.tokenTexts[before] = texts
	}
	if texts[n] == "" {
		texts[n] = before + strconv.Itoa(n) + after
	}
	return texts[n]
}
