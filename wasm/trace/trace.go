// Package trace is the record of one simulated run: what every lane (request,
// task, thread, event loop, GIL, cores) was doing and when, plus requests,
// prints, warnings and notable events. Every view — the CLI's ASCII timeline,
// its JSON, the stage in the browser, the narrated log — is drawn from a
// Trace, so it is plain data that prints, diffs and tests without a browser.
//
// Times are integer microseconds of virtual time; JSON shows them in seconds.
package trace

import (
	"sort"
	"strconv"
)

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

// Text writes t in seconds as the shortest decimal that reads back exactly,
// as a learner would write it: "4", "0.5", "0.25". Times are whole
// microseconds, so there are at most six decimals.
func (t Time) Text() string { return strconv.FormatFloat(t.Seconds(), 'f', -1, 64) }

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

// Span is one stretch of a lane in one state. From < To. Each call (an
// await, a blocking call, a cpu() call) is a span of its own, even when
// the one before it had the same state and label.
type Span struct {
	From  Time   `json:"from"`
	To    Time   `json:"to"`
	State State  `json:"state"`
	Label string `json:"label,omitempty"`
	// Line is the line of the scenario's code the span is about (the call
	// that awaits, blocks or computes; on a lane that a thread or process
	// works for, the line that thread runs), from 1; for a task's step on
	// the loop, and its ready span before, the line the step resumes at
	// (its await; its def for a first step). 0 when no line is: the
	// server's own work, waits for the GIL, the GIL and cores lanes.
	Line int32 `json:"line,omitempty"`
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
	// Lane is the lane whose code printed it (or that a warning is
	// about), an index into Lanes: a task's, a request's (its async
	// endpoint, or its def endpoint in a worker thread), a thread's, the
	// loop's for a callback, the main thread's for module code; -1 when
	// it belongs to none.
	Lane int `json:"lane"`
}

// EventKind says what sort of moment an event is; JSON shows its name.
// (A small integer keeps the hundreds of thousands of events of a large run
// cheap to record.)
type EventKind uint8

// Event kinds, for step buttons and the narrated log.
const (
	EvArrive  EventKind = iota + 1 // a request reached the server
	EvStart                        // a task or endpoint started
	EvAwait                        // a task suspended
	EvBlock                        // a thread or the loop entered a blocking call
	EvGIL                          // the GIL changed hands
	EvToken                        // a threadpool token was taken or freed
	EvRespond                      // a response was sent
	EvEnd                          // a task, job or thread finished
	EvCancel                       // a task ended cancelled
	EvCreate                       // a task was created (create_task, gather)
	EvError                        // an exception escaped a task, thread or endpoint
	EvTimeout                      // a timeout expired (wait_for, a join's, a queue's)
)

var eventNames = [...]string{"", "arrive", "start", "await", "block", "gil", "token", "respond", "end", "cancel", "create", "error", "timeout"}

func (k EventKind) String() string {
	if int(k) < len(eventNames) {
		return eventNames[k]
	}
	return "unknown"
}

// Event is a notable moment, in plain words: Text says what happened to
// the lane's subject ("arrives", "time.sleep(4) blocks the event loop"),
// so a narrator prints "lane name: text".
type Event struct {
	T    Time      `json:"t"`
	Kind EventKind `json:"kind"`
	Lane int       `json:"lane"`
	Text string    `json:"text"`
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

// SpanAt is the span of spans (in time order, as a lane's are) that
// covers t, or nil when the lane is idle then.
func SpanAt(spans []Span, t Time) *Span {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].To > t })
	if i < len(spans) && spans[i].From <= t {
		return &spans[i]
	}
	return nil
}
