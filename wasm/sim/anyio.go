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
	waiters []func()
	threads *Pool
}

func (p *Process) anyioPool() *anyioPool {
	if p.anyio == nil {
		p.anyio = &anyioPool{tokens: ThreadpoolTokens, threads: &Pool{s: p.s, kind: poolAnyIO, proc: p}}
	}
	return p.anyio
}

func (a *anyioPool) run(c *Ctx, j Job) *Future {
	s, l, lane := c.s, c.Loop(), c.Lane()
	f := newFuture(l)
	start := func() {
		s.rec.Event(s.now, trace.EvToken, lane, s.tokenText("takes a threadpool token (", a.tokens, " left)"))
		cf := a.threads.submit(c, j)
		cf.onDone(func() {
			l.callSoon(func() {
				a.release(l, s, lane)
				f.resolve(cf.result, cf.err)
			})
		})
	}
	if a.tokens > 0 && len(a.waiters) == 0 {
		a.tokens--
		start()
		return f
	}
	s.rec.Set(lane, s.now, trace.Token, "waiting for a threadpool token")
	a.waiters = append(a.waiters, start)
	return f
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
	l.callSoon(next)
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
