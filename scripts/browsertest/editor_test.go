//go:build browser

package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// makeEditor loads editor.js into the page as the page does (a script
// element, the first time the learner edits), and creates an editor in a
// box of its own, recording onChange and onEscape. Violations of the CSP
// are recorded from before the script arrives.
const makeEditor = `new Promise((resolve, reject) => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.sourceFile));
  const s = document.createElement("script");
  s.src = "editor.js";
  s.addEventListener("error", () => reject(new Error("editor.js did not load")));
  s.addEventListener("load", () => {
    const box = document.createElement("div");
    box.id = "editor-test";
    box.style.cssText = "position:fixed;left:10px;top:60px;width:600px;z-index:99;background:var(--bg)";
    document.body.append(box);
    window.__changes = [];
    window.__escapes = 0;
    window.__ed = window.looplabEditor.create(box, {
      doc: "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n",
      onChange: (text) => window.__changes.push(text),
      onEscape: () => window.__escapes++,
      label: "Scenario code",
    });
    resolve(true);
  });
  document.head.append(s);
})`

// press presses a key that has an action but types nothing (Enter, Tab,
// Escape, arrows) as a keyboard does: down and up, without the separate
// character event chromedp.KeyEvent adds for Enter and Tab, which would
// type a second newline or a tab after the editor handled the key.
func (p *page) press(key string, code int64) {
	p.t.Helper()
	p.key(input.DispatchKeyEventTypeRawKeyDown, key, code)
	p.key(input.DispatchKeyEventTypeKeyUp, key, code)
}

func (p *page) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		if _, err := chromedp.Run(p.ctx, chromedp.KeyEvent(k)); err != nil {
			p.t.Fatal(err)
		}
	}
}

// focusEditorAtStart focuses the editor with the cursor at the start of
// its text, as Ctrl+Home puts it.
func (p *page) focusEditorAtStart() {
	p.t.Helper()
	var focused bool
	p.eval(`(__ed.focus(), document.activeElement.classList.contains("cm-content"))`, &focused)
	if !focused {
		p.t.Fatal("focus() did not focus the editor's text")
	}
	if _, err := chromedp.Run(p.ctx, chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) text() string {
	p.t.Helper()
	var s string
	p.eval("__ed.getText()", &s)
	return s
}

// colour is the computed colour of the first token in the editor whose
// text is word, and the editor's background.
func (p *page) colours(word string) (token, background string) {
	p.t.Helper()
	var c struct{ Token, Background string }
	p.eval(fmt.Sprintf(`(() => {
	  const span = [...document.querySelectorAll("#editor-test .cm-line span")].find((s) => s.textContent === %q);
	  return {token: span ? getComputedStyle(span).color : "",
	    background: getComputedStyle(document.querySelector("#editor-test .cm-editor")).backgroundColor};
	})()`, word), &c)
	return c.Token, c.Background
}

// readPalette is the editor's syntax colours by theme.
func readPalette(t *testing.T) map[string]map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../web/editor/palette.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, theme := range []string{"light", "dark"} {
		var c map[string]string
		if err := json.Unmarshal(raw[theme], &c); err != nil {
			t.Fatal(err)
		}
		out[theme] = c
	}
	return out
}

// rgb is #rrggbb as getComputedStyle says it.
func rgb(t *testing.T, hex string) string {
	t.Helper()
	var r, g, b int
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b); err != nil {
		t.Fatalf("%q: %v", hex, err)
	}
	return fmt.Sprintf("rgb(%d, %d, %d)", r, g, b)
}

