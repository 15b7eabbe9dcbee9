package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tinySite is a built site in miniature: the pages name the assets the
// way the real ones do, and stage.js names the wasm.
func tinySite(wasm string) map[string]string {
	return map[string]string{
		"index.html":   `<!doctype html><html lang="en"><link rel="stylesheet" href="style.css"><script src="app.js" defer></script><iframe src="stage.html"></iframe>`,
		"stage.html":   `<script src="wasm_exec.js"></script><script src="stage.js" defer></script>`,
		"style.css":    `body { background: url("favicon.svg") }`,
		"app.js":       `// app`,
		"stage.js":     `fetch("looplab.wasm")`,
		"wasm_exec.js": `// go`,
		"looplab.wasm": wasm,
		"favicon.svg":  `<svg/>`,
	}
}

func distOf(t *testing.T, wasm string) (string, map[string]string) {
	t.Helper()
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "dist")
	writeFiles(t, src, tinySite(wasm))
	if err := Dist(src, out); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(b)
	}
	return out, got
}

// named finds the hashed name of an asset.
func named(t *testing.T, files map[string]string, base, ext string) string {
	t.Helper()
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `\.[0-9a-f]{10}\.` + ext + `$`)
	for name := range files {
		if re.MatchString(name) {
			return name
		}
	}
	t.Fatalf("no hashed %s.%s among %v", base, ext, sortedKeys(files))
	return ""
}

func TestDist(t *testing.T) {
	_, files := distOf(t, "\x00asm v1")
	wasm, stageJS := named(t, files, "looplab", "wasm"), named(t, files, "stage", "js")
	css, app, icon := named(t, files, "style", "css"), named(t, files, "app", "js"), named(t, files, "favicon", "svg")
	checks := []struct{ file, want string }{
		{stageJS, `fetch("` + wasm + `")`},
		{css, `url("` + icon + `")`},
		{"index.html", `href="` + css + `"`},
		{"index.html", `src="` + app + `"`},
		{"index.html", `src="stage.html"`}, // pages keep their names
		{"index.html", `data-sw="sw.js"`},
		{"stage.html", `src="` + stageJS + `"`},
		{"sw.js", `"` + wasm + `"`},
		{"sw.js", `"index.html"`},
		{"_headers", "/" + wasm + "\n  Cache-Control: public, max-age=31536000, immutable"},
		{"_headers", "/index.html\n  Cache-Control: no-cache"},
		{"_headers", "script-src 'self' 'wasm-unsafe-eval'"},
	}
	for _, c := range checks {
		if !strings.Contains(files[c.file], c.want) {
			t.Errorf("%s lacks %q:\n%s", c.file, c.want, files[c.file])
		}
	}
	for name, body := range files {
		for _, old := range []string{`"looplab.wasm"`, `"style.css"`, `"app.js"`, `"stage.js"`, `"favicon.svg"`, `"wasm_exec.js"`} {
			if strings.Contains(body, old) {
				t.Errorf("%s still names %s", name, old)
			}
		}
		if compressible[filepath.Ext(name)] {
			for _, enc := range []string{".br", ".gz"} {
				if _, ok := files[name+enc]; !ok {
					t.Errorf("%s has no %s copy", name, enc)
				}
			}
		}
	}
}

// A change to the wasm renames it and, through the reference, stage.js;
// files that do not name it keep their names, so caches stay warm.
func TestDistHashesFollowContent(t *testing.T) {
	_, a := distOf(t, "\x00asm v1")
	_, b := distOf(t, "\x00asm v2")
	if named(t, a, "looplab", "wasm") == named(t, b, "looplab", "wasm") {
		t.Error("the wasm changed but kept its name")
	}
	if named(t, a, "stage", "js") == named(t, b, "stage", "js") {
		t.Error("stage.js names a new wasm but kept its name")
	}
	if named(t, a, "app", "js") != named(t, b, "app", "js") {
		t.Error("app.js did not change but was renamed")
	}
	if a["sw.js"] == b["sw.js"] {
		t.Error("the service worker's cache version did not change")
	}
}

func TestDistNeedsABuiltSite(t *testing.T) {
	err := Dist(t.TempDir(), filepath.Join(t.TempDir(), "dist"))
	if err == nil || !strings.Contains(err.Error(), "build the site first") {
		t.Errorf("got %v", err)
	}
}

// The server sends a year's caching for hashed names only.
func TestHashedName(t *testing.T) {
	for name, want := range map[string]bool{
		"/app.7240ec308a.js": true, "/looplab.4248a9d867.wasm": true,
		"/app.js": false, "/index.html": false, "/app.7240ec308.js": false, "/app.7240EC308A.js": false,
	} {
		if got := HashedName.MatchString(name); got != want {
			t.Errorf("%s: got %v", name, got)
		}
	}
}

// Files dist leaves as they are keep the build's compressed copies (the
// wasm's brotli takes most of a minute); rewritten ones get new copies.
func TestDistReusesCompressedCopies(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "dist")
	site := tinySite("\x00asm v1")
	writeFiles(t, src, site)
	// Fixed times, not the clock's: the compressed copies were written an
	// hour after their sources, as a build does.
	built := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	later := built.Add(time.Hour)
	for name := range site {
		if err := os.Chtimes(filepath.Join(src, name), built, built); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range map[string]string{"looplab.wasm.br": "built br", "looplab.wasm.gz": "built gz", "stage.js.br": "stale"} {
		writeFiles(t, src, map[string]string{name: body})
		if err := os.Chtimes(filepath.Join(src, name), later, later); err != nil {
			t.Fatal(err)
		}
	}
	if err := Dist(src, out); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(out, e.Name()))
		files[e.Name()] = string(b)
	}
	wasm := named(t, files, "looplab", "wasm")
	if files[wasm+".br"] != "built br" || files[wasm+".gz"] != "built gz" {
		t.Errorf("the wasm was compressed again: %q", files[wasm+".br"])
	}
	if js := named(t, files, "stage", "js"); files[js+".br"] == "stale" {
		t.Error("stage.js was rewritten but kept the build's brotli")
	}
}

// The build's source maps serve developers; dist leaves them and the
// comments that link them out, so the service worker does not fetch them.
func TestDistDropsSourceMaps(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "dist")
	site := tinySite("\x00asm v1")
	site["app.js"] = "(()=>{window.a=1})();\n//# sourceMappingURL=app.js.map\n"
	site["app.js.map"] = `{"version":3,"sources":["src/main.js"]}`
	writeFiles(t, src, site)
	if err := Dist(src, out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(out)
	files := map[string]string{}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(out, e.Name()))
		files[e.Name()] = string(b)
	}
	for name := range files {
		if strings.Contains(name, ".map") {
			t.Errorf("dist has %s", name)
		}
	}
	if app := files[named(t, files, "app", "js")]; app != "(()=>{window.a=1})();" {
		t.Errorf("app.js in dist: %q", app)
	}
	if strings.Contains(files["sw.js"], `.map"`) {
		t.Error("the service worker keeps a map")
	}
}
