package syntax

import (
	"strconv"
	"strings"
	"testing"
)

// scanAll returns the tokens of src up to EOF, or the scanner's error.
func scanAll(src string) ([]token, error) {
	s := newScanner(src, Pos{Line: 1, Col: 1}, false)
	var toks []token
	// Every call consumes input or closes a level, so this terminates;
	// the bound only keeps a scanner bug from hanging the test.
	for range 10*len(src) + 10 {
		t := s.next()
		switch t.kind {
		case tokError:
			return toks, s.err
		case tokEOF:
			return toks, nil
		}
		toks = append(toks, t)
	}
	return toks, &Error{Msg: "scanner does not stop"}
}

// dumpTokens writes names, keywords, operators and numbers as their text,
// strings as Go-quoted values (f-strings as f"body"), and layout tokens as
// NEWLINE, INDENT and DEDENT.
func dumpTokens(toks []token) string {
	var out []string
	for _, t := range toks {
		switch t.kind {
		case tokString:
			out = append(out, strconv.Quote(t.value))
		case tokFString:
			out = append(out, "f"+strconv.Quote(t.value))
		case tokNewline, tokIndent, tokDedent:
			out = append(out, t.kind.String())
		default:
			out = append(out, t.text)
		}
	}
	return strings.Join(out, " ")
}

func TestScan(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"", ""},
		{"\n\n  \n# only a comment\n", ""},
		{"x = 1", "x = 1 NEWLINE"},
		{"x = 1\n", "x = 1 NEWLINE"},
		{"def f():\n    return 1\n", "def f ( ) : NEWLINE INDENT return 1 NEWLINE DEDENT"},
		{"if a:\n  if b:\n    c\nd\n", "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT d NEWLINE"},
		{"if a:\n  b\n\n  # comment\n  c\n", "if a : NEWLINE INDENT b NEWLINE c NEWLINE DEDENT"},
		{"if a:\n  b", "if a : NEWLINE INDENT b NEWLINE DEDENT"},
		{"if a:\n\tb\n\tc\n", "if a : NEWLINE INDENT b NEWLINE c NEWLINE DEDENT"},
		{"if a:\n\tb\n\t c\n", "if a : NEWLINE INDENT b NEWLINE INDENT c NEWLINE DEDENT DEDENT"},
		{"if a:\n  \tb\n  \tc\n", "if a : NEWLINE INDENT b NEWLINE c NEWLINE DEDENT"},
		{"x = (1,\n     2)\ny", "x = ( 1 , 2 ) NEWLINE y NEWLINE"},
		{"f(a,\n# comment\n  b\n)\n", "f ( a , b ) NEWLINE"},
		{"d = {\n  'k': [1,\n 2],\n}\n", `d = { "k" : [ 1 , 2 ] , } NEWLINE`},
		{"x = 1 + \\\n    2\n", "x = 1 + 2 NEWLINE"},
		{"x = 1 # comment\n", "x = 1 NEWLINE"},
		{"a;b", "a ; b NEWLINE"},
		{"a **= b // c ... -> := != <<", "a **= b // c ... -> := != << NEWLINE"},
		{"not_a_keyword match if", "not_a_keyword match if NEWLINE"},
		{"café = 1", "café = 1 NEWLINE"},
		{`'a' "b" '''c'd''' """e"f"""`, `"a" "b" "c'd" "e\"f" NEWLINE`},
		{`"\n\t\\\'\"\x41\u00e9\U0001F600\101\d"`, `"\n\t\\'\"Aé😀A\\d" NEWLINE`},
		{"'a\\\nb'", `"ab" NEWLINE`},
		{"'''a\nb'''", `"a\nb" NEWLINE`},
		{`r"a\nb\"" R'\d' u"x"`, `"a\\nb\\\"" "\\d" "x" NEWLINE`},
		{`f"x {y!r:>5}" rf"{a}\n" F'z' fR"q"`, `f"x {y!r:>5}" f"{a}\\n" f"z" f"q" NEWLINE`},
		{"rb", "rb NEWLINE"},
		{"1 1_000 0x1F 0X_ff 0o17 0b1_01 00 0", "1 1_000 0x1F 0X_ff 0o17 0b1_01 00 0 NEWLINE"},
		{"1.5 .5 2. 1e3 1E-3 1.5e+10 1_0.0_1 01.5 0e0", "1.5 .5 2. 1e3 1E-3 1.5e+10 1_0.0_1 01.5 0e0 NEWLINE"},
		{"x.y", "x . y NEWLINE"},
	} {
		toks, err := scanAll(tc.src)
		if err != nil {
			t.Errorf("scan %q: %v", tc.src, err)
			continue
		}
		if got := dumpTokens(toks); got != tc.want {
			t.Errorf("scan %q\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestScanErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"x = $", "1:5: invalid character '$'"},
		{"x = a ? b", "1:7: invalid character '?'"},
		{"if !x: pass", "1:4: invalid character '!'; use 'not' to negate"},
		{"x = 'abc", "1:5: unterminated string"},
		{"x = 'abc\ny'", "1:5: unterminated string"},
		{"x = \"\"\"abc\n\nd", "1:5: unterminated triple-quoted string"},
		{"x = 'a\\'", "1:5: unterminated string"},
		{"b'café'", "1:6: bytes can only contain ASCII literal characters"},
		{"b'\\x4'", "1:3: invalid \\x escape: expected 2 hex digits"},
		{"'\\x4'", `1:2: truncated \x escape: expected 2 hex digits`},
		{"'ok\\uZZZZ'", `1:4: truncated \u escape: expected 4 hex digits`},
		{"'\\U00110000'", `1:2: \U escape is beyond the last Unicode character`},
		{"'\\N{DASH}'", `1:2: \N{...} escapes are not supported; write the character itself`},
		{"x = 1 \\ y", "1:7: unexpected character after line continuation character '\\'"},
		{"x = 1 \\", "1:7: unexpected end of file after line continuation character '\\'"},
		{"f(x))", "1:5: unmatched ')'"},
		{"]", "1:1: unmatched ']'"},
		{"f(x]", "1:4: closing ']' does not match opening '(' on line 1"},
		{"f(x,\n  y", "1:2: '(' was never closed"},
		{"x = [1,\n  {2: (3,\n", "2:7: '(' was never closed"},
		{"if a:\n    b\n  c\n", "3:3: unindent does not match any outer indentation level"},
		{"if a:\n        b\n\tc\n", "3:2: inconsistent use of tabs and spaces in indentation; indent with spaces only"},
		{"if a:\n\tb\n        c\n", "3:9: inconsistent use of tabs and spaces in indentation; indent with spaces only"},
		{"1.real", "1:1: invalid number literal '1.real'"},
		{"if a:\n    \tb\n\t    c\n", "3:6: inconsistent use of tabs and spaces in indentation; indent with spaces only"},
		{"1abc", "1:1: invalid number literal '1abc'"},
		{"x = 1__000", "1:5: invalid number literal '1__000'"},
		{"1_", "1:1: invalid number literal '1_'"},
		{"0x", "1:1: invalid number literal '0x'"},
		{"0b102", "1:1: invalid number literal '0b102'"},
		{"1e", "1:1: invalid number literal '1e'"},
		{"0123", "1:1: leading zeros are not allowed in a decimal number; write 123"},
		{"2j", "1:1: complex numbers are not simulated"},
		{"x = 'é' + \xff", "1:11: invalid UTF-8 encoding; save the file as UTF-8"},
		{"x\x00", "1:2: invalid character '\\x00'"},
	} {
		_, err := scanAll(tc.src)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("scan %q\n got error %q\nwant error %q", tc.src, got, tc.want)
		}
	}
}

