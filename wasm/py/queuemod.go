package py

import (
	"fmt"

	"looplab/wasm/sim"
)

// queue.Empty and queue.Full, raised by the non-blocking calls and by
// blocking ones that time out.
var (
	excEmpty = &ExcType{Name: "Empty", Parent: excException}
	excFull  = &ExcType{Name: "Full", Parent: excException}
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

func (q *queueVal) Attr(name string) (Value, bool) {
	var fn func(c *call, _ Value) (Value, sim.Effect, *Exception)
	switch name {
	case "get":
		fn = q.get
	case "put":
		fn = q.put
	case "get_nowait":
		fn = pure(func(c *call, _ Value) (Value, *Exception) {
			if v, ok := q.q.TryGet(); ok {
				return v, nil
			}
			return nil, &Exception{Type: excEmpty}
		})
	case "put_nowait":
		fn = pure(func(c *call, _ Value) (Value, *Exception) {
			v, _ := c.arg(0, "item")
			if !q.q.TryPut(v) {
				return nil, &Exception{Type: excFull}
			}
			return nil, nil
		})
	case "qsize":
		fn = pure(func(c *call, _ Value) (Value, *Exception) { return int64(q.q.Len()), nil })
	case "empty":
		fn = pure(func(c *call, _ Value) (Value, *Exception) { return q.q.Len() == 0, nil })
	case "full":
		fn = pure(func(c *call, _ Value) (Value, *Exception) { return q.q.Full(), nil })
	default:
		return nil, false
	}
	return method(q, name, fn), true
}

// blocking reads put's and get's block and timeout arguments (from
// position first on): whether to wait, and for how long (-1: no limit).
func blocking(c *call, first int) (bool, sim.Time, *Exception) {
	block := true
	if v, ok := c.arg(first, "block"); ok {
		block = truthy(v)
	}
	timeout := sim.Time(-1)
	if v, ok := c.arg(first+1, "timeout"); ok && v != nil {
		if f, ok := toFloat(v); ok && f < 0 {
			return false, 0, newExc(excValue, "'timeout' must be a non-negative number")
		}
		d, exc := seconds(v, "timeout")
		if exc != nil {
			return false, 0, exc
		}
		timeout = d
	}
	return block, timeout, nil
}

// get(block=True, timeout=None) returns the oldest item, waiting for one
// with the GIL released.
func (q *queueVal) get(c *call, _ Value) (Value, sim.Effect, *Exception) {
	block, timeout, exc := blocking(c, 0)
	if exc != nil {
		return nil, nil, exc
	}
	if !block {
		if v, ok := q.q.TryGet(); ok {
			return v, nil, nil
		}
		return nil, nil, &Exception{Type: excEmpty}
	}
	v, eff := q.q.Get(timeout, toSim(&Exception{Type: excEmpty}), "queue.get()")
	return v, eff, nil
}

// put(item, block=True, timeout=None) adds an item, waiting for room in a
// queue made with a maxsize.
func (q *queueVal) put(c *call, _ Value) (Value, sim.Effect, *Exception) {
	v, ok := c.arg(0, "item")
	if !ok {
		return nil, nil, c.errorf("put() missing required argument: 'item'")
	}
	block, timeout, exc := blocking(c, 1)
	if exc != nil {
		return nil, nil, exc
	}
	if !block {
		if !q.q.TryPut(v) {
			return nil, nil, &Exception{Type: excFull}
		}
		return nil, nil, nil
	}
	if eff := q.q.Put(v, timeout, toSim(&Exception{Type: excFull}), "queue.put()"); eff != nil {
		c.f.convert = func(Value) Value { return nil }
		return nil, eff, nil
	}
	return nil, nil, nil
}

func queueModule() *Module {
	return &Module{Name: "queue", Attrs: map[string]Value{
		"Queue": &Builtin{Name: "Queue", Fn: func(c *call) (Value, sim.Effect, *Exception) {
			n := int64(0)
			if v, ok := c.arg(0, "maxsize"); ok {
				k, isInt := v.(int64)
				if !isInt {
					return nil, nil, c.errorf("maxsize must be an integer")
				}
				n = k
			}
			return &queueVal{q: sim.NewQueue(int(n)), max: n}, nil, nil
		}},
		"Empty": excEmpty,
		"Full":  excFull,
	}}
}
