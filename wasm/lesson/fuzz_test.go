package lesson

import (
	"math"
	"os"
	"strings"
	"testing"

	"looplab/wasm/scenario"
	"looplab/wasm/trace"
)

// FuzzCompile feeds arbitrary Markdown with scenario, predict and try blocks
// through the lesson compiler. Errors are fine: they must name the file.
// Panics and hangs are not, so each simulation it runs gets small limits
// and inputs over 8 KB are skipped.
func FuzzCompile(f *testing.F) {
	sample, err := os.ReadFile("testdata/01-sample.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	head := "---\ntitle: t\nsummary: s\n---\n"
	for _, s := range []string{
		"```scenario\n" + sleepyApp + "-- load --\n2 x at 0 GET /\n```\n\n```predict measure=done:2\nWhen?\n- 0.5 s\n- [x] 2 s\n-- why --\nBoth sleep.\n```\n",
		"```scenario a=\"A\" b=\"B\"\nx = 1\n-- compare settings --\nfree_threaded = true\n```\n",
		"```scenario scene=pipeline\nFEATURES = 2\nSTEPS = [work(\"a\", 1), wait(\"b\", 2)]\n```\n",
		"```scenario scene=gameloop mode=asyncio\nFPS = 30\n```\n",
		"- item\n\n  ```scenario\n  import time\n  time.sleep(1)\n  ```\n",
		"```predict measure=total\nHow long?\n-- why --\nx\n```\n",
		"```scenario\n" + sleepyApp + "-- load --\n2 x at 0 GET /\n```\n\n```try set=sleep:1 measure=latency:2 expect=1.0\nDrag the `2` to 1.\n```\n",
		"```scenario a=\"A\" b=\"B\"\n" + sleepyApp + "-- load --\nat 0 GET /\n-- compare --\n" + sleepyApp + "```\n\n```try set=sleep:3 measure=total expect=3 version=B scenario=1\nLonger.\n```\n",
		"```scenario scene=pipeline\nFEATURES = 2\nSTEPS = [work(\"a\", 1), wait(\"b\", 2)]\n```\n\n```try set=b:1,a:2 measure=total:async expect=5\nSwap.\n```\n",
		"```scenario scene=gameloop\nBLOCKING = 0.0\n```\n\n```try set=blocking:0.05 measure=fps expect=17\nSlower.\n```\n",
		"```try set=x:1 measure=total expect=1\n```\n",
	} {
		f.Add([]byte(head + s))
	}
	runLimits = scenario.Limits{Steps: 50_000, Events: 50_000, Time: 60 * trace.Second}
	f.Cleanup(func() { runLimits = scenario.Limits{} })
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 8<<10 {
			return
		}
		l, err := Compile("01-fuzz.md", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "01-fuzz.md:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if l.Slug != "fuzz" || l.Title == "" || l.Summary == "" || len(l.Blocks) == 0 {
			t.Fatalf("lesson %+v", l)
		}
		for _, p := range l.Predicts {
			if p.Scenario < 0 || p.Scenario >= len(l.Blocks) || math.IsNaN(p.Answer) || math.IsInf(p.Answer, 0) ||
				p.Correct >= len(p.Choices) {
				t.Fatalf("predict %+v", p)
			}
		}
		for _, tr := range l.Tries {
			if tr.Scenario < 0 || tr.Scenario >= len(l.Blocks) || len(tr.Set) == 0 || tr.Unit == "" ||
				math.IsNaN(tr.Measured) || math.IsInf(tr.Measured, 0) || tr.Text == "" {
				t.Fatalf("try %+v", tr)
			}
		}
	})
}
