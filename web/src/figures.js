// The figures of a run beside the stage (total time, latencies, the
// longest stall...), the legend of its colours and markers, and the
// controls that fit its scene.
import { $, el } from "./dom.js";
import { S, original, sceneOf } from "./state.js";
import { on } from "./events.js";
import { preview as runPreview } from "./picture.js";
import { embedded } from "./embed.js";

// preview is what the build says of the scenario's run before the stage
// runs; for the game, which runs live, only that it is the game.
function preview() {
  if (S.stage) return null;
  if (sceneOf().scene === "gameloop" && original().options?.mode !== "asyncio") return { game: true };
  return runPreview();
}

const fmt = (s) => (s == null ? "–" : `${s.toFixed(3)} s`);

// metricRows are a run's figures: [name, text, value to compare (lower
// is better; null: not compared)].
function metricRows(m, focus) {
  const rows = [["Total time", fmt(m.total), m.total]];
  // The requests the block is about come first: their latency is its point.
  for (const f of focus || []) {
    const text = !f.requests ? "none sent" : !f.answered ? "not answered"
      : f.requests === 1 ? fmt(f.median) : `${fmt(f.median)} median, ${fmt(f.max)} max (${f.requests})`;
    rows.push([`Latency of ${f.name}`, text, f.answered ? f.median : null]);
  }
  if (m.requests > 0) {
    rows.push(["Requests answered", `${m.completed} of ${m.requests}`, m.requests - m.completed]);
    rows.push(["Latency (min / median / max)", `${fmt(m.latencyMin)} / ${fmt(m.latencyMedian)} / ${fmt(m.latencyMax)}`, m.latencyMedian]);
    rows.push(["Throughput", `${m.throughput.toFixed(2)} requests/s`, -m.throughput]);
  }
  rows.push(["Longest event-loop stall", m.stall > 0 ? `${fmt(m.stall)} at ${fmt(m.stallFrom)}${m.stallWhy ? " (" + m.stallWhy + ")" : ""}` : "none", m.stall]);
  rows.push(["Time waiting for the GIL", fmt(m.gilWait), m.gilWait]);
  return rows;
}

// A difference between A and B is marked only when it matters: a tenth
// or more of the larger, and more than noise in absolute terms (20 ms
// for times, 0.05 requests/s, one request answered).
function matters(key, a, b) {
  const diff = Math.abs(a - b);
  const floor = key === "Requests answered" ? 1 : key === "Throughput" ? 0.05 : 0.02;
  return diff >= floor && diff >= 0.1 * Math.max(Math.abs(a), Math.abs(b));
}

// pointRows are the figures a block names as its point (point=).
const pointRows = { total: "Total time", answered: "Requests answered", latency: "Latency (min / median / max)",
  throughput: "Throughput", stall: "Longest event-loop stall", gil: "Time waiting for the GIL" };

// renderMetrics shows the run's figures; in compare mode both runs' side
// by side, the better of a pair marked where the difference matters, and
// the block's point outlined. While a prediction is open the figures stay
// hidden: they would answer it.
export function renderMetrics() {
  const r = S.result || preview();
  if (!r) { $("metrics").replaceChildren(); return; }
  if (S.secret) {
    $("metrics").classList.remove("compare");
    $("metrics").replaceChildren(el("div", { className: "secret" }, el("dt", { textContent: "Figures" }),
      el("dd", { textContent: "shown once you answer the question in the lesson, or play the run to its end" })));
    return;
  }
  if (r.pipeline) return renderFigures(r.pipeline.map((l) => [l.name, [{
    text: `${minutes(l.total)} · ${Math.round(100 * l.utilisation)} % busy`, classes: l.fastest ? ["better"] : [],
  }]]));
  if (r.game) return renderGameStats();
  const a = metricRows(r.metrics, r.focus);
  const b = r.compare?.metrics ? metricRows(r.compare.metrics, r.compare.focus) : null;
  const point = original().options?.point;
  const isPoint = (k) => (point === "focus" ? k.startsWith("Latency of ") : k === pointRows[point]);
  renderFigures(a.map(([k, v, x], i) => {
    const cells = b ? [[v, x, "A", b[i][2]], [b[i][1], b[i][2], "B", x]] : [[v, x, "", null]];
    return [k, cells.map(([text, value, who, other]) => {
      const classes = [];
      if (k.startsWith("Longest") && value >= 0.1) classes.push("bad");
      if (value != null && other != null && matters(k, value, other) && value < other) classes.push("better");
      return { text: who ? `${who}: ${text}` : text, classes };
    }), isPoint(k)];
  }), !!b);
}

