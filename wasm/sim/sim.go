package sim

import (
	"fmt"

	"looplab/wasm/trace"
)

// Config holds the settings a scenario may change.
type Config struct {
	Cores          int  // CPU cores (default 4)
	SwitchInterval Time // sys.setswitchinterval (default 5 ms)
	FreeThreaded   bool // 3.13t/3.14t: no GIL
	Seed           uint64
	// OldestWins is the chance that, when the GIL is dropped, the OS wakes
	// the waiter whose current timed wait began first, as a condition
	// variable's queue would. Every waiter starts a new timed wait each
	// switch interval, so this is not FIFO: a thread that has waited long
	// has not always waited longest in its current wait. Negative means
	// never.
	OldestWins float64
	// RequesterWins is the chance that, when the oldest waiter is not the
	// one woken, the thread whose wait timed out (and so asked for the GIL)
	// gets it; otherwise the OS wakes another waiter. Real CPython does not
	// hand the GIL out FIFO.
	RequesterWins float64
	// IOWeight is how likely, relative to a CPU-bound waiter, a thread that
	// last gave the GIL up on its own (for I/O, like the event loop) is to
	// be the waiter the OS wakes instead of the requester. Fitted to real
	// CPython: the event loop starves faster than in a fair draw as
	// CPU-bound threads are added.
	IOWeight float64
	// ReleaseLoss is the chance that, when the event loop drops the GIL for a
	// moment (a recv, a send, a poll that does not wait), a thread waiting
	// for the GIL takes it first, so the loop must wait for it again. It is
	// why a request served beside CPU-bound threads often pays the switch
	// interval more than once. Fitted to real CPython beside one to four
	// CPU-bound threads: one chance fits them all, however many wait.
	// Negative means never.
	ReleaseLoss float64
	// HandOff is how long a thread that is handed the GIL takes to start
	// running: the OS must wake it. Nobody runs Python meanwhile, which is
	// why CPU-bound threads sharing a GIL take longer than their CPU time.
	HandOff Time
	// RequestCPU is the event loop's own Python work for each request,
	// before its endpoint runs: uvicorn parsing it and Starlette routing
	// it. Measured on real CPython at about 0.3 ms a request; beside
	// CPU-bound threads it is long enough for a thread that lost the GIL
	// to the loop to queue again and take it back. Negative means none.
	RequestCPU Time
	// Rebalance is how often the OS moves threads doing CPU work between
	// cores while they outnumber the cores (see cpus). Fitted to three
	// processes on two cores on real Linux.
	Rebalance Time
	// SlowCallback is asyncio debug mode's slow_callback_duration (0.1 s).
	SlowCallback Time
	// Limits that stop runaway scenarios with a message.
	MaxTime   Time // simulated time (default 1 hour)
	MaxEvents int  // scheduled events (default 20 million)
}

