package export

import (
	"strings"

	"looplab/wasm/scenario"
)

// version is one program to run: a scenario that passed the simulator's
// checks, what the export found in its code, and in compare mode its
// letter and name.
type version struct {
	spec     scenario.Spec
	in       input
	code     source
	mainFile string // "app.py"; "app_a.py" when compared versions differ
	// letter is "A" or "B" in compare mode, "" for a lone scenario;
	// label is the name the playground gave the version.
	letter, label string
}

func newVersion(spec scenario.Spec) (version, error) {
	in, err := check(spec)
	if err != nil {
		return version{}, err
	}
	return version{spec: spec, in: in, code: analyze(in.mod, spec.Code, in.app), mainFile: in.mainFile()}, nil
}

// module is the main file as uvicorn imports it, "app" in app:app.
func (v version) module() string { return strings.TrimSuffix(v.mainFile, ".py") }

// name is how the README and the commands' comments call a compared
// version: "A (time.sleep)", or "A" when it has no label.
func (v version) name() string {
	if v.label == "" {
		return v.letter
	}
	return v.letter + " (" + v.label + ")"
}

// debug says why the version runs in asyncio's debug mode ("" when it
// does not): its settings, or the call in its code that turns it on.
func (v version) debug() string {
	if v.spec.Settings.AsyncioDebug {
		return debugSetting
	}
	return v.code.debug
}

// nameMainFiles gives compared versions with different code a file each,
// app_a.py and app_b.py, and leaves one file for both when the code is
// the same (only the settings differ), so nothing is written twice.
func nameMainFiles(vs []version) []version {
	if len(vs) < 2 || vs[0].code.exported == vs[1].code.exported {
		return vs
	}
	out := append([]version(nil), vs...)
	for i := range out {
		out[i].mainFile = strings.TrimSuffix(out[i].mainFile, ".py") + "_" + strings.ToLower(out[i].letter) + ".py"
	}
	return out
}

// sameCode says compared versions share their main file.
func sameCode(vs []version) bool { return len(vs) > 1 && vs[0].mainFile == vs[1].mainFile }

// cleanLabel makes a version's name fit on one line of a README and in a
// shell comment: control characters become spaces, runs of space one,
// and a very long name is cut.
func cleanLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}
