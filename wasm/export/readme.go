package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"looplab/wasm/load"
	"looplab/wasm/scenario"
	"looplab/wasm/trace"
)

// readme is the run note: what each file is, how to run it, and what of
// the scenario's settings the commands cannot reproduce by themselves.
func readme(in input, code source, set scenario.Settings, run string) string {
	var b strings.Builder
	b.WriteString("# A LoopLab scenario, to run for real\n\n")
	kind := "an asyncio script"
	if in.app {
		kind = "a FastAPI app"
	}
	fmt.Fprintf(&b, "This is %s from LoopLab, exported to run unmodified on CPython 3.11 or later", kind)
	if in.app {
		b.WriteString(" with FastAPI and uvicorn")
	}
	b.WriteString(". Run it and compare what it prints with what the playground predicted.\n\n")
	b.WriteString("## Files\n\n")
	for _, f := range fileNotes(in, code) {
		b.WriteString("- " + f + "\n")
	}
	b.WriteString("\n## Run\n\n```sh\n" + run + "```\n")
	if in.app {
		b.WriteString("\n" + curlNote(in.reqs) + "\n")
	}
	if notes := settingNotes(code, set); len(notes) > 0 {
		b.WriteString("\n## Notes\n\n")
		for _, n := range notes {
			b.WriteString("- " + n + "\n")
		}
	}
	return b.String()
}

func fileNotes(in input, code source) []string {
	main := fmt.Sprintf("`%s`: the scenario's code", in.mainFile())
	if in.app {
		main += fmt.Sprintf(", served by uvicorn as `app:%s`", code.appName)
	}
	switch {
	case code.usesCPU && code.upstream:
		main += ". The export added its first line, `from looplab_cpu import cpu` (so line numbers are one more than in the playground), and wrote " + upstreamURL + " where the code said http://upstream."
	case code.usesCPU:
		main += ". The export added its first line, `from looplab_cpu import cpu` (so line numbers are one more than in the playground)."
	case code.upstream:
		main += ". The export wrote " + upstreamURL + " where the code said http://upstream."
	default:
		main += ", unchanged."
	}
	notes := []string{main}
	if code.usesCPU {
		notes = append(notes, "`"+cpuFile+"`: `cpu(seconds)`, CPU-bound work that takes that many seconds of its own thread's CPU time, as in the simulator")
	}
	if code.upstream {
		notes = append(notes, "`"+upstreamFile+"`: a stand-in for the service at http://upstream: `/delay/N` answers after N seconds, anything else after the scenario's latency")
	}
	if in.app {
		notes = append(notes, fmt.Sprintf("`%s`: sends the scenario's load (%s) at its times and prints each response's latency, one line per request", clientFile, plural(len(in.reqs), "request")))
		if len(in.reqs) <= maxCurl {
			notes = append(notes, "`"+curlFile+"`: the same load as curl commands")
		}
	}
	return notes
}

func curlNote(reqs []load.Request) string {
	if len(reqs) <= maxCurl {
		return "With the app running, `sh " + curlFile + "` sends the same load with curl instead of client.py."
	}
	return fmt.Sprintf("The load has %d requests, too many to write out as curl commands: use client.py.", len(reqs))
}

// realURL finds URLs the code calls other than the upstream stand-in:
// those reach real services, whose latency is theirs, not the scenario's.
var realURL = regexp.MustCompile(`https?://[^\s"'/{}]+`)

func settingNotes(code source, set scenario.Settings) []string {
	var notes []string
	if set.Workers > 1 {
		notes = append(notes, fmt.Sprintf("workers = %d: the uvicorn command has `--workers %d`.", set.Workers, set.Workers))
	}
	if set.Cores > 0 {
		notes = append(notes, fmt.Sprintf("cores = %d: the playground simulated %s. On Linux, put `taskset -c 0-%d` before the python3 that runs the scenario to give it as many.", set.Cores, plural(set.Cores, "core"), set.Cores-1))
	}
	if set.SwitchInterval > 0 && set.SwitchInterval != 5*trace.Millisecond {
		notes = append(notes, fmt.Sprintf("switch_interval = %s: add `import sys; sys.setswitchinterval(%s)` at the top of the code (CPython's default is 0.005).", set.SwitchInterval.Text(), set.SwitchInterval.Text()))
	}
	if set.FreeThreaded {
		notes = append(notes, "free_threaded = true: run it on a free-threaded CPython (python3.13t or python3.14t) with the environment variable PYTHON_GIL=0.")
	}
	if set.Latency > 0 && code.upstream {
		notes = append(notes, fmt.Sprintf("latency = %s: upstream.py answers calls without /delay/N after that long.", set.Latency.Text()))
	}
	if code.hasPackage("asyncpg") {
		notes = append(notes, "asyncpg needs a real PostgreSQL server to connect to; the playground pretended one answers every query after the scenario's latency.")
	}
	var others []string
	for _, u := range realURL.FindAllString(code.exported, -1) {
		if u != upstreamURL && !slices.Contains(others, u) {
			others = append(others, u)
		}
	}
	if len(others) > 0 {
		notes = append(notes, "The code calls "+strings.Join(others, ", ")+" for real; the playground pretended every call took the scenario's latency.")
	}
	return notes
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
