// Changing a number: drag it, nudge it with the arrow keys, or type a
// value. Focus stays on the number through every re-run, so the keys keep
// working, and the hint says the number's range and when a value was kept
// inside it.
import { $ } from "./dom.js";
import { S } from "./state.js";
import { apply, decimals, numbersOf, lessonRange, unitOf } from "./numbers.js";
import { simulate } from "./simulate.js";

// Numbers are in the code panel, and in presenter mode in the bar under
// the stage too; one set of handlers serves both.
const places = [$("live"), $("numbers-bar")];

// cut is the last arrow step the number's range cut short (see nudge).
let cut = null; // { src, id, at, from, keep: from's decimals }

// setNumber sets a number and re-runs; it says whether anything changed.
// keep is how many decimals it keeps at least (see apply).
export function setNumber(src, id, value, keep = 0) {
  cut = null;
  showRange(src, id, value);
  if (!apply(src, id, value, keep)) return false;
  // A change before the simulator has started waits for it (frame.js).
  if (!S.stage) S.waiting = true;
  simulate();
  return true;
}

const numberOf = (el) => numbersOf(el.dataset.src || "A").find((n) => n.id === el.dataset.id);

function showRange(src, id, wanted) {
  const cur = numbersOf(src).find((x) => x.id === id);
  const out = $("number-range");
  if (!cur) { out.textContent = ""; return; }
  const r = lessonRange(src, id, cur);
  const unit = unitOf(cur);
  const name = cur.label || id;
  const clamped = Number.isFinite(wanted) && (wanted < r.min || wanted > r.max);
  out.classList.toggle("clamped", clamped);
  out.textContent = clamped
    ? `${name} stays between ${r.min} and ${r.max}${unit}.`
    : `${name}: ${r.min} to ${r.max}${unit}, step ${r.step}.`;
}

let drag = null;
for (const place of places) place.addEventListener("pointerdown", (ev) => {
  const el = ev.target.closest(".num");
  if (!el || ev.button > 0) return;
  const n = numberOf(el);
  if (!n) return;
  ev.preventDefault();
  el.focus({ preventScroll: true });
  const src = el.dataset.src || "A";
  const r = lessonRange(src, n.id, n);
  drag = { src, id: n.id, x: ev.clientX, value: n.value, step: r.step, moved: false, pointer: ev.pointerId, place: ev.currentTarget };
  drag.place.setPointerCapture(ev.pointerId);
  document.body.classList.add("dragging");
});
const onMove = (ev) => {
  if (!drag || ev.pointerId !== drag.pointer) return;
  const dx = ev.clientX - drag.x;
  if (Math.abs(dx) < 3 && !drag.moved) return;
  drag.moved = true;
  const stepsPerPx = ev.shiftKey ? 0.1 : 0.25;
  setNumber(drag.src, drag.id, drag.value + Math.round(dx * stepsPerPx) * drag.step);
};
const endDrag = (ev) => {
  if (!drag) return;
  const { src, id, moved, place } = drag;
  drag = null;
  document.body.classList.remove("dragging");
  try { place.releasePointerCapture(ev.pointerId); } catch { /* already released */ }
  if (!moved && ev.type === "pointerup") openNumberInput(place, src, id);
};
for (const place of places) {
  place.addEventListener("pointermove", onMove);
  place.addEventListener("pointerup", endDrag);
  place.addEventListener("pointercancel", endDrag);
  place.addEventListener("focusin", onFocus);
  place.addEventListener("keydown", onKey);
}
function onFocus(ev) {
  if (ev.target.classList.contains("num")) showRange(ev.target.dataset.src || "A", ev.target.dataset.id, NaN);
}
function onKey(ev) {
  const el = ev.target.closest?.(".num");
  if (!el || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const n = numberOf(el);
  if (!n) return;
  const src = el.dataset.src || "A";
  const step = lessonRange(src, n.id, n).step * (ev.shiftKey ? 10 : 1);
  if (ev.key === "ArrowUp" || ev.key === "ArrowRight") nudge(src, n, step);
  else if (ev.key === "ArrowDown" || ev.key === "ArrowLeft") nudge(src, n, -step);
  else if (ev.key === "PageUp") nudge(src, n, step * 10);
  else if (ev.key === "PageDown") nudge(src, n, -step * 10);
  else if (ev.key === "Home") setNumber(src, n.id, lessonRange(src, n.id, n).min);
  else if (ev.key === "End") setNumber(src, n.id, lessonRange(src, n.id, n).max);
  else if (ev.key === "Enter" || /^[0-9.]$/.test(ev.key)) openNumberInput(ev.currentTarget, src, n.id, /^[0-9.]$/.test(ev.key) ? ev.key : null);
  else return;
  ev.preventDefault();
  ev.stopPropagation();
}

// nudge moves a number by delta from the value it has, keeping its
// decimals (see apply), so the opposite key brings back the value it
// left: WORK = 0.008 goes to 0.018 and back, not to 0.02 and then 0.01.
// A step the range cut short (0.008 down to 0) is remembered, so the
// opposite key goes back to where it came from there too.
function nudge(src, n, delta) {
  const r = lessonRange(src, n.id, n);
  let to = n.value + delta;
  const back = cut && cut.src === src && cut.id === n.id && Math.abs(cut.at - n.value) < 1e-9 && Math.sign(cut.from - cut.at) === Math.sign(delta);
  if (back) to = cut.from;
  const kept = Math.min(r.max, Math.max(r.min, to));
  const was = cut;
  setNumber(src, n.id, to, back ? was.keep : 0); // forgets the cut
  if (kept !== to) cut = Math.abs(kept - n.value) < 1e-9 ? was : { src, id: n.id, at: kept, from: n.value, keep: decimals(n.raw) };
}

// openNumberInput lets the learner type a value in place.
function openNumberInput(place, src, id, first) {
  const el = place.querySelector(`.num[data-src="${CSS.escape(src)}"][data-id="${CSS.escape(id)}"]`);
  const n = numbersOf(src).find((x) => x.id === id);
  if (!el || !n) return;
  const r = lessonRange(src, id, n);
  const input = document.createElement("input");
  input.className = "num-input";
  input.inputMode = "decimal";
  input.value = first ?? n.raw;
  input.size = Math.max(3, input.value.length + 1);
  input.setAttribute("aria-label", `${n.label || id} (from ${r.min} to ${r.max}${unitOf(n, true)})`);
  el.replaceWith(input);
  input.focus();
  if (first == null) input.select();
  let done = false;
  const back = () => place.querySelector(`.num[data-src="${CSS.escape(src)}"][data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  const commit = (keep) => {
    if (done) return;
    done = true;
    const changed = keep && setNumber(src, id, parseFloat(input.value));
    if (!changed) input.replaceWith(el);
    back();
  };
  input.addEventListener("keydown", (ev) => {
    ev.stopPropagation();
    if (ev.key === "Enter") { ev.preventDefault(); commit(true); }
    if (ev.key === "Escape") { ev.preventDefault(); commit(false); }
  });
  input.addEventListener("blur", () => commit(true));
}
