// Package export turns a LoopLab scenario into a program a learner can run
// for real: the app or script as files for CPython 3.11+ with FastAPI and
// uvicorn, the helper that provides cpu(), a stand-in for the upstream
// service when the code calls one, a client that sends the scenario's load,
// and a note saying how to run it all. The simulator claims to predict
// what the real thing does; this lets a learner check that claim.
//
// The export follows scripts/fidelity, which runs the same scenarios on real
// CPython to measure the simulator: the same cpu() helper, the same
// upstream server, and the same rewrite of http://upstream.
package export

import (
	"looplab/wasm/scenario"
)

// File is one file of an exported program.
type File struct {
	Name string // a bare file name, "app.py"
	Text string
}

// Program is a scenario as files a learner can run: the app or script, the
// helper providing cpu(), a client reproducing the load, and a README-ish
// run note.
type Program struct {
	Files []File
	// Run is the shell commands that run it, in order, one a line.
	Run string
}

// Export makes the program for a scenario. A scenario that would not run
// in the simulator is not exported: its error is a *scenario.Error with
// the file and position the simulator reports.
func Export(spec scenario.Spec) (Program, error) {
	in, err := check(spec)
	if err != nil {
		return Program{}, err
	}
	code := analyze(in.mod, spec.Code, in.app)
	p := Program{}
	add := func(name, text string) { p.Files = append(p.Files, File{Name: name, Text: text}) }
	add(in.mainFile(), code.exported)
	if code.usesCPU {
		add(cpuFile, cpuHelper)
	}
	if code.upstream {
		add(upstreamFile, upstreamServer)
	}
	if in.app {
		add(clientFile, clientScript(in.reqs, spec.Load))
		if len(in.reqs) <= maxCurl {
			add(curlFile, curlScript(in.reqs))
		}
	}
	p.Run = runCommands(in, code, spec.Settings)
	add(readmeFile, readme(in, code, spec.Settings, p.Run))
	return p, nil
}
