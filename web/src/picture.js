// The stage's place before the stage has drawn: the picture the build
// drew of the scenario's run (it is in the scenario's figure), at the
// size the stage will have, so the stage takes over without the page
// moving. A run other than the lesson's (an edit, a link's numbers, a
// number changed before the stage started) has no picture: the place
// says the stage is starting.
import { $ } from "./dom.js";
import { S, figureOf, original, ready, timing } from "./state.js";
import { on } from "./events.js";
import { boot, booting } from "./boot.js";

const holder = $("stage-picture");
let live = false, timed = false;

// pictureOf is the current scenario's picture in its figure.
export const pictureOf = () => figureOf(S.index)?.querySelector(".scenario-picture") || null;

// preview is what the build found of the scenario's default run (its
// figures, legend and rows, as the simulator reports a run), while the
// simulator has not started and the page would run the lesson's own
// scenario; null otherwise.
export function preview() {
  if (S.stage || !(lessonRun() || S.waiting)) return null;
  const d = figureOf(S.index)?.dataset.run;
  return d ? JSON.parse(d) : null;
}

// lessonRun says the page would run the lesson's own scenario.
const lessonRun = () => S.code === original().code && S.load === (original().load || "") &&
  !Object.keys(S.compare?.own || {}).length;

function show() {
  if (live) return;
  // A number changed while the stage starts keeps the lesson's picture
  // in place, and the note says the change is on its way.
  const pic = lessonRun() || S.waiting ? pictureOf() : null;
  // The picture itself (one for both themes, or one a theme), not the run
  // inside a question's answer. A copy keeps its classes: pictures.css
  // colours it as it colours the figure's.
  const svgs = pic ? [...pic.querySelectorAll(":scope > svg")] : [];
  // The copies' ids (title, description, patterns) and the references to
  // them get a prefix of their own: the figure's pictures keep theirs.
  holder.innerHTML = svgs.map((svg) => svg.outerHTML
    .replace(/\bid="([^"]+)"/g, 'id="stage-$1"')
    .replace(/url\(#([^)]+)\)/g, "url(#stage-$1)")
    .replace(/aria-labelledby="([^"]+)"/, (_, ids) => `aria-labelledby="${ids.split(" ").map((id) => "stage-" + id).join(" ")}"`)
    .replace("<svg ", '<svg preserveAspectRatio="xMinYMin meet" ')).join("");
  holder.hidden = !svgs.length;
  if (svgs.length && !timed) {
    timed = true;
    requestAnimationFrame(() => { timing.picture = performance.now(); });
  }
  const status = $("stage-status");
  status.classList.toggle("over-picture", svgs.length > 0);
  // It waits hidden in the page until now: first a cover, then a note in
  // a corner, it would count as the page moving.
  if (!S.stage) status.hidden = false;
  status.textContent = svgs.length && S.waiting ? "The lesson's run · yours is on its way…"
    : svgs.length ? (booting() ? "A picture · the live stage is starting…" : "A picture · live when you reach for it")
    : S.waiting ? "Starting the simulator: your change runs as soon as it is up…" : "Starting the simulator…";
  // With no picture to show, the stage is needed now.
  if (!svgs.length) boot();
}
on("scenario", show);
on("run", show);
on("boot", show);

ready.then(() => {
  live = true;
  holder.hidden = true;
  holder.replaceChildren();
});
