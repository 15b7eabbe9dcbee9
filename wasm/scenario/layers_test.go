package scenario

import (
	"os/exec"
	"strings"
	"testing"
)

func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	return strings.Fields(string(out))
}

func matches(dep, rule string) bool {
	if strings.HasSuffix(rule, "/") {
		return strings.HasPrefix(dep, rule)
	}
	return dep == rule || strings.HasPrefix(dep, rule+"/")
}

// The layering rules of the architecture: the model and the language are
// pure Go that tests natively and never reach up into views or the browser,
// and the simulation never reads the wall clock or unseeded randomness.
func TestLayers(t *testing.T) {
	everywhere := []string{"syscall/js", "github.com/hajimehoshi/ebiten", "github.com/yuin/goldmark"}
	layers := map[string][]string{
		"looplab/wasm/trace":     {"looplab/wasm/"},
		"looplab/wasm/sim":       {"looplab/wasm/py", "looplab/wasm/scenario", "looplab/wasm/load", "looplab/wasm/textview"},
		"looplab/wasm/py/syntax": {"looplab/wasm/"},
		"looplab/wasm/py":        {"looplab/wasm/scenario", "looplab/wasm/textview"},
		"looplab/wasm/load":      {"looplab/wasm/py", "looplab/wasm/sim", "looplab/wasm/scenario"},
		"looplab/wasm/scenario":  {"looplab/wasm/textview"},
		"looplab/wasm/textview":  {"looplab/wasm/sim", "looplab/wasm/py"},
	}
	for pkg, banned := range layers {
		for _, dep := range goList(t, "-deps", pkg) {
			for _, rule := range append(banned, everywhere...) {
				if dep != pkg && matches(dep, rule) {
					t.Errorf("%s depends on %s, which its layer must not", pkg, dep)
				}
			}
		}
	}
	// Determinism: no wall clock, no global randomness, in the model.
	for _, pkg := range []string{"looplab/wasm/sim", "looplab/wasm/py", "looplab/wasm/py/syntax", "looplab/wasm/trace"} {
		for _, imp := range goList(t, "-f", `{{join .Imports " "}}`, pkg) {
			if imp == "time" || imp == "math/rand" || imp == "math/rand/v2" || imp == "crypto/rand" {
				t.Errorf("%s imports %s: the simulation must use virtual time and the seeded generator", pkg, imp)
			}
		}
	}
}
