// The stage frame: starts the wasm, which draws the run with Ebitengine
// and exposes looplabStage; then tells the page it is ready. If the Go
// program dies (a panic), the page hears what it printed, so it can show
// an error panel instead of a frozen stage.
"use strict";
(async () => {
  // The page owns the theme (the learner's pick or the system's); the
  // stage follows it, and the page calls setTheme when it changes.
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const parent = window.parent !== window ? window.parent : null;
  const theme = () => (parent && parent.looplabTheme ? parent.looplabTheme() : window.looplabTheme());
  // The wheel: Ctrl or ⌘ with it (and a trackpad's pinch, which Chromium
  // sends as one) zooms, Shift or sideways pans, and otherwise it scrolls
  // lanes that overflow. The stage says whether it used the event; when
  // not, it goes on to scroll the page. Caught before Ebitengine, which
  // would swallow every wheel event.
  window.addEventListener("wheel", (e) => {
    const api = window.looplabStage;
    if (!api) return;
    e.stopPropagation();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? window.innerHeight : 1;
    if (api.wheel(e.clientX, e.clientY, e.deltaX * unit, e.deltaY * unit, e.ctrlKey || e.metaKey, e.shiftKey)) e.preventDefault();
  }, { capture: true, passive: false });
  // Ebitengine keeps the pointer's last place when it leaves the canvas:
  // tell the stage, so no tooltip is left behind. A double click shows the
  // whole run (caught here too, since two clicks can fall in one frame).
  document.addEventListener("pointerleave", () => window.looplabStage?.pointerLeft());
  window.addEventListener("blur", () => window.looplabStage?.pointerLeft());
  window.addEventListener("dblclick", () => window.looplabStage?.fit());
  // The keyboard must be able to leave. Ebitengine handles every key
  // pressed on its canvas and prevents its default, so Tab never moved
  // the focus on. Tab and Shift+Tab are kept from it (caught before it,
  // on the way down), and the browser moves the focus to the page's next
  // or previous control as for any other element. Escape leaves too, for
  // the page's next control: the playback buttons under the stage, where
  // Shift+Tab comes straight back. (Focusing the iframe element instead
  // would leave the keys with this frame, so Escape would not leave.)
  // Every other key, arrows, Space, + − 0, still reaches the stage.
  const host = window.frameElement; // null when the stage is not in the page's frame
  window.addEventListener("keydown", (e) => {
    if (!host || (e.key !== "Tab" && e.key !== "Escape")) return;
    e.stopPropagation();
    // Shift+Tab goes back to the code beside the stage (its last number),
    // not to whatever precedes the frame in the page (the lesson's end).
    if (e.key === "Tab" && e.shiftKey && window.parent.looplabBeforeStage?.()) {
      e.preventDefault();
      return;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      const next = nextControl(host);
      if (next) next.focus();
      else window.parent.focus();
    }
  }, { capture: true });
  // The page styles the frame while it has the focus (Ebitengine's canvas
  // draws no outline of its own).
  window.addEventListener("focus", () => host?.classList.add("stage-focused"));
  window.addEventListener("blur", () => host?.classList.remove("stage-focused"));
  window.looplabStageReady = () => {
    const api = window.looplabStage;
    // The timeline's modes are one call in Go (each call costs the wasm
    // its bytes); the page calls them by name.
    api.setPresenter = (on) => api.setMode("presenter", !!on);
    api.setHideFuture = (on) => api.setMode("hideFuture", !!on);
    window.looplabStage.setTheme(theme());
    dark.addEventListener("change", () => window.looplabStage.setTheme(theme()));
    // The page's first run comes in a task of its own, not in the one
    // that started the Go program: two shorter tasks, and the page can
    // paint between them.
    if (parent && typeof parent.looplabStageReady === "function") setTimeout(() => parent.looplabStageReady(window.looplabStage));
  };
  // A panic inside an API call is recovered in Go and reported here.
  window.looplabStageCrashed = (msg) => {
    if (parent && typeof parent.looplabStageCrashed === "function") parent.looplabStageCrashed(String(msg));
  };
  // Keep the tail of what Go writes, which holds a fatal panic's message.
  let printed = "";
  const write = globalThis.fs.writeSync.bind(globalThis.fs);
  const decoder = new TextDecoder("utf-8");
  globalThis.fs.writeSync = (fd, buf) => {
    printed = (printed + decoder.decode(buf)).slice(-32768);
    return write(fd, buf);
  };
  const go = new Go();
  let code = 0;
  go.exit = (c) => { code = c; };
  const module = await compiled("looplab.wasm");
  // The page starts the program when the learner reaches for the stage
  // (web/src/boot.js); the stage alone starts at once.
  if (parent && parent.looplabStageStart) await parent.looplabStageStart;
  const instance = await WebAssembly.instantiate(module, go.importObject);
  await go.run(instance);
  // The stage never returns on its own: reaching here means it died.
  // Ebitengine's pending callbacks now throw; the panel says it already.
  window.addEventListener("error", (ev) => {
    if (/Go program has already exited/.test(ev.message)) ev.preventDefault();
  });
  const at = Math.max(printed.lastIndexOf("panic: "), printed.lastIndexOf("fatal error: "));
  window.looplabStageCrashed((at >= 0 ? printed.slice(at) : printed).trim() || `the simulator stopped (exit code ${code})`);
  // compiled is the wasm at url, compiled by a worker (stage-compile.js)
  // so the page stays responsive meanwhile; here if workers fail.
  function compiled(url) {
    return new Promise((resolve, reject) => {
      let worker;
      try { worker = new Worker("stage-compile.js"); } catch { resolve(WebAssembly.compileStreaming(fetch(url))); return; }
      worker.onmessage = (e) => {
        worker.terminate();
        if (e.data.module) resolve(e.data.module); else reject(new Error(e.data.error));
      };
      worker.onerror = () => { worker.terminate(); resolve(WebAssembly.compileStreaming(fetch(url))); };
      worker.postMessage(url);
    });
  }
  // nextControl is the first element after the frame, in the page's
  // order, that the keyboard can focus.
  function nextControl(frame) {
    const all = frame.ownerDocument.querySelectorAll("a[href], button, input, select, textarea, summary, iframe, [tabindex]");
    for (const el of all) {
      const after = frame.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
      const usable = el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") &&
        (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
      if (after && usable) return el;
    }
    return null;
  }
})().catch((err) => {
  document.body.textContent = "The stage could not start: " + err;
  if (window.parent !== window && typeof window.parent.looplabStageFailed === "function") {
    window.parent.looplabStageFailed(String(err));
  }
});