// Defaults fills unset fields.
func (c Config) Defaults() Config {
	if c.Cores <= 0 {
		c.Cores = 4
	}
	if c.SwitchInterval <= 0 {
		c.SwitchInterval = 5 * trace.Millisecond
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.OldestWins == 0 {
		c.OldestWins = 0.02
	}
	if c.RequesterWins == 0 {
		c.RequesterWins = 0.49
	}
	if c.IOWeight == 0 {
		c.IOWeight = 0.46
	}
	if c.HandOff == 0 {
		c.HandOff = 690 * trace.Microsecond
	}
	if c.ReleaseLoss == 0 {
		c.ReleaseLoss = 0.598
	}
	if c.RequestCPU == 0 {
		c.RequestCPU = 300 * trace.Microsecond
	}
	if c.Rebalance <= 0 {
		c.Rebalance = 30 * trace.Millisecond
	}
	if c.SlowCallback <= 0 {
		c.SlowCallback = 100 * trace.Millisecond
	}
	if c.MaxTime <= 0 {
		c.MaxTime = 3600 * trace.Second
	}
	if c.MaxEvents <= 0 {
		c.MaxEvents = 20_000_000
	}
	return c
}

// Sim is one simulation run.
type Sim struct {
	cfg    Config
	now    Time
	seq    uint64
	events minHeap[int32] // ids of events (see event.id)
	made   []*event       // every event at has made, by id
	free   []int32        // ids of events that have run or were skipped, for reuse
	// arrivals are the load's requests, already in time order: they wait in
	// this queue instead of the heap, which stays small. All are added
	// before the run, which then takes them in turn.
	arrivals    []event
	nextArrival int
	rand        rng
	rec         *trace.Recorder
	cpus        *cpus

	procs   []*Process
	threads []*Thread // threading.Thread threads started, for the end of the run
	// threadNames are their lanes' names, kept apart (threading.go)
	threadNames map[string]bool
	waits       int      // non-daemon threads blocked in a Wait (daemon.go)
	pools       int      // pools created, for names
	tasks       taskList // unfinished tasks, for the report at the end
	server      *Server
	fault       error // the first error that stops the run

	tokenTexts map[string]*[ThreadpoolTokens + 1]string
	stopped    string

	// scriptRunning: a script's main thread has not finished (RunScript).
	scriptRunning bool

	// OnUnretrieved, when set, writes out asyncio's report of a task whose
	// exception nobody retrieved: task is the task's repr ("<Task
	// finished name='Task-2' coro=<...>>"), err its exception.
	OnUnretrieved func(c *Ctx, task string, err error)
}

// New makes an empty simulation.
func New(cfg Config) *Sim {
	cfg = cfg.Defaults()
	s := &Sim{cfg: cfg, rand: rng{state: cfg.Seed}, rec: trace.NewRecorder()}
	s.cpus = newCPUs(s, cfg.Cores)
	return s
}

// Config reports the settings in force.
func (s *Sim) Config() Config { return s.cfg }

// Now is the current virtual time.
func (s *Sim) Now() Time { return s.now }

// Recorder gives access to the trace being built.
func (s *Sim) Recorder() *trace.Recorder { return s.rec }

// Fail stops the run with an error (a scenario bug, such as an exception in
// module code); Run returns it.
func (s *Sim) Fail(err error) {
	if s.fault == nil {
		s.fault = err
	}
}

// Run processes events until none are left, a limit is hit or a fault
// stops the run, and returns the trace.
func (s *Sim) Run() (*trace.Trace, error) {
	n := 0
	for s.fault == nil {
		e := s.next()
		if e == nil {
			break
		}
		if e.dead {
			s.recycle(e)
			continue
		}
		if e.daemon && s.onlyDaemonsLeft() {
			s.recycle(e)
			break
		}
		if e.at > s.cfg.MaxTime {
			s.stopped = fmt.Sprintf("stopped at the time limit of %s simulated", fmtDur(s.cfg.MaxTime))
			s.now = s.cfg.MaxTime
			break
		}
		if n++; n > s.cfg.MaxEvents {
			s.stopped = fmt.Sprintf("stopped after %d events (the event limit); simplify the scenario", s.cfg.MaxEvents)
			break
		}
		s.now = e.at
		fn, req := e.fn, e.req
		s.recycle(e)
		if req != nil {
			s.server.arrive(req)
		} else {
			fn()
		}
	}
	if s.fault != nil {
		return nil, s.fault
	}
	s.endThreads()
	tr := s.rec.Finish(s.now)
	tr.Stopped = s.stopped
	tr.Pending = append(tr.Pending, s.unfinishedThreads()...)
	for _, t := range s.tasks.pending() {
		if !t.fut.done {
			tr.Pending = append(tr.Pending, "task "+t.Name()+" never finished")
		}
	}
	if s.scriptRunning && len(tr.Pending) == 0 {
		tr.Pending = append(tr.Pending, "the main thread never finished")
	}
	if s.server != nil {
		for _, r := range s.server.reqs {
			if r.rec().End < 0 {
				tr.Pending = append(tr.Pending, fmt.Sprintf("%s %s (#%d) got no response", r.Method(), r.Path(), r.index+1))
			}
		}
	}
	return tr, nil
}

func fmtDur(t Time) string {
	if t%trace.Second == 0 {
		return fmt.Sprintf("%d s", t/trace.Second)
	}
	return fmt.Sprintf("%.3f s", t.Seconds())
}
