// Running the scenario: the request to the simulator, the last good run
// kept when the code does not run, and the learner's edits saved.
import { S, original, sceneOf, editKey } from "./state.js";
import { compareCode, remember } from "./numbers.js";
import { store } from "./store.js";
import { emit } from "./events.js";

function request(withLoad = true) {
  const o = original().options || {};
  const req = { code: S.code, load: withLoad ? S.load : "", settings: S.settings, ...sceneOf(), focus: o.focus || "", zoom: o.zoom || "" };
  const c = S.compare;
  if (c) req.compare = { code: compareCode(), settings: c.settings, labelA: c.labelA, labelB: c.labelB };
  return req;
}

// simulate runs what is in the panel now. A run replaces the picture only
// when it parsed and simulated; otherwise the error is shown beside the
// last good run.
export function simulate({ keepPlayhead = true } = {}) {
  if (!S.stage) {
    // The simulator has not started: what changed is kept, and runs when
    // it has (frame.js).
    saveEdits();
    emit("run", false);
    return;
  }
  let res = JSON.parse(S.stage.simulate(JSON.stringify(request())));
  const scriptWithLoad = /a load only applies/.test(res.error?.msg || "") && S.load;
  if (scriptWithLoad && !original().load) {
    // Requests the learner gave an app they have since turned back into a
    // script: they went with the app. The script runs without them.
    S.load = "";
    return simulate({ keepPlayhead });
  }
  // The lesson's requests, on code that is a script now (a program the
  // learner pasted): the script runs, and the requests wait, unsent, for
  // the code to be an app again.
  S.loadIdle = Boolean(scriptWithLoad);
  if (S.loadIdle) res = JSON.parse(S.stage.simulate(JSON.stringify(request(false))));
  S.numbers = res.numbers || []; // of the code, found even when it does not run
  remember(S.code, "code", S.numbers);
  const scenario = `${S.lesson.slug}:${S.index}`;
  if (res.ok) {
    S.result = res;
    S.resultFor = scenario;
    S.lastError = null;
    S.generation = res.generation;
    // A scenario that opens zoomed opens at the end of its view, so the
    // stretch it shows is drawn as it happened, not faded as the future.
    if (!keepPlayhead) S.stage.seek(res.opens || 0);
  } else {
    S.lastError = res.error;
    // Another scenario's run is no "last run that worked" for this one
    // (a saved edit that does not run, opened afresh): there is none.
    if (S.resultFor !== scenario) S.result = null;
  }
  saveEdits();
  emit("run", res.ok);
}

// exportRequest is what "Run it for real" exports: what is on the stage.
export const exportRequest = () => {
  const r = request(!S.loadIdle);
  return { code: r.code, load: r.load, settings: r.settings, compare: r.compare };
};

// modified says the learner changed the code, the load or a number of B.
export function modified() {
  const o = original();
  return S.code !== o.code || S.load !== (o.load || "") || (S.compare && Object.keys(S.compare.own).length > 0);
}

function saveEdits() {
  if (modified()) store.set(editKey(), { code: S.code, load: S.load, own: S.compare?.own || {} });
  else store.remove(editKey());
}
