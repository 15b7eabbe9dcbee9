// The lesson on screen: which article shows, the lesson list with what
// the learner visited and changed, and the previous/next links.
import { $ } from "./dom.js";
import { S, lessons } from "./state.js";
import { store } from "./store.js";
import { on } from "./events.js";
import { modified } from "./simulate.js";

on("scenario", () => {
  const l = S.lesson;
  for (const le of lessons) le.article.hidden = le !== l;
  document.title = `${l.title} · LoopLab`;
  $("toc-current").textContent = `${lessons.indexOf(l) + 1}. ${l.title}`;
  closeToc(false);
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
});

// After a run the lesson list says which lessons the learner changed.
on("run", () => { markToc(); $("modified").hidden = !modified(); $("reset").hidden = !modified(); });

function markToc() {
  const visited = new Set(store.get("visited", []));
  const changed = new Set(store.keys("edit:").map((k) => k.split(":")[1])); // edit:slug:index:hash
  for (const a of document.querySelectorAll(".toc-list a")) {
    const slug = a.dataset.slug;
    a.classList.toggle("visited", visited.has(slug));
    a.classList.toggle("current", slug === S.lesson.slug);
    if (slug === S.lesson.slug) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    a.querySelector(".toc-mark").textContent = changed.has(slug) ? "modified" : visited.has(slug) ? "✓" : "";
  }
  $("progress").textContent = `${visited.size} of ${lessons.length} visited`;
}

// The lesson list closes on Escape, on a click outside it, and when a
// lesson is picked.
function closeToc(focus) {
  const toc = $("toc");
  if (!toc.open) return;
  toc.open = false;
  if (focus) toc.querySelector("summary").focus();
}
document.addEventListener("pointerdown", (ev) => { if (!$("toc").contains(ev.target)) closeToc(false); });
$("toc").addEventListener("keydown", (ev) => {
  if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); closeToc(true); }
});
$("toc").addEventListener("focusout", (ev) => {
  if (ev.relatedTarget && !$("toc").contains(ev.relatedTarget)) closeToc(false);
});
