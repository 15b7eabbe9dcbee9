package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"looplab/wasm/report"
	"looplab/wasm/trace"
)

func TestLogWindow(t *testing.T) {
	tr := &trace.Trace{Lanes: []trace.Lane{{Name: "L"}}}
	for i := range 10 {
		tr.Events = append(tr.Events, trace.Event{T: trace.Time(i) * trace.Second, Kind: trace.EvStart, Text: string(rune('a' + i))})
	}
	all := report.NewNarration(tr)
	tests := []struct {
		t          float64
		most, from int
		count      int
		first      string
		n          int
	}{
		{-1, 5, 0, 0, "", 0},
		{0, 5, 0, 1, "a", 1},
		{4.5, 3, 0, 5, "c", 3},   // the last three of five
		{4.5, 3, 4, 5, "e", 1},   // the page already shows four
		{9, 100, 0, 10, "a", 10}, // all of it
		{100, 2, 0, 10, "i", 2},
		{3, 5, 8, 4, "", 0}, // from beyond the count: nothing new
	}
	for _, tt := range tests {
		p := logWindow(all, tt.t, tt.most, tt.from)
		first := ""
		if len(p.Lines) > 0 {
			first = strings.TrimPrefix(p.Lines[0].Text, "L: ")
		}
		if p.Count != tt.count || len(p.Lines) != tt.n || first != tt.first {
			t.Errorf("logWindow(%v, %d, %d) = count %d, %d lines from %q; want %d, %d from %q",
				tt.t, tt.most, tt.from, p.Count, len(p.Lines), first, tt.count, tt.n, tt.first)
		}
	}
	if p := logWindow(nil, 1, 5, 0); p.Count != 0 || p.Lines != nil {
		t.Errorf("logWindow before any run = %+v", p)
	}
}

func TestApplyLink(t *testing.T) {
	code := "import asyncio\n\nasync def main():\n    await asyncio.sleep(4)\n\nasyncio.run(main())\n"
	got := applyLink("#/event-loop?s=1&main.sleep=2.5&nosuch=3&s2=x", code, nil)
	if got.Slug != "event-loop" || got.Scenario != 1 || !strings.Contains(got.Code, "sleep(2.5)") {
		t.Errorf("got %+v", got)
	}
	notes := strings.Join(got.Notes, "\n")
	if !strings.Contains(notes, "nosuch") {
		t.Errorf("notes do not mention the unknown number: %q", notes)
	}
	clamped := applyLink("#/event-loop?main.sleep=1e9", code, nil)
	if strings.Contains(clamped.Code, "1e9") || len(clamped.Notes) == 0 {
		t.Errorf("not clamped: %+v", clamped)
	}
	// sleep is main.sleep's id in links made before ids were readable.
	if old := applyLink("#/event-loop?sleep=3", code, nil); !strings.Contains(old.Code, "sleep(3)") || len(old.Notes) != 0 {
		t.Errorf("an old link: %+v", old)
	}
}

// A link's load. numbers set the load the page gives, and the reply has
// the load only then.
func TestApplyLinkLoad(t *testing.T) {
	code := "import asyncio\n\nasync def main():\n    await asyncio.sleep(4)\n"
	load := "20 x at 0 GET /stock\n"
	got := applyLink("#/event-loop?load.count=50&main.sleep=2", code, &load)
	if got.Load == nil || *got.Load != "50 x at 0 GET /stock\n" || !strings.Contains(got.Code, "sleep(2)") || len(got.Notes) != 0 {
		t.Errorf("got %+v", got)
	}
	if without := applyLink("#/event-loop?load.count=50", code, nil); without.Load != nil || len(without.Notes) != 1 {
		t.Errorf("without a load: %+v", without)
	}
}

// A clean link has an empty list of notes, not null, for the page.
func TestApplyLinkCleanHasNoNotes(t *testing.T) {
	got := applyLink("#/event-loop?main.sleep=2", "import asyncio\n\nasync def main():\n    await asyncio.sleep(4)\n\nasyncio.run(main())\n", nil)
	if got.Notes == nil || len(got.Notes) != 0 {
		t.Errorf("notes %#v", got.Notes)
	}
}

