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

// readme is the run note: what each file is (and in compare mode which
// version is which), how to run it, and what of the scenario's settings
// the commands cannot reproduce by themselves.
func readme(vs []version, run string) string {
	var b strings.Builder
	b.WriteString(intro(vs))
	b.WriteString("## Files\n\n")
	for _, f := range fileNotes(vs) {
		b.WriteString("- " + f + "\n")
	}
	b.WriteString("\n## Run\n\n")
	if len(vs) > 1 {
		b.WriteString("The commands run A, then B, each after a comment that names it.\n\n")
	}
	b.WriteString("```sh\n" + run + "```\n")
	if first := vs[0]; first.in.app {
		b.WriteString("\n" + curlNote(first.in.reqs) + "\n")
	}
	for i, group := range allNotes(vs) {
		if len(group) == 0 {
			continue
		}
		if i == 0 {
			b.WriteString("\n## Notes\n\n")
		} else {
			b.WriteString("\n## Notes on " + vs[i-1].name() + "\n\n")
		}
		for _, n := range group {
			b.WriteString("- " + n + "\n")
		}
	}
	return b.String()
}

// intro is the README's title and first paragraph, and in compare mode
// which file is which version's.
func intro(vs []version) string {
	var b strings.Builder
	kind, app := "an asyncio script", vs[0].in.app
	if app {
		kind = "a FastAPI app"
	}
	if len(vs) == 1 {
		b.WriteString("# A LoopLab scenario, to run for real\n\n")
		fmt.Fprintf(&b, "This is %s from LoopLab, exported to run unmodified on CPython 3.11 or later", kind)
	} else {
		b.WriteString("# Two versions of a LoopLab scenario, to run for real\n\n")
		fmt.Fprintf(&b, "This is %s from LoopLab in the two versions the playground compared, %s and %s, exported to run unmodified on CPython 3.11 or later", kind, vs[0].name(), vs[1].name())
	}
	if app {
		b.WriteString(" with FastAPI and uvicorn")
	}
	if len(vs) == 1 {
		b.WriteString(". Run it and compare what it prints with what the playground predicted.\n\n")
		return b.String()
	}
	b.WriteString(". Run both and compare what each prints with what the playground predicted for it.\n\n")
	b.WriteString("## Versions\n\n")
	for _, v := range vs {
		fmt.Fprintf(&b, "- %s: `%s`\n", v.name(), v.mainFile)
	}
	if sameCode(vs) {
		b.WriteString("\nBoth run the same code, with different settings.\n")
	}
	return b.String() + "\n"
}

func fileNotes(vs []version) []string {
	var notes []string
	for i, v := range vs {
		if i > 0 && sameCode(vs) {
			break
		}
		notes = append(notes, mainNote(v, vs))
	}
	anyCPU := anyVersion(vs, func(v version) bool { return v.code.usesCPU })
	anyUpstream := anyVersion(vs, func(v version) bool { return v.code.upstream })
	if anyCPU {
		notes = append(notes, "`"+cpuFile+"`: `cpu(seconds)`, CPU-bound work that takes that many seconds of its own thread's CPU time, as in the simulator")
	}
	if anyUpstream {
		notes = append(notes, "`"+upstreamFile+"`: a stand-in for the service at http://upstream: `/delay/N` answers after N seconds, anything else after the scenario's latency")
	}
	if in := vs[0].in; in.app {
		notes = append(notes, fmt.Sprintf("`%s`: sends the scenario's load (%s) at its times and prints each response's latency, one line per request", clientFile, plural(len(in.reqs), "request")))
		if len(in.reqs) <= maxCurl {
			notes = append(notes, "`"+curlFile+"`: the same load as curl commands")
		}
	}
	return notes
}

// mainNote says what a version's main file is and what the export
// changed in it.
func mainNote(v version, vs []version) string {
	whose := "the scenario's code"
	switch {
	case sameCode(vs):
		whose = "the code of both versions"
	case len(vs) > 1:
		whose = "the code of version " + v.name()
	}
	main := fmt.Sprintf("`%s`: %s", v.mainFile, whose)
	if v.in.app {
		main += fmt.Sprintf(", served by uvicorn as `%s:%s`", v.module(), v.code.appName)
	}
	added, why := "", ""
	switch code := v.code; {
	case code.usesCPU && code.seedsRandom:
		added, why = cpuImport+"; "+randomSeed, " It seeds random with 0, as the playground does, so the numbers it draws are the stage's."
	case code.usesCPU:
		added = cpuImport
	case code.seedsRandom:
		added, why = randomSeed, " It seeds random with 0, as the playground does, so the numbers it draws are the stage's."
	}
	switch {
	case added != "" && v.code.upstream:
		main += ". The export added its first line, `" + added + "` (so line numbers are one more than in the playground), and wrote " + upstreamURL + " where the code said http://upstream." + why
	case added != "":
		main += ". The export added its first line, `" + added + "` (so line numbers are one more than in the playground)." + why
	case v.code.upstream:
		main += ". The export wrote " + upstreamURL + " where the code said http://upstream."
	default:
		main += ", unchanged."
	}
	return main
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

// allNotes are the notes for every version, then each version's own: a
// lone scenario's are all in the first group; of compared versions', a
// note both have is written once, in the first group, and the others in
// their version's.
func allNotes(vs []version) [][]string {
	if len(vs) == 1 {
		return [][]string{versionNotes(vs[0])}
	}
	a, b := versionNotes(vs[0]), versionNotes(vs[1])
	groups := make([][]string, 3)
	for _, n := range a {
		if slices.Contains(b, n) {
			groups[0] = append(groups[0], n)
		} else {
			groups[1] = append(groups[1], n)
		}
	}
	for _, n := range b {
		if !slices.Contains(a, n) {
			groups[2] = append(groups[2], n)
		}
	}
	return groups
}

func versionNotes(v version) []string {
	notes := settingNotes(v.code, v.spec.Settings)
	if why := v.debug(); why != "" {
		notes = append(notes, debugNote(why, v.in.app))
	}
	return notes
}

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
