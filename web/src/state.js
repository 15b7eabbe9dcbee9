// The page's state: the lessons, the scenario on the stage, the learner's
// code and load, and the last good run. One object, so every module reads
// the same values.
import { hash } from "./store.js";

const articles = [...document.querySelectorAll("article.lesson")];

// scenarioOf is a figure's scenario: its data, and its texts as the figure
// shows them (the code, the compared code, the requests), which are the
// lesson's source byte for byte.
function scenarioOf(f) {
  const o = JSON.parse(f.dataset.scenario);
  o.code = f.querySelector(":scope > pre").textContent;
  const compare = f.querySelector(":scope > .scenario-compare pre");
  if (compare) o.compare = compare.textContent;
  const load = f.querySelector(":scope > .scenario-load pre");
  if (load) o.load = load.textContent;
  return o;
}

export const lessons = articles.map((a) => ({
  slug: a.dataset.slug, title: a.dataset.title, summary: a.dataset.summary, article: a,
  scenarios: [...a.querySelectorAll("figure.scenario")].map(scenarioOf),
}));
export const bySlug = new Map(lessons.map((l) => [l.slug, l]));

export const S = {
  stage: null,      // the wasm API, once the frame is ready
  lesson: lessons[0],
  index: 0,         // scenario of the lesson on the stage
  code: "", load: "", settings: "",
  // loadIdle: the code is a script now, so the lesson's requests are kept
  // (for when it is an app again) but not sent.
  loadIdle: false,
  // compare is the second version in compare mode: its own code (base;
  // null: the same code as the first), its settings, both versions'
  // names, and the numbers the learner set on it alone (by id).
  compare: null,
  numbers: [],      // scrubbable numbers of the current code
  loadNumbers: [],  // and of the load
  result: null,     // last good simulation of the scenario on the stage
  resultFor: "",    // "slug:index" of the scenario result belongs to
  lastError: null,
  generation: 0,
  playhead: 0,
  focusedNumber: null, // "A:id", "B:id" or "load:id" of the number with focus
  // waiting: the learner changed a number before the simulator started;
  // the change runs when it has.
  waiting: false,
};

// original is the scenario block on the stage, as the lesson wrote it.
export const original = () => S.lesson.scenarios[S.index];

// sceneOf is the block's scene= and mode=.
export const sceneOf = () => ({ scene: original().options?.scene || "timeline", mode: original().options?.mode || "" });

// editKey is where the learner's edits of this block are kept; a lesson
// that changes the block forgets them.
export const editKey = () => `edit:${S.lesson.slug}:${S.index}:${hash(original().code + "\0" + (original().load || ""))}`;

// figureOf is the lesson figure of scenario i of the current lesson.
export const figureOf = (i) => S.lesson.article.querySelector(`#scenario-${i}`);

// ---- waiting for the stage ----
let readyResolve;
export const ready = new Promise((r) => { readyResolve = r; });
const drawnWaiters = [];
// ms since navigation, for the performance script: the stage's first frame,
// and the frame that first showed the build's picture in the stage's place.
export const timing = { firstFrame: 0, picture: 0 };

// drawn is told by the playhead loop which generation the stage drew.
export function drawn(gen, at) {
  if (gen < S.generation || S.generation <= 0) return;
  if (!timing.firstFrame) timing.firstFrame = at ? at - performance.timeOrigin : performance.now();
  readyResolve();
  while (drawnWaiters.length && drawnWaiters[0].gen <= gen) drawnWaiters.shift().resolve();
}

// afterDraw resolves once the stage has drawn the current run.
export function afterDraw() {
  return new Promise((resolve) => drawnWaiters.push({ gen: S.generation, resolve }));
}
