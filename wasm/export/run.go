package export

import (
	"fmt"
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/scenario"
	"looplab/wasm/trace"
)

// runCommands are the shell commands that run the program, in order.
// Python runs as "python3 -m pip" and "python3 -m uvicorn" so that the
// packages go to, and are run by, the same interpreter; a virtual
// environment comes first because many systems' Python (Debian's,
// Homebrew's) refuses a plain pip install (PEP 668).
func runCommands(in input, code source, set scenario.Settings) string {
	var cmds []string
	if len(code.packages) > 0 {
		cmds = append(cmds,
			"python3 -m venv .venv && . .venv/bin/activate",
			"python3 -m pip install "+strings.Join(code.packages, " "))
	}
	var stop []string
	if code.upstream {
		cmds = append(cmds,
			fmt.Sprintf("python3 %s %s %s & upstream=$!", upstreamFile, upstreamPort, latency(set).Text()),
			"sleep 1")
		stop = append(stop, "$upstream")
	}
	if in.app {
		cmd := fmt.Sprintf("python3 -m uvicorn app:%s --port 8000", code.appName)
		if set.Workers > 1 {
			cmd += fmt.Sprintf(" --workers %d", set.Workers)
		}
		cmds = append(cmds, cmd+" & server=$!", "python3 "+clientFile)
		stop = append([]string{"$server"}, stop...)
	} else {
		cmds = append(cmds, "python3 "+in.mainFile())
	}
	if len(stop) > 0 {
		cmds = append(cmds, "kill "+strings.Join(stop, " "))
	}
	return strings.Join(cmds, "\n") + "\n"
}

// latency is how long the simulator lets a call that does not say its own
// delay take, which upstream.py must answer after too.
func latency(set scenario.Settings) trace.Time {
	return py.Settings{Latency: set.Latency}.Defaults().Latency
}