const minutes = (t) => `${Number(t.toFixed(1))} min`;

// renderFigures shows rows of [name, cells, point], each cell {text,
// classes}: one cell a row, or two in compare mode.
function renderFigures(rows, compare = false) {
  const dl = $("metrics");
  dl.classList.toggle("compare", compare);
  dl.replaceChildren(...rows.map(([k, cells, point]) => {
    const div = el("div", { className: point ? "point" : "" }, el("dt", { textContent: k }));
    div.append(...cells.map(({ text, classes = [] }) => {
      const dd = el("dd", { textContent: text });
      dd.classList.add(...classes);
      return dd;
    }));
    return div;
  }));
}

// renderGameStats shows the game's frame statistics as it runs.
export function renderGameStats() {
  const g = S.stage ? JSON.parse(S.stage.sceneStats()) : null;
  if (!g) return;
  const ms = (t) => `${Math.round(t * 1000)} ms`;
  const over = g.p95 > g.budget * 1.05;
  renderFigures([
    ["Frames per second", `${g.fps} (target ${S.result.game.fps})`],
    ["Frame budget", ms(g.budget)],
    ["Frame time (median / p95)", `${ms(g.median)} / ${ms(g.p95)}`, over ? ["bad"] : []],
    ["Frames over budget", String(g.overBudget)],
    ["Input lag (worst, last second)", ms(g.inputLag)],
  ].map(([k, text, classes]) => [k, [{ text, classes }]]));
}

// showControls fits the controls to the scene: the game runs live, so it
// has no playhead to scrub or step.
function showControls() {
  const r = S.result || preview();
  // With no run of this scenario there is nothing to play, explain or
  // export: the stage says why (stage-empty), and the rest steps aside.
  // Before the stage has started they keep their places (Play starts it),
  // so nothing moves when it takes over.
  for (const e of [document.querySelector(".controls"), $("legend"), $("log-and-console"), $("export")]) e.hidden = !r && !!S.stage;
  if (!r) return;
  const live = !!r.game;
  for (const id of ["step-back", "step-fwd", "scrub", "clock"]) $(id).hidden = live;
  document.querySelector(".zoom").hidden = live || !!r.pipeline || sceneOf().scene === "gameloop";
  $("legend").hidden = !!r.game || sceneOf().scene === "gameloop";
  $("log-and-console").hidden = live || !!r.pipeline;
  $("export").hidden = live || !!r.pipeline;
}

// markLegend explains the stage's markers: [kinds, glyph, class, words].
const markLegend = [
  [["print"], "●", "", "printed (hover for the words)"],
  [["send"], "▸", "muted", "request sent"],
  [["answer", "done"], "|", "", "answered / finished"],
  [["create", "start"], "◆", "muted", "task created / started"],
  [["warning"], "▲", "warn", "asyncio debug: a slow step"],
  [["error"], "✕", "bad", "exception"],
  [["timeout"], "⧗", "bad", "timed out"],
  [["cancel"], "✕", "muted", "cancelled"],
];

