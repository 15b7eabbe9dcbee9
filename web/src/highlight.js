// A small Python highlighter for the code panel. It writes the same class
// names as chroma, which highlights the lessons at build time, so one
// stylesheet colours both. Numbers the simulator lets the learner drag
// become focusable spans.
import { unitOf } from "./numbers.js";
const keywords = new Set(("and as assert async await break class continue def del elif else except finally for " +
  "from global if import in is lambda nonlocal not or pass raise return try while with yield match case").split(" "));
const constants = new Set(["True", "False", "None"]);
const builtins = new Set(("print len range int float str list dict set tuple sum min max sorted enumerate zip " +
  "isinstance open super cpu").split(" "));
const rules = [
  ["c1", /#[^\n]*/y],
  ["s", /[rRbBfF]{0,2}("""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?)/y],
  ["nd", /@[A-Za-z_][\w.]*/y],
  ["m", /(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?j?/y],
  ["n", /[A-Za-z_]\w*/y],
  ["o", /[-+*/%=<>!&|^~]+|:=/y],
  ["p", /[()[\]{}:,.;]/y],
  ["w", /\s+/y],
  ["x", /./y],
];

function escape(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// tokens splits code into [class, text, start] triples.
export function tokens(code) {
  const out = [];
  let i = 0;
  let prev = "";
  while (i < code.length) {
    for (const [cls, re] of rules) {
      re.lastIndex = i;
      const m = re.exec(code);
      if (!m || m[0] === "") continue;
      let c = cls;
      const text = m[0];
      if (cls === "n") {
        if (keywords.has(text)) c = text === "import" || text === "from" ? "kn" : "k";
        else if (constants.has(text)) c = "kc";
        else if (prev === "def") c = "nf";
        else if (prev === "class") c = "nc";
        else if (builtins.has(text)) c = "nb";
      }
      out.push([c, text, i]);
      if (cls !== "w") prev = text;
      i += text.length;
      break;
    }
  }
  return out;
}

// html renders code; numbers ([{id, src, start, end, ...}], in source
// order) become scrubbable spans, wherever they sit: a literal, or digits
// inside a string such as "/delay/2".
export function html(code, numbers) {
  const nums = numbers || [];
  let k = 0;
  let out = "";
  for (const [cls, text, start] of tokens(code)) {
    const end = start + text.length;
    let at = start;
    let inner = "";
    while (k < nums.length && nums[k].start < end) {
      const n = nums[k++];
      if (n.start < at || n.end > end) continue; // across tokens: leave it plain
      inner += escape(code.slice(at, n.start)) + numSpan(n, code.slice(n.start, n.end));
      at = n.end;
    }
    inner += escape(code.slice(at, end));
    out += cls === "w" || cls === "x" || (cls === "n" && inner === escape(text)) ? inner : `<span class="${cls}">${inner}</span>`;
  }
  return out;
}

// plain renders a text with no highlighting but its numbers (the load).
export function plain(text, numbers) {
  let out = "";
  let at = 0;
  for (const n of numbers || []) {
    if (n.start < at) continue;
    out += escape(text.slice(at, n.start)) + numSpan(n, text.slice(n.start, n.end));
    at = n.end;
  }
  return out + escape(text.slice(at));
}

// numSpan is a draggable number: a slider to assistive technology, named
// by its label and telling its range as the lesson set it.
export function numSpan(n, text) {
  const unit = unitOf(n);
  const name = n.label || n.id;
  const attr = (s) => escape(String(s)).replace(/"/g, "&quot;");
  return `<span class="m num" tabindex="0" role="slider" data-id="${attr(n.id)}" data-src="${attr(n.src || "A")}" ` +
    `aria-label="${attr(name)}" aria-valuenow="${n.value}" aria-valuetext="${attr(text + unit)}" ` +
    `aria-valuemin="${n.min}" aria-valuemax="${n.max}" title="${attr(`${name}: ${n.min} to ${n.max}${unit}`)}">${escape(text)}</span>`;
}
