package scenario

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// invariants lists what is wrong with a trace; every run, fuzzed or not,
// must give none. They are what the simulator promises whatever the code:
//
//   - time never goes backwards: spans run forwards, one after another on
//     their lane, events, prints and warnings come in time order, all
//     within the run;
//   - no request ends, starts or shows on its lane before it was sent;
//   - every task, request and started thread ends, or the trace lists it
//     as pending, and nothing shows on a lane after its end;
//   - one GIL holder per process at a time: a thread runs Python only
//     while its process's GIL lane shows it holding the GIL;
//   - an event loop runs one step at a time: no two tasks of one loop are
//     running at once;
//   - no two lanes have the same name.
func invariants(tr *trace.Trace) []string {
	var c checker
	c.tr = tr
	c.names()
	c.time()
	c.requests()
	c.ends()
	c.gil()
	c.loops()
	return c.problems
}

type checker struct {
	tr       *trace.Trace
	problems []string
}

func (c *checker) fail(format string, args ...any) {
	if len(c.problems) < 20 {
		c.problems = append(c.problems, fmt.Sprintf(format, args...))
	}
}

func (c *checker) names() {
	seen := map[string]bool{}
	for _, l := range c.tr.Lanes {
		if seen[l.Name] {
			c.fail("two lanes are named %q", l.Name)
		}
		seen[l.Name] = true
	}
}

func (c *checker) time() {
	tr := c.tr
	if tr.Duration < 0 {
		c.fail("the run lasts %v", tr.Duration)
	}
	for _, l := range tr.Lanes {
		var last trace.Time
		for _, s := range l.Spans {
			if s.From >= s.To || s.From < last || s.To > tr.Duration {
				c.fail("lane %q: span %+v goes backwards or leaves the run (after %v, run ends at %v)", l.Name, s, last, tr.Duration)
			}
			last = s.To
		}
	}
	var last trace.Time
	for i, e := range tr.Events {
		if e.T < last || e.T > tr.Duration {
			c.fail("event %d %q at %v goes back in time (after %v) or leaves the run (ends at %v)", i, e.Text, e.T, last, tr.Duration)
		}
		if e.Lane < -1 || e.Lane >= len(tr.Lanes) {
			c.fail("event %d %q is on lane %d of %d", i, e.Text, e.Lane, len(tr.Lanes))
		}
		last = e.T
	}
	for what, lines := range map[string][]trace.Line{"print": tr.Prints, "warning": tr.Warnings} {
		var last trace.Time
		for _, p := range lines {
			if p.T < last || p.T > tr.Duration {
				c.fail("%s %q at %v goes back in time (after %v) or leaves the run", what, p.Text, p.T, last)
			}
			last = p.T
		}
	}
}

func (c *checker) requests() {
	tr := c.tr
	for i, r := range tr.Requests {
		name := fmt.Sprintf("%s %s (#%d)", r.Method, r.Path, i+1)
		switch {
		case r.Sent < 0:
			c.fail("%s: sent at %v", name, r.Sent)
		case r.Start != -1 && (r.Start < r.Sent || r.Start > tr.Duration):
			c.fail("%s: starts at %v, sent at %v", name, r.Start, r.Sent)
		case r.End != -1 && (r.End < r.Sent || r.End > tr.Duration):
			c.fail("%s: ends at %v, before it was sent at %v or after the run", name, r.End, r.Sent)
		case r.Start >= 0 && r.End >= 0 && r.End < r.Start:
			c.fail("%s: ends at %v, before it starts at %v", name, r.End, r.Start)
		case r.Lane < 0 || r.Lane >= len(tr.Lanes) || tr.Lanes[r.Lane].Kind != trace.KindRequest:
			c.fail("%s: lane %d is not a request lane", name, r.Lane)
		default:
			if sp := tr.Lanes[r.Lane].Spans; len(sp) > 0 && sp[0].From < r.Sent {
				c.fail("%s: its lane shows %q at %v, before it was sent at %v", name, sp[0].State, sp[0].From, r.Sent)
			}
		}
	}
}

