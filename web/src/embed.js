// The embed page (embed.html#/lesson?s=1): the page in a frame of another
// site, showing one scenario, its code, numbers and stage; style.css
// hides the rest. Its one link opens the same scenario, with the
// learner's numbers, in the whole course.
import { $ } from "./dom.js";
import { on } from "./events.js";

export const embedded = document.documentElement.classList.contains("embed");

if (embedded) {
  const link = $("embed-open");
  const follow = () => { link.href = "index.html" + location.hash; };
  on("run", follow);
  window.addEventListener("hashchange", follow);
}
