// The code panel: it lives in the lesson, inside the figure of the
// scenario on the stage, so the learner drags a number beside the text
// that asks for it while the stage stays in view. It shows the code (and
// the compare version's, and the requests) with their draggable numbers,
// the error of code that does not run, and the lines the lanes are on.
import { $ } from "./dom.js";
import { S, figureOf, original } from "./state.js";
import { on } from "./events.js";
import { html, plain, numSpan } from "./highlight.js";
import { withRanges, compareCode, unitOf } from "./numbers.js";

const live = $("live");

// place moves the panel into the figure on the stage, and shows the other
// figures as the lesson wrote them, each with its button.
on("scenario", () => {
  for (const f of S.lesson.article.querySelectorAll("figure.scenario")) {
    const here = f === figureOf(S.index);
    f.classList.toggle("on-stage", here);
    const button = f.querySelector(".scenario-show");
    button.hidden = here;
    for (const c of f.children) if (c !== live && c.tagName !== "FIGCAPTION") c.hidden = here;
    if (here && live.parentElement !== f) f.append(live);
  }
  const o = original();
  $("load-box").hidden = !o.load;
  $("number-range").textContent = "";
});

on("run", () => { renderCode(); renderError(); });

// focusKey names the number that has focus, to give it focus again after
// the code is drawn afresh.
const bar = $("numbers-bar");
const focusKey = () => {
  const a = document.activeElement;
  if (!a?.classList?.contains("num")) return null;
  const place = [live, bar].find((p) => p.contains(a));
  return place ? { place, src: a.dataset.src, id: a.dataset.id } : null;
};

export function renderCode() {
  const key = focusKey();
  const c = S.compare;
  $("code").innerHTML = html(S.code, withRanges("A"));
  $("compare-box").hidden = !c;
  if (!c || !c.base) $("code-b").replaceChildren();
  $("code-title").textContent = c ? `A · ${c.labelA}` : "Your code";
  if (c) {
    $("compare-title").textContent = `B · ${c.labelB}`;
    $("compare-note").textContent = c.base
      ? "It runs with the numbers above; drag one of its own to change it alone."
      : `The same code, run with: ${c.settings.trim().replace(/\n/g, ", ")}`;
    $("code-b").hidden = !c.base;
    if (c.base) $("code-b").innerHTML = html(compareCode(), withRanges("B"));
  }
  if (!$("load-box").hidden) $("load-view").innerHTML = plain(S.load, withRanges("load"));
  $("load-idle").hidden = !S.loadIdle;
  renderBar();
  if (key) key.place.querySelector(`.num[data-src="${CSS.escape(key.src)}"][data-id="${CSS.escape(key.id)}"]`)?.focus({ preventScroll: true });
  marksShown = null; // the code was drawn afresh: mark its lines again
  renderLineMarks();
}

// renderBar lists the scenario's numbers by name under the stage, for
// presenter mode, where the code may be off the screen.
function renderBar() {
  const nums = [...withRanges("A"), ...(S.load ? withRanges("load") : [])];
  bar.innerHTML = nums.map((n) => `<span class="nb-item"><span class="nb-label">${escapeText(n.label || n.id)}</span> ` +
    `${numSpan(n, n.raw)}${unitOf(n)}</span>`).join("");
}
const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// renderError says why the code does not run, at its line, while the
// stage keeps the last run that worked.
export function renderError() {
  const e = S.lastError;
  const box = $("code-error");
  box.hidden = !e;
  // With no run of this scenario to keep, the stage says why it is empty;
  // with one, it says the run it shows is not the code's, which the error
  // under the code (often below the fold) says why.
  $("stage-empty").hidden = !(e && !S.result);
  $("stage-stale").hidden = !(e && S.result);
  if (!e) return;
  $("stage-stale-text").textContent = `Your code does not run${e.line ? ` (${e.section === "code" ? "line" : e.section + ", line"} ${e.line})` : ""}; this is the last run that worked.`;
  const where = e.line ? `${e.section === "code" ? "Line" : e.section + ", line"} ${e.line}, column ${e.col}: ` : "";
  const kept = S.result ? "The stage still shows the last run that worked." : "";
  box.textContent = `${where}${e.msg}${/[.?!]$/.test(e.msg) ? "" : "."} ${kept}`;
  // Something LoopLab does not simulate: the page that says what it does.
  if (/not simulated/.test(e.msg)) {
    const a = document.createElement("a");
    a.href = "runs.html#not-simulated";
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = "What LoopLab runs";
    box.append(" See ", a, ".");
  }
}

$("stage-stale-show").addEventListener("click", () => {
  $("code-error").scrollIntoView({ block: "center" });
});

