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
	v, err := newVersion(spec)
	if err != nil {
		return Program{}, err
	}
	return build([]version{v}), nil
}

// Version is one of the two versions compare mode shows, and the name
// the playground gives it ("time.sleep", "with the GIL").
type Version struct {
	Spec  scenario.Spec
	Label string
}

// ExportCompare makes one program of compare mode's two versions: each
// version's code (one file for both when it is the same code), the files
// they share, commands that run A and then B, and a README that says
// which is which. B runs with A's load, as compare mode runs it. An error
// is the first version's that would not run, as the simulator reports it.
func ExportCompare(a, b Version) (Program, error) {
	b.Spec.Load = a.Spec.Load
	va, err := newVersion(a.Spec)
	if err != nil {
		return Program{}, err
	}
	vb, err := newVersion(b.Spec)
	if err != nil {
		return Program{}, err
	}
	va.letter, va.label = "A", cleanLabel(a.Label)
	vb.letter, vb.label = "B", cleanLabel(b.Label)
	return build([]version{va, vb}), nil
}

// build writes the files of one version, or of two compared ones, which
// share the helper, the upstream stand-in and the client (compared
// versions have the same load).
func build(vs []version) Program {
	vs = nameMainFiles(vs)
	p := Program{}
	add := func(name, text string) { p.Files = append(p.Files, File{Name: name, Text: text}) }
	for i, v := range vs {
		if i == 0 || v.mainFile != vs[0].mainFile {
			add(v.mainFile, v.code.exported)
		}
	}
	if anyVersion(vs, func(v version) bool { return v.code.usesCPU }) {
		add(cpuFile, cpuHelper)
	}
	if anyVersion(vs, func(v version) bool { return v.code.upstream }) {
		add(upstreamFile, upstreamServer)
	}
	if first := vs[0]; first.in.app {
		add(clientFile, clientScript(first.in.reqs, first.spec.Load))
		if len(first.in.reqs) <= maxCurl {
			add(curlFile, curlScript(first.in.reqs))
		}
	}
	p.Run = runCommands(vs)
	add(readmeFile, readme(vs, p.Run))
	return p
}

func anyVersion(vs []version, f func(version) bool) bool {
	for _, v := range vs {
		if f(v) {
			return true
		}
	}
	return false
}
