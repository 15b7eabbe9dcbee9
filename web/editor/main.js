// LoopLab's code editor: CodeMirror 6 set up for the scenarios' Python,
// bundled by the site build into editor.js (an IIFE, no modules at run
// time) and loaded by the page only when the learner first edits code.
//
//   const ed = window.looplabEditor.create(parent, { doc, onChange, onEscape, label, dark });
//   ed.getText(); ed.setText(text); ed.focus(); ed.destroy();
//   ed.setDiagnostics([{ line, col, endLine, endCol, message, severity }]);
//   ed.setTheme("light" | "dark");
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars } from "@codemirror/view";
import { Annotation, Compartment, EditorState, Prec } from "@codemirror/state";
import { bracketMatching, indentOnInput, indentUnit } from "@codemirror/language";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { theme } from "./theme.js";
import { toLint } from "./diagnostics.js";

// programmatic marks the page's own setText, so it fires no onChange: the
// page already knows the text it set.
const programmatic = Annotation.define();

// escape runs the page's onEscape and, as CodeMirror itself does on
// Escape, lets the next Tab move focus out of the editor instead of
// indenting, so a keyboard user is never trapped. Lowest precedence: an
// open tooltip or panel takes Escape first and the learner stays.
function escape(onEscape) {
  return Prec.lowest(keymap.of([{
    key: "Escape",
    run(view) {
      view.setTabFocusMode(2000);
      onEscape?.();
      return true;
    },
  }]));
}

function create(parent, opts = {}) {
  const themeSlot = new Compartment();
  const state = EditorState.create({
    doc: opts.doc ?? "",
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      python(),
      // Scenarios are Python as the lessons print it: four spaces.
      indentUnit.of("    "),
      EditorState.tabSize.of(4),
      lintGutter(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
      escape(opts.onEscape),
      themeSlot.of(theme(opts.dark ? "dark" : "light")),
      EditorView.contentAttributes.of({ "aria-label": opts.label || "Code" }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged && opts.onChange && !u.transactions.some((tr) => tr.annotation(programmatic))) {
          opts.onChange(u.state.doc.toString());
        }
      }),
    ],
  });
  const view = new EditorView({ state, parent });
  return {
    getText: () => view.state.doc.toString(),
    // setText replaces only what differs, so the cursor stays where it was
    // when the page rewrites one number in the code.
    setText(text) {
      const old = view.state.doc.toString();
      if (text === old) return;
      let start = 0;
      while (start < old.length && start < text.length && old[start] === text[start]) start++;
      let end = 0;
      while (end < old.length - start && end < text.length - start &&
        old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
      view.dispatch({
        changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) },
        // Its own undo step, never merged with the learner's typing.
        annotations: [programmatic.of(true), isolateHistory.of("full")],
      });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
    setDiagnostics(list) {
      const doc = view.state.doc;
      view.dispatch(setDiagnostics(view.state, (list || []).map((d) => toLint(doc, d))));
    },
    setTheme(name) {
      view.dispatch({ effects: themeSlot.reconfigure(theme(name)) });
    },
  };
}

window.looplabEditor = { create };
