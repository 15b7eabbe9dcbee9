// loadEditor fetches the code editor (editor.js, CodeMirror) the first
// time it is asked for, by adding its script to the page, and resolves to
// window.looplabEditor. The page calls it when the learner first edits
// code, so the first paint never pays for the editor. The name is a
// quoted "editor.js" on purpose: a dist build rewrites quoted names to
// their content-hashed ones.
let loading = null;

export function loadEditor() {
  if (window.looplabEditor) return Promise.resolve(window.looplabEditor);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "editor.js";
    script.addEventListener("load", () => resolve(window.looplabEditor));
    script.addEventListener("error", () => {
      loading = null; // a later edit tries again
      script.remove();
      reject(new Error("could not load editor.js"));
    });
    document.head.append(script);
  });
  return loading;
}
