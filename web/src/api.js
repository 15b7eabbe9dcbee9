// window.looplab: the page's API for browser tests and embedders, driving
// it the way a learner does.
import { $, afterPaint } from "./dom.js";
import { S, lessons, bySlug, ready, afterDraw, timing } from "./state.js";
import { go } from "./routing.js";
import { setNumber } from "./scrub.js";
import { simulate, modified } from "./simulate.js";
import { compareCode, numbersOf } from "./numbers.js";
import { highlighted } from "./codepanel.js";
import { logText, showVersion } from "./logconsole.js";
import { exported } from "./exporting.js";
import { put, editing } from "./editor.js";
import { runTry } from "./trysteps.js";
import { emit } from "./events.js";
import { boot } from "./boot.js";

window.looplab = {
  // ready resolves when the stage has drawn; asking for it starts the
  // stage, as a learner reaching for it does.
  get ready() { boot(); return ready; },
  timing,
  lessons: () => lessons.map(({ slug, title, summary, scenarios }) => ({ slug, title, summary, scenarios: scenarios.length })),
  go(slug, scenario = 0) {
    if (!bySlug.has(slug)) throw new Error(`no lesson ${slug}`);
    go(slug, scenario);
    return afterDraw();
  },
  current() {
    return {
      lesson: S.lesson.slug, scenario: S.index, scene: S.stage ? JSON.parse(S.stage.state()).scene : null,
      code: S.code, load: S.load, settings: S.settings, numbers: S.numbers, loadNumbers: numbersOf("load"),
      compare: S.compare ? compareCode() : null,
      stats: S.stage ? JSON.parse(S.stage.sceneStats()) : null,
      pipeline: S.result?.pipeline ?? null,
      error: S.lastError, modified: !!modified(), secret: !!S.secret, editing: editing(),
      metrics: S.result?.metrics ?? null, generation: S.generation,
      trace: S.stage ? JSON.parse(S.stage.trace()) : null,
      traces: S.stage && S.compare ? JSON.parse(S.stage.traces()) : null,
    };
  },
  // setNumber(id, value, src): src "A" (the code, by default), "B" or "load".
  setNumber(id, value, src = "A") { setNumber(src, id, value); return afterDraw(); },
  setLoad(text) { put(S.code, String(text), S.compare?.own || {}); return afterDraw(); },
  setCode(text) { put(String(text), S.load, S.compare?.own || {}); return afterDraw(); },
  play: () => S.stage?.play(),
  pause: () => S.stage?.pause(),
  seek: (s) => S.stage?.seek(s),
  step: (d) => S.stage?.step(d),
  theme: () => window.looplabTheme(),
  state: () => (S.stage ? JSON.parse(S.stage.state()) : null),
  crashed: () => !$("stage-crash").hidden,
  memStats: () => (S.stage ? JSON.parse(S.stage.memStats()) : null),
  crashForTest: (where) => S.stage?.crashForTest(where),
  frames: (reset) => (S.stage ? JSON.parse(S.stage.frames(!!reset)) : null),
  log: logText,
  logVersion: showVersion,
  // layout is what the timeline on the stage drew: its window, plot, rows
  // and markers (see geom.Report), with the code lines marked now.
  layout() {
    if (!S.stage) return null;
    const l = JSON.parse(S.stage.layout());
    if (l) l.highlighted = [...highlighted];
    return l;
  },
  // zoom(from, to) shows that stretch of the run, in seconds.
  zoom(from, to) { S.stage?.zoom(from, to); return afterPaint(); },
  caption: () => $("caption").textContent,
  // exported is the "Run it for real" program of what is on the stage.
  exported,
  // tryStep(n) performs the lesson's nth try step (from 0).
  tryStep(n) { const a = S.lesson.article.querySelectorAll("aside.try")[n]; return a ? runTry(a) : null; },
  present: (on) => emit("present", on),
  rerun: () => { simulate(); return afterDraw(); },
};
