package scenario

import (
	"strings"
	"testing"
)

// Runaway scenarios stop at a limit with a message that names it.
func TestLimits(t *testing.T) {
	loop := "total = 0\nfor i in range(1000000):\n    total += i\n"
	_, err := Run(Spec{File: "busy.py", Code: loop, Settings: Settings{Limits: Limits{Steps: 10_000}}})
	if err == nil || !strings.HasPrefix(err.Error(), "busy.py:3:") || !strings.Contains(err.Error(), "step limit") {
		t.Errorf("step limit: got %v", err)
	}

	sleepy := "import time\ntime.sleep(36000)\nprint('woke')\n"
	tr, err := Run(Spec{Code: sleepy})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tr.Stopped, "time limit of 3600 s") || len(tr.Prints) != 0 {
		t.Errorf("time limit: stopped %q, prints %v", tr.Stopped, tr.Prints)
	}

	chatty := "import asyncio\n\nasync def main():\n    for _ in range(100000):\n        await asyncio.sleep(0.001)\n\nasyncio.run(main())\n"
	tr, err = Run(Spec{Code: chatty, Settings: Settings{Limits: Limits{Events: 5000}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tr.Stopped, "event limit") || len(tr.Pending) == 0 {
		t.Errorf("event limit: stopped %q, pending %v", tr.Stopped, tr.Pending)
	}
}
