// Command ebitenoverlay writes the file the go command's -overlay flag
// reads (go help build) so that the playground's wasm, and make bench's
// least Ebitengine program beside it, are built with a few of
// Ebitengine's source files replaced by the patched copies in testdata/
// (under the paths they have in Ebitengine's module). Each leaves out code
// the browser never runs: 0.46 MB of brotli in all.
//
//   - internal/builtinshader/shader.go and internal/colormshader/shader.go:
//     the built-in shaders' sources written out instead of produced by
//     text/template, whose reflection (MethodByName) makes the linker keep
//     every exported method of every type reachable through an interface.
//     The texts are the templates', byte for byte (TestShadersAreTheTemplates).
//   - internal/debug/caller.go: FirstCaller, which labels debug output with
//     its caller's file, no longer links go/build and os/exec; in the
//     browser the original never finds a caller either.
//   - internal/graphicscommand/image_js.go: DumpImages, reached only by a
//     debugging key (the ebitenginedebug build tag and an environment
//     variable), no longer links archive/zip.
//   - imagedumper.go: the screenshot and image-dump keys, which environment
//     variables name and the page never sets, do nothing, which leaves out
//     the PNG encoder.
//   - internal/vmguest/vmguest.go: without the VM guest's hooks, which only
//     the desktop's guest backend runs, and so without encoding/gob and net.
//
// Each patched file's comment says why in full. Beside each, NAME.sha256
// records the SHA-256 of the original it was made from: when Ebitengine's
// file no longer matches (an upgrade), this command stops the build and
// says which file changed.
//
// The go command refuses to overlay files in the module cache, so the
// overlay instead shows Ebitengine's module at a folder that exists only in
// the overlay (-virtual, build/ebiten-overlay): every file there is the
// module cache's own, except the patched ones. The overlay also replaces
// go.mod, for that build only, with the project's plus a replace directive
// pointing Ebitengine there (written beside -out: build/ebiten-overlay.go.mod).
// Nothing is copied and no other module changes.
//
//	go run ./scripts/ebitenoverlay -ebiten DIR -out build/ebiten-overlay.json   (make site)
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const module = "github.com/hajimehoshi/ebiten/v2"

func main() {
	ebiten := flag.String("ebiten", "", "Ebitengine's module folder (go list -m -f '{{.Dir}}' "+module+"); asked of the go command when empty")
	patches := flag.String("patches", "scripts/ebitenoverlay/testdata", "the patched copies, under the paths they replace")
	out := flag.String("out", "build/ebiten-overlay.json", "the overlay file to write; its go.mod is written beside it, with .go.mod for .json")
	virtual := flag.String("virtual", "build/ebiten-overlay", "the folder, never created, where the overlay shows Ebitengine's module")
	flag.Parse()
	if err := run(*ebiten, *patches, *out, *virtual); err != nil {
		fmt.Fprintln(os.Stderr, "ebitenoverlay:", err)
		os.Exit(1)
	}
}

