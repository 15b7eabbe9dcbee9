package syntax

import (
	"errors"
	"strings"
	"testing"
)

// parseDump parses src and dumps it, or returns the error text.
func parseDump(src string) string {
	m, err := Parse([]byte(src))
	if err != nil {
		return "error: " + err.Error()
	}
	return DumpModule(m)
}

func TestParseStatements(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"", ""},
		{"import asyncio", "(import asyncio)"},
		{"import a.b as c, d", "(import (as a.b c) d)"},
		{"from fastapi import FastAPI, BackgroundTasks, Depends", "(from fastapi FastAPI BackgroundTasks Depends)"},
		{"from concurrent.futures import ThreadPoolExecutor as TPE", "(from concurrent.futures (as ThreadPoolExecutor TPE))"},
		{"from x import (a,\n  b,)", "(from x a b)"},
		{"from starlette.concurrency import run_in_threadpool", "(from starlette.concurrency run_in_threadpool)"},
		{"app = FastAPI()", "(= app (call FastAPI))"},
		{"a = b = 1", "(= a b 1)"},
		{"x, y = 1, 2", "(= (tuple x y) (tuple 1 2))"},
		{"(x, y) = [1, 2]", "(= (tuple x y) (list 1 2))"},
		{"first, *rest = items", "(= (tuple first *rest) items)"},
		{"x: int = 5", "(: x int 5)"},
		{"x: list[int]", "(: x (index list int))"},
		{"x += 1", "(+= x 1)"},
		{"x //= 2", "(//= x 2)"},
		{`d["k"] = v`, `(= (index d "k") v)`},
		{"obj.attr = v", "(= (attr obj attr) v)"},
		{"match = 1", "(= match 1)"},
		{"class A:\n    pass", "(class A ()\n  (pass))"},
		{"@dataclass\nclass A(Base, metaclass=M):\n  x: int = 0", "(class A (Base metaclass=M) @dataclass\n  (: x int 0))"},
		{"def f():\n  nonlocal x, y", "(def f ()\n  (nonlocal x y))"},
		{"del d['k'], x.y, z", "(del (index d \"k\") (attr x y) z)"},
		{"if (n := 10) > 5: pass", "(if (cmp (:= n 10) > 5)\n  (pass))"},
		{"while chunk := read(): pass", "(while (:= chunk (call read))\n  (pass))"},
		{"[y := 1, y]", "(expr (list (:= y 1) y))"},
		{"print(n := 3)", "(expr (call print (:= n 3)))"},
		{"def g():\n    yield 1\n    x = yield\n    yield a, b\n    yield from h()", "(def g ()\n  (expr (yield 1))\n  (= x (yield))\n  (expr (yield (tuple a b)))\n  (expr (yield-from (call h))))"},
		{"[x async for x in a]", "(expr (listcomp x async for x in a))"},
		{"raise A from B", "(raise A from B)"},
		{"try:\n  a\nexcept* (A, B) as g:\n  b", "(try\n  (expr a)\nexcept* (tuple A B) as g\n  (expr b))"},
		{"def f(a, /, b, *, c=1, **k): pass", "(def f (a / b * c=1 **k)\n  (pass))"},
		{"[(x, y) for x in a if x for y in b if y > x]", "(expr (listcomp (tuple x y) for x in a if x for y in b if (cmp y > x)))"},
		{"match(x)", "(expr (call match x))"},
		{"pass; break; continue;", "(pass)\n(break)\n(continue)"},
		{"while x:\n  x -= 1", "(while x\n  (-= x 1))"},
		{"assert x", "(assert x)"},
		{"assert x > 0, f'{x}'", "(assert (cmp x > 0) (f {x}))"},
		{"while True: pass\nelse: pass", "(while True\n  (pass)\nelse\n  (pass))"},
		{"for x in y:\n  pass\nelse:\n  pass", "(for x y\n  (pass)\nelse\n  (pass))"},
		{"def f():\n  global a, b\n  a = 1", "(def f ()\n  (global a b)\n  (= a 1))"},
		{"return", "(return)"},
		{"return a, b", "(return (tuple a b))"},
		{"return a,", "(return (tuple a))"},
		{"raise", "(raise)"},
		{"raise ValueError('bad')", `(raise (call ValueError "bad"))`},
		{"await asyncio.sleep(4)", "(expr (await (call (attr asyncio sleep) 4)))"},
		{"asyncio.run(main())", "(expr (call (attr asyncio run) (call main)))"},
		{"if x: return 1", "(if x\n  (return 1))"},
		{"if x: a; b", "(if x\n  (expr a)\n  (expr b))"},
		{"if a:\n  x\nelif b:\n  y\nelif c:\n  z\nelse:\n  w\n", `(if a
  (expr x)
else
  (if b
    (expr y)
  else
    (if c
      (expr z)
    else
      (expr w))))`},
		{`if __name__ == "__main__":
    asyncio.run(main())`, `(if (cmp __name__ == "__main__")
  (expr (call (attr asyncio run) (call main))))`},
		{"for x in y:\n  pass", "(for x y\n  (pass))"},
		{"for k, v in d.items(): print(k)", "(for (tuple k v) (call (attr d items))\n  (expr (call print k)))"},
		{"for i, in a, b:\n  pass", "(for (tuple i) (tuple a b)\n  (pass))"},
		{"async for m in stream():\n  pass", "(for async m (call stream)\n  (pass))"},
		{`try:
    x()
except asyncio.TimeoutError:
    pass
except (A, B) as e:
    raise
except:
    pass
else:
    y()
finally:
    z()`, `(try
  (expr (call x))
except (attr asyncio TimeoutError)
  (pass)
except (tuple A B) as e
  (raise)
except
  (pass)
else
  (expr (call y))
finally
  (expr (call z)))`},
		{"try:\n  a\nfinally:\n  b", "(try\n  (expr a)\nfinally\n  (expr b))"},
		{"with open(f) as fh, lock:\n  pass", "(with (as (call open f) fh) lock\n  (pass))"},
		{"async with limit:\n  await asyncio.sleep(1)", "(with async limit\n  (expr (await (call (attr asyncio sleep) 1))))"},
		{"with a as (b, c): pass", "(with (as a (tuple b c))\n  (pass))"},
	} {
		if got := parseDump(tc.src); got != tc.want {
			t.Errorf("parse %q\n got:\n%s\nwant:\n%s", tc.src, got, tc.want)
		}
	}
}