// Export takes compare mode's second version as simulate does, and keeps
// its answer's shape: ok, error, run, files [{Name, Text}].
func TestExportProgram(t *testing.T) {
	script := "import asyncio\nimport time\n\nasync def main():\n    time.sleep(0.2)\n\nasyncio.run(main())\n"
	other := strings.Replace(script, "time.sleep(0.2)", "await asyncio.sleep(0.2)", 1)
	tests := []struct {
		name  string
		req   request
		files string // the files' names, in order
		run   []string
		err   string
	}{
		{"one version", request{Code: script}, "script.py README.md", []string{"python3 script.py"}, ""},
		{"two versions", request{Code: script, Compare: &variant{Code: other, LabelA: "time.sleep", LabelB: "asyncio.sleep"}},
			"script_a.py script_b.py README.md", []string{"# A (time.sleep)", "python3 script_a.py", "# B (asyncio.sleep)", "python3 script_b.py"}, ""},
		{"the same code, in debug mode only in B", request{Code: script, Compare: &variant{Code: script, Settings: "asyncio_debug = true", LabelA: "a", LabelB: "b"}},
			"script.py README.md", []string{"# A (a)", "python3 script.py", "# B (b)", "PYTHONASYNCIODEBUG=1 python3 script.py"}, ""},
		{"bad settings", request{Code: script, Settings: "cores = x"}, "", nil, "settings:1:1: cores must be"},
		{"bad compare settings", request{Code: script, Compare: &variant{Code: script, Settings: "nope = 1"}}, "", nil, "compare settings:1:1: unknown setting"},
		{"compare code that does not parse", request{Code: script, Compare: &variant{Code: "x = (\n"}}, "", nil, "compare:1:5: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := exportProgram(tt.req)
			if !strings.HasPrefix(got.Error, tt.err) || (tt.err == "") != got.OK || (tt.err != "" && got.Error == "") {
				t.Fatalf("ok %v, error %q; want error %q", got.OK, got.Error, tt.err)
			}
			var names []string
			for _, f := range got.Files {
				names = append(names, f.Name)
			}
			if strings.Join(names, " ") != tt.files {
				t.Errorf("files %v, want %s", names, tt.files)
			}
			if want := strings.Join(tt.run, "\n"); tt.run != nil && got.Run != want+"\n" {
				t.Errorf("run:\n%s\nwant:\n%s", got.Run, want)
			}
			b, _ := json.Marshal(got)
			for _, key := range []string{`"ok":`, `"run":`, `"files":[{"Name":`} {
				if tt.err == "" && !strings.Contains(string(b), key) {
					t.Errorf("%s lacks %s", b, key)
				}
			}
		})
	}
}

// A settings error is placed in its section, as the page prints it.
func TestSettingsErrorText(t *testing.T) {
	res, _ := run("print(1)\n", "code", "", "workers = 2\ncores = x", "compare settings")
	if res.Error == nil || res.Error.Section != "compare settings" || res.Error.Line != 2 ||
		!strings.HasPrefix(res.Error.Text, "compare settings:2:1: cores must be") {
		t.Errorf("error %+v", res.Error)
	}
}

// TestMeasure reads figures of the runs on the stage, by version, and
// says why when there is no such run or figure.
func TestMeasure(t *testing.T) {
	req := request{Code: "import asyncio\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    await asyncio.sleep(2)\n    return {}\n",
		Load: "2 x at 0 GET /\n", Compare: &variant{Code: "import time\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    time.sleep(2)\n    return {}\n"}}
	res, trs := simulate(req, layoutOnly{})
	if !res.OK || len(trs) != 2 {
		t.Fatalf("simulate: %+v", res.Error)
	}
	for _, c := range []struct {
		name, version string
		want          float64
	}{
		{"done:2", "", 2}, {"done:2", "A", 2}, {"done:2", "B", 4}, {"answered", "B", 2}, {"latency:1", "B", 2},
	} {
		var got struct {
			OK    bool
			Value *float64
		}
		out := measure(trs, nil, c.name, c.version)
		if err := json.Unmarshal([]byte(out), &got); err != nil || !got.OK || got.Value == nil || *got.Value < c.want || *got.Value > c.want+0.01 {
			t.Errorf("measure(%q, %q) = %s, want about %v", c.name, c.version, out, c.want)
		}
	}
	for _, c := range []struct {
		trs           []*trace.Trace
		name, version string
		want          string
	}{
		{trs, "done:3", "", `{"ok":false,"error":"measure=done:3: the run has 2 requests"}`},
		{trs, "total", "C", `{"ok":false,"error":"unknown version (known: A, B)"}`},
		{trs[:1], "total", "B", `{"ok":false,"error":"the stage shows one version: there is no B"}`},
		{nil, "total", "", `{"ok":false,"error":"no simulated run is on the stage"}`},
	} {
		if got := measure(c.trs, nil, c.name, c.version); got != c.want {
			t.Errorf("measure(%q, %q) = %s, want %s", c.name, c.version, got, c.want)
		}
	}
	if got := measure(trs, nil, "answered", ""); got != `{"ok":true,"value":2}` {
		t.Errorf("measure(answered) = %s", got)
	}
}

