package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeOverlay writes the overlay for the Ebitengine at hand, as make
// site does, into a temporary folder, with Ebitengine's module shown in
// another. It returns the overlay file's path, its replacements and
// Ebitengine's module folder.
func writeOverlay(t *testing.T) (path string, replace map[string]string, ebiten string) {
	t.Helper()
	ebiten, err := moduleDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	b, mod, err := overlay(ebiten, "testdata", "../../go.mod", filepath.Join(dir, "ebiten"), filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err) // an Ebitengine file changed: the message says which
	}
	var o struct{ Replace map[string]string }
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, o.Replace, ebiten
}

// goCmd runs the go command with extra environment, in the repository's
// root, and fails the test with its output when it fails.
func goCmd(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// The built-in shaders' sources in the patched copies are, for every
// filter and address, byte for byte what Ebitengine's original templates
// produce. A test (sourcesTest) is added to each of the two Ebitengine
// packages through the overlay and run natively: it calls the patched
// ShaderSource and executes the template it reads from the original
// shader.go in the module cache.
func TestShadersAreTheTemplates(t *testing.T) {
	path, replace, ebiten := writeOverlay(t)
	dir := t.TempDir()
	var virtual string
	for v, actual := range replace {
		if actual == filepath.Join(ebiten, "go.mod") {
			virtual = filepath.Dir(v)
		}
	}
	pkgs := []string{"builtinshader", "colormshader"}
	for _, pkg := range pkgs {
		if replace[filepath.Join(virtual, "internal", pkg, "shader.go")] == filepath.Join(ebiten, "internal", pkg, "shader.go") {
			t.Fatalf("the overlay does not patch internal/%s/shader.go", pkg)
		}
		test := filepath.Join(dir, pkg+"_test.go")
		if err := os.WriteFile(test, fmt.Appendf(nil, sourcesTest, pkg), 0o644); err != nil {
			t.Fatal(err)
		}
		replace[filepath.Join(virtual, "internal", pkg, "zz_looplab_overlay_test.go")] = test
	}
	b, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// The package's folder exists only in the overlay, so go test could
	// not run the test (or vet) there: it is built, then run here.
	args := []string{"test", "-c", "-vet=off", "-overlay", path, "-o", dir}
	for _, pkg := range pkgs {
		args = append(args, module+"/internal/"+pkg)
	}
	goCmd(t, nil, args...)
	for _, pkg := range pkgs {
		cmd := exec.Command(filepath.Join(dir, pkg+".test"), "-test.v", "-test.count=1", "-test.run", "^TestLoopLabOverlaySources$")
		cmd.Env = append(os.Environ(), "LOOPLAB_EBITEN_SHADER="+filepath.Join(ebiten, "internal", pkg, "shader.go"))
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestLoopLabOverlaySources") {
			t.Errorf("internal/%s: %v\n%s", pkg, err, out)
		}
	}
}

// sourcesTest is the test added to Ebitengine's package %s.
const sourcesTest = `package %s

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"testing"
	"text/template"
)

func TestLoopLabOverlaySources(t *testing.T) {
	// Ebitengine's own shader.go, in the module cache.
	src, err := os.ReadFile(os.Getenv("LOOPLAB_EBITEN_SHADER"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "shader.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var text string
	found := 0
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		lit, isLit := call.Args[0].(*ast.BasicLit)
		if ok && sel.Sel.Name == "Parse" && isLit && lit.Kind == token.STRING {
			text, err = strconv.Unquote(lit.Value)
			found++
		}
		return true
	})
	if found != 1 || err != nil {
		t.Fatalf("Ebitengine's shader.go has %%d template texts (%%v), want 1", found, err)
	}
	tmpl := template.Must(template.New("tmpl").Parse(text))
	for filter := Filter(0); filter < FilterCount; filter++ {
		for address := Address(0); address < AddressCount; address++ {
			var want bytes.Buffer
			if err := tmpl.Execute(&want, struct {
				Filter             Filter
				FilterNearest      Filter
				FilterLinear       Filter
				FilterPixelated    Filter
				Address            Address
				AddressUnsafe      Address
				AddressClampToZero Address
				AddressRepeat      Address
			}{
				Filter:             filter,
				FilterNearest:      FilterNearest,
				FilterLinear:       FilterLinear,
				FilterPixelated:    FilterPixelated,
				Address:            address,
				AddressUnsafe:      AddressUnsafe,
				AddressClampToZero: AddressClampToZero,
				AddressRepeat:      AddressRepeat,
			}); err != nil {
				t.Fatal(err)
			}
			for range 2 { // made, then remembered
				if got := ShaderSource(filter, address); !bytes.Equal(got, want.Bytes()) {
					t.Errorf("ShaderSource(%%d, %%d) is not the original template's text:\n got %%q\nwant %%q", filter, address, got, want.Bytes())
					break
				}
			}
		}
	}
}
`

// With the overlay, the wasm no longer links what the patches leave out;
// without it, it does (so the check means something).
func TestOverlayLeavesOut(t *testing.T) {
	path, _, _ := writeOverlay(t)
	js := []string{"GOOS=js", "GOARCH=wasm"}
	gone := []string{"text/template", "go/build", "os/exec", "archive/zip", "encoding/gob", "net"}
	for _, overlay := range []bool{false, true} {
		args := []string{"list", "-deps"}
		if overlay {
			args = append(args, "-overlay", path)
		}
		deps := strings.Fields(goCmd(t, js, append(args, "./wasm/cmd/playground", "./scripts/perf/floor")...))
		for _, pkg := range gone {
			switch linked := slices.Contains(deps, pkg); {
			case overlay && linked:
				t.Errorf("with the overlay, the wasm still links %s", pkg)
			case !overlay && !linked:
				t.Errorf("without the overlay, the wasm no longer links %s: is its patch still needed?", pkg)
			}
		}
	}
}
