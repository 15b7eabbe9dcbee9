package sim

// ring is the ready queue: a FIFO deque of handles.
type ring struct {
	buf  []*handle
	head int
	n    int
}

func (r *ring) len() int { return r.n }

func (r *ring) grow() {
	nb := make([]*handle, max(16, 2*len(r.buf)))
	for i := 0; i < r.n; i++ {
		nb[i] = r.buf[(r.head+i)%len(r.buf)]
	}
	r.buf, r.head = nb, 0
}

func (r *ring) push(h *handle) {
	if r.n == len(r.buf) {
		r.grow()
	}
	r.buf[(r.head+r.n)%len(r.buf)] = h
	r.n++
}

func (r *ring) pushFront(h *handle) {
	if r.n == len(r.buf) {
		r.grow()
	}
	r.head = (r.head - 1 + len(r.buf)) % len(r.buf)
	r.buf[r.head] = h
	r.n++
}

func (r *ring) pop() *handle {
	h := r.buf[r.head]
	r.buf[r.head] = nil
	r.head = (r.head + 1) % len(r.buf)
	r.n--
	return h
}

// minHeap is a binary heap keyed by (time, sequence), the order of the
// simulator's event queue and of each loop's timers. The keys sit beside
// the items, so ordering reads no item, and sifting moves a hole rather
// than swapping: in the browser every move of a pointer while the
// garbage collector marks costs a write barrier.
type minHeap[T any] struct {
	items []heapItem[T]
}

type heapItem[T any] struct {
	at  Time
	seq uint64
	v   T
}

func (a *heapItem[T]) before(b *heapItem[T]) bool { return before(a.at, a.seq, b.at, b.seq) }

// before is the order of the simulator's events and of a loop's timers: by
// time, and at the same time in the order they were scheduled (seq), so a
// run never depends on how a heap breaks ties.
func before(at Time, seq uint64, bAt Time, bSeq uint64) bool {
	if at != bAt {
		return at < bAt
	}
	return seq < bSeq
}

func (q *minHeap[T]) len() int { return len(q.items) }
func (q *minHeap[T]) top() T   { return q.items[0].v }

// push adds x, due at (at, seq); keys must be unique.
func (q *minHeap[T]) push(at Time, seq uint64, x T) {
	it := heapItem[T]{at: at, seq: seq, v: x}
	q.items = append(q.items, it)
	items := q.items
	i := len(items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !it.before(&items[p]) {
			break
		}
		items[i] = items[p]
		i = p
	}
	items[i] = it
}

func (q *minHeap[T]) pop() T {
	items := q.items
	n := len(items) - 1
	top := items[0].v
	last := items[n]
	items[n] = heapItem[T]{}
	items = items[:n]
	q.items = items
	if n == 0 {
		return top
	}
	i := 0
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && items[r].before(&items[c]) {
			c = r
		}
		if !items[c].before(&last) {
			break
		}
		items[i] = items[c]
		i = c
	}
	items[i] = last
	return top
}
