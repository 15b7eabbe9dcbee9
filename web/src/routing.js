// Routing and links: "#/slug?s=1&rude.sleep=2" names a lesson, its
// scenario and the numbers the learner changed; "code=" and "load=" carry
// edited text (see share.js). Every change writes the link again, so the
// address always reproduces what the learner sees.
import { $ } from "./dom.js";
import { S, lessons, bySlug, original, editKey } from "./state.js";
import { store } from "./store.js";
import { numbersIn, numbersOf, apply } from "./numbers.js";
import { pack, unpack, MaxLink } from "./share.js";
import { emit } from "./events.js";
import { simulate } from "./simulate.js";

const safeDecode = (s) => { try { return decodeURIComponent(s); } catch { return s; } };
const shorten = (s) => (s.length > 60 ? s.slice(0, 57) + "…" : s);

function parseHash() {
  const m = location.hash.match(/^#\/([^?]*)(?:\?(.*))?$/);
  if (!m || !bySlug.has(m[1])) {
    const asked = location.hash.startsWith("#/") && location.hash.length > 2;
    const notes = asked ? [`${shorten(safeDecode(location.hash.slice(2)))}: no lesson has that name, so here is the first one.`] : [];
    return { slug: lessons[0].slug, params: new URLSearchParams(), notes };
  }
  let params;
  try { params = new URLSearchParams(m[2] || ""); } catch { params = new URLSearchParams(); }
  return { slug: m[1], params, notes: [] };
}

// Parameters the page reads itself; the rest are the code's numbers, for
// the simulator's link decoder.
const pageParam = (k) => k === "s" || k === "code" || k === "load";

let routed = ""; // the hash the page last showed or wrote
export const resetRouted = () => { routed = ""; };

// route shows what the address names. A link's texts are unpacked first.
export async function route() {
  if (location.hash === routed && S.result) return; // written by updateHash
  const { slug, params, notes } = parseHash();
  const l = bySlug.get(slug);
  const asked = params.get("s");
  let s = 0;
  if (asked !== null) {
    const whole = /^[0-9]+$/.test(asked);
    s = whole ? Number(asked) : 0;
    if (!whole) notes.push(`s=${shorten(asked)}: not a scenario number, so the first scenario is shown.`);
    else if (s >= l.scenarios.length) notes.push(`s=${asked}: this lesson has ${l.scenarios.length} scenario${l.scenarios.length > 1 ? "s" : ""}, so the last one is shown.`);
  }
  const texts = {};
  for (const k of ["code", "load"]) {
    if (!params.has(k)) continue;
    try { texts[k] = await unpack(params.get(k)); } catch { notes.push(`${k}=…: not a text this page wrote, so the lesson's ${k === "code" ? "code" : "requests"} are shown.`); }
  }
  show(l, s, { params, notes, texts });
}

// show puts scenario i of lesson l on the stage: the learner's saved edits,
// or what a link asks for.
export function show(l, i, { params = null, notes = [], texts = {} } = {}) {
  const newLesson = S.lesson !== l;
  S.lesson = l;
  S.index = Math.min(Math.max(i || 0, 0), l.scenarios.length - 1);
  const o = original();
  const saved = store.get(editKey(), null);
  S.code = texts.code ?? (saved ? saved.code : o.code);
  S.load = texts.load ?? (saved ? saved.load : o.load || "");
  S.settings = o.settings || "";
  S.compare = o.compare || o.compareSettings ? {
    base: o.compare || null, settings: o.compareSettings || S.settings,
    labelA: o.options?.a || "first", labelB: o.options?.b || "second", own: { ...(saved?.own || {}) },
  } : null;
  const linkNotes = [...notes];
  if (params && S.stage) linkNotes.push(...applyLinkNumbers(params, texts));
  showLinkNotice(linkNotes);
  emit("scenario", { newLesson });
  if (newLesson) window.scrollTo(0, 0); // another scenario of the same lesson keeps the place
  simulate({ keepPlayhead: false });
}

// applyLinkNumbers sets the numbers a link gives: the code's and the
// load's through the simulator's decoder (which clamps them to their ranges
// and says what it ignored), version B's here.
function applyLinkNumbers(params, texts) {
  const notes = [];
  const rest = new URLSearchParams([...params].filter(([k]) => !pageParam(k) && !k.startsWith("B.")));
  if ([...rest.keys()].length) {
    const load = texts.load == null ? original().load || "" : null;
    const r = JSON.parse(S.stage.applyLink(`#/${S.lesson.slug}?${rest}`, texts.code ?? original().code, load));
    if (r) {
      S.code = r.code;
      if (r.load != null) S.load = r.load;
      notes.push(...(r.notes || []));
    }
  }
  for (const [k, v] of params) {
    if (!k.startsWith("B.")) continue;
    const id = k.slice(2);
    const known = numbersOf("B").some((n) => n.id === id);
    if (!known || !apply("B", id, Number(v))) notes.push(`${shorten(k)}: ${known ? "not a value it can take" : "this scenario has no such number"}.`);
  }
  return notes;
}

// showLinkNotice says what a link asked for that the page could not do;
// the lesson opens with defaults for those parts.
function showLinkNotice(notes) {
  const box = $("link-notice");
  box.hidden = !notes.length;
  if (notes.length) $("link-notice-text").textContent = "Parts of this link were ignored:\n" + notes.map((n) => "• " + n).join("\n");
}
$("link-notice-close").addEventListener("click", () => { $("link-notice").hidden = true; });

// linkParams are the parameters that reproduce the stage: changed numbers
// by id, or the packed text when it changed beyond its numbers.
async function linkParams() {
  const o = original();
  const params = new URLSearchParams();
  if (S.index > 0) params.set("s", S.index);
  if (S.code !== o.code) {
    const rebuilt = numbersOnly(o.code, S.code, "code");
    if (rebuilt) for (const [k, v] of rebuilt) params.set(k, v);
    else params.set("code", await pack(S.code));
  }
  if (S.load !== (o.load || "")) {
    const rebuilt = numbersOnly(o.load || "", S.load, "load");
    if (rebuilt) for (const [k, v] of rebuilt) params.set(k, v);
    else params.set("load", await pack(S.load));
  }
  for (const [id, v] of Object.entries(S.compare?.own || {})) params.set("B." + id, v);
  return params;
}

// ownCode says the learner changed the code or the requests beyond their
// numbers: what is on the stage is no longer the lesson's scenario.
export function ownCode() {
  const o = original();
  return !numbersOnly(o.code, S.code, "code") || !numbersOnly(o.load || "", S.load, "load");
}

// numbersOnly lists [id, raw] of the numbers that differ when text is
// base with only numbers changed, or returns null.
export function numbersOnly(base, text, kind) {
  const a = numbersIn(base, kind), b = numbersIn(text, kind);
  if (a.length !== b.length || a.some((n, k) => n.id !== b[k].id)) return null;
  let rebuilt = "", at = 0;
  const out = [];
  a.forEach((n, k) => {
    rebuilt += base.slice(at, n.start) + b[k].raw;
    at = n.end;
    if (b[k].raw !== n.raw) out.push([n.id, b[k].raw]);
  });
  return rebuilt + base.slice(at) === text ? out : null;
}

let writing = 0;
// updateHash writes the link of what is on the stage.
export async function updateHash() {
  // Before the simulator is up a link's numbers are not set yet: the
  // address keeps them for route() to apply when it is.
  if (!S.stage) return;
  const mine = ++writing;
  const params = await linkParams();
  if (mine !== writing) return; // a newer change wrote it
  const q = params.toString();
  const h = `#/${S.lesson.slug}${q ? "?" + q : ""}`;
  routed = h;
  if (location.hash !== h) history.replaceState(null, "", h);
}

// linkTooLong says whether the current link is too long to share.
export const linkTooLong = () => location.href.length > MaxLink;

// go opens a lesson (and scenario) through the address, so Back works.
export function go(slug, scenario = 0) {
  const h = `#/${slug}${scenario > 0 ? "?s=" + scenario : ""}`;
  if (location.hash === h) { routed = ""; route(); } else location.hash = h;
}

export function goRelative(d) {
  const i = lessons.indexOf(S.lesson) + d;
  if (i >= 0 && i < lessons.length) go(lessons[i].slug);
}
