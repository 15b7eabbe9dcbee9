//go:build browser

package browsertest

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"looplab/wasm/site"
)

// hostileCode is a learner's scenario whose comment and prints are markup
// that would run if the page ever inserted them as HTML.
const hostileCode = `import asyncio


async def main():
    # <script>window.__pwned=2</script>
    print("<img src=x onerror=\"window.__pwned=1\">")
    await asyncio.sleep(1)
    print("<script>window.__pwned=3</script> &amp; </pre><b>")


asyncio.run(main())
`

// watchMarkup starts recording, in the page and the stage frame, every
// element that could run script (img, script, iframe, object, embed,
// svg) added to the document, and every event handler attribute set.
const watchMarkup = `(() => {
  window.__added = [];
  const risky = /^(img|script|iframe|object|embed|svg|style|link|base)$/i;
  const note = (what) => window.__added.push(what.slice(0, 200));
  const watch = (doc, where) => new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") {
        if (/^on/i.test(r.attributeName)) note(where + ": " + r.attributeName + " on " + r.target.tagName);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const el of [n, ...n.querySelectorAll("*")]) {
          if (risky.test(el.tagName)) note(where + ": " + el.outerHTML);
          for (const a of el.attributes) if (/^on/i.test(a.name)) note(where + ": " + el.outerHTML);
        }
      }
    }
  }).observe(doc, { subtree: true, childList: true, attributes: true });
  watch(document, "page");
  watch(document.getElementById("stage").contentDocument, "stage");
  return true;
})()`

// pwned is what the hostile code would have set, in the page or the frame.
const pwned = `({page: window.__pwned ?? null, stage: document.getElementById("stage").contentWindow.__pwned ?? null})`

// elements counts what could run script in the page and the frame, and
// lists any script without a src.
const elements = `(() => {
  const count = (doc) => ({
    img: doc.querySelectorAll("img").length,
    script: doc.querySelectorAll("script").length,
    inline: [...doc.querySelectorAll("script")].filter((s) => !s.src || s.textContent.trim() !== "").length,
  });
  return {page: count(document), stage: count(document.getElementById("stage").contentDocument)};
})()`

type elementCounts struct {
	Page, Stage struct{ Img, Script, Inline int }
}

// typeCode replaces the editor's text as a learner pasting it would.
func (p *page) typeCode(code string) {
	p.t.Helper()
	p.waitFor(`document.querySelector("#edit-box .cm-content")`)
	// Select all, then paste: the editor takes the pasted text itself.
	p.await(`document.querySelector("#edit-box .cm-content").focus()`)
	cdpCall(p, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "a", Code: "KeyA",
		WindowsVirtualKeyCode: 65, Modifiers: 2 /* Ctrl */, Commands: []string{"selectAll"}})
	cdpCall(p, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "a", Code: "KeyA", WindowsVirtualKeyCode: 65, Modifiers: 2 /* Ctrl */})
	p.await(fmt.Sprintf(`(() => { const data = new DataTransfer(); data.setData("text/plain", %q);
		document.querySelector("#edit-box .cm-content").dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})); })()`, code))
}

// waitFor polls a JavaScript condition until it holds.
func (p *page) waitFor(cond string) {
	p.t.Helper()
	p.await(fmt.Sprintf(`new Promise((resolve, reject) => {
	  const t0 = performance.now();
	  (function poll() {
	    if (%s) resolve(true);
	    else if (performance.now() - t0 > 15000) reject(new Error("timed out waiting for: " + %q));
	    else setTimeout(poll, 50);
	  })();
	})`, cond, cond))
}

