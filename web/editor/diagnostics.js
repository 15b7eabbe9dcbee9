// Diagnostics as the page has them (1-based line and column, as the
// simulator's errors say "app.py:9:5") turned into CodeMirror's document
// offsets. Positions past the end are clamped rather than thrown on: the
// code may have changed since the run that found the error.
const severities = new Set(["error", "warning", "info", "hint"]);

// offset is the document position of line:col, both 1-based.
function offset(doc, line, col) {
  const l = doc.line(Math.min(Math.max(1, Math.trunc(line) || 1), doc.lines));
  return l.from + Math.min(Math.max(0, (Math.trunc(col) || 1) - 1), l.length);
}

// toLint converts one diagnostic. Without an end it marks from the column
// to the end of its line, so a message about a statement underlines the
// statement, not one character.
export function toLint(doc, d) {
  const from = offset(doc, d.line, d.col);
  let to = d.endLine != null ? offset(doc, d.endLine, d.endCol ?? Infinity) : doc.lineAt(from).to;
  if (to < from) to = from;
  return {
    from,
    to,
    severity: severities.has(d.severity) ? d.severity : "error",
    message: String(d.message ?? ""),
  };
}