// ends checks that every task, request and started thread ends or is
// pending, and that no lane shows anything after its end.
func (c *checker) ends() {
	tr := c.tr
	pending := strings.Join(tr.Pending, "\n")
	// A lane's last end event is its end (it finishes, raises or is
	// cancelled; a task's lane also notes the end of each job it waits
	// for); a threading.Thread's lane "starts".
	endAt := map[int]trace.Time{}
	started := map[int]bool{}
	for _, e := range tr.Events {
		switch {
		case e.Kind == trace.EvEnd || e.Kind == trace.EvError || e.Kind == trace.EvCancel:
			endAt[e.Lane] = e.T
		case e.Kind == trace.EvStart && e.Text == "starts":
			started[e.Lane] = true
		}
	}
	for i, r := range tr.Requests {
		if r.End < 0 && !strings.Contains(pending, fmt.Sprintf("(#%d) got no response", i+1)) {
			c.fail("%s %s (#%d) never ends and is not pending", r.Method, r.Path, i+1)
		}
	}
	for i, l := range tr.Lanes {
		end, ended := endAt[i]
		switch {
		case l.Kind == trace.KindTask && !ended:
			if task := taskName(l.Name); !strings.Contains(pending, "task "+task+" never finished") {
				c.fail("task lane %q never ends and %s is not pending", l.Name, task)
			}
		case (l.Kind == trace.KindThread || l.Kind == trace.KindLoop) && started[i] && !ended:
			if name := threadName(l.Name); !strings.Contains(pending, "thread "+name+" never finished") {
				c.fail("thread lane %q never ends and %s is not pending", l.Name, name)
			}
		}
		if ended && (l.Kind == trace.KindTask || l.Kind == trace.KindThread || l.Kind == trace.KindLoop) {
			if n := len(l.Spans); n > 0 && l.Spans[n-1].To > end {
				c.fail("lane %q ends at %v but shows %q until %v", l.Name, end, l.Spans[n-1].State, l.Spans[n-1].To)
			}
		}
	}
}

// taskName is the asyncio name in a task lane's name:
// "GET /x #1 › Task-3 fetch()" → "Task-3".
func taskName(lane string) string {
	if _, after, ok := strings.Cut(lane, " › "); ok {
		lane = after
	}
	name, _, _ := strings.Cut(lane, " ")
	return name
}

// threadName is threading's name in a thread lane's name:
// "worker 2 · subscriber" → "subscriber"; a thread that runs an event
// loop shows as "event loop (subscriber)".
func threadName(lane string) string {
	if inner, ok := strings.CutPrefix(lane, "event loop ("); ok {
		lane = strings.TrimSuffix(inner, ")")
	}
	if i := strings.LastIndex(lane, " · "); i >= 0 {
		lane = lane[i+len(" · "):]
	}
	// "worker (2)": the second thread named worker
	if i := strings.LastIndex(lane, " ("); i >= 0 && strings.HasSuffix(lane, ")") {
		if _, err := strconv.Atoi(lane[i+2 : len(lane)-1]); err == nil {
			lane = lane[:i]
		}
	}
	return lane
}

// holderName is how a GIL lane labels the thread of a thread or loop
// lane: its name, without "event loop (...)" around it.
func holderName(lane string) string {
	if inner, ok := strings.CutPrefix(lane, "event loop ("); ok {
		return strings.TrimSuffix(inner, ")")
	}
	return lane
}

