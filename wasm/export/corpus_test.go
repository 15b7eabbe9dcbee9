package export

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"looplab/wasm/lesson"
	"looplab/wasm/scenario"
)

// corpus is every scenario the project ships: the fidelity corpus and
// every scenario block of the course (and its compare version), by name.
func corpus(t *testing.T) map[string]scenario.Spec {
	t.Helper()
	specs := map[string]scenario.Spec{}
	files, _ := filepath.Glob("../scenario/testdata/fidelity/*.py")
	if len(files) == 0 {
		t.Fatal("no fidelity corpus in ../scenario/testdata/fidelity")
	}
	for _, f := range files {
		code, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		spec := scenario.Spec{File: name + ".py", Code: string(code), LoadFile: name + ".load"}
		if b, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".load"); err == nil {
			spec.Load = string(b)
		}
		if spec.Settings, err = corpusSettings(spec.Code); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		specs["fidelity/"+name] = spec
	}
	lessons, err := lesson.CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lessons {
		for _, b := range l.Blocks {
			if !b.Simulated() {
				continue // the game and the pipeline are analogies, not programs to export
			}
			bs, err := b.Specs()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range bs { // s.File is "code" or "compare"
				specs[fmt.Sprintf("%s/block%d-%s", filepath.Base(l.File), b.Index, s.File)] = s
			}
		}
	}
	return specs
}

// corpusSettings reads the "# settings: workers=2" comment that
// scripts/fidelity/fidelity.py reads (the corpus has no settings files).
func corpusSettings(code string) (scenario.Settings, error) {
	for _, line := range strings.Split(code, "\n") {
		if rest, ok := strings.CutPrefix(line, "# settings:"); ok {
			return scenario.ParseSettings(strings.Join(strings.Fields(rest), "\n"))
		}
	}
	return scenario.Settings{}, nil
}

// TestCorpusParses exports every scenario and has CPython's own parser
// read every exported .py file, so nothing the export adds or rewrites
// breaks a program it did not foresee.
func TestCorpusParses(t *testing.T) {
	python := python3(t)
	for name, spec := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Export(spec)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, f := range p.Files {
				path := filepath.Join(dir, f.Name)
				if err := os.WriteFile(path, []byte(f.Text), 0o644); err != nil {
					t.Fatal(err)
				}
				if !strings.HasSuffix(f.Name, ".py") {
					continue
				}
				cmd := exec.Command(python, "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", path)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("%s: python3 cannot parse it: %v\n%s", f.Name, err, out)
				}
			}
		})
	}
}
