// The editor's look. Surfaces, text, gutters and focus take the page's CSS
// variables, so they follow the page's light and dark themes (and any
// redesign) without a rebuild; only the syntax colours are the editor's
// own (palette.json), one set per theme, because they must be chosen for
// contrast against a known background.
import { EditorView } from "@codemirror/view";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";
import palette from "./palette.json";

// surfaces is the part that is the same in both themes: it reads the
// variables, which the page switches.
function surfaces(colours, dark) {
  return EditorView.theme({
    "&": { color: "var(--fg)", backgroundColor: "var(--bg)", border: "1px solid var(--line)", borderRadius: "6px" },
    // CodeMirror's own focus ring is a dotted line; the page's is a 2px
    // --focus outline, and the editor should look like the page's fields.
    "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "2px" },
    ".cm-scroller": { fontFamily: "var(--mono)", fontSize: "0.86rem", lineHeight: "1.5" },
    ".cm-content": { caretColor: "var(--fg)" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
    ".cm-content ::selection": { backgroundColor: colours.selection },
    "&.cm-focused .cm-content ::selection": { backgroundColor: colours.selection },
    ".cm-activeLine": { backgroundColor: "var(--panel)" },
    ".cm-gutters": { backgroundColor: "var(--bg)", color: "var(--muted)", borderRight: "1px solid var(--line)" },
    ".cm-activeLineGutter": { backgroundColor: "var(--panel)", color: "var(--fg)" },
    // A matched bracket keeps its syntax colour (its contrast is checked)
    // and gets a frame instead of CodeMirror's translucent fill.
    "&.cm-focused .cm-matchingBracket": { backgroundColor: "transparent", outline: "1px solid var(--muted)" },
    "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "transparent", outline: "1px solid var(--bad)" },
    ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--fg)", border: "1px solid var(--line)" },
    ".cm-diagnostic": { color: "var(--fg)" },
    ".cm-diagnostic-error": { borderLeftColor: "var(--bad)" },
  }, { dark });
}

// highlight maps the Python grammar's tags to the palette. Tags not named
// here (names, operators, punctuation) keep the text colour, --fg.
function highlight(c) {
  return HighlightStyle.define([
    { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword, t.modifier], color: c.keyword },
    { tag: [t.string, t.special(t.string), t.escape], color: c.string },
    { tag: [t.comment, t.lineComment], color: c.comment, fontStyle: "italic" },
    { tag: [t.number, t.bool, t.null], color: c.number },
    { tag: [t.function(t.variableName), t.function(t.propertyName)], color: c.function },
    { tag: [t.definition(t.className), t.className], color: c.className },
    { tag: t.meta, color: c.meta },
    { tag: t.invalid, color: c.invalid },
  ]);
}

// theme is the extension for "light" or "dark".
export function theme(name) {
  const dark = name === "dark";
  const colours = dark ? palette.dark : palette.light;
  return [surfaces(colours, dark), syntaxHighlighting(highlight(colours))];
}
