package site

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	comment     = regexp.MustCompile(`(?s)<!--.*?-->`)
	tagPattern  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>`)
	attrPattern = regexp.MustCompile(`([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?`)
)

// inlineCode lists what in a page the CSP would refuse or an attacker
// would want: script elements with a body or without a src, style
// elements, event handler and style attributes, srcdoc, plugin elements,
// <base>, and script URLs.
func inlineCode(page string) []string {
	var found []string
	page = comment.ReplaceAllString(page, "")
	tags := tagPattern.FindAllStringSubmatchIndex(page, -1)
	for i, m := range tags {
		closing, tag, attrs := page[m[2]:m[3]] == "/", strings.ToLower(page[m[4]:m[5]]), page[m[6]:m[7]]
		whole := page[m[0]:m[1]]
		if closing {
			continue
		}
		switch tag {
		case "script":
			if !regexp.MustCompile(`(?i)(^|\s)src\s*=`).MatchString(attrs) {
				found = append(found, "inline script: "+whole)
			}
			if i+1 < len(tags) {
				next := tags[i+1]
				if strings.TrimSpace(page[m[1]:next[0]]) != "" || strings.ToLower(page[next[4]:next[5]]) != "script" {
					found = append(found, "script with a body: "+whole)
				}
			}
		case "style", "object", "embed", "base", "applet":
			found = append(found, "<"+tag+"> element: "+whole)
		}
		for _, a := range attrPattern.FindAllStringSubmatch(attrs, -1) {
			name := strings.ToLower(a[1])
			value := strings.ToLower(strings.TrimSpace(html.UnescapeString(strings.Trim(a[2], `"'`))))
			value = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(value)
			switch {
			case strings.HasPrefix(name, "on"):
				found = append(found, "event handler: "+whole)
			case name == "style" || name == "srcdoc":
				found = append(found, name+" attribute: "+whole)
			case (name == "href" || name == "src" || name == "action" || name == "formaction") &&
				(strings.HasPrefix(value, "javascript:") || strings.HasPrefix(value, "vbscript:") || strings.HasPrefix(value, "data:text")):
				found = append(found, "script URL: "+whole)
			}
		}
	}
	return found
}

func TestInlineCodeFinds(t *testing.T) {
	for _, bad := range []string{
		"<script>alert(1)</script>", "<script src=a.js>alert(1)</script>", "<SCRIPT>alert(1)</SCRIPT>",
		"<script type=module>import x</script>", "<img src=x onerror=alert(1)>", `<b ONCLICK="x">`, `<p style="color:red">`,
		"<style>p{}</style>", `<a href=" JavaScript:alert(1)">`, `<a href="java&#x09;script:x">`,
		`<iframe srcdoc="&lt;script&gt;">`, "<object data=x>", `<base href="https://evil/">`,
		`<form action="javascript:x">`,
	} {
		if len(inlineCode(bad)) == 0 {
			t.Errorf("missed %q", bad)
		}
	}
	for _, good := range []string{
		`<script src="app.js" defer></script>`, `<SCRIPT SRC='a.js'></SCRIPT><p>`, "<script\nsrc=x></script >",
		`<a href="#/x">`,
		`<!-- <script>x</script> -->`, `<p title="a > b">onclick=x style=y</p>`, `<p data-x="&lt;script&gt;">`,
	} {
		if got := inlineCode(good); len(got) != 0 {
			t.Errorf("%q: %v", good, got)
		}
	}
}

// buildInto builds a site from the project's page template and web
// assets, stand-in wasm files, and the lessons in content.
func buildInto(t *testing.T, content string) string {
	t.Helper()
	tmp := t.TempDir()
	for _, name := range []string{"looplab.wasm", "wasm_exec.js"} {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte("stand-in"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(tmp, "site")
	err := Build(Options{Content: content, Web: "../../web", Index: "../../index.html",
		WasmExec: filepath.Join(tmp, "wasm_exec.js"), Wasm: filepath.Join(tmp, "looplab.wasm"), Out: out})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkPages fails on inline code in any built page.
func checkPages(t *testing.T, out string) map[string]string {
	t.Helper()
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	if len(pages) < 2 {
		t.Fatalf("built pages %v, want index.html and stage.html", pages)
	}
	bodies := map[string]string{}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bodies[filepath.Base(p)] = string(b)
		for _, f := range inlineCode(string(b)) {
			t.Errorf("%s: %s", filepath.Base(p), f)
		}
	}
	return bodies
}

// TestBuiltPagesHaveNoInlineCode builds the real course and checks every
// page the site serves: the CSP (script-src 'self', style-src 'self')
// would refuse inline script, handlers and style attributes, so none may
// be there.
func TestBuiltPagesHaveNoInlineCode(t *testing.T) {
	t.Parallel()
	pages := checkPages(t, buildInto(t, "../../content"))
	if n := strings.Count(pages["index.html"], `class="scenario"`); n == 0 {
		t.Error("index.html has no lessons in it")
	}
}

// TestHostileLessonStaysText builds a lesson that tries markup in its
// title, summary and body: the page shows it as text.
func TestHostileLessonStaysText(t *testing.T) {
	t.Parallel()
	content := t.TempDir()
	lesson := "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"\\\" onmouseover=\\\"alert(2)\"\n---\n\n" +
		"<script>alert(3)</script>\n\n<img src=x onerror=alert(4)> <b onclick=\"alert(5)\">b</b>\n\n" +
		"[x](javascript:alert(6))\n\n| a | b |\n| :-- | --: |\n| 1 | 2 |\n\n" +
		"```scenario \"<img src=x onerror=alert(7)>\"\nimport asyncio\n\nasync def main():\n" +
		"    print(\"<script>alert(8)</script>\")\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n```\n"
	if err := os.WriteFile(filepath.Join(content, "01-hostile.md"), []byte(lesson), 0o644); err != nil {
		t.Fatal(err)
	}
	page := checkPages(t, buildInto(t, content))["index.html"]
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(7)&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// A compressed copy is fresh when it was written at or after its source's
// time: the same time is usual, as the file system's clock is coarse.
func TestFresh(t *testing.T) {
	dir := t.TempDir()
	src, derived := filepath.Join(dir, "a.js"), filepath.Join(dir, "a.js.br")
	writeFiles(t, dir, map[string]string{"a.js": "a", "a.js.br": "b"})
	base := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	if err := os.Chtimes(src, base, base); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		at   time.Duration // derived's time after src's
		want bool
	}{{-time.Second, false}, {-time.Nanosecond, false}, {0, true}, {time.Second, true}} {
		if err := os.Chtimes(derived, base.Add(tt.at), base.Add(tt.at)); err != nil {
			t.Fatal(err)
		}
		if got := fresh(src, derived); got != tt.want {
			t.Errorf("derived %v after its source: fresh = %v, want %v", tt.at, got, tt.want)
		}
	}
	if fresh(src, filepath.Join(dir, "missing.br")) {
		t.Error("a missing copy is fresh")
	}
}
