package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// FuzzRun feeds arbitrary code and loads through the whole pipeline, with
// settings drawn from knobs: nothing may panic or hang, errors must be
// positioned *Error values, and every trace must keep the invariants.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.py"))
	for _, file := range files {
		code, _ := os.ReadFile(file)
		load, _ := os.ReadFile(strings.TrimSuffix(file, ".py") + ".load")
		f.Add(string(code), string(load), uint8(0))
	}
	chunks, _ := os.ReadFile(filepath.Join("testdata", "apps.chunks"))
	for i, ch := range strings.Split(string(chunks), "### ")[1:] {
		_, body, _ := strings.Cut(ch, "\n")
		code, rest, _ := strings.Cut(body, "--- load\n")
		load, _, _ := strings.Cut(rest, "--- ")
		f.Add(code, load, uint8(i))
	}
	// the interpreter's own programs: the language and its libraries
	pyChunks, _ := filepath.Glob(filepath.Join("..", "py", "testdata", "*.chunks"))
	for _, file := range pyChunks {
		data, _ := os.ReadFile(file)
		for i, ch := range strings.Split(string(data), "### ")[1:] {
			_, body, _ := strings.Cut(ch, "\n")
			code, _, _ := strings.Cut(body, "--- ")
			f.Add(code, "", uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, code, load string, knobs uint8) {
		tr, err := Run(Spec{Code: code, Load: load, Settings: fuzzSettings(knobs)})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg == "" {
				t.Fatalf("error %q is not a positioned *Error", err)
			}
			return
		}
		for _, p := range invariants(tr) {
			t.Error(p)
		}
	})
}

// fuzzSettings turns a byte into settings: workers 1 to 3, cores 1 to 4,
// the GIL or not, two switch intervals, a seed; and limits low enough
// that a runaway input stops in a few milliseconds.
func fuzzSettings(knobs uint8) Settings {
	set := Settings{
		Workers:      1 + int(knobs%3),
		Cores:        1 + int(knobs/3%4),
		FreeThreaded: knobs/12%2 == 1,
		Seed:         uint64(knobs/48 + 1),
		Limits:       Limits{Steps: 100_000, Events: 50_000, Time: 600 * trace.Second},
	}
	if knobs/24%2 == 1 {
		set.SwitchInterval = trace.Millisecond
	}
	return set
}