// TestMeasureModels: a pipeline or a game on the stage has no run, and
// measure reads the figures of its model, as the build's try steps do.
func TestMeasureModels(t *testing.T) {
	for _, c := range []struct {
		req  request
		name string
		want string
	}{
		{request{Scene: "pipeline", Code: "FEATURES = 2\nMACHINES = 2\nSTEPS = [work(\"write\", 1), wait(\"review\", 3)]\n"}, "total:blocking", `{"ok":true,"value":8}`},
		{request{Scene: "pipeline", Code: "FEATURES = 2\nMACHINES = 2\nSTEPS = [work(\"write\", 1), wait(\"review\", 3)]\n"}, "latency:1", `{"ok":false,"error":"unknown measure \"latency:1\" for the pipeline (known: total:blocking, total:async, total:parallel, total)"}`},
		{request{Scene: "gameloop", Code: "FPS = 30\nBLOCKING = 0.0\n"}, "fps", `{"ok":true,"value":30}`},
	} {
		res, trs := simulate(c.req, layoutOnly{})
		if !res.OK || trs != nil || res.model == nil {
			t.Fatalf("%s: simulate %+v", c.req.Scene, res.Error)
		}
		if got := measure(trs, res.model, c.name, ""); got != c.want {
			t.Errorf("%s: measure(%q) = %s, want %s", c.req.Scene, c.name, got, c.want)
		}
		if got := measure(trs, res.model, c.name, "B"); !strings.Contains(got, "there is no B") {
			t.Errorf("%s: measure(%q, B) = %s", c.req.Scene, c.name, got)
		}
	}
}

// TestPipelineNumbersStopAtWhatItAccepts: a pipeline's counts are
// draggable only as far as the parser accepts them, so dragging never
// makes an error the range said was fine.
func TestPipelineNumbersStopAtWhatItAccepts(t *testing.T) {
	res, _ := simulate(request{Scene: "pipeline", Code: "FEATURES = 2\nMACHINES = 2\nSTEPS = [work(\"write\", 1)]\n"}, layoutOnly{})
	want := map[string]float64{"features": 50, "machines": 20}
	for _, n := range res.Numbers {
		if most, ok := want[n.ID]; ok && n.Max != most {
			t.Errorf("%s goes up to %v, the parser to %v", n.ID, n.Max, most)
		}
		delete(want, n.ID)
	}
	if len(want) > 0 {
		t.Errorf("numbers missing: %v", want)
	}
}

// TestUnrouted: a run in which every request got 404 (an app pasted over
// a lesson's, whose requests ask for other routes) names what they asked
// for, each once; a run with one route that matched names none.
func TestUnrouted(t *testing.T) {
	app := "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/slow\")\nasync def slow():\n    return {}\n"
	for _, c := range []struct {
		load string
		want []string
	}{
		{"2 x at 0 GET /polite\nat 0 GET /rude\n", []string{"GET /polite", "GET /rude"}},
		{"at 0 GET /polite\nat 0 GET /slow\n", nil},
	} {
		res, _ := simulate(request{Code: app, Load: c.load}, layoutOnly{})
		if !res.OK || !reflect.DeepEqual(res.Unrouted, c.want) {
			t.Errorf("load %q: ok %v, unrouted %q, want %q", c.load, res.OK, res.Unrouted, c.want)
		}
	}
}
