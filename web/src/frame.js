// The stage frame: the wasm simulator and its drawing run in an iframe
// (Ebitengine wants a window of its own); this page calls it directly
// through frame.contentWindow.looplabStage once it is ready, and offers a
// fresh one when it crashes. The learner's code stays.
import { $ } from "./dom.js";
import { S } from "./state.js";
import { route, resetRouted } from "./routing.js";
import { simulate } from "./simulate.js";
import { renderTheme } from "./theme.js";
import { boot } from "./boot.js";

let reloading = false;

function configure() {
  const still = matchMedia("(prefers-reduced-motion: reduce)");
  S.stage.setAutoplay(!still.matches);
  S.stage.setTheme(window.looplabTheme());
  S.stage.setPresenter?.(document.body.classList.contains("presenting"));
  S.stage.setHideFuture?.(!!S.secret);
}

window.looplabStageReady = (api) => {
  if (S.stage === api) return;
  S.stage = api;
  $("stage-status").hidden = true;
  configure();
  if (reloading) {
    // The same code as before the crash, edits and numbers included.
    reloading = false;
    simulate({ keepPlayhead: false });
    return;
  }
  // With reduced motion nothing moves until the learner presses play.
  matchMedia("(prefers-reduced-motion: reduce)").addEventListener("change", configure);
  renderTheme();
  if (S.waiting) {
    // A number changed while the simulator started: run what the learner
    // has now (a link's numbers, if any, came before it and lost).
    S.waiting = false;
    simulate({ keepPlayhead: false });
    return;
  }
  resetRouted();
  route(); // again, now that the numbers in a link can be found
};

// A panic in the simulator: the frame reports it, the page stops calling
// into the dead program and offers a fresh one.
window.looplabStageCrashed = (msg) => {
  S.stage = null;
  $("stage-crash-msg").textContent = msg.split("\n").slice(0, 16).join("\n");
  $("stage-crash").hidden = false;
  $("stage-reload").focus();
};
$("stage-reload").addEventListener("click", () => {
  $("stage-crash").hidden = true;
  $("stage-status").textContent = "Reloading the simulator…";
  $("stage-status").hidden = false;
  reloading = true;
  $("stage").contentWindow.location.reload();
});
window.looplabStageFailed = (msg) => {
  $("stage-status").textContent = `The simulator could not start (${msg}). The lessons still read fine.`;
};

// Ebitengine does not focus itself inside a frame: focus it on click.
$("stage").addEventListener("load", () => {
  const w = $("stage").contentWindow;
  w.addEventListener("pointerdown", () => w.focus());
  // The frame may have been ready before this page's handler existed.
  if (!S.stage && w.looplabStage) window.looplabStageReady(w.looplabStage);
});

// "Skip to the stage", the page's first Tab stop, focuses the stage: its
// canvas, where the keys go (the frame element alone would take none).
$("skip-stage").addEventListener("click", () => {
  boot();
  $("stage-block").scrollIntoView({ block: "nearest" });
  const w = $("stage").contentWindow;
  const canvas = w?.document.querySelector("canvas");
  if (!canvas) { $("stage").focus(); return; }
  w.focus();
  canvas.focus();
});

// Shift+Tab from the stage (see stage.js) comes back to the code beside
// it: its last number, or its Edit button. It answers whether it moved
// the focus.
window.looplabBeforeStage = () => {
  const live = $("live");
  const nums = [...live.querySelectorAll(".num")].filter((n) => n.checkVisibility());
  const to = nums[nums.length - 1] || $("edit");
  if (!to || !to.checkVisibility()) return false;
  to.focus();
  return true;
};