// gil checks one GIL holder per process at a time: a GIL lane shows one
// holder at a time, and a thread whose name a GIL lane shows runs Python
// (a run span) only while that lane shows it holding the GIL. A process
// with one thread has no GIL lane (nobody to contend with), and neither
// has a free-threaded build; a GIL lane opens with the process's second
// thread, so Python run before then needs no cover.
func (c *checker) gil() {
	tr := c.tr
	holders := map[string][]int{} // thread name → GIL lanes that show it
	for i, l := range tr.Lanes {
		if l.Kind != trace.KindGIL {
			continue
		}
		seen := map[string]bool{}
		for _, s := range l.Spans {
			if s.State != trace.Held || s.Label == "" {
				c.fail("GIL lane %q: span %+v is not one holder", l.Name, s)
			}
			if !seen[s.Label] {
				seen[s.Label] = true
				holders[s.Label] = append(holders[s.Label], i)
			}
		}
	}
	for _, l := range tr.Lanes {
		if l.Kind != trace.KindThread && l.Kind != trace.KindLoop {
			continue
		}
		name := holderName(l.Name)
		gils := holders[name]
		if len(gils) == 0 {
			continue
		}
		for _, s := range l.Spans {
			if s.State != trace.Run {
				continue
			}
			held := func(g int) bool {
				spans := tr.Lanes[g].Spans
				opened := spans[0].From
				return s.To <= opened || covers(spans, name, max(s.From, opened), s.To)
			}
			if !slices.ContainsFunc(gils, held) {
				c.fail("%q runs Python from %v to %v without holding its process's GIL", l.Name, s.From, s.To)
			}
		}
	}
}

// covers reports whether spans, in time order, show label throughout
// [from, to).
func covers(spans []trace.Span, label string, from, to trace.Time) bool {
	at := from
	first, _ := slices.BinarySearchFunc(spans, from, func(s trace.Span, t trace.Time) int { return cmp.Compare(s.To, t+1) })
	for _, s := range spans[first:] {
		if s.To <= at {
			continue
		}
		if s.From > at || s.Label != label {
			return false
		}
		if at = s.To; at >= to {
			return true
		}
	}
	return false
}

// loops checks that an event loop runs one step at a time: the running
// spans of the tasks (and async requests) of one loop never overlap. A
// trace does not say which loop runs a task, so tasks are grouped where it
// can tell: with one loop, all of them; with uvicorn workers, a request
// and the tasks it creates by its worker. Across all loops, no more tasks
// run at once than there are loops.
func (c *checker) loops() {
	tr := c.tr
	loops := 0
	for _, l := range tr.Lanes {
		if l.Kind == trace.KindLoop {
			loops++
		}
	}
	groups := map[string][]int{} // a loop → its task lanes
	var all []int
	worker := map[string]int{} // request lane name → worker
	for _, r := range tr.Requests {
		if r.Lane >= 0 && r.Lane < len(tr.Lanes) {
			worker[tr.Lanes[r.Lane].Name] = r.Worker
		}
	}
	for i, l := range tr.Lanes {
		if l.Kind != trace.KindTask && l.Kind != trace.KindRequest {
			continue
		}
		all = append(all, i)
		req, _, _ := strings.Cut(l.Name, " › ")
		switch w, ok := worker[req]; {
		case loops == 1:
			groups["the event loop"] = append(groups["the event loop"], i)
		case ok && w > 0:
			key := fmt.Sprintf("worker %d's event loop", w)
			groups[key] = append(groups[key], i)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(groups)) {
		if a, b, at, n := overlap(tr, groups[key], 1); n > 1 {
			c.fail("%s runs two steps at once at %v: %q and %q", key, at, tr.Lanes[a].Name, tr.Lanes[b].Name)
		}
	}
	if loops > 0 {
		if _, b, at, n := overlap(tr, all, loops); n > loops {
			c.fail("%d tasks run at once at %v (%q among them) on %d event loops", n, at, tr.Lanes[b].Name, loops)
		}
	}
}

// overlap sweeps the running spans of lanes and reports the first moment
// more than most of them run at once: two of the lanes, the time, how many.
func overlap(tr *trace.Trace, lanes []int, most int) (a, b int, at trace.Time, n int) {
	type edge struct {
		t     trace.Time
		delta int
		lane  int
	}
	var edges []edge
	for _, i := range lanes {
		for _, s := range tr.Lanes[i].Spans {
			if s.State == trace.Run {
				edges = append(edges, edge{s.From, 1, i}, edge{s.To, -1, i})
			}
		}
	}
	// Ends before starts at the same time: a step that ends at t and one
	// that starts at t do not overlap.
	slices.SortFunc(edges, func(x, y edge) int {
		return cmp.Or(cmp.Compare(x.t, y.t), cmp.Compare(x.delta, y.delta))
	})
	running := map[int]bool{}
	for _, e := range edges {
		if e.delta < 0 {
			delete(running, e.lane)
			continue
		}
		running[e.lane] = true
		if len(running) > most {
			for other := range running {
				if other != e.lane {
					return other, e.lane, e.t, len(running)
				}
			}
		}
	}
	return 0, 0, 0, 0
}

// TestInvariants holds every golden scenario (with one and two workers,
// with and without the GIL) and every scenario of the fidelity corpus to
// the invariants, so that plain go test checks them without -fuzz.
func TestInvariants(t *testing.T) {
	check := func(t *testing.T, spec Spec) {
		t.Helper()
		tr, err := Run(spec)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range invariants(tr) {
			t.Error(p)
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.py"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		for _, set := range []Settings{{}, {Workers: 2, Cores: 2}, {FreeThreaded: true}, {Workers: 3, Seed: 7, SwitchInterval: trace.Millisecond}} {
			t.Run(fmt.Sprintf("golden/%s/%+v", name, set), func(t *testing.T) {
				spec := readSpec(t, filepath.Join("testdata", "golden"), name)
				spec.Settings = set
				check(t, spec)
			})
		}
	}
	m := loadMeasured(t)
	files, _ = filepath.Glob(filepath.Join(fidelityDir, "*.py"))
	if len(files) == 0 {
		t.Fatal("no fidelity corpus")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run("fidelity/"+name, func(t *testing.T) {
			spec := readSpec(t, fidelityDir, name)
			spec.Settings = measuredSettings(t, name, m.Scenarios[name].Settings)
			check(t, spec)
		})
	}
	for _, ch := range appChunks(t) {
		t.Run("apps/"+ch.name, func(t *testing.T) { check(t, ch.spec) })
	}
}

// appChunks reads testdata/apps.chunks (see TestApps).
func appChunks(t *testing.T) []appChunk {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "apps.chunks"))
	if err != nil {
		t.Fatal(err)
	}
	return parseAppChunks(string(data))
}

