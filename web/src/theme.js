// The theme toggle picks light or dark and remembers it; until then the
// system's preference rules (web/theme.js applies it before first paint).
import { $ } from "./dom.js";
import { S } from "./state.js";
import { store } from "./store.js";
import { emit } from "./events.js";

export function renderTheme() {
  const dark = window.looplabTheme() === "dark";
  const b = $("theme");
  b.setAttribute("aria-label", dark ? "Switch to the light theme" : "Switch to the dark theme");
  b.title = b.getAttribute("aria-label");
  b.setAttribute("aria-pressed", String(dark));
  S.stage?.setTheme(dark ? "dark" : "light");
  emit("theme");
}

$("theme").addEventListener("click", () => {
  const next = window.looplabTheme() === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = next;
  store.set("theme", next);
  renderTheme();
});
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", renderTheme);
