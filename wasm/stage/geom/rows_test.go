package geom

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// exports is a run of n alike requests to /export sent at 0, and one
// request each to /ping, /whoami and /profile: lesson 9's shape.
func exports(n int) *trace.Trace {
	s := trace.Second
	tr := &trace.Trace{Duration: 5 * s}
	add := func(path string, sent trace.Time, spans ...trace.Span) {
		tr.Requests = append(tr.Requests, trace.Request{Method: "GET", Path: path, Sent: sent, End: 4 * s, Lane: len(tr.Lanes)})
		tr.Lanes = append(tr.Lanes, trace.Lane{Name: fmt.Sprintf("GET %s #%d", path, len(tr.Lanes)+1), Kind: trace.KindRequest, Spans: spans})
	}
	tr.Lanes = append(tr.Lanes, trace.Lane{Name: "event loop", Kind: trace.KindLoop})
	for range n {
		add("/export", 0, trace.Span{From: 0, To: 4 * s, State: trace.Thread, Label: "running in a worker thread"})
	}
	add("/ping", 1500*trace.Millisecond, trace.Span{From: 1500 * trace.Millisecond, To: 1501 * trace.Millisecond, State: trace.Run})
	add("/whoami", 2*s, trace.Span{From: 2 * s, To: 4 * s, State: trace.Token, Label: "waiting for a threadpool token"})
	add("/profile", 2500*trace.Millisecond, trace.Span{From: 2500 * trace.Millisecond, To: 4 * s, State: trace.Token, Label: "waiting for a threadpool token"})
	for i := range n {
		tr.Lanes = append(tr.Lanes, trace.Lane{Name: fmt.Sprintf("threadpool thread %d", i+1), Kind: trace.KindThread,
			Spans: []trace.Span{{From: 0, To: 4 * s, State: trace.Blocked, Label: "requests.get('http://upstream/delay/4')"}}})
	}
	return tr
}

func TestAlikeLanesCloseIntoGroupsWhenTheyDoNotFit(t *testing.T) {
	tl := NewTimeline(exports(40), Options{Focus: []string{"/ping", "/whoami", "/profile"}})
	tl.SetView(800, 300, 1, Light)
	rep := tl.Report("", 0)
	var names []string
	for _, l := range rep.Lanes {
		names = append(names, l.Name)
	}
	want := []string{"event loop", "GET /export ×40", "GET /ping #42", "GET /whoami #43", "GET /profile #44", "threadpool thread ×40"}
	if !slices.Equal(names, want) {
		t.Errorf("rows %q, want %q", names, want)
	}
	for _, l := range rep.Lanes {
		if l.Label == "" || l.H < rowLabelCSS {
			t.Errorf("row %q is %v px with label %q: every row fits labelled here", l.Name, l.H, l.Label)
		}
	}
	if g := rep.Lanes[1].Group; g != 40 {
		t.Errorf("the /export group holds %d lanes, want 40", g)
	}
	// Opened, the forty lanes no longer fit: the focus rows stay labelled.
	_, _, y0, _ := tl.plot()
	if !tl.ToggleAt(10, y0+tl.rows[1].y+5) {
		t.Fatal("a click on the group's label did not open it")
	}
	rep = tl.Report("", 0)
	focus := 0
	for _, l := range rep.Lanes {
		if matchesFocus(l.Name, tl.opts.Focus) {
			focus++
			if l.H < rowLabelCSS || l.Label == "" {
				t.Errorf("focus row %q: %v px, label %q", l.Name, l.H, l.Label)
			}
		}
	}
	if focus != 3 || len(rep.Lanes) != 45 {
		t.Errorf("%d rows, %d of them focus; want 45 and 3", len(rep.Lanes), focus)
	}
	// The opened lanes give up their room first: the rest keep their labels.
	for _, name := range []string{"event loop", "threadpool thread ×40"} {
		for _, l := range rep.Lanes {
			if l.Name == name && (l.H < rowLabelCSS || l.Label == "") {
				t.Errorf("row %q shrank to %v px for the lanes opened beside it", name, l.H)
			}
		}
	}
}

func TestLanesThatFitStayApart(t *testing.T) {
	tl := NewTimeline(exports(2), Options{})
	tl.SetView(800, 400, 1, Light)
	if rep := tl.Report("", 0); len(rep.Lanes) != 8 {
		t.Errorf("%d rows, want each of the 8 lanes on its own", len(rep.Lanes))
	}
	if tl.grouping {
		t.Error("groups closed though every lane fits")
	}
}