// TestInvariantsCatchCorruption breaks each invariant in a real trace and
// expects the checker to say so: a check that cannot fail proves nothing.
func TestInvariantsCatchCorruption(t *testing.T) {
	// Three CPU-bound threads share one GIL beside /health requests.
	threads := func(t *testing.T) *trace.Trace {
		tr := runExample(t, "factorize", Settings{})
		if p := invariants(tr); len(p) > 0 {
			t.Fatalf("the trace is broken before the test breaks it: %v", p)
		}
		return tr
	}
	// Two tasks take turns running CPU-bound steps on one loop; a third
	// sleeps past the time limit and stays pending.
	tasks := func(t *testing.T) *trace.Trace {
		code := "import asyncio\n\nasync def work():\n    for _ in range(3):\n        cpu(0.1)\n        await asyncio.sleep(0)\n\n" +
			"async def main():\n    asyncio.create_task(asyncio.sleep(100))\n    await asyncio.gather(work(), work())\n    await asyncio.sleep(100)\n\nasyncio.run(main())\n"
		tr, err := Run(Spec{Code: code, Settings: Settings{Limits: Limits{Time: 10 * trace.Second}}})
		if err != nil {
			t.Fatal(err)
		}
		if p := invariants(tr); len(p) > 0 || len(tr.Pending) == 0 {
			t.Fatalf("the trace is broken before the test breaks it: %v (pending %v)", p, tr.Pending)
		}
		return tr
	}
	lane := func(t *testing.T, tr *trace.Trace, pick func(trace.Lane) bool) int {
		for i, l := range tr.Lanes {
			if pick(l) && len(l.Spans) > 0 {
				return i
			}
		}
		t.Fatal("no such lane")
		return -1
	}
	runSpan := func(t *testing.T, l trace.Lane) trace.Span {
		for _, s := range l.Spans {
			if s.State == trace.Run {
				return s
			}
		}
		t.Fatalf("lane %q never runs", l.Name)
		return trace.Span{}
	}
	tests := []struct {
		name    string
		base    func(*testing.T) *trace.Trace
		corrupt func(*testing.T, *trace.Trace)
		want    string
	}{
		{"two lanes share a name", threads, func(t *testing.T, tr *trace.Trace) {
			tr.Lanes[1].Name = tr.Lanes[0].Name
		}, "two lanes are named"},
		{"events go back in time", threads, func(t *testing.T, tr *trace.Trace) {
			n := len(tr.Events)
			tr.Events[n-1].T = tr.Events[n-2].T - 1
		}, "goes back in time"},
		{"a span runs backwards", threads, func(t *testing.T, tr *trace.Trace) {
			s := &tr.Lanes[0].Spans[0]
			s.From, s.To = s.To, s.From
		}, "goes backwards"},
		{"a print before the one above", threads, func(t *testing.T, tr *trace.Trace) {
			tr.Prints = append(tr.Prints, trace.Line{T: tr.Duration}, trace.Line{T: 0})
		}, "goes back in time"},
		{"a request ends before it was sent", threads, func(t *testing.T, tr *trace.Trace) {
			r := &tr.Requests[len(tr.Requests)-1]
			r.Start, r.End = -1, r.Sent-1
		}, "before it was sent"},
		{"a request starts before it was sent", threads, func(t *testing.T, tr *trace.Trace) {
			r := &tr.Requests[len(tr.Requests)-1]
			r.Start = r.Sent - 1
		}, "starts at"},
		{"a request never ends and is not pending", threads, func(t *testing.T, tr *trace.Trace) {
			tr.Requests[0].End = -1
		}, "never ends and is not pending"},
		{"a pending task left out", tasks, func(t *testing.T, tr *trace.Trace) {
			tr.Pending = nil
		}, "never ends and Task-"},
		{"a task shows after its end", tasks, func(t *testing.T, tr *trace.Trace) {
			i := lane(t, tr, func(l trace.Lane) bool { return strings.Contains(l.Name, "work()") })
			l := &tr.Lanes[i]
			l.Spans = append(l.Spans, trace.Span{From: tr.Duration - 1, To: tr.Duration, State: trace.Await})
		}, "shows \"await\""},
		{"two threads hold one GIL", threads, func(t *testing.T, tr *trace.Trace) {
			i := lane(t, tr, func(l trace.Lane) bool { return l.Kind == trace.KindThread })
			j := lane(t, tr, func(l trace.Lane) bool { return l.Kind == trace.KindThread && l.Name != tr.Lanes[i].Name })
			// j runs while the GIL lane shows i holding it
			s := runSpan(t, tr.Lanes[i])
			other := &tr.Lanes[j]
			other.Spans = []trace.Span{{From: s.From, To: s.To, State: trace.Run}}
		}, "without holding its process's GIL"},
		{"a GIL lane shows no holder", threads, func(t *testing.T, tr *trace.Trace) {
			i := lane(t, tr, func(l trace.Lane) bool { return l.Kind == trace.KindGIL })
			tr.Lanes[i].Spans[0].Label = ""
		}, "is not one holder"},
		{"the loop runs two steps at once", tasks, func(t *testing.T, tr *trace.Trace) {
			i := lane(t, tr, func(l trace.Lane) bool { return strings.Contains(l.Name, "work()") })
			j := lane(t, tr, func(l trace.Lane) bool { return strings.Contains(l.Name, "work()") && l.Name != tr.Lanes[i].Name })
			s := runSpan(t, tr.Lanes[i])
			tr.Lanes[j].Spans = []trace.Span{{From: s.From, To: s.To, State: trace.Run}}
		}, "runs two steps at once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tt.base(t)
			tt.corrupt(t, tr)
			p := invariants(tr)
			if !strings.Contains(strings.Join(p, "\n"), tt.want) {
				t.Errorf("checker says %q, want a problem containing %q", p, tt.want)
			}
		})
	}
}
