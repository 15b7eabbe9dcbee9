// Presenter mode, for a classroom projector: the stage fills the screen
// beside the scenario's code, the canvas text is large (16 px or more),
// the caption and the figures too, and the keyboard drives it: Space
// plays, ← and → step, Tab reaches the numbers, Escape or P leaves.
import { $ } from "./dom.js";
import { S } from "./state.js";
import { on } from "./events.js";
import { fitStage } from "./figures.js";
import { figureOf } from "./state.js";

export const presenting = () => document.body.classList.contains("presenting");

function setPresenting(on_) {
  if (on_ === presenting()) return;
  document.body.classList.toggle("presenting", on_);
  $("present").setAttribute("aria-pressed", String(on_));
  $("present").textContent = on_ ? "Stop presenting" : "Present";
  S.stage?.setPresenter?.(on_);
  if (S.result) fitStage();
  if (on_) requestAnimationFrame(showStage);
  $("present").focus({ preventScroll: true });
}

// showStage scrolls to what the class should see: beside the code when
// the stage is pinned beside it, or the stage itself on a narrow screen
// (a projector zoomed in), where it comes first and the code below.
function showStage() {
  const pinned = getComputedStyle($("stage-block")).position === "sticky";
  if (pinned) figureOf(S.index)?.scrollIntoView({ block: "start" });
  else $("stage-block").scrollIntoView({ block: "start" });
}

$("present").addEventListener("click", () => setPresenting(!presenting()));
on("present", (want) => setPresenting(want ?? !presenting()));
on("scenario", () => { if (presenting()) requestAnimationFrame(showStage); });