// TestSecurityLearnerTextIsNotHTML edits a scenario into one whose code
// and output are markup, runs it, and finds the markup shown as text
// everywhere the page shows learner text (the code view, the console, the
// error box, the export dialog) and never made into elements.
func TestSecurityLearnerTextIsNotHTML(t *testing.T) {
	p := open(t)
	p.await(`looplab.go("three-ways")`)
	// The editor's own script arrives on the first edit: let it come first.
	p.await(`document.getElementById("edit").click()`)
	p.waitFor(`document.querySelector("#edit-box .cm-content")`)
	p.await(`document.getElementById("edit").click()`)
	var before elementCounts
	p.eval(elements, &before)
	var ok bool
	p.eval(watchMarkup, &ok)

	p.await(`document.getElementById("edit").click()`)
	var gen int
	p.eval("looplab.current().generation", &gen)
	p.typeCode(hostileCode)
	p.waitFor(fmt.Sprintf("looplab.current().code === %q && looplab.current().generation !== %d", hostileCode, gen))
	if c := p.current(); c.Error != nil {
		t.Fatalf("the hostile scenario did not run: %+v", c.Error)
	}
	p.await("looplab.seek(1e9)")
	p.sleep(300 * time.Millisecond)

	var shown struct{ Console, Log, Edit string }
	p.eval(`({console: document.getElementById("console").textContent,
		log: document.getElementById("log").textContent,
		edit: looplab.current().code})`, &shown)
	for _, want := range []string{`<img src=x onerror="window.__pwned=1">`, `<script>window.__pwned=3</script> &amp; </pre><b>`} {
		if !strings.Contains(shown.Console, want) {
			t.Errorf("the console does not show %s literally:\n%s", want, shown.Console)
		}
	}
	if shown.Edit != hostileCode {
		t.Errorf("the edit box holds %q, want the code as typed", shown.Edit)
	}

	// The code view, out of edit mode, is highlighted HTML built from the
	// learner's code.
	p.await(`document.getElementById("edit").click()`)
	p.sleep(100 * time.Millisecond)
	var view struct {
		Text     string
		Elements int
	}
	p.eval(`(() => { const c = document.getElementById("code");
		return {text: c.textContent, elements: c.querySelectorAll("img, script, b").length}; })()`, &view)
	if view.Text != hostileCode {
		t.Errorf("the code view shows %q, want the code as typed", view.Text)
	}
	if view.Elements != 0 {
		t.Errorf("the code view holds %d img, script or b elements", view.Elements)
	}

	// Run it for real: the export dialog shows the code as text.
	p.await(`document.getElementById("export").click()`)
	p.sleep(200 * time.Millisecond)
	var export string
	p.eval(`document.getElementById("export-body").textContent`, &export)
	if !strings.Contains(export, `# <script>window.__pwned=2</script>`) {
		t.Errorf("the export dialog does not show the comment literally:\n%.2000s", export)
	}
	p.await(`document.getElementById("export-close").click()`)

	// A broken edit: the error box and its marker are text too.
	p.await(`document.getElementById("edit").click()`)
	broken := "import asyncio\nx = <img src=x onerror=\"window.__pwned=4\">\n"
	p.typeCode(broken)
	p.waitFor("looplab.current().error !== null")
	p.sleep(100 * time.Millisecond)
	var errShown struct{ Box, Mark string }
	p.waitFor(`document.querySelector("#edit-box .cm-lint-marker-error")`)
	p.eval(`({box: document.getElementById("code-error").textContent, mark: document.querySelector("#edit-box .cm-lint-marker-error").textContent})`, &errShown)
	if errShown.Box == "" {
		t.Error("a broken edit shows no error")
	}
	p.await(`document.getElementById("edit").click()`)
	p.sleep(100 * time.Millisecond)

	var who struct{ Page, Stage any }
	p.eval(pwned, &who)
	if who.Page != nil || who.Stage != nil {
		t.Errorf("learner text ran as script: window.__pwned = %v in the page, %v in the stage", who.Page, who.Stage)
	}
	var added []string
	p.eval("window.__added", &added)
	for _, a := range added {
		t.Errorf("an element or handler was added: %s", a)
	}
	var after elementCounts
	p.eval(elements, &after)
	if after != before {
		t.Errorf("img and script elements went from %+v to %+v", before, after)
	}
	if after.Page.Inline != 0 || after.Stage.Inline != 0 {
		t.Errorf("inline scripts in the page: %+v", after)
	}
	p.screenshot("security-hostile-code")
}

// TestSecurityCSPHeader: every file the site serves carries the policy,
// which lets WebAssembly compile but allows no inline script and no eval.
func TestSecurityCSPHeader(t *testing.T) {
	url, _ := serve(t, siteDir(t))
	for _, name := range []string{"", "index.html", "stage.html", "embed.html", "app.js", "looplab.wasm", "wasm_exec.js", "lessons.json", "missing"} {
		res, err := http.Get(url + name)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		if want := site.CSPOf("/" + name); csp != want {
			t.Errorf("/%s: Content-Security-Policy %q, want %q", name, csp, want)
		}
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval';") {
			t.Errorf("/%s: script-src is not 'self' 'wasm-unsafe-eval': %q", name, csp)
		}
		for _, tok := range strings.Fields(strings.ReplaceAll(csp, ";", " ")) {
			if tok == "'unsafe-inline'" || tok == "'unsafe-eval'" {
				t.Errorf("/%s: the policy allows %s", name, tok)
			}
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("/%s: no X-Content-Type-Options: nosniff", name)
		}
	}
}

