package site

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// miniWeb is a web folder with what Build needs besides the scripts
// under test: the page template and one lesson.
func miniWeb(t *testing.T, files map[string]string) (web, content, index string) {
	t.Helper()
	root := t.TempDir()
	web, content = filepath.Join(root, "web"), filepath.Join(root, "content")
	for name, body := range files {
		p := filepath.Join(web, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, content, map[string]string{"01-one.md": "---\ntitle: One\nsummary: s\n---\n\n" +
		"```scenario\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n```\n"})
	index = filepath.Join(root, "index.html")
	writeFiles(t, root, map[string]string{"index.html": `<!doctype html><html lang="en"><script src="app.js" defer></script>{{.First.Title}}`})
	return web, content, index
}

// buildWeb builds a site from web and returns its files by name.
func buildWeb(t *testing.T, web, content, index, nodeModules string) (map[string]string, error) {
	t.Helper()
	tmp := t.TempDir()
	writeFiles(t, tmp, map[string]string{"looplab.wasm": "stand-in", "wasm_exec.js": "// go"})
	out := filepath.Join(tmp, "site")
	err := Build(Options{Content: content, Web: web, Index: index, NodeModules: nodeModules,
		WasmExec: filepath.Join(tmp, "wasm_exec.js"), Wasm: filepath.Join(tmp, "looplab.wasm"), Out: out})
	if err != nil {
		return nil, err
	}
	got := map[string]string{}
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	return got, err
}

// iife is how esbuild's minified IIFE opens: one function, no module
// syntax left.
var iife = regexp.MustCompile(`^\(\(\)=>\{`)

func TestAppBundledFromModules(t *testing.T) {
	t.Parallel()
	web, content, index := miniWeb(t, map[string]string{
		"app.js":      "window.legacy = true;",
		"src/main.js": "import { flag } from \"./flag.js\";\nwindow.looplabBundled = flag();\n",
		"src/flag.js": "// a comment the minifier drops\nexport function flag() { return document.title !== 1; }\n",
		"editor/x.js": "export const x = 1;",
	})
	files, err := buildWeb(t, web, content, index, "")
	if err != nil {
		t.Fatal(err)
	}
	app := files["app.js"]
	if !iife.MatchString(app) || !strings.Contains(app, "window.looplabBundled=") || strings.Contains(app, "legacy") {
		t.Errorf("app.js is not the IIFE bundle of src/main.js:\n%s", app)
	}
	if regexp.MustCompile(`\bimport\b|\bexport\b|a comment`).MatchString(app) {
		t.Errorf("app.js keeps module syntax or comments:\n%s", app)
	}
	if !strings.HasSuffix(strings.TrimSpace(app), "//# sourceMappingURL=app.js.map") {
		t.Errorf("app.js does not link its map:\n%s", app)
	}
	// The map names the sources as the site's folders do, never by a
	// path of the machine that built it.
	var m struct{ Sources []string }
	if err := json.Unmarshal([]byte(files["app.js.map"]), &m); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Sources, []string{"src/flag.js", "src/main.js"}) {
		t.Errorf("app.js.map sources %q, want src/flag.js and src/main.js", m.Sources)
	}
	for name := range files {
		if strings.HasPrefix(name, "src/") || strings.HasPrefix(name, "editor/") {
			t.Errorf("the site has %s: modules reach it only bundled", name)
		}
	}
	runInNode(t, app, "window.looplabBundled === true")
}

// runInNode runs a bundle with a bare window and checks cond after it,
// when Node.js is at hand: the proof that the IIFE runs on its own.
func runInNode(t *testing.T, js, cond string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("node not found: the bundle was checked as text only")
		return
	}
	script := filepath.Join(t.TempDir(), "run.js")
	writeFiles(t, filepath.Dir(script), map[string]string{"run.js": "globalThis.window = globalThis; globalThis.document = {title: ''};\n" +
		js + "\nif (!(" + cond + ")) { console.error(" + strconv.Quote("not "+cond) + "); process.exit(1); }\n"})
	if out, err := exec.Command(node, script).CombinedOutput(); err != nil {
		t.Errorf("the bundle does not run: %v\n%.2000s", err, out)
	}
}

// Until the page's modules land in web/src, app.js is web/app.js as it is.
func TestAppFallsBackToWebAppJS(t *testing.T) {
	t.Parallel()
	legacy := "// the page\n\"use strict\";\n(() => { window.legacy = true; })();\n"
	web, content, index := miniWeb(t, map[string]string{"app.js": legacy})
	files, err := buildWeb(t, web, content, index, "")
	if err != nil {
		t.Fatal(err)
	}
	if files["app.js"] != legacy {
		t.Errorf("app.js is not web/app.js:\n%s", files["app.js"])
	}
	if _, ok := files["app.js.map"]; ok {
		t.Error("a copied app.js has a map")
	}
}

func TestBundleErrorNamesTheLine(t *testing.T) {
	t.Parallel()
	web, content, index := miniWeb(t, map[string]string{"src/main.js": "import \"./gone.js\";\n"})
	_, err := buildWeb(t, web, content, index, "")
	if err == nil || !strings.Contains(err.Error(), "main.js:1:7") || !strings.Contains(err.Error(), "./gone.js") {
		t.Errorf("got %v", err)
	}
}

// esbuild bundles at build time only: the playground's wasm, which
// learners download, must not link it.
func TestEsbuildStaysOutOfTheWasm(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("go", "list", "-deps", "looplab/wasm/cmd/playground")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "syscall/js") {
		t.Fatalf("go list listed no playground: %.200s", out)
	}
	for _, dep := range deps {
		if strings.HasPrefix(dep, "github.com/evanw/esbuild") || dep == "looplab/wasm/site" {
			t.Errorf("the wasm links %s", dep)
		}
	}
}