func TestParseFunctions(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"def f(): pass", "(def f ()\n  (pass))"},
		{"async def main():\n    await asyncio.sleep(4)", "(def async main ()\n  (expr (await (call (attr asyncio sleep) 4))))"},
		{`@app.get("/path")
async def root():
    return {"message": "hi"}`, `(def async root () @(call (attr app get) "/path")
  (return (dict ("message" "hi"))))`},
		{`@app.post("/x", status_code=201)
@other
def f(): pass`, `(def f () @(call (attr app post) "/x" status_code=201) @other
  (pass))`},
		{`def f(background_tasks: BackgroundTasks, x: dict = Depends(dep), *args, **kwargs): pass`,
			"(def f (background_tasks:BackgroundTasks x:dict=(call Depends dep) *args **kwargs)\n  (pass))"},
		{`async def f(colour: str = "white", n=1,) -> None: pass`, "(def async f (colour:str=\"white\" n=1) -> None\n  (pass))"},
		{"def f(a=1, *rest, b): pass", "(def f (a=1 *rest b)\n  (pass))"},
		{"def f(*args: int, **kw: str): pass", "(def f (*args:int **kw:str)\n  (pass))"},
	} {
		if got := parseDump(tc.src); got != tc.want {
			t.Errorf("parse %q\n got:\n%s\nwant:\n%s", tc.src, got, tc.want)
		}
	}
}

func TestDocstring(t *testing.T) {
	m, err := Parse([]byte("def f():\n    \"\"\"Say hi.\n\n    Twice.\"\"\"\n    pass\ndef g(): 'one line'\ndef h(): f'{x}'\n"))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"Say hi.\n\n    Twice.", "one line", ""} {
		fn := m.Body[i].(*FuncDef)
		if fn.Doc != want {
			t.Errorf("%s: Doc = %q, want %q", fn.Name, fn.Doc, want)
		}
		if _, ok := fn.Body[0].(*ExprStmt); !ok {
			t.Errorf("%s: the docstring left the body", fn.Name)
		}
	}
}

func TestParseError(t *testing.T) {
	_, err := Parse([]byte("x = (1 +"))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T %v, want *Error", err, err)
	}
	if e.Pos != (Pos{Offset: 4, Line: 1, Col: 5}) || e.Msg != "'(' was never closed" {
		t.Errorf("error = %+v", e)
	}
}

func TestParseExpr(t *testing.T) {
	x, err := ParseExpr("  a +\n b")
	if err != nil {
		t.Fatal(err)
	}
	if got := Dump(x); got != "(+ a b)" {
		t.Errorf("ParseExpr = %s", got)
	}
	if op := x.(*BinOp); op.Pos != (Pos{Offset: 4, Line: 1, Col: 5}) || op.Y.Start() != (Pos{Offset: 7, Line: 2, Col: 2}) {
		t.Errorf("positions: + at %+v, b at %+v", op.Pos, op.Y.Start())
	}
	for src, want := range map[string]string{
		"a b": "1:3: expected end of input, found name 'b'",
		"":    "1:1: expected an expression, found end of input",
		"(a":  "1:1: '(' was never closed",
	} {
		if _, err := ParseExpr(src); err == nil || err.Error() != want {
			t.Errorf("ParseExpr(%q) error = %v, want %s", src, err, want)
		}
	}
}

// TestDumpLayout pins the indentation of nested bodies and clauses.
func TestDumpLayout(t *testing.T) {
	src := "def f():\n  for x in y:\n    try:\n      pass\n    except E:\n      pass\n  return\n"
	want := strings.Join([]string{
		"(def f ()",
		"  (for x y",
		"    (try",
		"      (pass)",
		"    except E",
		"      (pass)))",
		"  (return))",
	}, "\n")
	if got := parseDump(src); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A string literal's End is just past its last closing quote, so the
// literal's source is src[Pos.Offset:End.Offset]: the playground finds
// the digits of "/delay/2" in it.
func TestStringEnd(t *testing.T) {
	for _, src := range []string{
		`"/delay/2"`,
		`f"{BASE}/delay/2"`,
		`'''a''' "b"`,
		"(\"a\"\n  f'{x}'  )",
		`r"\x00"`,
	} {
		m, err := Parse([]byte("x = " + src))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		var pos, end Pos
		switch s := m.Body[0].(*Assign).Value.(type) {
		case *Str:
			pos, end = s.Pos, s.End
		case *FString:
			pos, end = s.Pos, s.End
		}
		want := strings.Trim(src, "()")
		want = strings.TrimSpace(want)
		if got := ("x = " + src)[pos.Offset:end.Offset]; got != want {
			t.Errorf("%s: literal source %q, want %q", src, got, want)
		}
	}
}
