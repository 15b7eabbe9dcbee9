// The narrated log ("What happens") and the console follow the playhead:
// they show what has happened up to it, as a terminal would have printed
// it. In compare mode a switch picks version A's or B's.
import { $, el } from "./dom.js";
import { S } from "./state.js";
import { on } from "./events.js";

let version = "A";
let shownUpTo = -1;
let consoleShown = -1;
const maxShown = 200;

// run is the run whose log shows: the first version's or the compare's.
const run = () => (version === "B" && S.result?.compare ? S.result.compare : S.result);

function countUpTo(list, t) {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].t <= t + 1e-9) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// scrollToEnd keeps a list at its newest line. Reading scrollHeight right
// after changing the DOM would force a layout in the middle of a number
// change; in the next animation frame it costs nothing extra.
const toScroll = new Set();
function scrollToEnd(e) {
  if (!toScroll.size) requestAnimationFrame(() => { for (const x of toScroll) x.scrollTop = x.scrollHeight; toScroll.clear(); });
  toScroll.add(e);
}

const logItem = (l) => el("li", { className: `ev-${l.kind}` }, el("span", { className: "t", textContent: `${l.t.toFixed(3)} s` }), " " + l.text);

function renderNarration(r, t, reset) {
  const ol = $("log");
  // A long run's log stays in the simulator; the page asks for the lines
  // it is about to show.
  let count, lines;
  if (r.log) {
    count = countUpTo(r.log, t);
    lines = (from, to) => r.log.slice(from, to);
  } else {
    const page = JSON.parse(S.stage.logWindow(t, maxShown, reset ? 0 : Math.max(shownUpTo, 0)));
    count = page.count;
    const base = count - page.lines.length;
    lines = (from, to) => page.lines.slice(Math.max(from - base, 0), to - base);
  }
  if (reset || count !== shownUpTo) {
    if (reset || count < shownUpTo || count - shownUpTo > maxShown) {
      if (!reset && !r.log && count < shownUpTo) return renderNarration(r, t, true); // scrubbed back: fetch the window afresh
      ol.replaceChildren(...lines(Math.max(0, count - maxShown), count).map(logItem));
    } else {
      ol.append(...lines(shownUpTo, count).map(logItem));
      while (ol.children.length > maxShown) ol.firstChild.remove();
    }
    shownUpTo = count;
    scrollToEnd(ol);
  }
}

export function renderLog(reset) {
  const r = run();
  if (!r) {
    $("log").replaceChildren();
    $("console").textContent = "";
    shownUpTo = consoleShown = -1;
    return;
  }
  const t = S.playhead;
  // A run with nothing to narrate (a script that only prints, in no time)
  // still empties the last run's log and shows its own console.
  if (r.log || (r.logCount && S.stage)) renderNarration(r, t, reset);
  else if (reset) { $("log").replaceChildren(); shownUpTo = 0; }
  if (reset) consoleShown = -1;
  const out = consoleLines(r);
  const shown = countUpTo(out, t);
  if (shown === consoleShown) return;
  consoleShown = shown;
  const con = $("console");
  if (!out.length) { con.textContent = "(nothing printed)"; return; }
  con.replaceChildren(...out.slice(0, shown).map((l) => el("span", { className: l.kind, textContent: l.text + "\n" })));
  scrollToEnd(con);
}

// consoleLines merges prints and warnings in time order, once per run.
const consoleCache = new WeakMap();
function consoleLines(r) {
  let lines = consoleCache.get(r);
  if (!lines) {
    lines = [
      ...(r.prints || []).map((p) => ({ t: p.t, text: p.text, kind: "out" })),
      ...(r.warnings || []).map((w) => ({ t: w.t, text: w.text, kind: "warn" })),
    ].sort((a, b) => a.t - b.t);
    // CPython prints asyncio's slow-step warnings only in debug mode; the
    // simulator reports them always. Outside debug mode, say so once.
    const slow = r.debug ? -1 : lines.findIndex((l) => l.kind === "warn" && l.text.startsWith("Executing "));
    if (slow >= 0) lines.splice(slow, 0, { t: lines[slow].t, kind: "note",
      text: "[LoopLab: CPython prints the “Executing … took” warnings only in asyncio's debug mode (PYTHONASYNCIODEBUG=1); LoopLab shows them always, marked ▲ on the stage]" });
    if (r.unrouted?.length) lines.unshift({ t: 0, kind: "note",
      text: `[LoopLab: every request got 404 Not Found: the app has no route for ${r.unrouted.join(", ")}. Edit the requests under the code to match its routes.]` });
    const end = ending(r);
    if (end) lines.push({ t: r.duration, text: end, kind: "note" });
    consoleCache.set(r, lines);
  }
  return lines;
}

// ending is LoopLab's word, after the program's output, on a run that did
// not end by itself: one stopped at a limit, or one where what still
// waits can never be woken (CPython hangs there: a deadlock, an event
// nobody sets, a lock taken twice).
function ending(r) {
  const waiting = (r.pending || []).join("; ");
  if (r.stopped) return `[LoopLab: the run ${r.stopped}${waiting ? `. Not finished: ${waiting}` : ""}.]`;
  if (waiting) return `[LoopLab: the program never ends: nothing is left that could wake what waits (${waiting}). CPython would hang here until Ctrl-C.]`;
  return "";
}

// The switch between the versions' logs, shown in compare mode only.
function renderSwitch() {
  const c = S.compare;
  const box = $("log-version");
  box.hidden = !c;
  if (!c) { version = "A"; return; }
  for (const b of box.querySelectorAll("button")) {
    const v = b.dataset.version;
    b.textContent = `${v} · ${v === "A" ? c.labelA : c.labelB}`;
    b.setAttribute("aria-pressed", String(v === version));
  }
  $("log-title").textContent = "What happens";
}
$("log-version").addEventListener("click", (ev) => {
  const b = ev.target.closest("button[data-version]");
  if (!b || b.dataset.version === version) return;
  version = b.dataset.version;
  renderSwitch();
  renderLog(true);
});

on("scenario", () => { version = "A"; });
on("run", (ok) => { renderSwitch(); if (ok || !S.result) renderLog(true); });
on("playhead", () => renderLog(false));

// logText is what the log shows now, for tests.
export const logText = () => [...$("log").children].map((li) => li.textContent);
export const showVersion = (v) => { version = v === "B" ? "B" : "A"; renderSwitch(); renderLog(true); };
