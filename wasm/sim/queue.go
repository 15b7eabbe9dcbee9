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

// minHeap is a binary heap ordered by less; the simulator's event queue
// and each loop's timers use it, both keyed by (time, sequence).
type minHeap[T any] struct {
	items []T
	less  func(a, b T) bool
}

func (q *minHeap[T]) len() int { return len(q.items) }
func (q *minHeap[T]) top() T   { return q.items[0] }

func (q *minHeap[T]) push(x T) {
	q.items = append(q.items, x)
	i := len(q.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !q.less(q.items[i], q.items[p]) {
			break
		}
		q.items[i], q.items[p] = q.items[p], q.items[i]
		i = p
	}
}

func (q *minHeap[T]) pop() T {
	n := len(q.items) - 1
	top := q.items[0]
	var zero T
	q.items[0] = q.items[n]
	q.items[n] = zero
	q.items = q.items[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && q.less(q.items[l], q.items[m]) {
			m = l
		}
		if r < n && q.less(q.items[r], q.items[m]) {
			m = r
		}
		if m == i {
			break
		}
		q.items[i], q.items[m] = q.items[m], q.items[i]
		i = m
	}
	return top
}

func timerBefore(a, b *handle) bool {
	if a.when != b.when {
		return a.when < b.when
	}
	return a.seq < b.seq
}
