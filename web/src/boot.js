// When the stage starts. Its wasm is most of what the page downloads, and
// starting it (the Go runtime, Ebitengine's first frame, the first run)
// holds the page's main thread for about half a second on a laptop and
// several times that on a phone. So the lesson's text and the picture the
// build drew (picture.js) come first, and the stage starts in two steps:
// - prepare, once the page has loaded, while the stage is in view: the
//   frame loads and a worker downloads and compiles the wasm, off the
//   main thread;
// - start, when the learner reaches for the stage (the pointer comes over
//   the playground, a number or a control gets the focus, a key or a tap
//   on them), or once the page has been left idle for a few seconds: the
//   frame runs the compiled program (stage.js waits for stageStart).
import { $ } from "./dom.js";
import { emit } from "./events.js";
import { S, ready } from "./state.js";

let prepared = false, started = false;
let release;
// stageStart is what the frame waits for before it runs the program.
window.looplabStageStart = new Promise((resolve) => { release = resolve; });

function prepare() {
  if (prepared) return;
  prepared = true;
  const frame = $("stage");
  frame.src = frame.dataset.src;
}

// boot starts the stage now; calling it again does nothing.
export function boot() {
  if (started) return;
  started = true;
  prepare();
  release();
  emit("boot");
}

export const booting = () => started;

// idleStart is how long the page waits, idle, before it starts the stage
// on its own, ms.
const idleStart = 5000;

function whenLoaded() {
  const later = () => {
    (window.requestIdleCallback || setTimeout)(prepare);
    setTimeout(() => (window.requestIdleCallback || setTimeout)(boot), idleStart);
  };
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

new IntersectionObserver((entries, observer) => {
  if (!entries.some((e) => e.isIntersecting)) return;
  observer.disconnect();
  whenLoaded();
}).observe($("stage-block"));

// Reaching for the stage: the pointer over the playground or the code on
// the stage, or the keyboard or a finger on them.
for (const id of ["playground", "live", "skip-stage"]) {
  for (const type of ["pointerover", "pointerdown", "focusin", "keydown"]) $(id).addEventListener(type, boot, { once: true, capture: true });
}

// An action that needs the simulator (commit an answer, try a step, run
// it for real, edit the code), taken before the stage runs, starts it and
// is taken again once it has drawn, rather than doing nothing or half.
const needsStage = "aside.try button.try-run, #export, #edit";
// later holds an action back when el needs the stage: it starts the
// stage and redoes the action once the stage has drawn.
function later(ev, el, redo) {
  if (!el) return;
  ev.preventDefault();
  ev.stopImmediatePropagation();
  boot();
  ready.then(redo);
}
document.addEventListener("click", (ev) => {
  const b = !S.stage && ev.target.closest?.(needsStage);
  later(ev, b, () => b.click());
}, true);
document.addEventListener("submit", (ev) => {
  const form = !S.stage && ev.target.closest?.("aside.predict form");
  later(ev, form, () => form.requestSubmit());
}, true);
