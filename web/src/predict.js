// Predict, then check. A predict block asks a question about a run before
// the learner sees it: until they answer (or play the run to its end),
// the stage draws nothing after the playhead, it does not play by itself,
// and the figures that would answer the question are hidden. The verdict
// reads the run on the stage, with whatever numbers the learner set, and
// says which those were.
import { S, lessons } from "./state.js";
import { store } from "./store.js";
import { on, emit } from "./events.js";
import { show, ownCode } from "./routing.js";
import { measure, seconds, numbersUsed } from "./verdict.js";

const keyOf = (l, p) => `answer:${l.slug}:${p.index}`;
const readOnKey = (l, p) => `readon:${l.slug}:${p.index}`;
const predicts = new Map(); // lesson → [{aside, p}]
// The verdict given when the learner committed, kept with the answer so a
// reload or a later change of numbers does not grade it again.
const verdictKey = (key) => "verdict:" + key.slice("answer:".length);
const verdicts = {
  get: (key) => store.get(verdictKey(key), null),
  set: (key, v) => store.set(verdictKey(key), v),
  delete: (key) => store.remove(verdictKey(key)),
};
let playedThrough = false;  // the learner played the open question's run to its end

for (const l of lessons) {
  const list = [...l.article.querySelectorAll("aside.predict")].map((aside) => ({ aside, p: JSON.parse(aside.dataset.predict) }));
  predicts.set(l, list);
  for (const { aside, p } of list) {
    const form = aside.querySelector("form");
    const saved = store.get(keyOf(l, p), null);
    if (saved != null) fillAnswer(form, p, saved);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const value = readAnswer(form, p);
      const out = aside.querySelector(".predict-reveal");
      if (value == null) {
        out.hidden = false;
        out.textContent = p.choices ? "Pick an answer first." : "Type a number of seconds first.";
        return;
      }
      store.set(keyOf(l, p), value);
      verdicts.delete(keyOf(l, p));
      if (S.lesson !== l || S.index !== p.scenario) show(l, p.scenario);
      updateSecret();
      reveal(aside, p, value);
      veil();
      requestAnimationFrame(() => { S.stage?.seek(0); S.stage?.play(); });
    });
  }
}

// open lists the questions about the scenario on the stage still to answer.
const open = () => (predicts.get(S.lesson) || []).filter(({ p }) => p.scenario === S.index && store.get(keyOf(S.lesson, p), null) == null);

// updateSecret hides the future while a question about this run is open:
// not when the code is the learner's own, nor for a run that takes no
// time (there is no future to hide, and no end to play to).
function updateSecret() {
  // (the question is about the lesson's run, not one of the learner's code)
  const nothingToHide = ownCode() || (S.result && S.result.duration <= 0);
  const secret = open().length > 0 && !playedThrough && !nothingToHide;
  if (secret !== S.secret) {
    S.secret = secret;
    S.stage?.setHideFuture?.(secret);
    emit("secret", secret);
  }
}

on("scenario", () => {
  playedThrough = false;
  veil();
  for (const { aside, p } of predicts.get(S.lesson) || []) {
    const saved = store.get(keyOf(S.lesson, p), null);
    if (saved == null) { aside.querySelector(".predict-reveal").hidden = true; aside.classList.remove("right", "wrong"); }
  }
});

on("run", (ok) => {
  updateSecret();
  if (!ok) return;
  // An open question's run waits at its start for the learner.
  if (S.secret) { S.stage.pause(); S.stage.seek(0); }
  // Answered questions about this run are checked against it again.
  for (const { aside, p } of predicts.get(S.lesson) || []) {
    const saved = store.get(keyOf(S.lesson, p), null);
    if (saved != null && p.scenario === S.index) reveal(aside, p, saved);
  }
});

on("playhead", (st) => {
  if (S.secret && st.duration > 0 && st.t >= st.duration - 1e-9) {
    playedThrough = true;
    updateSecret();
  }
});

function readAnswer(form, p) {
  if (p.choices) {
    const c = form.querySelector("input[type=radio]:checked");
    return c ? Number(c.value) : null;
  }
  const x = parseFloat(form.querySelector("input[type=number]").value);
  return Number.isFinite(x) ? x : null;
}

