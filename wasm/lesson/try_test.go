package lesson

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
)

// tryLesson is a lesson with sleepyApp (asyncio.sleep(2), the number
// "sleep", sent two requests at 0) and then blocks.
func tryLesson(blocks string) string {
	return "---\ntitle: t\nsummary: s\n---\n```scenario\n" + sleepyApp + "-- load --\n2 x at 0 GET /\n```\n\n" + blocks
}

// compareLesson's first version blocks the loop, its second awaits;
// both sleep(2), three requests at 0.
const compareLesson = "---\ntitle: t\nsummary: s\n---\n```scenario a=\"blocking\" b=\"awaiting\"\n" +
	"import time\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    time.sleep(2)\n    return {}\n" +
	"-- load --\n3 x at 0 GET /\n-- compare --\n" + sleepyApp + "```\n\n"

const pipelineLesson = "---\ntitle: t\nsummary: s\n---\n```scenario scene=pipeline\nFEATURES = 2\nMACHINES = 2\n" +
	"STEPS = [work(\"write\", 1), wait(\"review\", 3)]\n```\n\n"

const gameLesson = "---\ntitle: t\nsummary: s\n---\n```scenario scene=gameloop\nFPS = 30\nBLOCKING = 0.0\n```\n\n"

func TestTryErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no set", tryLesson("```try measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:4: a try block needs set= "},
		{"no measure", tryLesson("```try set=root.sleep:1 expect=1\nDo it.\n```\n"),
			"01-a.md:18:4: a try block needs measure= "},
		{"no expect", tryLesson("```try set=root.sleep:1 measure=total\nDo it.\n```\n"),
			"01-a.md:18:4: a try block needs expect= "},
		{"no text", tryLesson("```try set=root.sleep:1 measure=total expect=1\n```\n"),
			"01-a.md:18:4: a try block needs text"},
		{"a title", tryLesson("```try \"Go\" set=root.sleep:1 measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:4: a try block has no title"},
		{"unknown option", tryLesson("```try set=root.sleep:1 measure=total expect=1 versoin=B\nDo it.\n```\n"),
			"01-a.md:18:48: unknown option \"versoin\" of a try block (known: set, measure, expect, scenario, version)"},
		{"malformed set", tryLesson("```try set=sleep=1 measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:8: set=sleep=1: want id:value pairs"},
		{"value not a number", tryLesson("```try set=root.sleep:soon measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:8: set=root.sleep:soon: want id:value pairs"},
		{"id set twice", tryLesson("```try set=root.sleep:1,root.sleep:3 measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:8: set=root.sleep:1,root.sleep:3: root.sleep is set twice"},
		{"expect not a number", tryLesson("```try set=root.sleep:1 measure=total expect=soon\nDo it.\n```\n"),
			"01-a.md:18:39: expect=soon: want the value the run shows"},
		{"bad scenario number", tryLesson("```try set=root.sleep:1 measure=total expect=1 scenario=0\nDo it.\n```\n"),
			"01-a.md:18:48: scenario=0: want the scenario block's number"},
		{"bad version", tryLesson("```try set=root.sleep:1 measure=total expect=1 version=C\nDo it.\n```\n"),
			"01-a.md:18:48: version=C: a compare block's versions are A and B"},
		{"before any scenario", "---\ntitle: t\nsummary: s\n---\n```try set=root.sleep:1 measure=total expect=1\nDo it.\n```\n\n```scenario\n" + sleepyApp + "-- load --\nat 0 GET /\n```\n",
			"01-a.md:5:4: a try block needs a scenario block above it"},
		{"no such scenario", tryLesson("```try set=root.sleep:1 measure=total expect=1 scenario=3\nDo it.\n```\n"),
			"01-a.md:18:48: scenario=3: the lesson has 1 scenario blocks"},
		{"version of a single run", tryLesson("```try set=root.sleep:1 measure=total expect=1 version=B\nDo it.\n```\n"),
			"01-a.md:18:48: version=B: scenario 1 is not a compare block"},
		{"unknown id", tryLesson("```try set=nap:1 measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:8: set: the scenario has no number \"nap\" (it has root.sleep, load.count, load.at)"},
		{"above its range", tryLesson("```try set=root.sleep:20 measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:8: set: root.sleep=20 is outside its range, 0 to 10"},
		{"below its range", tryLesson("```try set=root.sleep:-1 measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:8: set: root.sleep=-1 is outside its range, 0 to 10"},
		{"off its step", tryLesson("```try set=root.sleep:1.23 measure=total expect=1\nDo it.\n```\n"),
			"01-a.md:18:8: set: root.sleep=1.23 is off its step: it moves from 2 by 0.05"},
		{"rounded on the way in", "---\ntitle: t\nsummary: s\n---\n```scenario\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(0.45)\n\nasyncio.run(main())\n```\n\n```try set=main.sleep:0.55000001 measure=total expect=0.55\nDo it.\n```\n",
			"01-a.md:14:8: set: main.sleep=0.55 cannot be written at its step, 0.05"},
		{"changes nothing", tryLesson("```try set=root.sleep:2 measure=total expect=2\nDo it.\n```\n"),
			"01-a.md:18:8: set: root.sleep is already 2; a try step changes something"},
		{"unknown measure", tryLesson("```try set=root.sleep:1 measure=speed expect=1\nDo it.\n```\n"),
			"01-a.md:18:25: unknown measure \"speed\" (known: latency:N, latency, done:N, print:N, total, stall, gil, answered, throughput, warnings, warning:N)"},
		{"no such warning", tryLesson("```try set=root.sleep:1 measure=warning:1 expect=1\nDo it.\n```\n"),
			"01-a.md:18:25: measure=warning:1: the run has 0 warnings"},
		{"no such request", tryLesson("```try set=root.sleep:1 measure=latency:3 expect=1\nDo it.\n```\n"),
			"01-a.md:18:25: measure=latency:3: the run has 2 requests"},
		{"the text is wrong", tryLesson("```try set=root.sleep:1 measure=latency:2 expect=2\nDo it.\n```\n"),
			"01-a.md:18:43: with set=root.sleep:1 the run measures latency:2 = 1.001 s, not 2 (the run must be within 10 % of expect=, or 0.05)"},
		{"a count is exact", tryLesson("```try set=root.sleep:1 measure=answered expect=3\nDo it.\n```\n"),
			"01-a.md:18:42: with set=root.sleep:1 the run measures answered = 2 requests, not 3 (a count must match exactly)"},
		{"version B is wrong", compareLesson + "```try set=root.sleep:1 measure=latency:3 expect=3 version=B\nDo it.\n```\n",
			"01-a.md:27:43: with set=root.sleep:1 the run measures latency:3 in version B = 1.001 s, not 3"},
		{"version B has numbers of its own", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + sleepyApp + "-- load --\nat 0 GET /\n-- compare --\n" + okApp + "```\n\n```try set=nap:1 measure=total expect=1 version=B\nDo it.\n```\n",
			"01-a.md:25:8: set: version B has no number \"nap\" (it has load.at)"},
		{"pipeline measure", pipelineLesson + "```try set=steps.wait.review:1 measure=latency:1 expect=1\nDo it.\n```\n",
			"01-a.md:11:32: unknown measure \"latency:1\" for the pipeline (known: total:blocking, total:async, total:parallel, total)"},
		{"pipeline total", pipelineLesson + "```try set=steps.wait.review:1 measure=total:async expect=9\nDo it.\n```\n",
			"01-a.md:11:52: with set=steps.wait.review:1 the run measures total:async = 3 min, not 9"},
		{"game measure", gameLesson + "```try set=blocking:0.05 measure=total expect=1\nDo it.\n```\n",
			"01-a.md:10:26: unknown measure \"total\" for the game (known: fps)"},
		{"game fps", gameLesson + "```try set=blocking:0.05 measure=fps expect=30\nDo it.\n```\n",
			"01-a.md:10:38: with set=blocking:0.05 the run measures fps = 18 fps, not 30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile("01-a.md", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q\nwant prefix %q", err, tt.want)
			}
		})
	}
}

var dataTry = regexp.MustCompile(`data-try="([^"]*)"`)

// TestTry checks what the build measures for each kind of scenario, and
// the data the page reads.
func TestTry(t *testing.T) {
	tests := []struct {
		name, src string
		measured  float64
		unit      string
		data      string // the data-try attribute, as JSON
		html      string // the text, then the button it describes
	}{
		{"one number", tryLesson("```try set=root.sleep:1 measure=latency:2 expect=1.0\nDrag the `2` down to 1.\n```\n"), 1, "s",
			`{"index":0,"scenario":0,"set":{"root.sleep":1},"measure":"latency:2","expect":1,"version":"","measured":1.001,"unit":"s"}`,
			`<div class="try-text" id="a-try-0-text">
<p>Drag the <code>2</code> down to 1.</p>
</div>
<button type="button" class="try-run" aria-describedby="a-try-0-text">Try it</button>`},
		{"a count", tryLesson("```try set=root.sleep:0.5 measure=answered expect=2\nShorter.\n```\n"), 2, "requests", "", ""},
		{"version A blocks", compareLesson + "```try set=root.sleep:1 measure=latency:3 expect=3 version=A\nA.\n```\n", 3, "s", "", ""},
		{"version B follows A's numbers", compareLesson + "```try set=root.sleep:1 measure=latency:3 expect=1 version=B\nB.\n```\n", 1, "s",
			`{"index":0,"scenario":0,"set":{"root.sleep":1},"measure":"latency:3","expect":1,"version":"B","measured":1.001,"unit":"s"}`, ""},
		{"pipeline", pipelineLesson + "```try set=steps.wait.review:1,steps.work.write:2 measure=total:blocking expect=6\nBoth.\n```\n", 6, "min",
			`{"index":0,"scenario":0,"set":{"steps.wait.review":1,"steps.work.write":2},"measure":"total:blocking","expect":6,"version":"","measured":6,"unit":"min"}`,
			""},
		{"game", gameLesson + "```try set=blocking:0.05 measure=fps expect=17\nSlower.\n```\n", 18, "fps", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Compile("01-a.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Tries) != 1 {
				t.Fatalf("%d try steps, want 1", len(l.Tries))
			}
			tr := l.Tries[0]
			if tr.Measured < tt.measured-0.01 || tr.Measured > tt.measured+0.01 || tr.Unit != tt.unit {
				t.Errorf("measured %v %s, want %v %s", tr.Measured, tr.Unit, tt.measured, tt.unit)
			}
			m := dataTry.FindStringSubmatch(l.HTML)
			if m == nil {
				t.Fatalf("no data-try in\n%s", l.HTML)
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &v); err != nil {
				t.Fatalf("data-try is not JSON: %v", err)
			}
			if tt.data != "" && html.UnescapeString(m[1]) != tt.data {
				t.Errorf("data-try = %s\nwant      %s", html.UnescapeString(m[1]), tt.data)
			}
			if tt.html != "" && !strings.Contains(l.HTML, tt.html) {
				t.Errorf("no\n%s\nin\n%s", tt.html, l.HTML)
			}
		})
	}
}