func TestEditor(t *testing.T) {
	p := open(t)
	// Lazy: nothing of the editor arrives with the page.
	var before struct{ Script, Editor bool }
	p.eval(`({script: performance.getEntriesByType("resource").some((r) => r.name.endsWith("/editor.js")),
		editor: "looplabEditor" in window})`, &before)
	if before.Script || before.Editor {
		t.Fatalf("the page loaded the editor before anyone edited: %+v", before)
	}
	p.await(makeEditor)

	// CodeMirror's styles apply under the CSP (an adopted sheet, not a
	// <style> element), and the learner's label reaches the textbox.
	var shown struct {
		Display, Label, Role string
		Lines, Gutters       int
	}
	p.eval(`(() => {
	  const content = document.querySelector("#editor-test .cm-content");
	  return {display: getComputedStyle(document.querySelector("#editor-test .cm-editor")).display,
	    label: content.getAttribute("aria-label"), role: content.getAttribute("role"),
	    lines: document.querySelectorAll("#editor-test .cm-line").length,
	    gutters: document.querySelectorAll("#editor-test .cm-lineNumbers .cm-gutterElement").length};
	})()`, &shown)
	if shown.Display != "flex" || shown.Label != "Scenario code" || shown.Role != "textbox" || shown.Lines != 5 || shown.Gutters < 5 {
		t.Errorf("the editor as drawn: %+v", shown)
	}

	// The page's own setText is silent; the learner's typing is not.
	p.await(`__ed.setText("import asyncio\nx = 1\n")`)
	var changes []string
	p.eval("__changes", &changes)
	if len(changes) != 0 || p.text() != "import asyncio\nx = 1\n" {
		t.Errorf("setText: text %q, onChange calls %q", p.text(), changes)
	}
	p.focusEditorAtStart()
	p.keys("y = 2")
	p.press("Enter", 13)
	p.eval("__changes", &changes)
	if got := p.text(); got != "y = 2\nimport asyncio\nx = 1\n" {
		t.Errorf("after typing: %q", got)
	}
	if len(changes) == 0 || changes[len(changes)-1] != p.text() {
		t.Errorf("onChange got %q, the text is %q", changes, p.text())
	}

	// Tab indents by four spaces (the lessons' Python) and undo takes it back.
	p.await(`__ed.setText("async def main():\nprint(1)\n")`)
	p.focusEditorAtStart()
	p.press("ArrowDown", 40)
	p.press("Tab", 9)
	if got := p.text(); got != "async def main():\n    print(1)\n" {
		t.Errorf("after Tab: %q", got)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	if got := p.text(); got != "async def main():\nprint(1)\n" {
		t.Errorf("after Ctrl+Z: %q", got)
	}

	// A diagnostic marks its line (1-based), in the text and the gutter.
	p.await(`__ed.setText("import asyncio\n\nasync def main(:\n    pass\n")`)
	p.await(`__ed.setDiagnostics([{line: 3, col: 15, message: "expected a parameter", severity: "error"}])`)
	p.waitFor(`document.querySelector("#editor-test .cm-lintRange-error") && document.querySelector("#editor-test .cm-lint-marker-error")`)
	var marked struct {
		Line      int
		Text      string
		GutterRow bool
	}
	p.eval(`(() => {
	  const lines = [...document.querySelectorAll("#editor-test .cm-line")];
	  const line = lines.findIndex((l) => l.querySelector(".cm-lintRange-error"));
	  const mark = document.querySelector("#editor-test .cm-lint-marker-error").getBoundingClientRect();
	  const row = lines[line].getBoundingClientRect();
	  // Syntax colours may split the mark into several elements.
	  const text = [...lines[line].querySelectorAll(".cm-lintRange-error")].map((e) => e.textContent).join("");
	  return {line: line + 1, text,
	    gutterRow: mark.top >= row.top - 2 && mark.bottom <= row.bottom + 2};
	})()`, &marked)
	if marked.Line != 3 || marked.Text != "(:" || !marked.GutterRow {
		t.Errorf("the diagnostic: %+v, want line 3 from column 15 to the end, its gutter marker beside it", marked)
	}
	p.await(`__ed.setDiagnostics([])`)
	p.waitFor(`!document.querySelector("#editor-test .cm-lintRange-error")`)

	// Escape tells the page, and the next Tab leaves the editor instead
	// of indenting: a keyboard user is never trapped.
	before2 := p.text()
	p.focusEditorAtStart()
	p.press("Escape", 27)
	p.press("Tab", 9)
	var escaped struct {
		Escapes int
		Inside  bool
	}
	p.eval(`({escapes: __escapes, inside: !!document.activeElement.closest("#editor-test")})`, &escaped)
	if escaped.Escapes != 1 || escaped.Inside || p.text() != before2 {
		t.Errorf("Escape then Tab: %+v, text %q (was %q)", escaped, p.text(), before2)
	}

	// Both themes: the page's background (whatever its design), the
	// palette's syntax colours.
	palette := readPalette(t)
	for _, theme := range []string{"light", "dark"} {
		p.await(fmt.Sprintf(`(document.documentElement.dataset.theme = %q, __ed.setTheme(%q), true)`, theme, theme))
		keyword, bg := p.colours("import")
		var page string
		p.eval(`getComputedStyle(document.documentElement).backgroundColor`, &page)
		if want := rgb(t, palette[theme]["keyword"]); keyword != want || bg != page {
			t.Errorf("%s: keyword %s (want %s) on %s (the page's %s)", theme, keyword, want, bg, page)
		}
	}
	p.viewportShot("editor-dark")

	var violations []string
	p.eval("window.__cspViolations", &violations)
	if len(violations) > 0 {
		t.Errorf("CSP violations: %s", strings.Join(violations, "; "))
	}
	p.await(`__ed.destroy()`)
	var left int
	p.eval(`document.querySelectorAll("#editor-test .cm-editor").length`, &left)
	if left != 0 {
		t.Error("destroy left the editor in the page")
	}
}

// TestUndefinedNameRunsAndIsMarked: a name nothing defines, on a line that
// never runs, does not stop the program (CPython raises NameError only
// when the line runs); the editor marks the name itself as a warning.
func TestUndefinedNameRunsAndIsMarked(t *testing.T) {
	p := open(t)
	p.await(`looplab.go(looplab.lessons().find((l) => l.slug.includes("event-loop")).slug)`)
	p.await(`looplab.setLoad("")`)
	p.await(`document.getElementById("edit").click()`)
	p.waitFor(`document.querySelector("#edit-box .cm-content")`)
	p.typeCode("import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    if False:\n        print(never_defined)\n    print('ran')\n\nasyncio.run(main())\n")
	p.waitFor(`JSON.stringify(looplab.current().trace).includes("ran") && looplab.current().error == null`)
	p.waitFor(`document.querySelector("#edit-box .cm-lintRange-warning")`)
	var marked string
	p.eval(`[...document.querySelectorAll("#edit-box .cm-lintRange-warning")].map((e) => e.textContent).join("|")`, &marked)
	if marked != "never_defined" {
		t.Errorf("the warning marks %q, want the name never_defined", marked)
	}
}
