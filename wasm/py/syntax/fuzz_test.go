package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are the example programs plus snippets that reach every corner
// of the scanner and parser, broken ones included.
func fuzzSeeds(f *testing.F) []string {
	files, err := filepath.Glob("testdata/*.py")
	if err != nil {
		f.Fatal(err)
	}
	var seeds []string
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, string(src))
	}
	return append(seeds,
		"", "\n", "x", "x = 1_000 + 0x1F * 2.5e-3 - .5 // 2.", "a, *b = c",
		"if x:\n\tpass\nelif y: pass\nelse:\n  pass\n", "  x", "if a:\n    b\n  c",
		"def f(a, b: int = 1, *args, **kw) -> None:\n    'doc'\n    return a, b",
		"@app.post('/x', status_code=201)\nasync def f(): await g()",
		"try:\n  x\nexcept (A, B) as e:\n  raise\nexcept:\n  pass\nelse:\n  y\nfinally:\n  z",
		"async with a as b, c:\n  async for x in y: pass",
		"assert x, f\"{y}\"\nassert (a, b)",
		"while x < 3:\n  x += 1\n  if x: break\n  continue\nelse:\n  y\nfor a in b:\n  pass\nelse: c",
		"from x import (a, b,)\nimport a.b as c",
		"[x for x in y if z]", "{k: v for k, v in d}", "(x for x in y)", "{*a, **b}",
		"f(*a, b=1, **c)", "x[1:2, ::3]", "lambda x, *y: x if y else -x ** 2",
		"a < b not in c is not d", "not await x", `f"{x!r:>{w}} {{ }} {y=}"`,
		`f'{a["b"]}' "c" rf"\d{1}"`, "f'''\n{x\n+ 1}'''", `'\x41\u00e9\N{DASH}'`,
		"while x: pass", "class A: pass", "@d(1)\nclass B(A, metaclass=M):\n  'doc'\n  x: int = 0\n  def f(self): return super().f()",
		"def f():\n  x = 1\n  def g():\n    nonlocal x\n    del x\n  return g", "del a[0], b.c, d",
		"while (n := f()) > 0: print(n := n - 1)",
		"try:\n  a\nexcept* (A, B) as g:\n  raise X from g\nexcept* C:\n  pass", "yield x", "match x:\n case 1: pass", "(y := 1)",
		`b'GET \r\n' rb"\d" b'\x00\777'`, "b'a' 'b'", "b'caf\xc3\xa9'", "123456789012345678901234567890 ** 0x1_0000_0000_0000_0000",
		"x = (1,", "x = 1)", "x = [1}", "'unterminated", `"""open`, "b'x'", "1__0", "0x", "2j",
		"x = \\\n 1", "x = 1 \\ 2", "$", "\xff", "if x:\n\tif y:\n        z",
		"(((((((((((((((((((((((((x))))))))))))))))))))))))", "- - - - - - x", "f(x for x in y, 1)",
	)
}

// checkError asserts what every caller relies on: errors are *Error at a
// position inside src whose line and column agree with its offset.
func checkError(t *testing.T, src string, err error) {
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T %v, want *Error", err, err)
	}
	if strings.HasPrefix(e.Msg, "internal error") {
		t.Fatalf("parser panicked: %v", e)
	}
	p := e.Pos
	if p.Line < 1 || p.Col < 1 || p.Offset < 0 || p.Offset > len(src) {
		t.Fatalf("error %v at %+v is outside the %d-byte source", e, p, len(src))
	}
	if at := (Pos{Line: 1, Col: 1}).after(src[:p.Offset]); at != p {
		t.Fatalf("error %v: Pos %+v, but its offset is at %+v", e, p, at)
	}
}

// FuzzScan checks that the scanner stops, that its errors are well placed,
// and that every token's text is the source between its positions.
func FuzzScan(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks, err := scanAll(src)
		if err != nil {
			checkError(t, src, err)
		}
		for _, tok := range toks {
			if tok.pos.Offset < 0 || tok.end.Offset > len(src) || tok.pos.Offset > tok.end.Offset {
				t.Fatalf("token %v %q spans %+v-%+v", tok.kind, tok.text, tok.pos, tok.end)
			}
			if tok.text != "" && src[tok.pos.Offset:tok.end.Offset] != tok.text {
				t.Fatalf("token %q: source slice is %q", tok.text, src[tok.pos.Offset:tok.end.Offset])
			}
		}
	})
}

// FuzzParse checks that Parse never panics, that its errors are well
// placed, and that every Num of a successful parse keeps its exact source
// text.
func FuzzParse(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := string(data)
		m, err := Parse(data)
		if err != nil {
			checkError(t, src, err)
			return
		}
		DumpModule(m)
		for _, s := range m.Body {
			Inspect(s, func(n Node) bool {
				if num, ok := n.(*Num); ok {
					if num.Pos.Offset < 0 || num.End.Offset > len(src) || num.Pos.Offset > num.End.Offset ||
						src[num.Pos.Offset:num.End.Offset] != num.Raw {
						t.Fatalf("Num %q spans %+v-%+v", num.Raw, num.Pos, num.End)
					}
				}
				return true
			})
		}
	})
}
