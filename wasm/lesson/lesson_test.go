package lesson

import (
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"looplab/wasm/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestCourse compiles the real course: every lesson must compile and
// every scenario in it must simulate.
func TestCourse(t *testing.T) {
	lessons, err := CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lessons {
		if !strings.Contains(l.HTML, `class="scenario"`) {
			t.Errorf("%s: no scenario mount point in the HTML", l.File)
		}
	}
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			l, err := Compile(f, src)
			if err != nil {
				t.Fatal(err)
			}
			got := "title: " + l.Title + "\nsummary: " + l.Summary + "\nslug: " + l.Slug + "\n\n" + l.HTML
			golden.Check(t, strings.TrimSuffix(f, ".md")+".html", got, *update)
		})
	}
}

const okApp = "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    return {}\n"

const sleepyApp = "import asyncio\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/\")\nasync def root():\n    await asyncio.sleep(2)\n    return {}\n"

func TestErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"bad file name", "lesson.md", "", "lesson.md: a lesson's file name must look like"},
		{"no title", "01-a.md", "---\nsummary: s\n---\n```scenario\n" + okApp + "-- load --\nat 0 GET /\n```\n",
			"01-a.md:1:1: the front matter needs a title"},
		{"no scenario", "01-a.md", "---\ntitle: t\nsummary: s\n---\ntext\n", "01-a.md:1:1: a lesson needs at least one scenario block"},
		{"syntax error in code", "01-a.md", "---\ntitle: t\nsummary: s\n---\n\n```scenario\nimport asyncio\nasync def f(:\n    pass\n```\n",
			"01-a.md:8:13: "},
		{"error in load", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + okApp + "-- load --\nat 0 GET /\nat soon GET /\n```\n",
			"01-a.md:14:"},
		{"error in settings", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + okApp + "-- load --\nat 0 GET /\n-- settings --\nworkers = many\n```\n",
			"01-a.md:15:1: workers must be a whole number"},
		{"unknown section", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + okApp + "-- loud --\n```\n",
			"01-a.md:12:1: unknown section \"loud\""},
		{"app without load", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + okApp + "```\n",
			"01-a.md:6:1: this FastAPI app gets no requests"},
		{"error in compare", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + okApp + "-- load --\nat 0 GET /\n-- compare --\n" + okApp + "x = nope\n```\n",
			"01-a.md:21:5: "},
		{"unknown option", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario sceen=pipeline\n" + okApp + "```\n",
			"01-a.md:6:1: unknown option \"sceen\""},
		{"unknown scene", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario scene=flowchart\n" + okApp + "```\n",
			"01-a.md:6:1: unknown scene \"flowchart\""},
		{"mode on the timeline", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario mode=asyncio\n" + okApp + "```\n",
			"01-a.md:6:1: mode=asyncio: only scene=gameloop"},
		{"load on the pipeline", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario scene=pipeline\nFEATURES = 2\n-- load --\nat 0 GET /\n```\n",
			"01-a.md:6:1: scene=pipeline takes only its constants"},
		{"predict marks the wrong choice", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + sleepyApp + "-- load --\nat 0 GET /\n```\n\n```predict measure=latency:1\nHow long?\n- [x] 0.5 s\n- 2 s\n-- why --\nIt sleeps.\n```\n",
			"01-a.md:19:1: the run measures latency:1 = 2.00"},
		{"predict without why", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + sleepyApp + "-- load --\nat 0 GET /\n```\n\n```predict\nHow long?\n- [x] 0.5 s\n- 2 s\n```\n",
			"01-a.md:19:1: a predict block needs a -- why -- line"},
		{"predict before any scenario", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```predict measure=total\nHow long?\n-- why --\nx\n```\n\n```scenario\n" + sleepyApp + "-- load --\nat 0 GET /\n```\n",
			"01-a.md:6:1: a predict block needs a scenario block above it"},
		{"predict measures nothing known", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario\n" + sleepyApp + "-- load --\nat 0 GET /\n```\n\n```predict measure=latency:7\nHow long?\n-- why --\nx\n```\n",
			"01-a.md:19:1: measure=latency:7: the run has 1 requests"},
		{"pipeline step without a duration", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario scene=pipeline\nFEATURES = 2\nSTEPS = [\n    work(\"write code\", 2),\n    wait(\"review\"),\n]\n```\n",
			"01-a.md:9:5: wait needs a name and a duration"},
		{"game at an impossible rate", "01-a.md", "---\ntitle: t\nsummary: s\n---\n```scenario scene=gameloop\nFPS = 0\n```\n",
			"01-a.md:6:7: "},
		{"indented in a list", "01-a.md", "---\ntitle: t\nsummary: s\n---\n- item\n\n  ```scenario\n  import asyncio\n  async def f(:\n      pass\n  ```\n",
			"01-a.md:9:15: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile(tt.file, []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q\nwant prefix %q", err, tt.want)
			}
		})
	}
}

