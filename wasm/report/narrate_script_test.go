package report

import (
	"strings"
	"testing"

	"looplab/wasm/scenario"
)

// A script's lines name its threads as they are: its main thread is no
// event loop until asyncio.run makes it one, and the pool jobs it submits
// finish on their worker's lane, not on no lane at all ("?").
func TestNarrationOfAScript(t *testing.T) {
	for _, tc := range []struct{ name, code, want string }{
		{"a lock taken twice, no loop", "import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n",
			"main thread: lock.acquire() blocks main thread"},
		{"a pool job from the main thread",
			"import time\nfrom concurrent.futures import ThreadPoolExecutor\n\nwith ThreadPoolExecutor() as ex:\n    ex.submit(time.sleep, 0.5)\n",
			"pool 1 thread 1: sleep(0.5) finishes"},
		{"the main thread inside asyncio.run", "import asyncio\nimport time\n\nasync def main():\n    time.sleep(1)\n\nasyncio.run(main())\n",
			"Task-1 main(): time.sleep(1) blocks the event loop"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := scenario.Run(scenario.Spec{File: "main.py", Code: tc.code})
			if err != nil {
				t.Fatal(err)
			}
			n := NewNarration(tr)
			var lines []string
			for _, l := range n.Lines(0, n.Len()) {
				lines = append(lines, l.Text)
			}
			text := strings.Join(lines, "\n")
			if !strings.Contains(text, tc.want) || strings.Contains(text, "?:") {
				t.Errorf("narration:\n%s\nwant a line %q and no '?:'", text, tc.want)
			}
		})
	}
}
