package scenario

import (
	"os"
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

func isAllowed(rules []string, rule string) bool {
	for _, r := range rules {
		if r == rule {
			return true
		}
	}
	return false
}

// matches says whether dep falls under rule: "pkg" is pkg and the
// packages below it, "pkg/" only those below, "=pkg" pkg alone.
func matches(dep, rule string) bool {
	if exact, ok := strings.CutPrefix(rule, "="); ok {
		return dep == exact
	}
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
		"looplab/wasm/trace":      {"looplab/wasm/"},
		"looplab/wasm/sim":        {"looplab/wasm/py", "looplab/wasm/scenario", "looplab/wasm/load", "looplab/wasm/textview"},
		"looplab/wasm/py/syntax":  {"looplab/wasm/"},
		"looplab/wasm/py":         {"looplab/wasm/scenario", "looplab/wasm/textview"},
		"looplab/wasm/load":       {"looplab/wasm/py", "looplab/wasm/sim", "looplab/wasm/scenario"},
		"looplab/wasm/scenario":   {"looplab/wasm/textview"},
		"looplab/wasm/textview":   {"looplab/wasm/sim", "looplab/wasm/py"},
		"looplab/wasm/report":     {"looplab/wasm/sim", "looplab/wasm/py", "looplab/wasm/stage"},
		"looplab/wasm/stage/geom": {"looplab/wasm/sim", "looplab/wasm/py", "looplab/wasm/scenario"},
		// The scene models read their constants with the Python parser
		// (syntax), never with the interpreter or the simulator.
		"looplab/wasm/gameloop": {"looplab/wasm/sim", "=looplab/wasm/py", "looplab/wasm/scenario", "looplab/wasm/lesson"},
		"looplab/wasm/pipeline": {"looplab/wasm/sim", "=looplab/wasm/py", "looplab/wasm/scenario", "looplab/wasm/lesson"},
		// The stage draws a trace or a scene model; it never reaches into
		// the simulator.
		"looplab/wasm/stage": {"looplab/wasm/sim", "=looplab/wasm/py", "looplab/wasm/scenario", "looplab/wasm/lesson"},
	}
	// Only these may import the browser, the drawing library or goldmark.
	allowed := map[string][]string{
		"looplab/wasm/stage":  {"github.com/hajimehoshi/ebiten"},
		"looplab/wasm/lesson": {"github.com/yuin/goldmark"},
	}
	for pkg, banned := range layers {
		for _, dep := range goList(t, "-deps", pkg) {
			for _, rule := range append(banned, everywhere...) {
				if dep != pkg && matches(dep, rule) && !isAllowed(allowed[pkg], rule) {
					t.Errorf("%s depends on %s, which its layer must not", pkg, dep)
				}
			}
		}
	}
	// syscall/js only in the playground's entry point, whatever the
	// platform: list the js/wasm build's imports.
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "looplab/...")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list for js/wasm: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			if imp == "syscall/js" && f[0] != "looplab/wasm/cmd/playground" {
				t.Errorf("%s imports syscall/js: only the playground's entry point may", f[0])
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