// TestScanPositions checks positions across lines, tabs and multi-byte
// characters: Col counts characters, Offset counts bytes.
func TestScanPositions(t *testing.T) {
	src := "é = 'ü'\nif x:\n\ty = f\"{a}\"\n"
	toks, err := scanAll(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range toks {
		got = append(got, tok.kind.String()+"@"+tok.pos.String()+"-"+tok.end.String()+"#"+strconv.Itoa(tok.pos.Offset))
	}
	want := []string{
		"NAME@1:1-1:2#0", "OP@1:3-1:4#3", "STRING@1:5-1:8#5", "NEWLINE@1:8-2:1#9",
		"KEYWORD@2:1-2:3#10", "NAME@2:4-2:5#13", "OP@2:5-2:6#14", "NEWLINE@2:6-3:1#15",
		"INDENT@3:2-3:2#17", "NAME@3:2-3:3#17", "OP@3:4-3:5#19", "FSTRING@3:6-3:12#21", "NEWLINE@3:12-4:1#27",
		"DEDENT@4:1-4:1#28",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("positions\n got %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
	}
	for _, tok := range toks {
		if tok.kind != tokIndent && tok.kind != tokDedent && tok.kind != tokNewline && src[tok.pos.Offset:tok.end.Offset] != tok.text {
			t.Errorf("token %q: source slice is %q", tok.text, src[tok.pos.Offset:tok.end.Offset])
		}
	}
	if f := toks[11]; src[f.valuePos.Offset:f.valuePos.Offset+len(f.value)] != f.value || f.valuePos.String() != "3:8" {
		t.Errorf("f-string body %q at %v does not match the source", f.value, f.valuePos)
	}
}
