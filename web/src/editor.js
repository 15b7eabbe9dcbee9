// Free editing. "Edit code" swaps the code view for a real editor
// (CodeMirror, bundled at build time as editor.js and loaded the first
// time it is needed); the code re-runs when typing pauses, and a run
// replaces the picture only when it parsed and simulated. Errors show in
// the editor at their line and column. Reset puts the lesson's code back,
// with an undo.
import { $ } from "./dom.js";
import { S, original, sceneOf } from "./state.js";
import { on } from "./events.js";
import { simulate } from "./simulate.js";
import { loadEditor } from "./load-editor.js";

const pause = 350; // ms of no typing before the code runs again
let editor = null;  // the CodeMirror view, or a textarea fallback
// textareaEditor is the fallback with the same small interface.
function textareaEditor(parent, { doc, onChange, onEscape, label }) {
  const ta = Object.assign(document.createElement("textarea"), { className: "code-edit", spellcheck: false, value: doc });
  ta.setAttribute("aria-label", label);
  ta.setAttribute("autocapitalize", "off");
  ta.rows = Math.min(40, doc.split("\n").length + 1);
  ta.addEventListener("input", () => onChange(ta.value));
  ta.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); onEscape(); } });
  parent.append(ta);
  return {
    getText: () => ta.value, setText: (t) => { ta.value = t; }, focus: () => ta.focus(), destroy: () => ta.remove(),
    setDiagnostics() {}, setTheme() {},
  };
}

let timer = 0;
function typed(text) {
  S.code = text;
  clearTimeout(timer);
  timer = setTimeout(() => simulate(), pause);
}

export const editing = () => !$("edit-box").hidden;

// The hint under the editor says what it takes: any Python program, or,
// for the scenes that run a model of their own (the pipeline, the game
// without asyncio), that model's lines.
const pythonHint = $("edit-hint").innerHTML;
function setHint() {
  const { scene, mode } = sceneOf();
  const model = scene === "pipeline" || (scene === "gameloop" && mode !== "asyncio");
  if (model) {
    const lines = scene === "pipeline" ? "FEATURES, MACHINES and the STEPS list" : "FPS, WORK, BLOCKING and STALL";
    $("edit-hint").innerHTML = `This scene's code is a model, not Python: ${lines} set what it runs. ` +
      'The lessons whose code is Python run the programs you paste; <a href="runs.html" target="_blank" rel="noopener">What LoopLab runs</a> says what they may use.';
  }
  else $("edit-hint").innerHTML = pythonHint;
}

async function enterEdit() {
  $("edit-box").hidden = false;
  setHint();
  $("edit-hint").hidden = false;
  $("code").hidden = true;
  $("code-hint").hidden = true;
  $("edit").textContent = "Done";
  $("edit").setAttribute("aria-pressed", "true");
  if (!editor) {
    const api = await loadEditor().catch(() => null); // without it a plain text area serves
    if (!editing()) return; // left before it arrived
    const opts = { doc: S.code, onChange: typed, onEscape: () => leaveEdit(), label: "Scenario code", dark: window.looplabTheme() === "dark" };
    editor = api ? api.create($("edit-box"), opts) : textareaEditor($("edit-box"), opts);
  } else {
    editor.setText(S.code);
  }
  showDiagnostics();
  editor.focus();
}

export function leaveEdit(focus = true) {
  if (timer) { clearTimeout(timer); timer = 0; simulate(); } // the last keystrokes run now
  $("edit-box").hidden = true;
  $("edit-hint").hidden = true;
  $("code").hidden = false;
  $("code-hint").hidden = false;
  $("edit").textContent = "Edit code";
  $("edit").setAttribute("aria-pressed", "false");
  if (focus) $("edit").focus();
}

// showDiagnostics marks the error of code that does not run, or, in code
// that runs, the names nothing defines (NameError when their line runs).
function showDiagnostics() {
  if (!editor) return;
  const e = S.lastError;
  const marks = e ? (e.section === "code" && e.line ? [e] : []) : (S.result?.undefined || []);
  editor.setDiagnostics(marks.map((m) => ({ line: m.line, col: m.col || 1, ...(m.endCol ? { endLine: m.line, endCol: m.endCol } : {}),
    message: m.msg, severity: e ? "error" : "warning" })));
}

$("edit").addEventListener("click", () => (editing() ? leaveEdit() : enterEdit()));
on("run", showDiagnostics);
on("theme", () => editor?.setTheme(window.looplabTheme() === "dark" ? "dark" : "light"));
// Another scenario: its code in the editor, or the view back.
on("scenario", () => { if (editing()) leaveEdit(false); });

// The requests: shown with their numbers; "Edit requests" opens the text.
function showRequestsText(open) {
  const ta = $("load-edit");
  ta.hidden = !open;
  $("load-edit-toggle").setAttribute("aria-pressed", String(open));
  $("load-view").hidden = open;
  if (open) ta.value = S.load;
}
$("load-edit-toggle").addEventListener("click", () => {
  showRequestsText($("load-edit").hidden);
  if (!$("load-edit").hidden) $("load-edit").focus();
});
// The box shows for a scenario with requests, and for code that became
// an app with none yet: the error asks for requests, and the text to
// type them in opens (without taking the focus from the code). The text
// follows the requests a run used (they go when the app becomes a script
// again), unless the learner is typing in it.
on("run", () => {
  const needsLoad = /gets no requests/.test(S.lastError?.msg || "");
  $("load-box").hidden = !(original().load || S.load || needsLoad);
  if (needsLoad && $("load-edit").hidden) showRequestsText(true);
  if (document.activeElement !== $("load-edit") && $("load-edit").value !== S.load) $("load-edit").value = S.load;
});
let loadTimer = 0;
$("load-edit").addEventListener("input", () => {
  S.load = $("load-edit").value;
  clearTimeout(loadTimer);
  loadTimer = setTimeout(() => simulate(), pause);
});
on("scenario", () => showRequestsText(false));

// ---- reset, and its undo ----
let undo = null;
let undoTimer = 0;
$("reset").addEventListener("click", () => {
  undo = { code: S.code, load: S.load, own: { ...(S.compare?.own || {}) } };
  const o = original();
  put(o.code, o.load || "", {});
  $("undo-box").hidden = false;
  clearTimeout(undoTimer);
  undoTimer = setTimeout(() => { $("undo-box").hidden = true; }, 15000);
  $("undo").focus();
});
// The undo belongs to the scenario whose code was reset: another one
// must never take that code.
on("scenario", () => {
  undo = null;
  clearTimeout(undoTimer);
  $("undo-box").hidden = true;
});
$("undo").addEventListener("click", () => {
  if (!undo) return;
  put(undo.code, undo.load, undo.own);
  undo = null;
  $("undo-box").hidden = true;
  $("edit").focus();
});

// put sets the code, load and B's own numbers, and runs them.
export function put(code, load, own) {
  S.code = code;
  S.load = load;
  if (S.compare) S.compare.own = own;
  editor?.setText(code);
  simulate();
}
