// Try steps: a lesson's "try this" as a button. It puts its scenario on
// the stage, sets the numbers the step names, runs it from the start and
// says what the run on the stage shows, beside what the lesson expects.
// The build has checked that the simulation gives it.
import { S, lessons } from "./state.js";
import { show } from "./routing.js";
import { apply } from "./numbers.js";
import { simulate } from "./simulate.js";
import { measure, seconds } from "./verdict.js";
import { el } from "./dom.js";

// sourceOf is where a step's number lives: the requests, version B, or
// the code.
const sourceOf = (id, version) => (id.startsWith("load.") ? "load" : version === "B" ? "B" : "A");

// run performs a try step; it returns what it found, for tests.
export function runTry(aside) {
  const t = JSON.parse(aside.dataset.try);
  const l = lessons.find((x) => x.article.contains(aside));
  if (S.lesson !== l || S.index !== t.scenario) show(l, t.scenario);
  let changed = false;
  for (const [id, value] of Object.entries(t.set || {})) changed = apply(sourceOf(id, t.version), id, value) || changed;
  if (changed) simulate({ keepPlayhead: false });
  const m = t.measure ? measure(t.measure, t.version) : { error: "" };
  let out = aside.querySelector(".try-result");
  if (!out) {
    out = el("p", { className: "try-result" });
    out.setAttribute("role", "status");
    aside.append(out);
  }
  const isCount = t.measure === "answered";
  const text = (v) => (isCount ? String(Math.round(v)) : t.measure === "throughput" ? `${v.toFixed(2)} requests/s` : seconds(v));
  if (m.value != null) {
    const near = Math.abs(m.value - t.expect) <= Math.max(0.1 * Math.abs(t.expect), isCount ? 0.5 : 0.05);
    out.textContent = `The run on the stage shows ${text(m.value)}${near ? "" : ` (the lesson expected about ${text(t.expect)}: your edits change it)`}.`;
    aside.classList.toggle("tried", true);
  } else if (m.error) {
    out.textContent = `The run could not be measured: ${m.error}.`;
  }
  requestAnimationFrame(() => { S.stage?.seek(0); S.stage?.play(); });
  return { value: m.value ?? null, expect: t.expect, text: out.textContent };
}

document.addEventListener("click", (ev) => {
  const b = ev.target.closest?.("button.try-run");
  if (!b) return;
  const aside = b.closest("aside.try");
  if (aside) runTry(aside);
});
