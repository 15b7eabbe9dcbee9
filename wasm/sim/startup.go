package sim

// OnStartup gives a uvicorn worker, from its import (Serve's setup), the
// app's startup handlers to run before it serves: Starlette's lifespan
// startup, as one task on the worker's loop. Uvicorn listens only once it
// is complete, so the worker accepts no connection until then; requests
// sent earlier wait in the backlog.
func (c *Ctx) OnStartup(j Job) { c.thread.proc.lifespan = &j }

// startup runs the worker's startup handlers first thing at time 0, before
// any request of the load arrives (their events come later in the queue).
func (w *Worker) startup() {
	j := w.proc.lifespan
	if j == nil {
		return
	}
	w.starting = true
	l := w.loop
	s := l.s
	s.at(0, func() {
		t := l.createTask(j.Fiber, "", j.Label, "is created to run the app's startup handlers")
		t.fut.onDone(func() {
			w.starting = false
			l.server.idleLoop(l)
		})
	})
}
