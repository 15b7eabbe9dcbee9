// Package sim is LoopLab's discrete-event model of CPython concurrency: event
// loops with their ready queues and timers, tasks and futures, threads and
// the GIL, cores, thread and process pools, and uvicorn workers serving
// requests. Code runs as Fibers (supplied by the scenario interpreter) that
// return Effects; the simulator decides when each effect completes.
//
// Time is integer microseconds, events are ordered by (time, sequence), and
// every choice that real CPython leaves to the OS is made by a seeded
// generator, so the same input always gives a byte-identical trace.
package sim

import "looplab/wasm/trace"

// Time is virtual time in microseconds.
type Time = trace.Time

// event is one scheduled callback; dead events are skipped, which is how
// timers are cancelled without searching the heap. Every event scheduled
// with at is recycled once it has run or been skipped, so whoever keeps a
// handle (a GIL wait's timer, a loop's wake-up, the cores' next
// completion) must drop it when the event runs or is cancelled.
type event struct {
	at  Time
	seq uint64
	fn  func()
	req *Request // an arrival of the load, for the server (fn is nil)
	// id numbers the events made by at, from 1: the heap holds ids, not
	// pointers, so that sifting it costs the garbage collector nothing.
	// The load's arrivals (0) are never in the heap nor recycled.
	id   int32
	dead bool
	// daemon marks work only a daemon thread waits for (see
	// Sim.onlyDaemonsLeft): it does not keep the run going.
	daemon bool
}

// at schedules fn at time t (never earlier than now).
func (s *Sim) at(t Time, fn func()) *event {
	if t < s.now {
		t = s.now
	}
	s.seq++
	var e *event
	if n := len(s.free); n > 0 {
		e = s.event(s.free[n-1])
		s.free = s.free[:n-1]
	} else {
		e = &event{id: int32(len(s.made) + 1)}
		s.made = append(s.made, e)
	}
	e.at, e.seq, e.fn = t, s.seq, fn
	s.events.push(t, s.seq, e.id)
	return e
}

// event is the event numbered id.
func (s *Sim) event(id int32) *event { return s.made[id-1] }

// recycle keeps an event of the heap that has run or was skipped, cleared,
// for at to reuse.
func (s *Sim) recycle(e *event) {
	if e.id == 0 {
		return
	}
	e.fn, e.dead, e.daemon = nil, false, false
	s.free = append(s.free, e.id)
}

// next takes the earliest event from the heap or the arrival queue.
func (s *Sim) next() *event {
	var a *event
	if s.nextArrival < len(s.arrivals) {
		a = &s.arrivals[s.nextArrival]
	}
	if s.events.len() > 0 {
		if e := s.event(s.events.top()); a == nil || before(e.at, e.seq, a.at, a.seq) {
			return s.event(s.events.pop())
		}
	}
	if a != nil {
		s.nextArrival++
	}
	return a
}

// arrive queues a request of the load at t; they should come in time
// order.
func (s *Sim) arrive(t Time, r *Request) {
	if n := len(s.arrivals); n > 0 && s.arrivals[n-1].at > t {
		s.at(t, func() { s.server.arrive(r) }) // out of order: the heap sorts it
		return
	}
	s.seq++
	s.arrivals = append(s.arrivals, event{at: t, seq: s.seq, req: r})
}

// after schedules fn d from now.
func (s *Sim) after(d Time, fn func()) *event { return s.at(s.now+d, fn) }

// soon schedules fn now, after everything already due now: it is how one
// thread hands work to another without growing the Go stack.
func (s *Sim) soon(fn func()) { s.at(s.now, fn) }

// rng is a small seeded generator (splitmix64) for choices the OS makes in
// real CPython, such as which waiting thread gets the GIL.
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / float64(1<<53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }
