package export

import (
	"fmt"
	"slices"
	"strings"

	"looplab/wasm/py"
	"looplab/wasm/scenario"
	"looplab/wasm/trace"
)

// runCommands are the shell commands that run the program, in order:
// compared versions one after the other, A first, each after a comment
// that names it. Python runs as "python3 -m pip" and "python3 -m uvicorn"
// so that the packages go to, and are run by, the same interpreter; a
// virtual environment comes first because many systems' Python (Debian's,
// Homebrew's) refuses a plain pip install (PEP 668).
func runCommands(vs []version) string {
	var cmds []string
	if pkgs := packages(vs); len(pkgs) > 0 {
		cmds = append(cmds,
			"python3 -m venv .venv && . .venv/bin/activate",
			"python3 -m pip install "+strings.Join(pkgs, " "))
	}
	for i, v := range vs {
		if len(vs) > 1 {
			cmds = append(cmds, "# "+v.name())
		}
		run, stop := v.commands()
		cmds = append(cmds, run...)
		if stop != "" {
			cmds = append(cmds, "kill "+stop)
			if i < len(vs)-1 {
				// The next version listens on the same ports: it starts
				// once these have stopped.
				cmds = append(cmds, "wait "+stop)
			}
		}
	}
	return strings.Join(cmds, "\n") + "\n"
}

// commands run one version, leaving what must be stopped afterwards
// ("$server $upstream", or "" for a script).
func (v version) commands() (cmds []string, stop string) {
	var stops []string
	if v.code.upstream {
		cmds = append(cmds,
			fmt.Sprintf("python3 %s %s %s & upstream=$!", upstreamFile, upstreamPort, latency(v.spec.Settings).Text()),
			"sleep 1")
		stops = append(stops, "$upstream")
	}
	env := ""
	if v.debug() != "" {
		env = debugEnv + " "
	}
	if v.in.app {
		cmd := fmt.Sprintf("%spython3 -m uvicorn %s:%s --port 8000", env, v.module(), v.code.appName)
		if w := v.spec.Settings.Workers; w > 1 {
			cmd += fmt.Sprintf(" --workers %d", w)
		}
		cmds = append(cmds, cmd+" & server=$!", "python3 "+clientFile)
		stops = append([]string{"$server"}, stops...)
	} else {
		cmds = append(cmds, env+"python3 "+v.mainFile)
	}
	return cmds, strings.Join(stops, " ")
}

// packages are what pip must install for every version: fastapi and
// uvicorn first, as people write them; then by name.
func packages(vs []version) []string {
	var pkgs []string
	for _, v := range vs {
		for _, p := range v.code.packages {
			if !slices.Contains(pkgs, p) {
				pkgs = append(pkgs, p)
			}
		}
	}
	slices.SortFunc(pkgs, func(a, b string) int { return strings.Compare(pipRank(a), pipRank(b)) })
	return pkgs
}

// latency is how long the simulator lets a call that does not say its own
// delay take, which upstream.py must answer after too.
func latency(set scenario.Settings) trace.Time {
	return py.Settings{Latency: set.Latency}.Defaults().Latency
}