func TestBlockSections(t *testing.T) {
	src := "---\ntitle: t\nsummary: s\n---\n```scenario \"Two ways\" scene=timeline\n" + okApp +
		"-- load --\n3 x at 0 GET /\n-- settings --\nworkers = 2\n-- compare --\n" + okApp + "```\n"
	l, err := Compile("01-a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b := l.Blocks[0]
	if b.Title != "Two ways" || b.Options["scene"] != "timeline" || b.Code != okApp || b.Compare != okApp ||
		b.Load != "3 x at 0 GET /\n" || b.Settings != "workers = 2\n" {
		t.Errorf("block = %+v", b)
	}
	specs, err := b.Specs()
	if err != nil || len(specs) != 2 || specs[0].Settings.Workers != 2 {
		t.Errorf("Specs = %+v, %v", specs, err)
	}
}

func TestCompareSettings(t *testing.T) {
	src := "---\ntitle: t\nsummary: s\n---\n```scenario a=\"with the GIL\" b=\"free-threaded\"\nx = 1\n-- compare settings --\nfree_threaded = true\n```\n"
	l, err := Compile("01-a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b := l.Blocks[0]
	if b.Options["a"] != "with the GIL" || b.Options["b"] != "free-threaded" {
		t.Errorf("options = %v", b.Options)
	}
	specs, err := b.Specs()
	if err != nil || len(specs) != 2 || specs[1].Code != b.Code || specs[0].Settings == specs[1].Settings {
		t.Errorf("Specs = %+v, %v; want the same code twice with other settings", specs, err)
	}
}

func TestPredict(t *testing.T) {
	src := "---\ntitle: t\nsummary: s\n---\n```scenario\n" + sleepyApp + "-- load --\n2 x at 0 GET /\n```\n\n" +
		"```predict measure=done:2\nWhen does the `second` request finish?\n- 0.5 s\n- [x] 2 s\n- 4 s\n-- why --\nBoth sleep at once.\n```\n\n" +
		"```predict measure=total scenario=1\nHow long does the run take?\n-- why --\nTwo seconds.\n```\n"
	l, err := Compile("01-a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Predicts) != 2 {
		t.Fatalf("%d predicts, want 2", len(l.Predicts))
	}
	p, q := l.Predicts[0], l.Predicts[1]
	if p.Scenario != 0 || p.Correct != 1 || p.Answer < 2 || p.Answer > 2.1 || p.Why != "Both sleep at once." {
		t.Errorf("first = %+v", p)
	}
	if q.Correct != -1 || q.Answer < 2 || q.Answer > 2.1 || q.Index != 1 {
		t.Errorf("second = %+v", q)
	}
	if !strings.Contains(l.HTML, `<code>second</code>`) || strings.Count(l.HTML, `type="radio"`) != 3 || !strings.Contains(l.HTML, `type="number"`) {
		t.Errorf("HTML lacks the question's form:\n%s", l.HTML)
	}
}

func TestChromaCSS(t *testing.T) {
	css, err := ChromaCSS()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(css, ".chroma .k") || !strings.Contains(css, "prefers-color-scheme: dark") {
		t.Errorf("CSS lacks keyword rules or the dark theme:\n%.300s", css)
	}
}

// TestFigureTextIsTheCode: the page reads a scenario's code, compared code
// and requests from the figure that shows them (web/src/state.js), not
// from its data, so what the figure shows must be the source byte for byte.
func TestFigureTextIsTheCode(t *testing.T) {
	lessons, err := CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	tag := regexp.MustCompile(`<[^>]*>`)
	figure := regexp.MustCompile(`(?s)<figure class="scenario" id="scenario-(\d+)".*?</figure>`)
	pre := regexp.MustCompile(`(?s)<pre[^>]*>.*?</pre>`)
	for _, l := range lessons {
		figures := figure.FindAllStringSubmatch(l.HTML, -1)
		if len(figures) != len(l.Blocks) {
			t.Fatalf("%s: %d figures for %d blocks", l.Slug, len(figures), len(l.Blocks))
		}
		for i, b := range l.Blocks {
			// The code's pre comes first; the requests' and the compared
			// code's, when the block has them, in that order after it.
			texts := pre.FindAllString(figures[i][0], -1)
			want := []string{b.Code}
			if b.Load != "" {
				want = append(want, b.Load)
			}
			if b.Compare != "" {
				want = append(want, b.Compare)
			}
			if len(texts) != len(want) {
				t.Errorf("%s #%d: %d texts shown, want %d", l.Slug, i, len(texts), len(want))
				continue
			}
			for k, w := range want {
				if got := html.UnescapeString(tag.ReplaceAllString(texts[k], "")); got != w {
					t.Errorf("%s #%d: the figure shows %q, the source is %q", l.Slug, i, got, w)
				}
			}
		}
	}
}
