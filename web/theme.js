// The colour theme, applied before the page paints so it never flashes:
// the learner's choice (light or dark, kept in localStorage) or, with no
// choice, the system's prefers-color-scheme. Both frames load this file;
// looplabTheme() is the theme in effect.
"use strict";
(() => {
  let chosen = null;
  try { chosen = JSON.parse(localStorage.getItem("looplab:theme")); } catch { /* private mode */ }
  if (chosen === "light" || chosen === "dark") document.documentElement.dataset.theme = chosen;
  window.looplabTheme = () =>
    document.documentElement.dataset.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
})();
