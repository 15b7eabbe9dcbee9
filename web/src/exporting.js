// "Run it for real": the scenario on the stage as files for CPython, both
// versions in compare mode; and "Copy link", which shares it.
import { $, el } from "./dom.js";
import { S } from "./state.js";
import { exportRequest } from "./simulate.js";
import { linkTooLong } from "./routing.js";
import { MaxLink } from "./share.js";

function copyButton(text) {
  const b = el("button", { type: "button", className: "copy", textContent: "Copy" });
  b.addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(text); b.textContent = "Copied"; } catch { b.textContent = "Select and copy"; }
    setTimeout(() => { b.textContent = "Copy"; }, 1500);
  });
  return b;
}

function block(title, text, open) {
  const d = el("details", { open });
  d.append(el("summary", {}, title, " ", copyButton(text)), el("pre", { textContent: text }));
  return d;
}

// exported is the export of what is on the stage.
export const exported = () => (S.stage ? JSON.parse(S.stage.export(JSON.stringify(exportRequest()))) : null);

$("export").addEventListener("click", () => {
  const res = exported();
  if (!res) return;
  const body = $("export-body");
  if (!res.ok) body.replaceChildren(el("p", { className: "code-error", textContent: res.error }));
  else body.replaceChildren(block("Commands", res.run, true), ...res.files.map((f) => block(f.Name, f.Text, false)));
  $("export-dialog").showModal();
});
$("export-close").addEventListener("click", () => $("export-dialog").close());

// Copy link: the address reproduces the stage, edits included.
$("share").addEventListener("click", async () => {
  const note = $("share-note");
  if (linkTooLong()) {
    note.textContent = `This link is ${location.href.length.toLocaleString("en")} characters, more than the ${MaxLink.toLocaleString("en")} some mail and chat programs keep. Use "Run it for real" to send the files instead.`;
    note.hidden = false;
    return;
  }
  try {
    await navigator.clipboard.writeText(location.href);
    note.textContent = "Link copied: it opens this scenario with your numbers and edits.";
  } catch {
    note.textContent = "Copy the address from the address bar: it opens this scenario with your numbers and edits.";
  }
  note.hidden = false;
  setTimeout(() => { note.hidden = true; }, 6000);
});
