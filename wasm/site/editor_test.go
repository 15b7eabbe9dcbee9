package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// editorBudget is the most editor.js may weigh as the site serves it
// (brotli): it arrives when the learner first edits, and a slow phone
// should have it within a second or two.
const editorBudget = 150_000

// realEditor bundles the project's scripts as the site build does and
// returns editor.js, or skips when npm ci has not run (make unit and make
// site run it first; the browser test always has the editor).
func realEditor(t *testing.T) string {
	t.Helper()
	const nodeModules = "../../node_modules"
	if !exists(filepath.Join(nodeModules, "@codemirror", "view")) {
		t.Skip("node_modules is missing: run npm ci at the top of the repository (make unit does) to test the editor's bundle")
	}
	files := map[string][]byte{}
	if err := bundleScripts(Options{Web: "../../web", NodeModules: nodeModules}, files); err != nil {
		t.Fatal(err)
	}
	if _, ok := files["editor.js.map"]; ok {
		t.Error("editor.js has a source map")
	}
	return string(files["editor.js"])
}

func TestEditorBundle(t *testing.T) {
	t.Parallel()
	js := realEditor(t)
	if !iife.MatchString(js) || !strings.Contains(js, "window.looplabEditor=") {
		t.Errorf("editor.js is not an IIFE that sets window.looplabEditor: %.200s", js)
	}
	// style-mod's shadow-root-only test is gone, so the styles go to an
	// adopted sheet that the CSP allows (cspstyles.go).
	if regexp.MustCompile(`!\w+\.head&&\w+\.adoptedStyleSheets`).MatchString(js) || !strings.Contains(js, "adoptedStyleSheets") {
		t.Error("editor.js keeps style-mod's <style> element for documents")
	}
	var br bytes.Buffer
	w := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	w.Write([]byte(js))
	w.Close()
	t.Logf("editor.js: %d bytes, %d brotli", len(js), br.Len())
	if br.Len() > editorBudget {
		t.Errorf("editor.js is %d bytes brotli, over its budget of %d", br.Len(), editorBudget)
	}
	// CodeMirror needs a DOM to start: the browser test runs it.
}

// A site with the editor's source but no npm packages says how to get
// them instead of failing on the first import.
func TestEditorNeedsNodeModules(t *testing.T) {
	t.Parallel()
	web, content, index := miniWeb(t, map[string]string{"editor/main.js": "import \"@codemirror/view\";\n"})
	_, err := buildWeb(t, web, content, index, filepath.Join(t.TempDir(), "node_modules"))
	if err == nil || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("got %v", err)
	}
}

func TestAdoptInDocuments(t *testing.T) {
	src, err := os.ReadFile("../../node_modules/style-mod/src/style-mod.js")
	if err != nil {
		src = []byte("class StyleSet {\n  constructor(root, nonce) {\n    " + styleModTest + " {\n")
	}
	got, err := adoptInDocuments(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "!root.head") || !strings.Contains(got, "if (root.adoptedStyleSheets && win.CSSStyleSheet)") {
		t.Errorf("not patched:\n%s", got)
	}
	if _, err := adoptInDocuments("if (root.adoptedStyleSheets) {}"); err == nil || !strings.Contains(err.Error(), "style-mod changed") {
		t.Errorf("a changed style-mod: %v", err)
	}
}

// The page loads the editor by its quoted name, which dist rewrites to
// the content-hashed one: the minified bundle must keep the quotes.
func TestDistRewritesTheEditorsName(t *testing.T) {
	t.Parallel()
	_, content, index := miniWeb(t, nil)
	files, err := buildWeb(t, "../../web", content, index, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(files["app.js"], `"editor.js"`) {
		t.Fatalf("the bundled app.js does not quote editor.js")
	}
	site, out := t.TempDir(), filepath.Join(t.TempDir(), "dist")
	files["editor.js"] = "window.looplabEditor={}"
	for name, body := range files {
		if !strings.HasSuffix(name, ".br") && !strings.HasSuffix(name, ".gz") {
			writeFiles(t, site, map[string]string{name: body})
		}
	}
	if err := Dist(site, out); err != nil {
		t.Fatal(err)
	}
	dist := map[string]string{}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(out, e.Name()))
		dist[e.Name()] = string(b)
	}
	editor, app := named(t, dist, "editor", "js"), named(t, dist, "app", "js")
	if !strings.Contains(dist[app], `"`+editor+`"`) || strings.Contains(dist[app], `"editor.js"`) {
		t.Errorf("dist's %s does not load %s", app, editor)
	}
}
