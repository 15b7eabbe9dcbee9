package py

import "looplab/wasm/sim"

// The Go half of asyncio's task utilities: current_task, all_tasks and
// shield, and the primitives lib/asyncio/tasks.py builds wait,
// as_completed, TaskGroup and timeout from. Each primitive only moves
// futures; none runs Python code from a callback, so the timeline shows
// what CPython's own callbacks do (a task woken) without extra lanes.

// taskValue is the one Python object for a task, so that
// current_task() is the task create_task returned.
func (r *Run) taskValue(t *sim.Task) *futureVal {
	if v, ok := r.tasks_[t]; ok {
		return v
	}
	if r.tasks_ == nil {
		r.tasks_ = map[*sim.Task]*futureVal{}
	}
	v := &futureVal{fut: t.Future(), task: t, label: "await " + t.Name()}
	r.tasks_[t] = v
	return v
}

func asyncioTaskFns() map[string]func(c *call) (Value, sim.Effect, *Exception) {
	return map[string]func(c *call) (Value, sim.Effect, *Exception){
		"current_task": func(c *call) (Value, sim.Effect, *Exception) {
			if exc := needLoop(c); exc != nil {
				return nil, nil, exc
			}
			if t := c.ctx().Task(); t != nil {
				return c.f.run.taskValue(t), nil, nil
			}
			return nil, nil, nil
		},
		"all_tasks": func(c *call) (Value, sim.Effect, *Exception) {
			if exc := needLoop(c); exc != nil {
				return nil, nil, exc
			}
			out := &List{}
			for _, t := range c.ctx().Loop().Tasks() {
				out.Items = append(out.Items, c.f.run.taskValue(t))
			}
			return out, nil, nil
		},
		"shield": func(c *call) (Value, sim.Effect, *Exception) {
			if exc := needLoop(c); exc != nil {
				return nil, nil, exc
			}
			v, _ := c.arg(0, "arg")
			inner, exc := toFuture(c.f, v)
			if exc != nil {
				return nil, nil, exc
			}
			outer := c.ctx().NewFuture(nil)
			inner.WhenDone(func() {
				r, err := inner.Result()
				if err != nil {
					outer.SetError(err)
				} else {
					outer.SetResult(r)
				}
			})
			return &futureVal{fut: outer, label: "await asyncio.shield(...)"}, nil, nil
		},
	}
}

// loopPrimitive is one of the loop's private methods lib/asyncio uses.
func (l *loopVal) primitive(name string) (Value, bool) {
	switch name {
	case "_notify":
		// when fut is done, waiter gets None (unless it is done already)
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			fut, ok1 := c.args[0].(*futureVal)
			w, ok2 := c.args[1].(*futureVal)
			if !ok1 || !ok2 {
				return nil, c.errorf("_notify needs two futures")
			}
			fut.fut.WhenDone(func() { w.fut.SetResult(nil) })
			return nil, nil
		})), true
	case "_completion_order":
		// a list that each future joins as it completes
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			items, exc := iterate(c.args[0])
			if exc != nil {
				return nil, exc
			}
			order := &List{}
			for _, it := range items {
				fv, ok := it.(*futureVal)
				if !ok {
					return nil, c.errorf("_completion_order needs futures")
				}
				fv.fut.WhenDone(func() { order.Items = append(order.Items, fv) })
			}
			return order, nil
		})), true
	case "_wake_at":
		// at loop time when, waiter gets None; returns a handle to cancel
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			when, ok := toFloat(c.args[0])
			w, ok2 := c.args[1].(*futureVal)
			if !ok || !ok2 {
				return nil, c.errorf("_wake_at needs a time and a future")
			}
			d, _ := seconds(max(0, when-c.ctx().Now().Seconds()), "delay")
			t := c.ctx().CallLater(d, func() { w.fut.SetResult(nil) })
			return &timerVal{t: t}, nil
		})), true
	case "_taskgroup_watch":
		// TaskGroup._on_task_done, in Go: a task that fails joins the
		// group's errors and aborts it (siblings cancelled; the parent
		// too while it is still in the body)
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			task, ok := c.args[0].(*futureVal)
			tg, ok2 := c.args[1].(*Instance)
			if !ok || !ok2 {
				return nil, c.errorf("_taskgroup_watch needs a task and its group")
			}
			task.fut.WhenDone(func() {
				// As _on_task_done asks task.exception(): retrieved.
				_, err := task.fut.Retrieve()
				if err == nil || sim.IsCancelled(err) {
					return
				}
				if errs, ok := tg.Attrs["_errors"].(*List); ok {
					errs.Items = append(errs.Items, fromSim(err))
				}
				if truthy(tg.Attrs["_aborting"]) {
					return
				}
				tg.setAttr("_aborting", true)
				if tasks, ok := tg.Attrs["_tasks"].(*List); ok {
					for _, t := range tasks.Items {
						if tv, ok := t.(*futureVal); ok && !tv.fut.Done() {
							tv.fut.Cancel()
						}
					}
				}
				if parent, ok := tg.Attrs["_parent"].(*futureVal); ok && !truthy(tg.Attrs["_exiting"]) && parent.task != nil {
					tg.setAttr("_parent_cancel_requested", true)
					parent.task.Cancel()
				}
			})
			return nil, nil
		})), true
	case "_cancel_at":
		// at loop time when, cancel task and mark owner._expired; the
		// narration says so (asyncio.timeout)
		return method(l, name, pure(func(c *call, _ Value) (Value, *Exception) {
			when, ok := toFloat(c.args[0])
			task, ok2 := c.args[1].(*futureVal)
			owner, _ := c.args[2].(*Instance)
			what, _ := c.args[3].(string)
			if !ok || !ok2 || task.task == nil || owner == nil {
				return nil, c.errorf("_cancel_at needs a time, a task and its owner")
			}
			d, _ := seconds(max(0, when-c.ctx().Now().Seconds()), "delay")
			ctx := c.ctx()
			t := ctx.CallLater(d, func() {
				if task.fut.Done() {
					return
				}
				owner.setAttr("_expired", true)
				ctx.Event(what)
				task.task.Cancel()
			})
			return &timerVal{t: t}, nil
		})), true
	}
	return nil, false
}

// timerVal is a TimerHandle.
type timerVal struct{ t *sim.Timer }

func (t *timerVal) TypeName() string { return "TimerHandle" }
func (t *timerVal) String() string   { return "<TimerHandle>" }
func (t *timerVal) Attr(name string) (Value, bool) {
	if name == "cancel" {
		return method(t, name, pure(func(c *call, _ Value) (Value, *Exception) {
			t.t.Cancel()
			return nil, nil
		})), true
	}
	return nil, false
}
