package trace

// Recorder builds lanes one state change at a time: each Set closes the
// lane's open span and opens a new one, so the simulator only says what a
// lane is doing now and never tracks span boundaries itself.
//
// Set continues what a lane was doing when it says the same again (a
// thread back from a wait for the GIL to the same cpu() call), and its
// spans merge; Begin starts a new call, which is a span of its own even
// when it reads like the one before (time.sleep(2) twice in a row).
type Recorder struct {
	Trace *Trace
	open  []openSpan
	// slab is where new lanes take their first spans from, a few each,
	// so that thousands of request lanes are not thousands of allocations.
	slab []Span
}

type openSpan struct {
	from  Time
	state State
	label string
	line  int32
	on    bool
	// call is when the lane's latest call began (Begin): a span that
	// opens then is never merged into the span before it, even when the
	// call's own span was too short to keep.
	call Time
}

// NewRecorder starts an empty trace.
func NewRecorder() *Recorder { return &Recorder{Trace: &Trace{}} }

// eventsPerRequest is about how many events a simple request records.
const eventsPerRequest = 10

// extraLanes is room for the lanes a run adds besides its requests' (the
// threadpool alone has 40 threads), so that they do not grow a large
// load's slice of lanes once more at the end.
const extraLanes = 64

// Reserve makes room for about n more requests (a lane, a record and a
// handful of events each), so large loads do not grow the slices step by step.
func (r *Recorder) Reserve(n int) {
	r.Trace.Events = append(make([]Event, 0, len(r.Trace.Events)+eventsPerRequest*n), r.Trace.Events...)
	r.Trace.Lanes = append(make([]Lane, 0, len(r.Trace.Lanes)+n+extraLanes), r.Trace.Lanes...)
	r.open = append(make([]openSpan, 0, len(r.open)+n+extraLanes), r.open...)
	r.Trace.Requests = append(make([]Request, 0, len(r.Trace.Requests)+n), r.Trace.Requests...)
}

// laneSpans is how many spans a new lane has room for, and requestSpans
// a request's: most of them need no more (queued, ready, run, await,
// ready again, a thread's work), and a large load has thousands.
const (
	laneSpans    = 4
	requestSpans = 8
)

// Lane adds a lane and returns its index.
func (r *Recorder) Lane(name, kind string) int {
	n := laneSpans
	if kind == KindRequest {
		n = requestSpans
	}
	if len(r.slab) < n {
		r.slab = make([]Span, requestSpans*min(max(len(r.Trace.Lanes), 4), 256))
	}
	spans := r.slab[:0:n]
	r.slab = r.slab[n:]
	r.Trace.Lanes = append(r.Trace.Lanes, Lane{Name: name, Kind: kind, Spans: spans})
	r.open = append(r.open, openSpan{})
	return len(r.Trace.Lanes) - 1
}

// Rename changes a lane's name (a task's name may become known later).
func (r *Recorder) Rename(lane int, name string) { r.Trace.Lanes[lane].Name = name }

// Set says lane is in state from time t on; an empty state means idle (no span).
// Setting the same state and label again is a no-op, so spans stay whole.
func (r *Recorder) Set(lane int, t Time, state State, label string) {
	r.SetLine(lane, t, state, label, 0)
}

// SetLine is Set for a span about line of the scenario's code (0 for none).
func (r *Recorder) SetLine(lane int, t Time, state State, label string, line int32) {
	if lane < 0 {
		return
	}
	o := &r.open[lane]
	if o.on && o.state == state && o.label == label && o.line == line {
		return
	}
	r.close(lane, t)
	r.openAt(o, t, state, label, line)
}

// Begin says lane starts a new call at t: its span is not merged with
// the one before, whatever they say.
func (r *Recorder) Begin(lane int, t Time, state State, label string, line int32) {
	if lane < 0 {
		return
	}
	r.close(lane, t)
	o := &r.open[lane]
	o.call = t
	r.openAt(o, t, state, label, line)
}

// Since says lane has been in state since when, which may be earlier
// than now: the simulator learns only when a task runs that it had been
// ready since its timer was due. The open span is cut at when, or where
// it began if that is later; an idle lane starts where its last span ended
// if that is later.
func (r *Recorder) Since(lane int, when Time, state State, label string, line int32) {
	if lane < 0 {
		return
	}
	o := &r.open[lane]
	if o.on {
		if o.state == state && o.label == label && o.line == line {
			return
		}
		when = max(when, o.from)
	} else if spans := r.Trace.Lanes[lane].Spans; len(spans) > 0 {
		when = max(when, spans[len(spans)-1].To)
	}
	r.SetLine(lane, when, state, label, line)
}

func (r *Recorder) openAt(o *openSpan, t Time, state State, label string, line int32) {
	if state != "" {
		// field by field: a composite literal is copied whole, which in
		// the browser costs a write barrier for every pointer while the
		// garbage collector marks
		o.from, o.state, o.label, o.line, o.on = t, state, label, line, true
	}
}

// State reports the lane's open state and label ("" when idle).
func (r *Recorder) State(lane int) (State, string) {
	o := r.open[lane]
	if !o.on {
		return "", ""
	}
	return o.state, o.label
}

func (r *Recorder) close(lane int, t Time) {
	o := &r.open[lane]
	if !o.on {
		return
	}
	o.on = false
	if t <= o.from {
		return
	}
	spans := &r.Trace.Lanes[lane].Spans
	if n := len(*spans); n > 0 {
		last := &(*spans)[n-1]
		if last.To == o.from && o.call != o.from && last.State == o.state && last.Label == o.label && last.Line == o.line {
			last.To = t
			return
		}
	}
	sp := grow(spans)
	sp.From, sp.To, sp.State, sp.Label, sp.Line = o.from, t, o.state, o.label, o.line
}

// grow adds an element to *s and returns it to be filled in field by
// field: appending a struct literal copies it whole, which in the browser
// costs a write barrier for every pointer while the garbage collector
// marks. It grows the slice as append does.
func grow[E any](s *[]E) *E {
	n := len(*s)
	if n < cap(*s) {
		*s = (*s)[:n+1]
	} else {
		var zero E
		*s = append(*s, zero)
	}
	return &(*s)[n]
}

// Event records a notable moment.
func (r *Recorder) Event(t Time, kind EventKind, lane int, text string) {
	e := grow(&r.Trace.Events)
	e.T, e.Kind, e.Lane, e.Text = t, kind, lane, text
}

// Print records a line of program output by the code of lane (-1: none).
func (r *Recorder) Print(t Time, lane int, text string) {
	r.Trace.Prints = append(r.Trace.Prints, Line{T: t, Text: text, Lane: lane})
}

// Warn records an asyncio-debug style warning about lane (-1: none).
func (r *Recorder) Warn(t Time, lane int, text string) {
	r.Trace.Warnings = append(r.Trace.Warnings, Line{T: t, Text: text, Lane: lane})
}

// Finish closes every open span at t and sets the duration.
func (r *Recorder) Finish(t Time) *Trace {
	for i := range r.open {
		r.close(i, t)
	}
	r.Trace.Duration = t
	if r.Trace.Prints == nil {
		r.Trace.Prints = []Line{}
	}
	if r.Trace.Warnings == nil {
		r.Trace.Warnings = []Line{}
	}
	if r.Trace.Events == nil {
		r.Trace.Events = []Event{}
	}
	if r.Trace.Requests == nil {
		r.Trace.Requests = []Request{}
	}
	if r.Trace.Lanes == nil {
		r.Trace.Lanes = []Lane{}
	}
	return r.Trace
}