function fillAnswer(form, p, value) {
  if (p.choices) {
    const c = form.querySelector(`input[type=radio][value="${value}"]`);
    if (c) c.checked = true;
  } else {
    form.querySelector("input[type=number]").value = value;
  }
}

// leading is the number a choice starts with: "4.5 s" is 4.5.
const leading = (s) => parseFloat(s);

// veil hides the lesson's text between an unanswered question and the
// next scenario: it explains the answer. The learner may read on without
// answering; the question stays open.
function veil() {
  for (const { aside, p } of predicts.get(S.lesson) || []) {
    const open_ = store.get(keyOf(S.lesson, p), null) == null && !store.get(readOnKey(S.lesson, p), false);
    let n = aside.nextElementSibling;
    for (; n && !n.matches("figure.scenario, aside.predict"); n = n.nextElementSibling) {
      n.classList.toggle("veiled", open_);
    }
    // The next scenario's picture may show the answer too.
    if (n?.matches("figure.scenario")) n.classList.toggle("picture-veiled", open_);
    let note = aside.querySelector(".predict-veil");
    if (open_ && !note) {
      note = document.createElement("p");
      note.className = "predict-veil";
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = "read on without answering";
      b.addEventListener("click", () => { store.set(readOnKey(S.lesson, p), true); veil(); });
      note.append("The explanation follows your answer, or ", b, ".");
      aside.querySelector(".predict-reveal").before(note);
    }
    if (note) note.hidden = !open_;
  }
}

// reveal checks an answer against the run on the stage. The verdict is
// the one given when the learner committed, against the run then on the
// stage; when the numbers change afterwards, a line says what the run
// says now, rather than turning a right answer wrong.
function reveal(aside, p, value) {
  const out = aside.querySelector(".predict-reveal");
  out.hidden = false;
  const key = keyOf(S.lesson, p);
  const onStage = S.lesson.article.contains(aside) && S.index === p.scenario;
  const m = onStage && p.measure ? measure(p.measure) : { error: "not on the stage" };
  const kept = verdicts.get(key);
  if (kept) {
    const now = m.value != null && Math.abs(m.value - kept.answer) > 1e-9
      ? ` With the numbers on the stage now (${numbersUsed().replace(/^with /, "")}), the run says ${seconds(m.value)}; the explanation is about the run you answered.` : "";
    const strong = document.createElement("strong");
    strong.textContent = kept.head;
    aside.classList.remove("right", "wrong");
    aside.classList.add(kept.right ? "right" : "wrong");
    out.replaceChildren(strong, ` ${p.why}`, ...(now ? [document.createElement("br"), now.trim()] : []));
    return;
  }
  aside.classList.remove("right", "wrong");
  const answer = m.value ?? p.answer;
  const used = m.value != null ? numbersUsed() : "with the lesson's numbers";
  let right, said, head;
  const runSays = `the run on the stage (${used}) says ${seconds(answer)}`;
  const near = (x) => Math.abs(x - answer) <= Math.max(0.1 * answer, 0.05);
  if (p.choices) {
    said = p.choices[value];
    // The right choice is the one that fits the run on the stage. With
    // numbers the question was not written for, none may: the answer is
    // then judged for the lesson's numbers, and the verdict says both.
    let fits = p.correct;
    if (m.value != null && used === "with the lesson's numbers") {
      // The run the question was written for: the nearest choice, as the
      // build checked it.
      let gap = Infinity;
      p.choices.forEach((c, i) => { const d = Math.abs(leading(c) - answer); if (d < gap) { gap = d; fits = i; } });
    } else if (m.value != null) {
      fits = p.choices.findIndex((c) => near(leading(c)));
    }
    if (fits >= 0) {
      right = value === fits;
      head = right ? `Right: ${runSays}.` : `Not quite: you said ${said}; ${runSays}.`;
    } else {
      right = value === p.correct;
      head = `${right ? "Right" : "Not quite"} for the lesson's numbers (${p.choices[p.correct]}); ${runSays}, which none of the choices is.`;
    }
  } else {
    right = near(value);
    said = `${value} s`;
    head = right ? `Right: ${runSays}.` : `Not quite: you said ${said}; ${runSays}.`;
  }
  aside.classList.add(right ? "right" : "wrong");
  if (m.value != null) verdicts.set(key, { head, answer, right });
  const strong = document.createElement("strong");
  strong.textContent = head;
  out.replaceChildren(strong, ` ${p.why}`);
}
