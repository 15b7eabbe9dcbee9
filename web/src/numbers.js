// The numbers a learner drags: in the code (version A), in the compare
// version's code (B) and in the requests (load). The simulator finds them
// and gives each an id, a label and a range; this module sets them.
import { S, lessons, original, sceneOf } from "./state.js";

const cache = new Map(); // "kind\0text" → numbers

// built are the numbers the build found in each block's texts, so the
// page offers them before the simulator has started.
const built = new Map();
for (const l of lessons) {
  for (const o of l.scenarios) {
    built.set("code\0" + o.code, o.numbers || []);
    if (o.load) built.set("load\0" + o.load, o.loadNumbers || []);
    if (o.compare) built.set("code\0" + o.compare, o.compareNumbers || []);
  }
}

// numbersIn lists the scrubbable numbers of a text: kind "code" or "load".
export function numbersIn(text, kind = "code") {
  const key = kind + "\0" + text;
  let list = cache.get(key) || built.get(key);
  if (!list && S.stage) {
    const api = kind === "load" ? S.stage.loadNumbers : S.stage.numbers;
    list = api ? JSON.parse(api(text)) || [] : [];
    cache.set(key, list);
    if (cache.size > 64) cache.delete(cache.keys().next().value);
  }
  return list || [];
}

// remember keeps numbers the simulator already gave for a text.
export function remember(text, kind, list) { cache.set(kind + "\0" + text, list || []); }

// compareCode is the second version's code: its own text with the first
// version's numbers where they share an id, except those the learner set
// on it alone.
export function compareCode() {
  const c = S.compare;
  if (!c.base) return S.code;
  const inA = new Map(numbersIn(S.code).map((n) => [n.id, n.value]));
  let text = c.base;
  for (const n of numbersIn(c.base)) {
    const v = c.own[n.id] ?? inA.get(n.id);
    if (v == null || v === n.value) continue;
    text = replaceIn(text, "code", n.id, v, lessonRange("B", n.id), decimals(String(v))) ?? text;
  }
  return text;
}

// textOf is the text a source's numbers live in.
export const textOf = (src) => (src === "load" ? S.load : src === "B" ? compareCode() : S.code);
const kindOf = (src) => (src === "load" ? "load" : "code");

// numbersOf lists the numbers of a source as they are now.
export const numbersOf = (src) => numbersIn(textOf(src), kindOf(src));

// lessonRange is a number's range as the lesson wrote it, so dragging to
// the end does not widen it (a simulator number's range grows with its
// value); numbers the learner added get their own.
export function lessonRange(src, id, fallback) {
  const o = original();
  const text = src === "load" ? o.load || "" : src === "B" && o.compare ? o.compare : o.code;
  const n = numbersIn(text, kindOf(src)).find((x) => x.id === id);
  return n ? { min: n.min, max: n.max, step: n.step } : fallback && { min: fallback.min, max: fallback.max, step: fallback.step };
}

// withRanges gives a source's numbers the lesson's ranges, for drawing.
export const withRanges = (src) => numbersOf(src).map((n) => ({ ...n, ...lessonRange(src, n.id, n), src }));

// replaceIn sets number id in text to value, kept inside range and on its
// step, and returns the new text (null: no such number). The value keeps
// as many decimals as the number has now, so a step from WORK = 0.008
// gives 0.018, and the step back 0.008 again, not 0.02 and 0.01.
function replaceIn(text, kind, id, value, range, keep = 0) {
  const n = numbersIn(text, kind).find((x) => x.id === id);
  if (!n || !Number.isFinite(value)) return null;
  const r = range || n;
  const v = Math.min(r.max, Math.max(r.min, value));
  const raw = format(r.step, v, Math.max(decimals(n.raw), keep));
  const next = text.slice(0, n.start) + raw + text.slice(n.end);
  // Before the simulator has started nobody can find the new text's
  // numbers: they are the old ones, this one changed and those after it
  // moved along.
  if (!S.stage) remember(next, kind, moved(numbersIn(text, kind), n, raw));
  return next;
}

// moved is a text's numbers after number n's text became raw.
function moved(list, n, raw) {
  const d = raw.length - (n.end - n.start);
  return list.map((x) => (x.id === n.id ? { ...x, raw, value: Number(raw), end: x.start + raw.length }
    : x.start > n.start ? { ...x, start: x.start + d, end: x.end + d, col: x.line === n.line ? x.col + d : x.col } : x));
}

// decimals is how many digits a number's text has after its point (at
// most 6): "0.008" has 3, "2" and "1e-3" none.
export function decimals(raw) {
  const m = /^[^eE]*\.(\d+)/.exec(String(raw ?? ""));
  return m ? Math.min(m[1].length, 6) : 0;
}

// format writes a value with as many decimals as its step needs, or as
// keep says when that is more.
export function format(step, v, keep = 0) {
  if (step >= 1 && keep === 0) return String(Math.round(v));
  const digits = Math.max(step >= 1 ? 0 : step < 0.1 ? 2 : 1, keep);
  return String(Number(v.toFixed(digits)));
}

// apply sets a number and reports whether the text changed; the caller
// re-simulates. The number keeps its decimals, or keep of them if more.
export function apply(src, id, value, keep = 0) {
  const range = lessonRange(src, id, numbersOf(src).find((x) => x.id === id));
  if (!range || !Number.isFinite(value)) return false;
  if (src === "B") {
    const v = Math.min(range.max, Math.max(range.min, value));
    const before = compareCode();
    const now = numbersOf("B").find((x) => x.id === id);
    S.compare.own[id] = Number(format(range.step, v, Math.max(decimals(now?.raw), keep)));
    return compareCode() !== before;
  }
  const next = replaceIn(textOf(src), kindOf(src), id, value, range, keep);
  if (next == null || next === textOf(src)) return false;
  if (src === "load") S.load = next; else S.code = next;
  return true;
}

// unitOf is what a number counts, as a learner reads it after the value:
// " s" for a duration, " min" for the pipeline's (it counts minutes).
export const unitOf = (n, long = false) => (!n.seconds ? "" : sceneOf().scene === "pipeline" ? (long ? " minutes" : " min") : long ? " seconds" : " s");
