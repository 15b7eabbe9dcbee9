// A small Python highlighter for the code panel. It writes the same class
// names as chroma, which highlights the lessons at build time, so one
// stylesheet colours both. Numbers the simulator lets the learner drag
// become focusable spans.
"use strict";
window.looplabHighlight = (() => {
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
  function tokens(code) {
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

  // html renders code; numbers ([{id, start, end}]) become scrubbable spans.
  function html(code, numbers) {
    const byStart = new Map((numbers || []).map((n) => [n.start, n]));
    let out = "";
    for (const [cls, text, start] of tokens(code)) {
      const num = cls === "m" ? byStart.get(start) : null;
      if (num && num.end === start + text.length) {
        out += `<span class="m num" tabindex="0" role="slider" data-id="${num.id}" aria-label="${num.id}" ` +
          `aria-valuenow="${num.value}" aria-valuemin="${num.min}" aria-valuemax="${num.max}" title="${num.min} to ${num.max}">${escape(text)}</span>`;
      } else if (cls === "w" || cls === "x" || cls === "n") {
        out += escape(text);
      } else {
        out += `<span class="${cls}">${escape(text)}</span>`;
      }
    }
    return out;
  }

  return { html, tokens };
})();
