// Package trace is the record of one simulated run: what every lane (request,
// task, thread, event loop, GIL, cores) was doing and when, plus requests,
// prints, warnings and notable events. Every view — the CLI's ASCII timeline,
// its JSON, the stage in the browser, the narrated log — is drawn from a
// Trace, so it is plain data that prints, diffs and tests without a browser.
//
// Times are integer microseconds of virtual time; JSON shows them in seconds.
package trace

// Time is virtual time in microseconds.
type Time int64

// Common durations.
const (
	Microsecond Time = 1
	Millisecond Time = 1000
	Second      Time = 1000 * Millisecond
)

// Seconds converts to seconds for display.
func (t Time) Seconds() float64 { return float64(t) / float64(Second) }

// State says what a lane is doing during a span; views colour by it.
type State string

// The states a span can have.
const (
	Run     State = "run"     // running Python (on the loop, or a thread holding the GIL)
	Await   State = "await"   // a task suspended on await (timer, future, semaphore)
	IO      State = "io"      // awaiting network or database I/O
	Ready   State = "ready"   // a task that could run but waits for the loop
	Blocked State = "blocked" // a blocking call: time.sleep, requests; on a loop lane the loop is stalled
	GILWait State = "gil"     // waiting for the GIL
	Token   State = "token"   // waiting for a threadpool token (AnyIO limiter)
	Queued  State = "queued"  // waiting for an executor worker or for the server to accept
	Thread  State = "thread"  // a request's code running in a worker thread
	Process State = "process" // a request's code running in a worker process
	Held    State = "held"    // GIL lane: held by the labelled thread
	Busy    State = "busy"    // cores lane: some cores busy
	Respond State = "respond" // a request lane after its response, while background tasks run
)

// Span is one stretch of a lane in one state. From < To.
type Span struct {
	From  Time   `json:"from"`
	To    Time   `json:"to"`
	State State  `json:"state"`
	Label string `json:"label,omitempty"`
}

// Lane kinds, so views can group and order lanes.
const (
	KindRequest = "request"
	KindTask    = "task"
	KindLoop    = "loop"
	KindThread  = "thread"
	KindProcess = "process"
	KindGIL     = "gil"
	KindCores   = "cores"
)

// Lane is one row of the timeline.
type Lane struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Spans []Span `json:"spans"`
}

// Request is one HTTP request of the load.
type Request struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Sent   Time   `json:"sent"`
	Start  Time   `json:"start"` // when the endpoint's code began; -1 if it never did
	End    Time   `json:"end"`   // when the response was sent; -1 if never
	Status int    `json:"status"`
	Worker int    `json:"worker"` // uvicorn worker process, from 1
	Lane   int    `json:"lane"`   // index into Lanes
}

// Line is a print or a warning at a time.
type Line struct {
	T    Time   `json:"t"`
	Text string `json:"text"`
}

// Event kinds, for step buttons and the narrated log.
const (
	EvArrive  = "arrive"  // a request reached the server
	EvStart   = "start"   // a task or endpoint started
	EvAwait   = "await"   // a task suspended
	EvBlock   = "block"   // a thread or the loop entered a blocking call
	EvGIL     = "gil"     // the GIL changed hands
	EvToken   = "token"   // a threadpool token was taken or freed
	EvRespond = "respond" // a response was sent
	EvEnd     = "end"     // a task, job or thread finished
	EvCancel  = "cancel"  // a task was cancelled or timed out
)

// Event is a notable moment, in plain words.
type Event struct {
	T    Time   `json:"t"`
	Kind string `json:"kind"`
	Lane int    `json:"lane"`
	Text string `json:"text"`
}

// Trace is one run.
type Trace struct {
	Duration Time      `json:"duration"`
	Requests []Request `json:"requests"`
	Prints   []Line    `json:"prints"`
	Warnings []Line    `json:"warnings"`
	Lanes    []Lane    `json:"lanes"`
	Events   []Event   `json:"events"`
	// Pending lists tasks or requests still unfinished when the run stopped.
	Pending []string `json:"pending,omitempty"`
	// Stopped says why the run stopped early, "" when it ran to completion.
	Stopped string `json:"stopped,omitempty"`
}