// renderLegend explains the colours and markers the current run uses.
export function renderLegend() {
  const r = S.result || preview();
  const dark = window.looplabTheme() === "dark";
  const used = new Set([...(r?.states || []), ...(r?.compare?.states || [])]);
  // The entries are the simulator's; the build wrote them into the page
  // too, for before it has started.
  const all = JSON.parse(S.stage ? S.stage.legend(dark ? "dark" : "light") : $("legend").dataset[dark ? "dark" : "light"] || "[]");
  let entries = all.filter((e) => used.has(e.state));
  if (r?.pipeline) {
    const words = { run: "working on a step", await: "waiting (queue, review, rollout)", blocked: "a worker blocked, waiting" };
    entries = all.filter((e) => words[e.state]).map((e) => ({ ...e, text: words[e.state] }));
  }
  const marks = new Set([...(r?.marks || []), ...(r?.compare?.marks || [])]);
  $("legend").replaceChildren(...entries.map((e) => {
    const sw = el("span", { className: `swatch ${e.pattern || ""}` });
    sw.style.setProperty("--sw", e.color);
    sw.style.setProperty("--ink", e.ink);
    return el("li", {}, sw, e.text);
  }), ...markLegend.filter(([kinds]) => kinds.some((k) => marks.has(k))).map(([, glyph, cls, text]) =>
    el("li", { className: "mark" }, el("span", { className: `glyph ${cls}`, textContent: glyph, ariaHidden: "true" }), text)));
}

// shape is what the stage's height depends on: the scene, and each
// version's lanes and rows with alike lanes grouped (a pipeline's rows:
// its workers and two more per way). The run's, or before the simulator
// has started the build's preview of it.
function shape() {
  const r = S.result || preview();
  if (!r) return null;
  const scene = sceneOf().scene;
  const kind = scene === "pipeline" ? "pipeline" : scene === "gameloop" ? "game" : "";
  if (r.game) return { kind };
  const rows = r.pipeline ? r.pipeline.reduce((n, l) => n + l.workers + 2, 0) : r.rows || r.lanes;
  return { kind, lanes: r.lanes, rows, b: r.compare ? { lanes: r.compare.lanes, rows: r.compare.rows || r.compare.lanes } : null };
}

// fitStage gives the stage the height its lanes need, within what the
// screen can spare: the stage and its figures stay in view beside the
// lesson, and on a phone the pinned stage stays compact.
export function fitStage() {
  const sh = shape();
  if (!sh) return;
  const phone = matchMedia("(max-width: 900px)").matches;
  const presenting = document.body.classList.contains("presenting");
  const h = window.innerHeight;
  const b = sh.b;
  // Embedded in another page the frame is small and the stage its point.
  const cap = presenting ? Math.max(200, h * 0.6) : embedded ? Math.max(160, h * (b ? 0.6 : 0.5))
    : phone ? Math.max(150, h * (b ? 0.34 : 0.28)) : Math.max(220, h * (b ? 0.5 : 0.42));
  let want;
  if (sh.kind) {
    want = sh.kind === "pipeline" ? 60 + 26 * sh.rows : 420;
  } else {
    // Every lane gets a comfortable row when they fit; when they do not,
    // the stage closes groups of alike lanes, so it needs room for those.
    const lanes = sh.lanes + (b ? b.lanes : 0);
    const rows = sh.rows + (b ? b.rows : 0);
    const chrome = b ? 100 : 50; // axis and margins, twice in compare mode
    const row = presenting ? 30 : 22;
    want = chrome + 14 * lanes <= cap ? chrome + row * lanes : chrome + row * rows;
  }
  $("stage").style.height = `${Math.round(Math.min(Math.max(want, 140), cap))}px`;
}

on("run", (ok) => {
  if (!S.stage) { renderMetrics(); renderLegend(); fitStage(); showControls(); return; }
  if (!S.result) { renderMetrics(); showControls(); }
  if (!ok || !S.result) return;
  renderMetrics();
  renderLegend();
  fitStage();
  showControls();
});
on("theme", renderLegend);
on("secret", renderMetrics);
let resizeQueued = false;
window.addEventListener("resize", () => {
  if (resizeQueued) return;
  resizeQueued = true;
  requestAnimationFrame(() => { resizeQueued = false; fitStage(); });
});
