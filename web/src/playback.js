// The playhead: a loop that follows the stage's clock and tells the page
// when it moved, the playback controls, the caption under the stage, and
// the page's keys.
import { $, el } from "./dom.js";
import { S, drawn, ready } from "./state.js";
import { boot } from "./boot.js";
import { preview } from "./picture.js";
import { on, emit } from "./events.js";
import { setStageHover } from "./codepanel.js";
import { renderGameStats } from "./figures.js";
import { goRelative } from "./routing.js";

let scrubbing = false;
let gameStatsAt = 0;
export let playState = { t: 0, duration: 0, playing: false };

function tick() {
  if (S.stage) {
    const st = JSON.parse(S.stage.state());
    playState = st;
    if (st.t !== S.playhead) {
      S.playhead = st.t;
      emit("playhead", st);
    }
    const r = S.result;
    const hover = r && !r.pipeline && !r.game ? JSON.parse(S.stage.hoverLine()) : null;
    setStageHover(hover && hover.line ? `${hover.version}:${hover.line}` : "");
    if (r?.game && performance.now() - gameStatsAt > 250) {
      gameStatsAt = performance.now();
      renderGameStats();
    }
    // The pipeline plays a minute a second: its clock says minutes. While
    // a question is open the run's length is not said: it is often the
    // answer.
    const clock = r?.pipeline ? `${st.t.toFixed(1)} min of ${st.duration.toFixed(1)} min`
      : S.secret ? `${st.t.toFixed(3)} s` : `${st.t.toFixed(3)} s of ${st.duration.toFixed(3)} s`;
    if ($("clock").textContent !== clock) $("clock").textContent = clock;
    const label = st.playing ? "❚❚ Pause" : "▶ Play";
    if ($("play").textContent !== label) {
      $("play").textContent = label;
      $("play").setAttribute("aria-pressed", String(st.playing));
    }
    if (!scrubbing) $("scrub").value = st.duration > 0 ? Math.round((1000 * st.t) / st.duration) : 0;
    drawn(st.drawn, st.drawnAt);
  }
  requestAnimationFrame(tick);
}
export const start = () => requestAnimationFrame(tick);

// The caption says what happens at the playhead, in words.
function renderCaption() {
  const c = $("caption");
  // Before the stage has started, the build's sentence for the moment it
  // opens on, so the caption does not appear (and move the page) then.
  const r = S.result || preview();
  if (!r || r.pipeline || r.game || (!S.stage && !r.caption)) { c.replaceChildren(); return; }
  const lines = S.stage ? JSON.parse(S.stage.caption(S.playhead)) || [] : r.caption;
  // In compare mode each line is named by its version, not by a letter
  // that a lesson's own names (jobs A and B) could be mistaken for.
  const label = (i) => (lines.length > 1 && S.compare ? `${i === 0 ? S.compare.labelA : S.compare.labelB}: ` : "");
  c.replaceChildren(...lines.map((text, i) => el("span", { textContent: label(i) + text })));
}
on("playhead", renderCaption);
on("run", (ok) => { if (ok || !S.result) renderCaption(); });

// Play before the stage has started starts it, and plays once it has.
let playWhenReady = false;
ready.then(() => { if (playWhenReady) S.stage?.play(); });

export function togglePlay() {
  if (!S.stage) { playWhenReady = true; boot(); return; }
  if (JSON.parse(S.stage.state()).playing) S.stage.pause(); else S.stage.play();
}

$("play").addEventListener("click", togglePlay);
$("step-back").addEventListener("click", () => S.stage?.step(-1));
$("step-fwd").addEventListener("click", () => S.stage?.step(1));
$("scrub").addEventListener("input", () => {
  scrubbing = true;
  if (S.stage && S.result) S.stage.seek((Number($("scrub").value) / 1000) * S.result.duration);
});
$("scrub").addEventListener("change", () => { scrubbing = false; });
$("zoom-in").addEventListener("click", () => S.stage?.zoomBy(0.5));
$("zoom-out").addEventListener("click", () => S.stage?.zoomBy(2));
$("zoom-fit").addEventListener("click", () => S.stage?.fit());
$("prev").addEventListener("click", () => goRelative(-1));
$("next").addEventListener("click", () => goRelative(1));

// typing says the learner is using the keys for something else: a text
// field, the code editor, a number, a slider.
function typing(e) {
  if (!e || e === document.body) return false;
  return e.tagName === "TEXTAREA" || e.tagName === "INPUT" || e.tagName === "SELECT" || e.tagName === "IFRAME" ||
    e.isContentEditable || !!e.closest?.(".code-view, .cm-editor, #live, dialog");
}

// The page's keys: ← and → change lesson (step, when presenting), Space
// plays, P presents and Escape stops; never
// while a number, the code, a field or the stage has the keys.
document.addEventListener("keydown", (ev) => {
  if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.defaultPrevented || typing(document.activeElement)) return;
  const onControl = ["BUTTON", "SUMMARY", "A"].includes(document.activeElement?.tagName);
  // Presenting, the arrows step through the run instead of the lessons.
  const presenting = document.body.classList.contains("presenting");
  if (ev.key === "ArrowLeft") presenting ? S.stage?.step(-1) : goRelative(-1);
  else if (ev.key === "ArrowRight") presenting ? S.stage?.step(1) : goRelative(1);
  else if (ev.key === " " && !onControl) togglePlay();
  else if ((ev.key === "p" || ev.key === "P") && !ev.shiftKey) emit("present");
  else if (ev.key === "Escape" && document.body.classList.contains("presenting")) emit("present", false);
  else return;
  ev.preventDefault();
});
