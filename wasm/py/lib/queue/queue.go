// Package queue is Python's queue module, simulated: a Queue is how
// threads hand work to each other, and a get on an empty one blocks the
// calling thread (the event loop too, if that is where it is called),
// with the GIL released, until another thread puts an item.
package queue

import (
	"fmt"

	"looplab/wasm/py"
	"looplab/wasm/sim"
)

func init() { py.Register(module()) }

// queue.Empty and queue.Full, raised by the non-blocking calls and by
// blocking ones that time out.
var (
	excEmpty = py.NewExcType("Empty", py.ExceptionClass)
	excFull  = py.NewExcType("Full", py.ExceptionClass)
)

// queueVal is a queue.Queue: how threads hand work to each other. A get on
// an empty queue blocks the calling thread (the event loop too, if that is
// where it is called) until another thread puts an item.
type queueVal struct {
	q   *sim.Queue
	max int64
}

func (q *queueVal) TypeName() string { return "Queue" }
func (q *queueVal) String() string   { return fmt.Sprintf("<queue.Queue maxsize=%d>", q.max) }

func (q *queueVal) Attr(name string) (py.Value, bool) {
	var fn func(c *py.Call) (py.Value, sim.Effect, *py.Exception)
	switch name {
	case "get":
		fn = q.get
	case "put":
		fn = q.put
	case "get_nowait":
		fn = py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			if v, ok := q.q.TryGet(); ok {
				return v, nil
			}
			return nil, &py.Exception{Type: excEmpty}
		})
	case "put_nowait":
		fn = py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			v, _ := c.Arg(0, "item")
			if !q.q.TryPut(v) {
				return nil, &py.Exception{Type: excFull}
			}
			return nil, nil
		})
	case "qsize":
		fn = py.Pure(func(c *py.Call) (py.Value, *py.Exception) { return int64(q.q.Len()), nil })
	case "empty":
		fn = py.Pure(func(c *py.Call) (py.Value, *py.Exception) { return q.q.Len() == 0, nil })
	case "full":
		fn = py.Pure(func(c *py.Call) (py.Value, *py.Exception) { return q.q.Full(), nil })
	default:
		return nil, false
	}
	return py.NewEffectMethod(q, name, fn), true
}

// blocking reads put's and get's block and timeout arguments (from
// position first on): whether to wait, and for how long (-1: no limit).
func blocking(c *py.Call, first int) (bool, sim.Time, *py.Exception) {
	block := true
	if v, ok := c.Arg(first, "block"); ok {
		block = py.Truthy(v)
	}
	timeout := sim.Time(-1)
	if v, ok := c.Arg(first+1, "timeout"); ok && v != nil {
		if f, ok := py.ToFloat(v); ok && f < 0 {
			return false, 0, py.NewError(py.ValueError, "'timeout' must be a non-negative number")
		}
		d, exc := py.Seconds(v, "timeout")
		if exc != nil {
			return false, 0, exc
		}
		timeout = d
	}
	return block, timeout, nil
}

// get(block=True, timeout=None) returns the oldest item, waiting for one
// with the GIL released.
func (q *queueVal) get(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	block, timeout, exc := blocking(c, 0)
	if exc != nil {
		return nil, nil, exc
	}
	if !block {
		if v, ok := q.q.TryGet(); ok {
			return v, nil, nil
		}
		return nil, nil, &py.Exception{Type: excEmpty}
	}
	v, eff := q.q.Get(timeout, py.SimError(&py.Exception{Type: excEmpty}), "queue.get()")
	return v, eff, nil
}

// put(item, block=True, timeout=None) adds an item, waiting for room in a
// queue made with a maxsize.
func (q *queueVal) put(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
	v, ok := c.Arg(0, "item")
	if !ok {
		return nil, nil, c.Errorf("put() missing required argument: 'item'")
	}
	block, timeout, exc := blocking(c, 1)
	if exc != nil {
		return nil, nil, exc
	}
	if !block {
		if !q.q.TryPut(v) {
			return nil, nil, &py.Exception{Type: excFull}
		}
		return nil, nil, nil
	}
	if eff := q.q.Put(v, timeout, py.SimError(&py.Exception{Type: excFull}), "queue.put()"); eff != nil {
		c.Returns(nil)
		return nil, eff, nil
	}
	return nil, nil, nil
}

func module() *py.Module {
	return &py.Module{Name: "queue", Attrs: map[string]py.Value{
		"Queue": &py.Builtin{Name: "Queue", Fn: func(c *py.Call) (py.Value, sim.Effect, *py.Exception) {
			n := int64(0)
			if v, ok := c.Arg(0, "maxsize"); ok {
				k, isInt := v.(int64)
				if !isInt {
					return nil, nil, c.Errorf("maxsize must be an integer")
				}
				n = k
			}
			return &queueVal{q: sim.NewQueue(int(n)), max: n}, nil, nil
		}},
		"Empty": excEmpty,
		"Full":  excFull,
	}}
}
