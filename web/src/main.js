// The page: lessons on the left, each scenario's code in its figure with
// numbers to drag; the stage (the simulation, drawn by the wasm in a
// frame), its caption, figures, log and console on the right. Each module
// owns one concern and talks to the others through state.js and the
// events of events.js.
import "./lessons.js";
import "./codepanel.js";
import "./scrub.js";
import "./editor.js";
import "./figures.js";
import "./logconsole.js";
import "./predict.js";
import "./trysteps.js";
import "./exporting.js";
import "./saving.js";
import "./embed.js";
import "./presenter.js";
import "./scrollfocus.js";
import "./frame.js";
import "./picture.js";
import "./boot.js";
import "./api.js";
import { $ } from "./dom.js";
import { S } from "./state.js";
import { on } from "./events.js";
import { route, go, updateHash } from "./routing.js";
import { renderTheme } from "./theme.js";
import { start } from "./playback.js";

// "Show on the stage" puts a figure's scenario on the stage.
$("lessons").addEventListener("click", (ev) => {
  const b = ev.target.closest("button.scenario-show");
  if (!b) return;
  go(S.lesson.slug, Number(b.dataset.index));
  requestAnimationFrame(() => $("live").querySelector(".num")?.focus({ preventScroll: true }));
});

on("run", () => updateHash());

// A dist build (make dist) has a service worker: the course works
// offline after the first visit.
const worker = document.documentElement.dataset.sw;
if (worker && "serviceWorker" in navigator) navigator.serviceWorker.register(worker).catch(() => {});

window.addEventListener("hashchange", route);
renderTheme();
route();
start();