func run(ebiten, patches, out, virtual string) error {
	if ebiten == "" {
		dir, err := moduleDir()
		if err != nil {
			return err
		}
		ebiten = dir
	}
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	gomod := strings.TrimSuffix(out, ".json") + ".go.mod"
	o, mod, err := overlay(ebiten, patches, "go.mod", virtual, gomod)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(gomod, mod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(out, o, 0o644)
}

// moduleDir asks the go command where Ebitengine's module is, downloading
// it first on a machine that has not yet (go list -m names no folder for
// a module that is not in the cache).
func moduleDir() (string, error) {
	b, err := exec.Command("go", "mod", "download", "-json", module).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v", module, err)
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(b, &m); err != nil {
		return "", fmt.Errorf("go mod download %s: %v", module, err)
	}
	if m.Dir == "" {
		return "", fmt.Errorf("go mod download %s: no folder: %s", module, m.Error)
	}
	return m.Dir, nil
}

// overlay checks every patch against the original it replaces and returns
// the overlay file's JSON and the go.mod it shows at mainMod, to be
// written at gomod: Ebitengine's module (at ebiten) shown at virtual with
// the patches in place, and mainMod replacing Ebitengine with it.
func overlay(ebiten, patches, mainMod, virtual, gomod string) (jsonText, goMod []byte, err error) {
	abs := func(p string) string {
		if err == nil {
			p, err = filepath.Abs(p)
		}
		return p
	}
	patches, mainMod, virtual, gomod = abs(patches), abs(mainMod), abs(virtual), abs(gomod)
	if err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(virtual); err == nil {
		return nil, nil, fmt.Errorf("%s exists: the overlay shows Ebitengine's module there, so it must not", virtual)
	}
	files, err := patchedFiles(patches)
	if err != nil {
		return nil, nil, err
	}
	replace := map[string]string{}
	// The module as it is...
	err = filepath.WalkDir(ebiten, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(ebiten, path)
		replace[filepath.Join(virtual, rel)] = path
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	// ...but for the patched files.
	for _, rel := range files {
		orig := filepath.Join(ebiten, rel)
		patch := filepath.Join(patches, rel)
		if err := checkOriginal(orig, patch+".sha256", filepath.ToSlash(rel)); err != nil {
			return nil, nil, err
		}
		replace[filepath.Join(virtual, rel)] = patch
	}
	goMod, err = replaceModule(mainMod, virtual)
	if err != nil {
		return nil, nil, err
	}
	replace[mainMod] = gomod
	jsonText, err = json.MarshalIndent(struct{ Replace map[string]string }{replace}, "", "\t")
	return jsonText, goMod, err
}

// replaceModule returns the go.mod at path with a replace directive that
// points Ebitengine, whatever its version, at dir. The path it gives is
// relative, as the wasm's build information quotes it: the same wasm
// wherever the repository is.
func replaceModule(path, dir string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(filepath.Dir(path), dir)
	if err != nil {
		return nil, err
	}
	if rel = filepath.ToSlash(rel); !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	for line := range strings.Lines(string(b)) {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "replace"))
		if len(f) > 1 && f[0] == module && (f[1] == "=>" || len(f) > 2 && f[2] == "=>") {
			return nil, fmt.Errorf("%s already replaces %s", path, module)
		}
	}
	return fmt.Appendf(b, "\n// Added by scripts/ebitenoverlay, for the wasm build only.\nreplace %s => %s\n", module, rel), nil
}

// patchedFiles lists the .go files under patches, relative to it; each
// must have its .sha256 beside it.
func patchedFiles(patches string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(patches, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		if _, err := os.Stat(path + ".sha256"); err != nil {
			return fmt.Errorf("%s has no %s.sha256 beside it (the SHA-256 of the Ebitengine file it was made from)", path, filepath.Base(path))
		}
		rel, err := filepath.Rel(patches, path)
		files = append(files, rel)
		return err
	})
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no patched files under %s", patches)
	}
	return files, err
}

// checkOriginal fails unless the file at orig is the one the patch was
// made from: its SHA-256 is the one recorded in sumFile.
func checkOriginal(orig, sumFile, rel string) error {
	b, err := os.ReadFile(sumFile)
	if err != nil {
		return err
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return fmt.Errorf("%s is empty", sumFile)
	}
	want := fields[0]
	patch := strings.TrimSuffix(sumFile, ".sha256")
	src, err := os.ReadFile(orig)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("Ebitengine no longer has %s (%s), which %s patches: "+
			"port the patch to where the code went, or delete the patch and its .sha256 to build with Ebitengine's own code", rel, orig, patch)
	}
	if err != nil {
		return err
	}
	sum := sha256.Sum256(src)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("Ebitengine's %s changed (%s has SHA-256 %s; the patch was made from %s). "+
			"Redo the patch on the new file (the comment at the top of %s says what it changes), "+
			"then record the new file's SHA-256 in %s; or delete both to build with Ebitengine's own file",
			rel, orig, got, want, patch, sumFile)
	}
	return nil
}
