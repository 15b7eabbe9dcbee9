// Try steps: a lesson's "try this" as a button. It puts its scenario on
// the stage, sets the numbers the step names, runs it from the start and
// says what the run on the stage shows, beside what the lesson expects.
// The build has checked that the simulation gives it.
import { S, lessons, original } from "./state.js";
import { show, ownCode } from "./routing.js";
import { editing, leaveEdit } from "./editor.js";
import { apply, numbersOf } from "./numbers.js";
import { simulate } from "./simulate.js";
import { measure } from "./verdict.js";
import { el } from "./dom.js";

// sourceOf is where a step's number lives, as the build set it: the
// requests; the code, whose numbers the second version follows; or a
// number only the second version's own code has.
const sourceOf = (id, version) => (id.startsWith("load.") ? "load"
  : version === "B" && S.compare?.base && !numbersOf("A").some((n) => n.id === id) ? "B" : "A");

// run performs a try step; it returns what it found, for tests.
export function runTry(aside) {
  const t = JSON.parse(aside.dataset.try);
  const l = lessons.find((x) => x.article.contains(aside));
  if (S.lesson !== l || S.index !== t.scenario) show(l, t.scenario);
  // A step drags numbers: it happens in the code's view, not under the
  // editor, whose text would otherwise overwrite the step's numbers at
  // the next keystroke (leaving runs the last keystrokes first).
  if (editing()) leaveEdit(false);
  // A step starts from the lesson's numbers, as the build ran it, unless
  // the learner changed more than numbers: their code stays, and the
  // result says the edits change it.
  const o = original();
  let changed = false;
  if (!ownCode() && (S.code !== o.code || S.load !== (o.load || "") || Object.keys(S.compare?.own || {}).length)) {
    S.code = o.code;
    S.load = o.load || "";
    if (S.compare) S.compare.own = {};
    changed = true;
  }
  for (const [id, value] of Object.entries(t.set || {})) changed = apply(sourceOf(id, t.version), id, value) || changed;
  if (changed) simulate({ keepPlayhead: false });
  const m = t.measure ? measure(t.measure, t.version) : { error: "" };
  let out = aside.querySelector(".try-result");
  if (!out) {
    out = el("p", { className: "try-result" });
    out.setAttribute("role", "status");
    aside.append(out);
  }
  const text = (v) => figureText(v, t.unit);
  out.hidden = false;
  if (m.value != null) {
    out.textContent = `The run on the stage shows ${text(m.value)}${near(m.value, t) ? "" : ` (the lesson expected about ${text(t.expect)}: your edits change it)`}.`;
    aside.classList.add("tried");
  } else {
    out.textContent = `The run could not be measured${m.error ? `: ${m.error}` : ""}.`;
  }
  requestAnimationFrame(() => { S.stage?.seek(0); S.stage?.play(); });
  return { value: m.value ?? null, expect: t.expect, text: out.textContent };
}

// near is the build's rule for a try step (and the page's for a typed
// prediction): counts exactly, other figures within a tenth or 0.05.
const near = (v, t) => (counts.has(t.unit) ? v === t.expect : Math.abs(v - t.expect) <= Math.max(0.1 * t.expect, 0.05) + 1e-9);
const counts = new Set(["requests", "warnings"]);

// figureText writes a figure in the unit the build measured it in.
function figureText(v, unit) {
  switch (unit) {
    case "min": return `${Number(v.toFixed(2))} min`;
    case "fps": return `${Math.round(v)} frames a second`;
    case "requests": return `${Math.round(v)} ${Math.round(v) === 1 ? "request" : "requests"} answered`;
    case "warnings": return `${Math.round(v)} ${Math.round(v) === 1 ? "warning" : "warnings"}`;
    case "requests/s": return `${v.toFixed(2)} requests/s`;
    default: return `${Number(v.toFixed(3))} s`; // as the lesson writes it: 1.525 s
  }
}

document.addEventListener("click", (ev) => {
  const b = ev.target.closest?.("button.try-run");
  if (!b) return;
  const aside = b.closest("aside.try");
  if (aside) runTry(aside);
});