func TestMatchesFocusTakesWholeWords(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"GET /ping #4", true}, {"/ping ×3", true}, {"GET /pings #4", false}, {"GET /ping/2 #1", false}, {"xGET /ping", true},
	} {
		if got := matchesFocus(c.s, []string{"/ping"}); got != c.want {
			t.Errorf("matchesFocus(%q, /ping) = %v", c.s, got)
		}
	}
	if !HasFocus(exports(3), "/export") || HasFocus(exports(3), "/nothing") {
		t.Error("HasFocus misses a group or finds a lane that is not there")
	}
}

func TestLaneLabelsNeverReadAlike(t *testing.T) {
	names := []string{"event loop (main thread)", "Task-2 to_thread(crunch, 'A', 1)", "Task-3 to_thread(crunch, 'B', 1)",
		"executor thread 1", "executor thread 2", "GET /api/v1/users/profile #12", "GET /api/v1/users/profile #13",
		"GET /restock #1 › Task-2 check_stock(<AsyncClient>)", "GET /restock #1 › Task-3 check_stock(<AsyncClient>)"}
	for _, room := range []int{8, 12, 16, 40} {
		rooms := make([]int, len(names))
		for i := range rooms {
			rooms[i] = room
		}
		got := laneLabels(names, rooms)
		seen := map[string]bool{}
		for i, l := range got {
			if runes(l) > room {
				t.Errorf("room %d: %q is longer", room, l)
			}
			if seen[l] {
				t.Errorf("room %d: two lanes read %q", room, l)
			}
			seen[l] = true
			if room == 16 && i >= 1 && i <= 2 && !strings.Contains(l, "'"+string(rune('A'+i-1))+"'") {
				t.Errorf("room 16: %q lost the argument that tells the tasks apart", l)
			}
		}
		if room == 16 && got[0] != "event loop (mai…" {
			t.Errorf("a name like no other is cut at its end: %q", got[0])
		}
	}
}

func TestBarTexts(t *testing.T) {
	for _, c := range []struct {
		label string
		st    trace.State
		want  []string
	}{
		{"await asyncio.sleep(4)", trace.Await, []string{"asyncio.sleep(4)", "sleep(4)", "sleep(…)"}},
		{"time.sleep(1.5)", trace.Blocked, []string{"time.sleep(1.5)", "time.sleep(…)"}},
		{"queue.get()", trace.Blocked, []string{"queue.get()"}},
		{"requests.get('http://upstream/delay/4')", trace.Blocked, []string{"requests.get('/delay/4')", "requests.get(…)"}},
		{"time.sleep(2) in threadpool thread 3", trace.Thread, []string{"time.sleep(2)", "time.sleep(…)"}},
		{"await client.get('https://api.example.com/v1/price')", trace.IO, []string{"client.get('/v1/price')", "client.get(…)"}},
		{"waiting for the GIL in threadpool thread 1", trace.GILWait, []string{"GIL wait"}},
		{"waiting for the Semaphore", trace.Await, []string{"Semaphore wait"}},
		{"waiting for a threadpool token", trace.Token, []string{"token wait", "token"}},
		{"3 of 4 cores busy", trace.Busy, []string{"3 of 4 cores", "3/4"}},
		{"", trace.GILWait, []string{"GIL wait"}},
	} {
		if got := barTexts(c.label, c.st); !slices.Equal(got, c.want) {
			t.Errorf("barTexts(%q) = %q, want %q", c.label, got, c.want)
		}
	}
	if got := pickText([]string{"asyncio.sleep(4)", "sleep(4)", "sleep(…)"}, 9); got != "sleep(4)" {
		t.Errorf("pickText = %q", got)
	}
	if got := pickText([]string{"token wait", "token"}, 3); got != "" {
		t.Errorf("pickText in 3 = %q, want nothing", got)
	}
}

func TestParseOptions(t *testing.T) {
	o, err := ParseOptions("/ping  /whoami", "1.0-1.05")
	if err != nil || !slices.Equal(o.Focus, []string{"/ping", "/whoami"}) || o.From != trace.Second || o.To != 1050*trace.Millisecond {
		t.Errorf("ParseOptions = %+v, %v", o, err)
	}
	for _, bad := range []string{"1", "2-1", "a-b", "-1-2", "1-inf"} {
		if _, err := ParseOptions("", bad); err == nil {
			t.Errorf("zoom=%q was accepted", bad)
		}
	}
}
