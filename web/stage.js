// The stage frame: starts the wasm, which draws the run with Ebitengine
// and exposes looplabStage; then tells the page it is ready.
"use strict";
(async () => {
  // The page owns the theme (the learner's pick or the system's); the
  // stage follows it, and the page calls setTheme when it changes.
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const theme = () => (window.parent !== window && window.parent.looplabTheme ? window.parent.looplabTheme() : window.looplabTheme());
  window.looplabStageReady = () => {
    window.looplabStage.setTheme(theme());
    dark.addEventListener("change", () => window.looplabStage.setTheme(theme()));
    if (window.parent !== window && typeof window.parent.looplabStageReady === "function") {
      window.parent.looplabStageReady(window.looplabStage);
    }
  };
  const go = new Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch("looplab.wasm"), go.importObject);
  go.run(instance);
})().catch((err) => {
  document.body.textContent = "The stage could not start: " + err;
  if (window.parent !== window && typeof window.parent.looplabStageFailed === "function") {
    window.parent.looplabStageFailed(String(err));
  }
});
