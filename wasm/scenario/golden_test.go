package scenario

import (
	"flag"
	"looplab/wasm/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"looplab/wasm/textview"
	"looplab/wasm/trace"
)

var update = flag.Bool("update", false, "rewrite the golden timelines in testdata/golden")

// runExample simulates testdata/golden/NAME.py with NAME.load if present.
func runExample(t *testing.T, name string, set Settings) *trace.Trace {
	t.Helper()
	dir := filepath.Join("testdata", "golden")
	code, err := os.ReadFile(filepath.Join(dir, name+".py"))
	if err != nil {
		t.Fatal(err)
	}
	spec := Spec{File: name + ".py", Code: string(code), LoadFile: name + ".load", Settings: set}
	if l, err := os.ReadFile(filepath.Join(dir, name+".load")); err == nil {
		spec.Load = string(l)
	}
	tr, err := Run(spec)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestGoldenTimelines compares each example's timeline with its golden file.
func TestGoldenTimelines(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.py"))
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run(name, func(t *testing.T) {
			got := textview.Render(runExample(t, name, Settings{}), 100)
			path := filepath.Join("testdata", "golden", name+".golden")
			golden.Check(t, path, got, *update)
		})
	}
}

// TestSameInputSameTrace runs each example twice and compares the JSON bytes.
func TestSameInputSameTrace(t *testing.T) {
	for _, name := range []string{"factorize", "threadpool_full", "three_ways"} {
		a, _ := runExample(t, name, Settings{Workers: 2}).JSON()
		b, _ := runExample(t, name, Settings{Workers: 2}).JSON()
		if string(a) != string(b) {
			t.Errorf("%s: two runs gave different traces", name)
		}
	}
}
