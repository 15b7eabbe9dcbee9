package syntax

import (
	"fmt"
	"strings"
)

// tokenKind classifies a token. Operators and keywords are told apart by
// their text rather than by a kind each, so the parser reads like the
// grammar: p.at("(") and p.at("if").
type tokenKind int

const (
	tokEOF     tokenKind = iota
	tokError             // the scanner failed; scanner.err says why
	tokNewline           // the end of a logical line
	tokIndent            // a line indented deeper than the one before
	tokDedent            // one closed indentation level
	tokName
	tokKeyword
	tokNumber
	tokString  // a plain string literal, escapes already decoded
	tokFString // an f-string literal, split later by the parser
	tokOp
)

var kindNames = [...]string{
	tokEOF:     "EOF",
	tokError:   "ERROR",
	tokNewline: "NEWLINE",
	tokIndent:  "INDENT",
	tokDedent:  "DEDENT",
	tokName:    "NAME",
	tokKeyword: "KEYWORD",
	tokNumber:  "NUMBER",
	tokString:  "STRING",
	tokFString: "FSTRING",
	tokOp:      "OP",
}

func (k tokenKind) String() string { return kindNames[k] }

// token is one lexical token. Text is the exact source, which Num.Raw and
// error messages quote.
type token struct {
	kind     tokenKind
	pos, end Pos
	text     string
	// value is a STRING's decoded value or an FSTRING's undecoded body
	// between the quotes; valuePos is where that body starts, so f-string
	// fields can be parsed at their real position.
	value    string
	valuePos Pos
	raw      bool // an r-prefixed FSTRING: its literal runs keep backslashes
	bytes    bool // a b-prefixed STRING: value holds its bytes
}

// keywords are Python's reserved words. Soft keywords such as "match"
// stay names, as in Python, so they remain usable as identifiers.
var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true,
	"global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true,
	"raise": true, "return": true, "try": true, "while": true, "with": true,
	"yield": true,
}

// operators holds every operator and delimiter; the scanner tries the
// longest match first, so "**=" wins over "**" and "*".
var operators = map[string]bool{
	"**=": true, "//=": true, ">>=": true, "<<=": true, "...": true,
	"->": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true,
	"@=": true, "&=": true, "|=": true, "^=": true, "**": true, "//": true,
	"<<": true, ">>": true, "<=": true, ">=": true, "==": true, "!=": true,
	":=": true,
	"(":  true, ")": true, "[": true, "]": true, "{": true, "}": true,
	",": true, ":": true, ";": true, ".": true, "@": true, "=": true,
	"+": true, "-": true, "*": true, "/": true, "%": true, "&": true,
	"|": true, "^": true, "~": true, "<": true, ">": true,
}

// describe names a token for "expected X, found Y" messages; eof is what
// the end of input is called where this parser stops ("end of file", or
// "'}'" inside an f-string field).
func describe(t token, eof string) string {
	switch t.kind {
	case tokEOF:
		return eof
	case tokName:
		return fmt.Sprintf("name '%s'", t.text)
	case tokNumber:
		return "number " + t.text
	case tokString, tokFString:
		// Quote at most the first line, and not all of a long one.
		text, _, multiline := strings.Cut(t.text, "\n")
		if runes := []rune(text); len(runes) > 20 {
			text, multiline = string(runes[:17]), true
		}
		if multiline {
			text += "..."
		}
		return "string " + text
	case tokKeyword, tokOp:
		return "'" + t.text + "'"
	}
	return t.kind.String()
}
