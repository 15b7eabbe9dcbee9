// The page: lessons, navigation, the code panel with scrubbable numbers,
// metrics, the narrated log and the console. The simulation and the
// drawing run in the stage frame (wasm); this file calls it directly
// through frame.contentWindow.looplabStage.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const store = {
    get(key, fallback) {
      try { return JSON.parse(localStorage.getItem("looplab:" + key)) ?? fallback; } catch { return fallback; }
    },
    set(key, value) {
      try { localStorage.setItem("looplab:" + key, JSON.stringify(value)); } catch { /* private mode: keep going */ }
    },
    remove(key) {
      try { localStorage.removeItem("looplab:" + key); } catch { /* private mode */ }
    },
    // keys lists the stored keys that start with prefix, without "looplab:".
    keys(prefix) {
      try { return Object.keys(localStorage).filter((k) => k.startsWith("looplab:" + prefix)).map((k) => k.slice(8)); } catch { return []; }
    },
  };

  // ---- lessons ----
  const articles = [...document.querySelectorAll("article.lesson")];
  const lessons = articles.map((a) => ({
    slug: a.dataset.slug, title: a.dataset.title, summary: a.dataset.summary, article: a,
    scenarios: [...a.querySelectorAll("figure.scenario")].map((f) => JSON.parse(f.dataset.scenario)),
  }));
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));

  // ---- state ----
  let stage = null;          // the wasm API, once the frame is ready
  let lesson = lessons[0];
  let index = 0;             // scenario of the lesson on the stage
  let code = "", load = "", settings = "";
  // compare is the second version in compare mode: its own code (null:
  // the same code as the first), its settings and both versions' names.
  // Its numbers follow the first version's by id.
  let compare = null;
  let numbers = [];          // scrubbable numbers of the current code
  let result = null;         // last good simulation
  let lastError = null;
  let generation = 0;
  let undoCode = null;
  let readyResolve;
  const ready = new Promise((r) => { readyResolve = r; });
  const drawnWaiters = [];
  const timing = { firstFrame: 0 }; // ms since navigation, for the performance script

  const original = () => lesson.scenarios[index];
  const editKey = () => `edit:${lesson.slug}:${index}:${hash(original().code + "\0" + (original().load || ""))}`;

  function hash(s) {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  }

  // ---- routing: #/slug?s=1&sleep=2 ----
  function parseHash() {
    const m = location.hash.match(/^#\/([^?]*)(?:\?(.*))?$/);
    if (!m || !bySlug.has(m[1])) {
      const asked = location.hash.startsWith("#/") && location.hash.length > 2;
      const notes = asked ? [`${shorten(safeDecode(location.hash.slice(2)))}: no lesson has that name, so here is the first one.`] : [];
      return { slug: lessons[0].slug, params: new URLSearchParams(), notes };
    }
    let params;
    try { params = new URLSearchParams(m[2] || ""); } catch { params = new URLSearchParams(); }
    return { slug: m[1], params, notes: [] };
  }
  const safeDecode = (s) => { try { return decodeURIComponent(s); } catch { return s; } };
  const shorten = (s) => (s.length > 60 ? s.slice(0, 57) + "…" : s);

  function route() {
    const { slug, params, notes } = parseHash();
    const l = bySlug.get(slug);
    const asked = params.get("s");
    let s = 0;
    if (asked !== null) {
      const whole = /^[0-9]+$/.test(asked);
      s = whole ? Number(asked) : 0;
      if (!whole) notes.push(`s=${shorten(asked)}: not a scenario number, so the first scenario is shown.`);
      else if (s >= l.scenarios.length) notes.push(`s=${asked}: this lesson has ${l.scenarios.length} scenario${l.scenarios.length > 1 ? "s" : ""}, so the last one is shown.`);
    }
    show(l, s, params, notes);
  }

  // showLinkNotice says what a deep link asked for that the page could
  // not do; the lesson opens with defaults for those parts.
  function showLinkNotice(notes) {
    const box = $("link-notice");
    box.hidden = !notes.length;
    if (notes.length) $("link-notice-text").textContent = "Parts of this link were ignored:\n" + notes.map((n) => "• " + n).join("\n");
  }
  $("link-notice-close").addEventListener("click", () => { $("link-notice").hidden = true; });

  function show(l, scenarioIndex, params, notes = []) {
    const newLesson = lesson !== l;
    lesson = l;
    index = Math.min(Math.max(scenarioIndex || 0, 0), l.scenarios.length - 1);
    for (const a of articles) a.hidden = a !== l.article;
    document.title = `${l.title} · LoopLab`;
    $("toc-current").textContent = `${lessons.indexOf(l) + 1}. ${l.title}`;
    $("toc").open = false;
    const i = lessons.indexOf(l);
    for (const [id, target] of [["prev", lessons[i - 1]], ["next", lessons[i + 1]]]) {
      $(id).disabled = !target;
      const link = $(id + "-link");
      link.hidden = !target;
      if (target) { link.href = `#/${target.slug}`; link.textContent = id === "prev" ? `← ${target.title}` : `${target.title} →`; }
    }
    const visited = new Set(store.get("visited", []));
    visited.add(l.slug);
    store.set("visited", [...visited]);
    markToc();
    for (const f of l.article.querySelectorAll("figure.scenario")) {
      f.classList.toggle("on-stage", Number(f.id.replace("scenario-", "")) === index);
    }
    const o = original();
    const saved = store.get(editKey(), null);
    code = saved ? saved.code : o.code;
    load = saved ? saved.load : (o.load || "");
    settings = o.settings || "";
    compare = o.compare || o.compareSettings ? {
      base: o.compare || null, settings: o.compareSettings || settings,
      labelA: o.options?.a || "first", labelB: o.options?.b || "second",
    } : null;
    // A link's numbers are set by the simulator's decoder, which clamps
    // them to their ranges and says what it ignored. Before the simulator
    // is ready the link waits: route() runs again then.
    const linkNotes = [...notes];
    if (params && [...params.keys()].some((k) => k !== "s") && stage) {
      const r = JSON.parse(stage.applyLink(location.hash, o.code));
      if (r) {
        code = r.code;
        linkNotes.push(...(r.notes || []).filter((n) => !n.startsWith('"s=')));
      }
    }
    showLinkNotice(linkNotes);
    if (newLesson) $("number-range").textContent = ""; // another lesson's range would mislead
    $("code-title").textContent = o.title || "Scenario";
    $("load-box").hidden = !o.load;
    $("load-edit").value = load;
    leaveEdit(false);
    if (newLesson) window.scrollTo(0, 0); // another scenario of the same lesson keeps the place
    resimulate({ keepPlayhead: false });
  }

  function markToc() {
    const visited = new Set(store.get("visited", []));
    const modified = new Set(store.keys("edit:").map((k) => k.split(":")[1])); // edit:slug:index:hash
    for (const a of document.querySelectorAll(".toc-list a")) {
      const slug = a.dataset.slug;
      a.classList.toggle("visited", visited.has(slug));
      a.classList.toggle("current", slug === lesson.slug);
      a.querySelector(".toc-mark").textContent = modified.has(slug) ? "modified" : visited.has(slug) ? "✓" : "";
    }
    $("progress").textContent = `${visited.size} of ${lessons.length} visited`;
  }

  // ---- numbers in code ----
  // replaceNumber sets the number with id in text, kept inside the range
  // the lesson gave it, and returns the new text.
  function replaceNumber(text, id, value) {
    const n = numbersFor(text).find((x) => x.id === id);
    if (!n || !Number.isFinite(value)) return null;
    const r = rangeOf(id, n);
    const v = Math.min(r.max, Math.max(r.min, value));
    return text.slice(0, n.start) + formatNumber(n, v) + text.slice(n.end);
  }

  // rangeOf is a number's range as the lesson wrote it, so dragging to
  // the end does not widen it (a simulator number's range grows with its
  // value); numbers the learner added get their own.
  function rangeOf(id, fallback) {
    return (lesson && numbersFor(original().code).find((x) => x.id === id)) || fallback;
  }

  const numbersCache = new Map();
  function numbersFor(text) {
    let list = numbersCache.get(text);
    if (!list && stage) {
      list = JSON.parse(stage.numbers(text)) || [];
      numbersCache.set(text, list);
    }
    return list || [];
  }

  function formatNumber(n, v) {
    if (n.step >= 1) return String(Math.round(v));
    const digits = n.step < 0.1 ? 2 : 1;
    return String(Number(v.toFixed(digits)));
  }

  // ---- simulation ----
  // sceneOf is the current block's scene= and mode=.
  const sceneOf = () => ({ scene: original().options?.scene || "timeline", mode: original().options?.mode || "" });

  function request() {
    const o = original().options || {};
    const req = { code, load, settings, ...sceneOf(), focus: o.focus || "", zoom: o.zoom || "" };
    if (compare) req.compare = { code: compareCode(), settings: compare.settings, labelA: compare.labelA, labelB: compare.labelB };
    return JSON.stringify(req);
  }

  // compareCode is the second version with the first one's numbers: a
  // number dragged in one is dragged in both.
  function compareCode() {
    if (!compare.base) return code;
    let text = compare.base;
    for (const n of numbersFor(code)) text = replaceNumber(text, n.id, n.value) ?? text;
    return text;
  }

  function resimulate({ keepPlayhead = true } = {}) {
    if (!stage) { renderCode(); return; }
    const res = JSON.parse(stage.simulate(request()));
    numbers = res.numbers || []; // of code, parsed even when it does not run
    numbersCache.set(code, numbers);
    if (numbersCache.size > 64) numbersCache.delete(numbersCache.keys().next().value);
    if (res.ok) {
      result = res;
      lastError = null;
      generation = res.generation;
      // A scenario that opens zoomed opens at the end of its view, so the
      // stretch it shows is drawn as it happened, not faded as the future.
      if (!keepPlayhead) stage.seek(res.opens || 0);
      renderMetrics();
      renderLog(true);
      renderLegend();
      fitStage();
      showControls();
      renderNow();
    } else {
      lastError = res.error;
    }
    renderCode();
    renderError();
    saveEdits();
    updateHash();
  }

  function saveEdits() {
    const o = original();
    const modified = code !== o.code || load !== (o.load || "");
    if (modified) store.set(editKey(), { code, load });
    else store.remove(editKey());
    $("modified").hidden = !modified;
    $("reset").hidden = !modified;
    markToc();
  }

  // updateHash writes the lesson and every changed number into the URL, so
  // a link reproduces what the learner sees.
  function updateHash() {
    const o = original();
    const base = numbersFor(o.code);
    const params = new URLSearchParams();
    if (index > 0) params.set("s", index);
    if (base && numbers.length === base.length) {
      numbers.forEach((n, k) => { if (n.id === base[k].id && n.value !== base[k].value) params.set(n.id, n.raw); });
    }
    const q = params.toString();
    const h = `#/${lesson.slug}${q ? "?" + q : ""}`;
    if (location.hash !== h) history.replaceState(null, "", h);
  }

  // ---- rendering ----
  function renderCode() {
    $("code").innerHTML = window.looplabHighlight.html(code, numbers);
    $("compare-box").hidden = !compare;
    $("log-title").textContent = compare ? `What happens in A (${compare.labelA})` : "What happens";
    if (compare) {
      $("code-title").textContent = `A · ${compare.labelA}`;
      $("compare-title").textContent = `B · ${compare.labelB}`;
      $("compare-note").textContent = compare.base
        ? "Its numbers follow the ones above." : `The same code, run with: ${compare.settings.trim().replace(/\n/g, ", ")}`;
      $("code-b").hidden = !compare.base;
      if (compare.base) $("code-b").innerHTML = window.looplabHighlight.html(compareCode(), []);
    }
    if (focusedNumber) {
      const el = $("code").querySelector(`.num[data-id="${CSS.escape(focusedNumber)}"]`);
      if (el) el.focus({ preventScroll: true });
    }
    marksShown = null; // the code was drawn afresh: mark its lines again
    renderLineMarks();
  }

  function renderError() {
    const e = lastError;
    const box = $("code-error");
    const mark = $("error-mark");
    box.hidden = !e;
    mark.hidden = true;
    if (!e) return;
    const where = e.line ? `${e.section === "code" ? "Line" : e.section + ", line"} ${e.line}, column ${e.col}: ` : "";
    box.textContent = `${where}${e.msg}. The stage still shows the last run that worked.`;
    if (e.section === "code" && e.line && !$("edit-box").hidden) {
      const ta = $("code-edit");
      const style = getComputedStyle(ta);
      const lh = parseFloat(style.lineHeight) || 20;
      const padTop = parseFloat(style.paddingTop) || 0;
      const padLeft = parseFloat(style.paddingLeft) || 0;
      const ch = measureChar(ta);
      mark.hidden = false;
      mark.style.top = `${padTop + e.line * lh - ta.scrollTop}px`;
      mark.style.left = `${padLeft + (e.col - 1) * ch - ta.scrollLeft}px`;
      mark.textContent = `^ ${e.msg}`;
    }
  }

  let charWidth = 0;
  function measureChar(ta) {
    if (charWidth) return charWidth;
    const probe = document.createElement("span");
    probe.className = "char-probe";
    probe.textContent = "0000000000";
    ta.parentElement.appendChild(probe);
    charWidth = probe.getBoundingClientRect().width / 10 || 8;
    probe.remove();
    return charWidth;
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

  // pointRow is the figure a compare block names as its point (point=).
  const pointRows = { total: "Total time", answered: "Requests answered", latency: "Latency (min / median / max)",
    throughput: "Throughput", stall: "Longest event-loop stall", gil: "Time waiting for the GIL" };

  // renderMetrics shows the run's figures; in compare mode both runs'
  // side by side, the better of a pair marked where the difference
  // matters, and the block's point outlined.
  function renderMetrics() {
    if (result.pipeline) return renderFigures(result.pipeline.map((l) => [l.name, [{
      text: `${minutes(l.total)} · ${Math.round(100 * l.utilisation)} % busy`, classes: l.fastest ? ["better"] : [],
    }]]));
    if (result.game) return renderGameStats();
    const a = metricRows(result.metrics, result.focus);
    const b = result.compare?.metrics ? metricRows(result.compare.metrics, result.compare.focus) : null;
    const point = b ? original().options?.point : null;
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

  // renderFigures shows rows of [name, cells], each cell {text, classes}:
  // one cell a row, or two in compare mode.
  function renderFigures(rows, compare = false) {
    const dl = $("metrics");
    dl.classList.toggle("compare", compare);
    dl.replaceChildren(...rows.map(([k, cells, point]) => {
      const div = document.createElement("div");
      if (point) div.className = "point";
      const dt = document.createElement("dt");
      dt.textContent = k;
      div.append(dt, ...cells.map(({ text, classes = [] }) => {
        const dd = document.createElement("dd");
        dd.textContent = text;
        dd.classList.add(...classes);
        return dd;
      }));
      return div;
    }));
  }

  // renderGameStats shows the game's frame statistics as it runs.
  let gameStatsAt = 0;
  function renderGameStats() {
    const g = stage ? JSON.parse(stage.sceneStats()) : null;
    if (!g) return;
    const ms = (t) => `${Math.round(t * 1000)} ms`;
    const over = g.p95 > g.budget * 1.05;
    renderFigures([
      ["Frames per second", `${g.fps} (target ${result.game.fps})`],
      ["Frame budget", ms(g.budget)],
      ["Frame time (median / p95)", `${ms(g.median)} / ${ms(g.p95)}`, over ? ["bad"] : []],
      ["Frames over budget", String(g.overBudget)],
      ["Input lag (worst, last second)", ms(g.inputLag)],
    ].map(([k, text, classes]) => [k, [{ text, classes }]]));
  }

  // showControls fits the controls to the scene: the game runs live, so
  // it has no playhead to scrub or step.
  function showControls() {
    const live = !!result.game;
    for (const id of ["step-back", "step-fwd", "scrub", "clock"]) $(id).hidden = live;
    document.querySelector(".zoom").hidden = live || !!result.pipeline || sceneOf().scene === "gameloop";
    $("legend").hidden = !!result.game || sceneOf().scene === "gameloop";
    $("log-and-console").hidden = live || !!result.pipeline;
    $("export").hidden = live || !!result.pipeline;
  }

  // The log and the console follow the playhead: they show what has
  // happened up to it, as a terminal would have printed it. Both lists are
  // in time order, so finding how much to show is a binary search.
  let shownUpTo = -1;
  let consoleShown = -1;
  function countUpTo(list, t) {
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].t <= t + 1e-9) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  // scrollToEnd keeps a list at its newest line. Reading scrollHeight
  // right after changing the DOM would force a layout in the middle of a
  // number change; in the next animation frame it costs nothing extra.
  const toScroll = new Set();
  function scrollToEnd(el) {
    if (!toScroll.size) requestAnimationFrame(() => { for (const e of toScroll) e.scrollTop = e.scrollHeight; toScroll.clear(); });
    toScroll.add(el);
  }

  function renderLog(reset) {
    if (!result || (!result.log && !(result.logCount && stage))) return;
    const t = playhead;
    const ol = $("log");
    const maxShown = 200;
    // A long run's log stays in the simulator; the page asks for the
    // lines it is about to show.
    let count, logLines;
    if (result.log) {
      count = countUpTo(result.log, t);
      logLines = (from, to) => result.log.slice(from, to);
    } else {
      const page = JSON.parse(stage.logWindow(t, maxShown, reset ? 0 : Math.max(shownUpTo, 0)));
      count = page.count;
      const base = count - page.lines.length;
      logLines = (from, to) => page.lines.slice(Math.max(from - base, 0), to - base);
    }
    if (reset || count !== shownUpTo) {
      if (reset || count < shownUpTo || count - shownUpTo > maxShown) {
        if (!reset && !result.log && count < shownUpTo) return renderLog(true); // scrubbed back: fetch the window afresh
        ol.replaceChildren(...logLines(Math.max(0, count - maxShown), count).map(logItem));
      } else {
        ol.append(...logLines(shownUpTo, count).map(logItem));
        while (ol.children.length > maxShown) ol.firstChild.remove();
      }
      shownUpTo = count;
      scrollToEnd(ol);
    }
    if (reset) consoleShown = -1;
    const lines = consoleLines();
    const shown = countUpTo(lines, t);
    if (shown === consoleShown) return;
    consoleShown = shown;
    const con = $("console");
    if (!lines.length) { con.textContent = "(nothing printed)"; return; }
    con.replaceChildren(...lines.slice(0, shown).map((l) => {
      const span = document.createElement("span");
      span.className = l.warn ? "warn" : "out";
      span.textContent = l.text + "\n";
      return span;
    }));
    scrollToEnd(con);
  }

  // consoleLines merges prints and warnings in time order, once per run.
  let consoleCache = null;
  function consoleLines() {
    if (consoleCache && consoleCache.result === result) return consoleCache.lines;
    const lines = [
      ...(result.prints || []).map((p) => ({ t: p.t, text: p.text, warn: false })),
      ...(result.warnings || []).map((w) => ({ t: w.t, text: w.text, warn: true })),
    ].sort((a, b) => a.t - b.t);
    consoleCache = { result, lines };
    return lines;
  }

  function logItem(l) {
    const li = document.createElement("li");
    li.className = `ev-${l.kind}`;
    const time = document.createElement("span");
    time.className = "t";
    time.textContent = `${l.t.toFixed(3)} s`;
    li.append(time, document.createTextNode(" " + l.text));
    return li;
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

  // renderLegend explains the colours the current run uses.
  function renderLegend() {
    if (!stage) return;
    const dark = window.looplabTheme() === "dark";
    const used = new Set([...(result?.states || []), ...(result?.compare?.states || [])]);
    const all = JSON.parse(stage.legend(dark ? "dark" : "light"));
    let entries = all.filter((e) => used.has(e.state));
    if (result?.pipeline) {
      const words = { run: "working on a step", await: "waiting (queue, review, rollout)", blocked: "a worker blocked, waiting" };
      entries = all.filter((e) => words[e.state]).map((e) => ({ ...e, text: words[e.state] }));
    }
    const ul = $("legend");
    const marks = new Set([...(result?.marks || []), ...(result?.compare?.marks || [])]);
    ul.replaceChildren(...entries.map((e) => {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.className = `swatch ${e.pattern || ""}`;
      sw.style.setProperty("--sw", e.color);
      sw.style.setProperty("--ink", e.ink);
      li.append(sw, document.createTextNode(e.text));
      return li;
    }), ...markLegend.filter(([kinds]) => kinds.some((k) => marks.has(k))).map(([, glyph, cls, text]) => {
      const li = document.createElement("li");
      li.className = "mark";
      li.append(Object.assign(document.createElement("span"), { className: `glyph ${cls}`, textContent: glyph, ariaHidden: "true" }), text);
      return li;
    }));
  }

  // fitStage gives the stage the height its lanes need, within bounds.
  function fitStage() {
    const kind = result.pipeline ? "pipeline" : result.game || sceneOf().scene === "gameloop" ? "game" : "";
    if (kind) {
      const rows = kind === "pipeline" ? result.pipeline.reduce((n, l) => n + l.workers + 2, 0) : 0;
      const want = kind === "pipeline" ? 60 + 26 * rows : 420;
      $("stage").style.height = `${Math.round(Math.min(want, Math.max(320, window.innerHeight * 0.6)))}px`;
      return;
    }
    // Every lane gets a comfortable row when they fit; when they do not,
    // the stage closes groups of alike lanes, so it needs room for those.
    const b = result.compare;
    const lanes = result.lanes + (b ? b.lanes : 0);
    const rows = (result.rows || result.lanes) + (b ? b.rows || b.lanes : 0);
    const chrome = b ? 100 : 50; // axis and margins, twice in compare mode
    const cap = Math.max(320, window.innerHeight * (b ? 0.6 : 0.5));
    const want = chrome + 14 * lanes <= cap ? chrome + 22 * lanes : chrome + 22 * rows;
    $("stage").style.height = `${Math.round(Math.min(Math.max(want, 160), cap))}px`;
  }

  // ---- what happens at the playhead ----
  // renderNow updates what follows the playhead beside the log: the
  // caption under the stage and the code lines the lanes are on.
  function renderNow() {
    renderCaption();
    renderLineMarks();
  }

  function renderCaption() {
    const el = $("caption");
    if (!stage || !result || result.pipeline || result.game) { el.replaceChildren(); return; }
    const lines = JSON.parse(stage.caption(playhead)) || [];
    // In compare mode each line is named by its version, not by a letter
    // that a lesson's own names (jobs A and B) could be mistaken for.
    const label = (i) => (lines.length > 1 && compare ? `${i === 0 ? compare.labelA : compare.labelB}: ` : "");
    el.replaceChildren(...lines.map((text, i) => Object.assign(document.createElement("span"), { textContent: label(i) + text })));
  }

  // The code follows the playhead: each line some lanes are on is marked
  // in their colour, with who is there; the line of the span under the
  // pointer on the stage is marked too.
  let stageHover = "";
  let marksShown = null;
  let highlighted = []; // the lines of the first version marked now
  function renderLineMarks() {
    const views = { A: $("code"), B: compare && compare.base ? $("code-b") : null };
    let lines = [];
    if (stage && result && !result.pipeline && !result.game) {
      lines = JSON.parse(stage.activeLines(playhead, window.looplabTheme() === "dark" ? "dark" : "light")) || [];
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
    }
    if (stageHover) {
      const [version, line] = stageHover.split(":");
      const view = views[version || "A"];
      if (view) place(view, Number(line), "line-mark hovered");
    }
  }

  // lineGeometry is where a code view's first line starts and how tall
  // its lines are, for marking lines and finding the one under the pointer.
  function lineGeometry(view) {
    const cs = getComputedStyle(view);
    return { top: parseFloat(cs.paddingTop) || 0, lh: parseFloat(cs.lineHeight) || 20 };
  }

  // Hovering a line of the code outlines its spans on the stage.
  let codeHover = "";
  for (const [id, version] of [["code", "A"], ["code-b", "B"]]) {
    const view = $(id);
    view.addEventListener("mousemove", (ev) => {
      if (!stage) return;
      const { top, lh } = lineGeometry(view);
      const y = ev.clientY - view.getBoundingClientRect().top + view.scrollTop - top;
      const line = Math.floor(y / lh) + 1;
      const key = `${version}:${line}`;
      if (key === codeHover) return;
      codeHover = key;
      stage.highlight(line, compare ? version : "");
    });
    view.addEventListener("mouseleave", () => { codeHover = ""; stage?.highlight(0, ""); });
  }

  // ---- the playhead loop ----
  let playhead = 0;
  function tick() {
    if (stage) {
      const st = JSON.parse(stage.state());
      if (st.t !== playhead) {
        playhead = st.t;
        renderLog(false);
        renderNow();
      }
      const hover = result && !result.pipeline && !result.game ? JSON.parse(stage.hoverLine()) : null;
      const hoverKey = hover && hover.line ? `${hover.version}:${hover.line}` : "";
      if (hoverKey !== stageHover) {
        stageHover = hoverKey;
        marksShown = null;
        renderLineMarks();
      }
      if (result?.game && performance.now() - gameStatsAt > 250) {
        gameStatsAt = performance.now();
        renderGameStats();
      }
      // The pipeline plays a minute a second: its clock says minutes.
      $("clock").textContent = result?.pipeline ? `${st.t.toFixed(1)} min of ${st.duration.toFixed(1)} min`
        : `${st.t.toFixed(3)} s of ${st.duration.toFixed(3)} s`;
      $("play").textContent = st.playing ? "❚❚ Pause" : "▶ Play";
      $("play").setAttribute("aria-pressed", String(st.playing));
      if (!scrubbing) $("scrub").value = st.duration > 0 ? Math.round((1000 * st.t) / st.duration) : 0;
      if (st.drawn >= generation && generation > 0) {
        if (!timing.firstFrame) timing.firstFrame = st.drawnAt ? st.drawnAt - performance.timeOrigin : performance.now();
        readyResolve();
        while (drawnWaiters.length && drawnWaiters[0].gen <= st.drawn) drawnWaiters.shift().resolve();
      }
    }
    requestAnimationFrame(tick);
  }

  function afterDraw() {
    return new Promise((resolve) => drawnWaiters.push({ gen: generation, resolve }));
  }

  // afterPaint waits for two animation frames, so the stage has painted.
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  // ---- editing ----
  let focusedNumber = null;
  let drag = null;

  function setNumber(id, value) {
    showRange(id, value);
    const next = replaceNumber(code, id, value);
    if (next == null || next === code) return false;
    code = next;
    resimulate();
    return true;
  }

  function numberOf(el) { return numbers.find((n) => n.id === el.dataset.id); }

  // showRange tells the learner a number's range, and when a drag or a
  // typed value went past it, that it was kept inside.
  function showRange(id, wanted) {
    const cur = numbers.find((x) => x.id === id);
    const out = $("number-range");
    if (!cur) { out.textContent = ""; return; }
    const n = { ...cur, ...rangeOf(id, cur), seconds: cur.seconds };
    const unit = n.seconds ? " s" : "";
    const clamped = Number.isFinite(wanted) && (wanted < n.min || wanted > n.max);
    out.classList.toggle("clamped", clamped);
    out.textContent = clamped
      ? `${id} stays between ${n.min} and ${n.max}${unit}.`
      : `${id}: ${n.min} to ${n.max}${unit}, step ${n.step}.`;
  }

  const codeView = $("code");
  codeView.addEventListener("pointerdown", (ev) => {
    const el = ev.target.closest(".num");
    if (!el) return;
    const n = numberOf(el);
    if (!n) return;
    ev.preventDefault();
    el.focus();
    focusedNumber = n.id;
    drag = { id: n.id, x: ev.clientX, value: n.value, step: n.step, moved: false, pointer: ev.pointerId };
    codeView.setPointerCapture(ev.pointerId);
    document.body.classList.add("dragging");
  });
  codeView.addEventListener("pointermove", (ev) => {
    if (!drag || ev.pointerId !== drag.pointer) return;
    const dx = ev.clientX - drag.x;
    if (Math.abs(dx) < 2 && !drag.moved) return;
    drag.moved = true;
    const stepsPerPx = ev.shiftKey ? 0.1 : 0.25;
    setNumber(drag.id, drag.value + Math.round(dx * stepsPerPx) * drag.step);
  });
  const endDrag = (ev) => {
    if (!drag) return;
    if (!drag.moved) openNumberInput(drag.id);
    drag = null;
    document.body.classList.remove("dragging");
    try { codeView.releasePointerCapture(ev.pointerId); } catch { /* already released */ }
  };
  codeView.addEventListener("pointerup", endDrag);
  codeView.addEventListener("pointercancel", endDrag);
  codeView.addEventListener("focusin", (ev) => {
    if (!ev.target.classList.contains("num")) return;
    focusedNumber = ev.target.dataset.id;
    showRange(focusedNumber, NaN);
  });
  codeView.addEventListener("focusout", (ev) => {
    if (!ev.relatedTarget || !ev.relatedTarget.classList?.contains("num")) focusedNumber = null;
  });
  codeView.addEventListener("keydown", (ev) => {
    const el = ev.target.closest(".num");
    if (!el) return;
    const n = numberOf(el);
    if (!n) return;
    const big = ev.shiftKey ? 10 : 1;
    if (ev.key === "ArrowUp" || ev.key === "ArrowRight") setNumber(n.id, n.value + n.step * big);
    else if (ev.key === "ArrowDown" || ev.key === "ArrowLeft") setNumber(n.id, n.value - n.step * big);
    else if (ev.key === "Enter" || /^[0-9.]$/.test(ev.key)) { openNumberInput(n.id, /^[0-9.]$/.test(ev.key) ? ev.key : null); }
    else return;
    ev.preventDefault();
    ev.stopPropagation();
  });

  // openNumberInput lets the learner type a value in place.
  function openNumberInput(id, first) {
    const el = codeView.querySelector(`.num[data-id="${CSS.escape(id)}"]`);
    const n = numbers.find((x) => x.id === id);
    if (!el || !n) return;
    const input = document.createElement("input");
    input.className = "num-input";
    input.value = first ?? n.raw;
    input.size = Math.max(3, input.value.length + 1);
    input.setAttribute("aria-label", `${id} (from ${n.min} to ${n.max})`);
    el.replaceWith(input);
    input.focus();
    if (first == null) input.select();
    let done = false;
    const commit = (apply) => {
      if (done) return;
      done = true;
      focusedNumber = id;
      if (!apply || !setNumber(id, parseFloat(input.value))) renderCode();
    };
    input.addEventListener("keydown", (ev) => {
      ev.stopPropagation();
      if (ev.key === "Enter") commit(true);
      if (ev.key === "Escape") commit(false);
    });
    input.addEventListener("blur", () => commit(true));
  }

  // Free editing: a textarea; every change re-simulates, errors show at
  // their line while the stage keeps the last good run.
  function enterEdit() {
    $("edit-box").hidden = false;
    $("code").hidden = true;
    $("code-hint").hidden = true;
    $("edit").textContent = "Done";
    $("edit").setAttribute("aria-pressed", "true");
    const ta = $("code-edit");
    ta.value = code;
    ta.rows = Math.min(40, code.split("\n").length + 1);
    ta.focus();
    renderError();
  }
  function leaveEdit(focus = true) {
    $("edit-box").hidden = true;
    $("code").hidden = false;
    $("code-hint").hidden = false;
    $("edit").textContent = "Edit code";
    $("edit").setAttribute("aria-pressed", "false");
    if (focus) $("edit").focus();
    renderError();
  }
  $("edit").addEventListener("click", () => ($("edit-box").hidden ? enterEdit() : leaveEdit()));
  let editQueued = false;
  $("code-edit").addEventListener("input", () => {
    code = $("code-edit").value;
    if (editQueued) return;
    editQueued = true;
    requestAnimationFrame(() => { editQueued = false; resimulate(); });
  });
  $("code-edit").addEventListener("scroll", renderError);
  $("code-edit").addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { ev.preventDefault(); leaveEdit(); }
    if (ev.key === "Tab" && !ev.shiftKey) {
      ev.preventDefault();
      const ta = ev.target;
      ta.setRangeText("    ", ta.selectionStart, ta.selectionEnd, "end");
      ta.dispatchEvent(new Event("input"));
    }
  });
  $("load-edit").addEventListener("input", () => { load = $("load-edit").value; resimulate(); });

  $("reset").addEventListener("click", () => {
    undoCode = { code, load };
    const o = original();
    code = o.code;
    load = o.load || "";
    $("load-edit").value = load;
    $("code-edit").value = code;
    resimulate();
    $("undo-box").hidden = false;
    clearTimeout(undoTimer);
    undoTimer = setTimeout(() => { $("undo-box").hidden = true; }, 15000);
    $("undo").focus();
  });
  let undoTimer = 0;
  $("undo").addEventListener("click", () => {
    if (!undoCode) return;
    ({ code, load } = undoCode);
    undoCode = null;
    $("load-edit").value = load;
    $("code-edit").value = code;
    $("undo-box").hidden = true;
    resimulate();
    $("edit").focus();
  });

  // ---- theme ----
  // The toggle picks light or dark and remembers it; until then the
  // system's preference rules.
  function renderTheme() {
    const dark = window.looplabTheme() === "dark";
    $("theme").setAttribute("aria-label", dark ? "Switch to the light theme" : "Switch to the dark theme");
    $("theme").title = $("theme").getAttribute("aria-label");
    $("theme").setAttribute("aria-pressed", String(dark));
    stage?.setTheme(dark ? "dark" : "light");
    renderLegend();
    marksShown = null;
    if (result) renderNow();
  }
  $("theme").addEventListener("click", () => {
    const next = window.looplabTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    store.set("theme", next);
    renderTheme();
  });
  renderTheme();

  // ---- run it for real ----
  function copyButton(text) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = "Copy";
    b.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(text); b.textContent = "Copied"; } catch { b.textContent = "Select and copy"; }
      setTimeout(() => { b.textContent = "Copy"; }, 1500);
    });
    return b;
  }

  function block(title, text, open) {
    const d = document.createElement("details");
    d.open = open;
    const sum = document.createElement("summary");
    sum.append(title, " ", copyButton(text));
    const pre = document.createElement("pre");
    pre.textContent = text;
    d.append(sum, pre);
    return d;
  }

  function openExport() {
    if (!stage) return;
    const res = JSON.parse(stage.export(JSON.stringify({ code, load, settings })));
    const body = $("export-body");
    if (!res.ok) {
      body.replaceChildren(Object.assign(document.createElement("p"), { className: "code-error", textContent: res.error }));
    } else {
      body.replaceChildren(block("Commands", res.run, true), ...res.files.map((f) => block(f.Name, f.Text, false)));
    }
    $("export-dialog").showModal();
  }
  $("export").addEventListener("click", openExport);
  $("export-close").addEventListener("click", () => $("export-dialog").close());

  // ---- predict, then check ----
  // A predict block asks before the run; committing saves the answer,
  // puts its scenario on the stage from the start, plays it and reveals
  // what the run measured, with the lesson's one-line why.
  function setupPredicts(l) {
    for (const aside of l.article.querySelectorAll("aside.predict")) {
      const p = JSON.parse(aside.dataset.predict);
      const key = `answer:${l.slug}:${p.index}`;
      const form = aside.querySelector("form");
      const saved = store.get(key, null);
      if (saved != null) {
        fillAnswer(form, p, saved);
        reveal(aside, p, saved);
      }
      form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const value = readAnswer(form, p);
        if (value == null) {
          reveal(aside, p, null);
          return;
        }
        store.set(key, value);
        reveal(aside, p, value);
        const h = `#/${l.slug}${p.scenario > 0 ? "?s=" + p.scenario : ""}`;
        if (lesson !== l || index !== p.scenario) location.hash = h;
        requestAnimationFrame(() => { stage?.seek(0); stage?.play(); });
      });
    }
  }

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

  function reveal(aside, p, value) {
    const out = aside.querySelector(".predict-reveal");
    out.hidden = false;
    aside.classList.remove("right", "wrong");
    if (value == null) {
      out.textContent = p.choices ? "Pick an answer first." : "Type a number of seconds first.";
      return;
    }
    // Milliseconds matter below a second; above it they are the loop's
    // parsing and hand-offs, noise beside the answer (7.501 s reads 7.5 s).
    const measured = `${Number(p.answer.toFixed(p.answer >= 1 ? 2 : 3))} s`;
    let right;
    let said;
    if (p.choices) {
      right = value === p.correct;
      said = p.choices[value];
    } else {
      right = Math.abs(value - p.answer) <= Math.max(0.1 * p.answer, 0.05);
      said = `${value} s`;
    }
    aside.classList.add(right ? "right" : "wrong");
    const head = right ? `Right: the run says ${measured}.` : `Not quite: you said ${said}; the run says ${measured}.`;
    out.replaceChildren(Object.assign(document.createElement("strong"), { textContent: head }), ` ${p.why}`);
  }

  for (const l of lessons) setupPredicts(l);

  // ---- controls and keys ----
  $("play").addEventListener("click", () => togglePlay());
  $("step-back").addEventListener("click", () => stage?.step(-1));
  $("step-fwd").addEventListener("click", () => stage?.step(1));
  let scrubbing = false;
  $("scrub").addEventListener("input", () => {
    scrubbing = true;
    if (stage && result) stage.seek((Number($("scrub").value) / 1000) * result.duration);
  });
  $("scrub").addEventListener("change", () => { scrubbing = false; });
  $("zoom-in").addEventListener("click", () => stage?.zoomBy(0.5));
  $("zoom-out").addEventListener("click", () => stage?.zoomBy(2));
  $("zoom-fit").addEventListener("click", () => stage?.fit());
  $("prev").addEventListener("click", () => goRelative(-1));
  $("next").addEventListener("click", () => goRelative(1));
  $("lessons").addEventListener("click", (ev) => {
    const b = ev.target.closest("button.scenario-show");
    if (!b) return;
    location.hash = `#/${lesson.slug}${Number(b.dataset.index) > 0 ? "?s=" + b.dataset.index : ""}`;
    // On a narrow screen the stage is below the lesson: go to it.
    if (matchMedia("(max-width: 900px)").matches) requestAnimationFrame(() => $("playground").scrollIntoView());
  });

  function togglePlay() {
    if (!stage) return;
    const st = JSON.parse(stage.state());
    if (st.playing) stage.pause(); else stage.play();
  }

  function goRelative(d) {
    const i = lessons.indexOf(lesson) + d;
    if (i >= 0 && i < lessons.length) location.hash = `#/${lessons[i].slug}`;
  }

  function typing(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT" || el.isContentEditable || el.closest?.(".code-view"));
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || typing(document.activeElement)) return;
    if (ev.key === "ArrowLeft") goRelative(-1);
    else if (ev.key === "ArrowRight") goRelative(1);
    else if (ev.key === " " && !(document.activeElement?.tagName === "BUTTON" || document.activeElement?.tagName === "SUMMARY")) togglePlay();
    else return;
    ev.preventDefault();
  });

  // ---- the stage frame ----
  let reloading = false;
  window.looplabStageReady = (api) => {
    if (stage === api) return;
    stage = api;
    $("stage-status").hidden = true;
    if (reloading) {
      // The same code as before the crash, edits and numbers included.
      reloading = false;
      stage.setTheme(window.looplabTheme());
      stage.setAutoplay(!matchMedia("(prefers-reduced-motion: reduce)").matches);
      resimulate({ keepPlayhead: false });
      return;
    }
    renderLegend();
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", renderTheme);
    // With reduced motion nothing moves until the learner presses play.
    const still = matchMedia("(prefers-reduced-motion: reduce)");
    stage.setAutoplay(!still.matches);
    still.addEventListener("change", () => stage.setAutoplay(!still.matches));
    route(); // again, now that numbers in a deep link can be found
  };
  // A panic in the simulator: the frame reports it, the page stops calling
  // into the dead program and offers a fresh one. The learner's code stays.
  window.looplabStageCrashed = (msg) => {
    stage = null;
    $("stage-crash-msg").textContent = msg.split("\n").slice(0, 16).join("\n");
    $("stage-crash").hidden = false;
    $("stage-reload").focus();
  };
  $("stage-reload").addEventListener("click", () => {
    $("stage-crash").hidden = true;
    $("stage-status").textContent = "Reloading the simulator…";
    $("stage-status").hidden = false;
    reloading = true;
    $("stage").contentWindow.location.reload();
  });
  window.looplabStageFailed = (msg) => {
    $("stage-status").textContent = `The simulator could not start (${msg}). The lessons still read fine.`;
  };
  // Ebitengine does not focus itself inside a frame: focus it on click.
  $("stage").addEventListener("load", () => {
    const w = $("stage").contentWindow;
    w.addEventListener("pointerdown", () => w.focus());
    // The frame may have been ready before this page's handler existed.
    if (!stage && w.looplabStage) window.looplabStageReady(w.looplabStage);
  });

  // ---- the test and embedding API ----
  window.looplab = {
    ready,
    lessons: () => lessons.map(({ slug, title, summary, scenarios }) => ({ slug, title, summary, scenarios: scenarios.length })),
    go(slug, scenarioIndex = 0) {
      if (!bySlug.has(slug)) throw new Error(`no lesson ${slug}`);
      const h = `#/${slug}${scenarioIndex > 0 ? "?s=" + scenarioIndex : ""}`;
      if (location.hash === h) route(); else location.hash = h;
      return afterDraw();
    },
    current() {
      return {
        lesson: lesson.slug, scenario: index, scene: stage ? JSON.parse(stage.state()).scene : null,
        code, load, settings, numbers, compare: compare ? compareCode() : null,
        stats: stage ? JSON.parse(stage.sceneStats()) : null,
        pipeline: result?.pipeline ?? null,
        error: lastError, modified: !$("modified").hidden,
        metrics: result?.metrics ?? null, generation,
        trace: stage ? JSON.parse(stage.trace()) : null,
        traces: stage && compare ? JSON.parse(stage.traces()) : null,
      };
    },
    setNumber(id, value) { setNumber(id, value); return afterDraw(); },
    setLoad(text) { load = String(text); $("load-edit").value = load; resimulate(); return afterDraw(); },
    timing,
    setCode(text) { code = String(text); if (!$("edit-box").hidden) $("code-edit").value = code; resimulate(); return afterDraw(); },
    play: () => stage?.play(),
    pause: () => stage?.pause(),
    seek: (s) => stage?.seek(s),
    step: (d) => stage?.step(d),
    theme: () => window.looplabTheme(),
    state: () => (stage ? JSON.parse(stage.state()) : null),
    crashed: () => !$("stage-crash").hidden,
    memStats: () => (stage ? JSON.parse(stage.memStats()) : null),
    crashForTest: (where) => stage?.crashForTest(where),
    frames: (reset) => (stage ? JSON.parse(stage.frames(!!reset)) : null),
    log: () => [...$("log").children].map((li) => li.textContent),
    // layout is what the timeline on the stage drew: its window, plot,
    // rows and markers (see geom.Report), with the code lines marked now.
    layout() {
      if (!stage) return null;
      const l = JSON.parse(stage.layout());
      if (l) l.highlighted = [...highlighted];
      return l;
    },
    // zoom(from, to) shows that stretch of the run, in seconds.
    zoom(from, to) { stage?.zoom(from, to); return afterPaint(); },
    caption: () => $("caption").textContent,
    // exported is the "Run it for real" program of what is on the stage.
    exported: () => (stage ? JSON.parse(stage.export(JSON.stringify({ code, load, settings }))) : null),
  };

  // A dist build (make dist) has a service worker: the course works
  // offline after the first visit.
  const worker = document.documentElement.dataset.sw;
  if (worker && "serviceWorker" in navigator) navigator.serviceWorker.register(worker).catch(() => {});

  window.addEventListener("hashchange", route);
  route();
  requestAnimationFrame(tick);
})();