// ---- the lines the lanes are on ----
// The code follows the playhead: each line some lanes are on is marked in
// their colour, with who is there; the line of the span under the pointer
// on the stage is marked too.
let marksShown = null;
export let stageHover = "";
export let highlighted = []; // the lines of the first version marked now

export function setStageHover(key) {
  if (key === stageHover) return;
  stageHover = key;
  marksShown = null;
  renderLineMarks();
}

export function renderLineMarks() {
  const views = { A: $("code"), B: S.compare && S.compare.base ? $("code-b") : null };
  let lines = [];
  const r = S.result;
  if (S.stage && r && !r.pipeline && !r.game) {
    lines = JSON.parse(S.stage.activeLines(S.playhead, window.looplabTheme() === "dark" ? "dark" : "light")) || [];
  }
  const key = JSON.stringify(lines) + stageHover;
  if (key === marksShown) return;
  marksShown = key;
  for (const view of Object.values(views)) view?.querySelectorAll(".line-mark, .line-tag").forEach((e) => e.remove());
  const place = (view, line, cls) => {
    const { top, lh } = lineGeometry(view);
    const el = document.createElement("span");
    el.className = cls;
    el.style.top = `${top + (line - 1) * lh}px`;
    el.style.height = `${lh}px`;
    view.append(el);
    return el;
  };
  highlighted = lines.filter((l) => (l.version || "A") === "A").map((l) => l.line);
  for (const l of lines) {
    const view = views[l.version || "A"];
    if (!view) continue;
    const mark = place(view, l.line, "line-mark");
    mark.style.setProperty("--lc", l.color);
    const tag = place(view, l.line, "line-tag");
    tag.style.height = "auto";
    const more = l.count - l.lanes.length;
    tag.textContent = l.lanes.join(", ") + (more > 0 ? ` +${more}` : "");
    tag.title = `${l.count} ${l.count === 1 ? "lane is" : "lanes are"} on line ${l.line}: ${l.state}`;
    keepClear(view, tag, l.line, l.version === "B" ? compareCode() : S.code);
  }
  // The marks reach across the whole line when the code scrolls sideways
  // (reading the width lays the page out: only when there are marks).
  for (const view of Object.values(views)) {
    if (!view || !lines.length) continue;
    const w = view.scrollWidth;
    view.querySelectorAll(".line-mark").forEach((m) => { m.style.right = "auto"; m.style.width = `${w}px`; });
  }
  if (stageHover) {
    const [version, line] = stageHover.split(":");
    const view = views[version || "A"];
    if (view) place(view, Number(line), "line-mark hovered");
  }
}
on("playhead", renderLineMarks);

// keepClear keeps a line's tag off its code: at the right edge, cut to
// the room the line leaves, or not shown when there is too little (the
// line's mark still says a lane is on it; the tag's words are its title).
function keepClear(view, tag, line, code) {
  const text = (code.split("\n")[line - 1] || "").replace(/\t/g, "    ");
  const end = (parseFloat(getComputedStyle(view).paddingLeft) || 0) + text.length * charWidth(view);
  const room = view.clientWidth - end - 16;
  if (tag.offsetWidth <= room) return;
  if (room >= 64) tag.style.maxWidth = `${room}px`;
  else tag.hidden = true;
}

const widths = new Map(); // font → the width of one character of the code
function charWidth(view) {
  const font = getComputedStyle(view).font;
  if (!widths.has(font)) {
    const probe = document.createElement("span");
    probe.textContent = "0".repeat(40);
    probe.style.visibility = "hidden";
    probe.style.position = "absolute";
    view.append(probe);
    widths.set(font, probe.getBoundingClientRect().width / 40 || 8);
    probe.remove();
  }
  return widths.get(font);
}
on("theme", () => { marksShown = null; renderLineMarks(); });

// lineGeometry is where a code view's first line starts and how tall its
// lines are, for marking lines and finding the one under the pointer.
function lineGeometry(view) {
  const cs = getComputedStyle(view);
  return { top: parseFloat(cs.paddingTop) || 0, lh: parseFloat(cs.lineHeight) || 20 };
}

// Hovering a line of the code outlines its spans on the stage.
let codeHover = "";
for (const [id, version] of [["code", "A"], ["code-b", "B"]]) {
  const view = $(id);
  view.addEventListener("mousemove", (ev) => {
    if (!S.stage) return;
    const { top, lh } = lineGeometry(view);
    const y = ev.clientY - view.getBoundingClientRect().top + view.scrollTop - top;
    const line = Math.floor(y / lh) + 1;
    const key = `${version}:${line}`;
    if (key === codeHover) return;
    codeHover = key;
    S.stage.highlight(line, S.compare ? version : "");
  });
  view.addEventListener("mouseleave", () => { codeHover = ""; S.stage?.highlight(0, ""); });
}
