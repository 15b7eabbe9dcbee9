// Saving the run on the stage as a picture to take away, for slides or a
// post: SVG (real text, sharp at any size) or PNG (twice the stage's
// pixels). The simulator draws it as the stage does, at the stage's size
// and in the theme in effect. Not while a question about the run is open
// (the picture would answer it), nor for the game, which runs live.
import { $, el } from "./dom.js";
import { S } from "./state.js";
import { on } from "./events.js";

function svgText() {
  const f = $("stage").getBoundingClientRect();
  return S.stage ? S.stage.picture(window.looplabTheme(), Math.round(f.width), Math.round(f.height)) : "";
}

const fileName = (ext) => `looplab-${S.lesson.slug}-${S.index + 1}.${ext}`;

function download(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

$("save-svg").addEventListener("click", () => {
  const svg = svgText();
  if (svg) download(new Blob([svg], { type: "image/svg+xml" }), fileName("svg"));
});

$("save-png").addEventListener("click", async () => {
  const svg = svgText();
  if (!svg) return;
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = el("canvas", { width: img.naturalWidth * 2, height: img.naturalHeight * 2 });
    canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((png) => png && download(png, fileName("png")), "image/png");
  } finally {
    URL.revokeObjectURL(url);
  }
});

function showSave() {
  const r = S.result;
  $("save").hidden = !S.stage || !r || !!r.game || !!S.secret;
}
on("run", showSave);
on("secret", showSave);
