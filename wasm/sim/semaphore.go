package sim

// Semaphore is asyncio.Semaphore with FIFO hand-off: a release with
// waiters passes the permit straight to the oldest one.
type Semaphore struct {
	value   int
	waiters []*Future
}

// NewSemaphore makes a semaphore with n permits.
func NewSemaphore(n int) *Semaphore { return &Semaphore{value: n} }

// Acquire takes a permit: nil when one was free (no suspension, as in
// asyncio), otherwise a future that is done when the permit is handed over.
func (c *Ctx) Acquire(s *Semaphore) *Future {
	if s.value > 0 && len(s.waiters) == 0 {
		s.value--
		return nil
	}
	f := newFuture(c.Loop())
	s.waiters = append(s.waiters, f)
	f.cancel = func() bool {
		for i, w := range s.waiters {
			if w == f {
				s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
				break
			}
		}
		f.resolve(nil, cancelledError())
		return true
	}
	return f
}

// Release gives a permit back.
func (c *Ctx) Release(s *Semaphore) {
	for len(s.waiters) > 0 {
		w := s.waiters[0]
		s.waiters = s.waiters[1:]
		if !w.done {
			w.resolve(true, nil)
			return
		}
	}
	s.value++
}

// Value is the number of free permits.
func (s *Semaphore) Value() int { return s.value }