// recordViolations, run in every frame before its scripts, keeps each
// securitypolicyviolation event the frame sees.
const recordViolations = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`

const violations = `[...(window.__cspViolations || []),
  ...(document.getElementById("stage").contentWindow.__cspViolations || []).map((v) => "stage: " + v)]`

// TestSecurityNoCSPViolations loads the page with a listener for
// securitypolicyviolation in place, then opens every lesson and plays it,
// flips the theme and drags a number: nothing the policy refuses happens.
// (watchErrors would also fail on the console error a violation logs.)
func TestSecurityNoCSPViolations(t *testing.T) {
	p := open(t)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument,
		cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.Navigate(p.url)); err != nil {
		t.Fatal(err)
	}
	p.await("looplab.ready")
	var listening struct{ Page, Stage bool }
	p.eval(`({page: Array.isArray(window.__cspViolations),
		stage: Array.isArray(document.getElementById("stage").contentWindow.__cspViolations)})`, &listening)
	if !listening.Page || !listening.Stage {
		t.Fatalf("the violation listener is not in place: %+v", listening)
	}
	var lessons []struct{ Slug string }
	p.eval("looplab.lessons()", &lessons)
	for _, l := range lessons {
		p.await(fmt.Sprintf("looplab.go(%q)", l.Slug))
		p.await("looplab.seek(0)")
		p.await("looplab.play()")
		p.sleep(250 * time.Millisecond)
		p.await("looplab.pause()")
	}
	p.await(`document.getElementById("theme").click()`)
	p.await(`looplab.go("three-ways")`)
	c := p.current()
	if len(c.Numbers) > 0 {
		n := c.Numbers[0]
		p.await(fmt.Sprintf("looplab.setNumber(%q, %v)", n.ID, n.Value+n.Step))
	}
	p.sleep(200 * time.Millisecond)
	var seen []string
	p.eval(violations, &seen)
	for _, v := range seen {
		t.Errorf("CSP violation: %s", v)
	}
}

// TestSecurityCSPViolationsAreCaught is the check of the two checks above:
// on the served page, inline script and eval are refused, the listener
// sees each refusal, and the browser logs it as an error, which
// watchErrors fails every browser test on.
func TestSecurityCSPViolationsAreCaught(t *testing.T) {
	url, _ := serve(t, siteDir(t))
	ctx := launch(t, 1000, 800)
	// Not watchErrors: here the errors are the point.
	var mu sync.Mutex
	var logged []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdplog.EventEntryAdded); ok && e.Entry.Level == cdplog.EntryLevelError {
			mu.Lock()
			logged = append(logged, e.Entry.Text)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument,
		cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	p := &page{t: t, ctx: ctx, url: url}
	p.await("looplab.ready")
	var ran struct {
		Inline  any
		Handler any
		Eval    string
	}
	p.eval(`new Promise((resolve) => {
	  document.head.append(Object.assign(document.createElement("script"), {textContent: "window.__inlineRan = 1"}));
	  const img = document.createElement("img");
	  img.setAttribute("onerror", "window.__handlerRan = 1");
	  img.src = "data:,not-an-image";
	  document.body.append(img);
	  // Later, in a task of the page's own: code evaluated by DevTools
	  // itself may eval whatever the policy says.
	  setTimeout(() => {
	    let evalResult = "ran";
	    try { eval("1"); } catch (e) { evalResult = e.name; }
	    setTimeout(() => resolve({inline: window.__inlineRan ?? null, handler: window.__handlerRan ?? null, eval: evalResult}), 300);
	  }, 0);
	})`, &ran)
	if ran.Inline != nil || ran.Handler != nil || ran.Eval != "EvalError" {
		t.Errorf("the policy let through: inline script %v, handler %v, eval %q", ran.Inline, ran.Handler, ran.Eval)
	}
	var seen []string
	p.eval(violations, &seen)
	for _, want := range []string{"script-src-elem", "script-src-attr", "script-src"} {
		found := false
		for _, v := range seen {
			found = found || strings.HasPrefix(v, want+" ")
		}
		if !found {
			t.Errorf("no securitypolicyviolation for %s; saw %q", want, seen)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	csp := 0
	for _, l := range logged {
		if strings.Contains(l, "Content Security Policy") {
			csp++
		}
	}
	if csp == 0 {
		t.Errorf("the browser logged no CSP error (watchErrors would miss violations); logged %q", logged)
	}
}
