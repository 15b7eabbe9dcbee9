// Reading a figure of the run on the stage, for predict questions and try
// steps: the simulator measures it (latency:N, total, stall...), and the
// page says which numbers the run used.
import { S, original } from "./state.js";
import { numbersOf, numbersIn, unitOf } from "./numbers.js";

// measure is a figure of the run on the stage: {value} or {error}.
export function measure(m, version = "A") {
  if (!S.stage?.measure) return { error: "the simulator cannot measure yet" };
  const r = JSON.parse(S.stage.measure(m, version === "B" ? "B" : ""));
  return r.ok ? { value: r.value } : { error: r.error };
}

// seconds writes a time the way a learner reads it: milliseconds matter
// below a second; above it they are the loop's parsing and hand-offs.
export const seconds = (v) => `${Number(v.toFixed(v >= 1 ? 2 : 3))} s`;

// numbersUsed says which numbers of the run differ from the lesson's:
// "with rude.sleep = 2 s", or "with the lesson's numbers".
export function numbersUsed() {
  const o = original();
  const changed = [];
  for (const [src, base] of [["A", o.code], ["load", o.load || ""]]) {
    if (!base && src === "load") continue;
    for (const n of numbersOf(src)) {
      const was = lessonDefault(src, n.id);
      if (was != null && was !== n.value) changed.push(`${n.label || n.id} = ${n.raw}${unitOf(n)}`);
    }
  }
  for (const [id, v] of Object.entries(S.compare?.own || {})) changed.push(`B's ${id} = ${v}`);
  if (S.code !== o.code && !changed.length) return "with your edited code";
  return changed.length ? `with ${changed.join(", ")}` : "with the lesson's numbers";
}

// lessonDefault is a number's value as the lesson wrote it.
function lessonDefault(src, id) {
  const o = original();
  const n = numbersIn(src === "load" ? o.load || "" : o.code, src === "load" ? "load" : "code").find((x) => x.id === id);
  return n ? n.value : null;
}
