package sim

// Queue is queue.Queue, which threads hand items through: a get on an
// empty queue, or a put on a full one, blocks the calling thread with the
// GIL released until another thread makes it possible. Waiters are served
// first come, first served.
type Queue struct {
	max     int // 0: unbounded
	items   []any
	getters []*Future
	putters []queuedPut
}

type queuedPut struct {
	v any
	f *Future
}

// NewQueue is queue.Queue(maxsize); max <= 0 is unbounded.
func NewQueue(max int) *Queue { return &Queue{max: max} }

// Len is qsize(): the items waiting to be taken.
func (q *Queue) Len() int { return len(q.items) }

// Full reports whether a put would block.
func (q *Queue) Full() bool { return q.max > 0 && len(q.items) >= q.max }

// TryGet is get_nowait: the oldest item, or false when there is none.
func (q *Queue) TryGet() (any, bool) {
	if len(q.items) == 0 {
		return nil, false
	}
	v := q.items[0]
	q.items[0] = nil
	q.items = q.items[1:]
	if len(q.putters) > 0 { // room for the longest-waiting put
		p := q.putters[0]
		q.putters = q.putters[1:]
		q.items = append(q.items, p.v)
		p.f.resolve(nil, nil)
	}
	return v, true
}

// TryPut is put_nowait: it hands v to the longest-waiting get, or queues
// it, and reports false when the queue is full.
func (q *Queue) TryPut(v any) bool {
	if len(q.getters) > 0 {
		g := q.getters[0]
		q.getters = q.getters[1:]
		g.resolve(v, nil)
		return true
	}
	if q.Full() {
		return false
	}
	q.items = append(q.items, v)
	return true
}

// Get is get(timeout=...): the oldest item, or, when there is none, the
// Wait effect that blocks until a put brings one (its result is the item).
// timeout < 0 waits as long as it takes; on a timeout the thread goes on
// with timedOut (queue.Empty).
func (q *Queue) Get(timeout Time, timedOut error, label string) (any, Effect) {
	if v, ok := q.TryGet(); ok {
		return v, nil
	}
	f := newFuture(nil)
	q.getters = append(q.getters, f)
	return nil, Wait{F: f, Timeout: timeout, TimedOut: timedOut, Label: label,
		OnTimeout: func() { q.getters = withoutFuture(q.getters, f) }}
}

// Put is put(v, timeout=...): nil when v went in at once, else the Wait
// effect that blocks until a get makes room (queue.Full on a timeout).
func (q *Queue) Put(v any, timeout Time, timedOut error, label string) Effect {
	if q.TryPut(v) {
		return nil
	}
	f := newFuture(nil)
	q.putters = append(q.putters, queuedPut{v, f})
	return Wait{F: f, Timeout: timeout, TimedOut: timedOut, Label: label, OnTimeout: func() {
		for i, p := range q.putters {
			if p.f == f {
				q.putters = append(q.putters[:i], q.putters[i+1:]...)
				break
			}
		}
	}}
}

func withoutFuture(fs []*Future, f *Future) []*Future {
	for i, x := range fs {
		if x == f {
			return append(fs[:i], fs[i+1:]...)
		}
	}
	return fs
}
