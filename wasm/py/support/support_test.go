package support

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chunkHeads are the chunks of wasm/py/testdata by name, with what their
// head line asks for besides the name (a setting, simulator-only).
func chunkHeads(t *testing.T) (heads, files map[string]string) {
	paths, _ := filepath.Glob("../testdata/*.chunks")
	heads, files = map[string]string{}, map[string]string{}
	for _, f := range paths {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range strings.Split(string(b), "### ")[1:] {
			head, _, _ := strings.Cut(part, "\n")
			name, rest, _ := strings.Cut(head, " ")
			heads[name], files[name] = rest, filepath.Base(f)
		}
	}
	return heads, files
}

// Every program the table names exists and is compared with CPython: a
// chunk that make check-cpython runs (not simulator-only, no setting
// CPython lacks), or an app the fidelity corpus measures.
func TestProgramsExistAndAreChecked(t *testing.T) {
	areas, err := Table()
	if err != nil {
		t.Fatal(err)
	}
	heads, files := chunkHeads(t)
	used := map[string]bool{}
	rows := 0
	for _, a := range areas {
		for _, r := range a.Rows {
			rows++
			for _, p := range r.Programs {
				if p.Fidelity {
					if _, err := os.Stat(filepath.Join("../../scenario/testdata/fidelity", p.Name+".py")); err != nil {
						t.Errorf("support.txt:%d: no fidelity app %s", r.Line, p.Name)
					}
					continue
				}
				rest, ok := heads[p.Name]
				switch {
				case !ok:
					t.Errorf("support.txt:%d: no chunk %s in wasm/py/testdata", r.Line, p.Name)
				case rest != "":
					t.Errorf("support.txt:%d: chunk %s needs %q, so CPython does not check it", r.Line, p.Name, rest)
				}
				used[p.Name] = true
			}
		}
	}
	if rows < 40 {
		t.Errorf("the table has %d rows; it should cover the language and every simulated library", rows)
	}
	// a chunk CPython checks belongs to some row, or the page would not
	// say what it checks (the error messages' chunks check errors, not
	// a row's feature)
	for name, rest := range heads {
		if rest == "" && !used[name] && files[name] != "errors.chunks" {
			t.Errorf("chunk %s (%s) is in no row", name, files[name])
		}
	}
}

func TestParseErrorsHaveLines(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"+ a | b | c", "support.txt:1: a row comes after an \"## Area\" line"},
		{"## A\n\n+ a | b", "support.txt:3: 3 fields separated by |, not 2"},
		{"## A\n- a | b | c", "support.txt:2: 2 fields separated by |, not 3"},
		{"## A\n+  | b | c", "support.txt:2: a row says what and how"},
		{"## A\nx", "support.txt:2: a line is"},
		{"## A\n+ a | b | one two", "support.txt:2: \"one two\" is not a program's name"},
	} {
		_, err := Parse(tc.text)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q", tc.text, err, tc.want)
		}
	}
	areas, err := Parse("## A\n+ x | y | c1, fidelity:f1\n- z | w\n")
	if err != nil || len(areas) != 1 || len(areas[0].Rows) != 2 || areas[0].Rows[0].Programs[1] != (Program{Name: "f1", Fidelity: true}) || areas[0].Rows[1].Simulated {
		t.Errorf("Parse = %+v, %v", areas, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(source)
	f.Add("## A\n+ a | b | c\n- d | e\n")
	f.Fuzz(func(t *testing.T, text string) {
		areas, err := Parse(text)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "support.txt:") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, a := range areas {
			for _, r := range a.Rows {
				if r.What == "" || r.How == "" || r.Line < 1 {
					t.Fatalf("row %+v", r)
				}
			}
		}
	})
}
