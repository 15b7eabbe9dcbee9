// Placeholder entry of the page's ES modules, bundled into app.js by the
// site build. The page's own modules replace it; until then it runs the
// page as it is (web/app.js, one self-contained script) and offers the
// editor's loader.
import "../app.js";
import { loadEditor } from "./load-editor.js";

// looplabBundled tells a test that app.js came from this bundle, not from
// the fallback copy of web/app.js.
window.looplabBundled = true;
window.looplabLoadEditor = loadEditor;
