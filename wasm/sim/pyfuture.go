package sim

// Futures made by Python code (loop.create_future()): the asyncio
// primitives the interpreter writes in Python (queues, events, barriers)
// park their waiters on them, as CPython's own do.

// NewFuture makes a pending future on the running loop. onCancel, if
// set, runs when the future is cancelled (to drop it from a waiter list).
func (c *Ctx) NewFuture(onCancel func()) *Future {
	f := newFuture(c.Loop())
	if onCancel != nil {
		f.cancel = func() bool {
			onCancel()
			f.resolve(nil, cancelledError())
			return true
		}
	}
	return f
}

// SetResult completes a pending future with a value; its waiters are
// scheduled with call_soon. It reports false if it was already done.
func (f *Future) SetResult(v any) bool {
	if f.done {
		return false
	}
	f.resolve(v, nil)
	return true
}

// SetError completes a pending future with an exception.
func (f *Future) SetError(err error) bool {
	if f.done {
		return false
	}
	f.resolve(nil, err)
	return true
}
