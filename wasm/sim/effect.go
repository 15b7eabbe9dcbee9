package sim

// Fiber is code that runs on a thread: a task's coroutine, a function run
// in a worker thread or process, or a script's main module. Resume continues
// it with the outcome of its previous effect (nil, nil at first) and runs it
// until it needs the simulator again.
//
// Line says where in the scenario's code the fiber is: the line of the
// call that made its latest effect (what a step that resumes goes on
// from), or of its def before it starts; 0 when it cannot say. The spans
// about its calls carry it (trace.Span.Line). It is asked at every
// effect, so it must be cheap.
type Fiber interface {
	Resume(c *Ctx, result any, err error) Effect
	Line() int32
}

// Describer is implemented by fibers that can say where they are, for
// asyncio-debug style warnings: "coro=<slow() running at app.py:12>".
type Describer interface {
	Describe(done bool) string
}

// lineOf is the line f is at, 0 for none (a finished task's).
func lineOf(f Fiber) int32 {
	if f == nil {
		return 0
	}
	return f.Line()
}

// Effect is what a fiber asks of the simulator.
type Effect interface{ effect() }

// CPU is pure-Python work: it holds the GIL and a core for D.
type CPU struct {
	D     Time
	Label string
}

// Block is a blocking call (time.sleep, requests.get): the thread waits D
// with the GIL released. Result is handed back to the fiber.
type Block struct {
	D      Time
	Label  string
	Result any
}

// Wait is a blocking wait for F, a concurrent future (Thread.join,
// concurrent.futures.Future.result): the thread releases the GIL until F is
// done, then continues with F's outcome. With Timeout >= 0 it gives up
// after that long and continues with (nil, TimedOut) instead.
type Wait struct {
	F         *Future
	Timeout   Time // < 0: wait as long as it takes
	TimedOut  error
	OnTimeout func() // withdraws the wait from whoever would complete F (a queue)
	Label     string
	// Result, when set, is what the fiber continues with once F is done,
	// instead of F's result: a call that waits and then returns its own
	// value (Thread.start() returns None, run_in_executor its future).
	Result any
}

// Await suspends a task until F is done (only on an event loop). IO marks
// waits for network or database replies, drawn differently.
type Await struct {
	F     *Future
	Label string
	IO    bool
}

// Yield is "await asyncio.sleep(0)": let every other ready task run once.
type Yield struct{}

// RunLoop is asyncio.run(main) called from a thread: the thread becomes an
// event loop until Main finishes, then continues with its result.
type RunLoop struct {
	Main Fiber
	Name string
	Lane int // the lane of the main task (-1 for none)
	// Start, when Main is nil, is loop.run_until_complete or run_forever:
	// it runs as the loop starts and returns the future the loop runs
	// until. Such a loop leaves its other tasks as they are when it
	// stops (asyncio.run cancels them) and does not wait for executors.
	Start func(c *Ctx) *Future
}

// Done ends the fiber with a value or an exception.
type Done struct {
	Value any
	Err   error
}

func (CPU) effect()     {}
func (Block) effect()   {}
func (Wait) effect()    {}
func (Await) effect()   {}
func (Yield) effect()   {}
func (RunLoop) effect() {}
func (Done) effect()    {}

// Exception is a Python exception crossing the simulator, such as the
// CancelledError it throws into a cancelled task.
type Exception struct {
	Type  string // "CancelledError", "TimeoutError", "ValueError", ...
	Msg   string
	Value any // the interpreter's own exception object, if any
}

func (e *Exception) Error() string {
	if e.Msg == "" {
		return e.Type
	}
	return e.Type + ": " + e.Msg
}

// Cancelled and timed-out errors as asyncio raises them.
func cancelledError() *Exception { return &Exception{Type: "CancelledError"} }
func timeoutError() *Exception   { return &Exception{Type: "TimeoutError"} }

// IsCancelled reports whether err is a CancelledError.
func IsCancelled(err error) bool {
	e, ok := err.(*Exception)
	return ok && e.Type == "CancelledError"
}
