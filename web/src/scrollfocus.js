// Boxes that scroll sideways must be reachable without a mouse: a lesson's
// code block or table, or the phone's row of figures, that is wider than
// its box takes the focus, so the arrow keys scroll it; one that fits
// stays out of the Tab order. A code block gets a name, as a focusable
// region needs one.
import { on } from "./events.js";

const selector = ".lesson pre, .lesson table, #metrics";

function mark() {
  for (const box of document.querySelectorAll(selector)) {
    if (box.closest("[hidden]") || (box.hasAttribute("tabindex") && !box.dataset.scrolls)) continue;
    const over = box.scrollWidth > box.clientWidth + 1;
    if (over && !box.dataset.scrolls) {
      box.dataset.scrolls = "1";
      box.tabIndex = 0;
      if (box.tagName === "PRE") {
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Code, scrolls sideways");
      }
    } else if (!over && box.dataset.scrolls) {
      delete box.dataset.scrolls;
      box.removeAttribute("tabindex");
      if (box.tagName === "PRE") { box.removeAttribute("role"); box.removeAttribute("aria-label"); }
    }
  }
}

let queued = false;
function later() {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => { queued = false; mark(); });
}

// A box is checked again when its size changes (a window resized, a
// lesson shown, a figure's code put back from the stage) and when a run
// changes what the figures say.
const watch = new ResizeObserver(later);
for (const box of document.querySelectorAll(selector)) watch.observe(box);
on("run", later);
on("scenario", later);
