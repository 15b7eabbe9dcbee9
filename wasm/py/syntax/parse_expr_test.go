package syntax

import "testing"

func TestParseExpressions(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		// atoms
		{"x", "x"},
		{"True, False, None, ...", "(tuple True False None ...)"},
		{"1_000", "1000"},
		{"0x1F + 0o17 + 0b101", "(+ (+ 31 15) 5)"},
		{"2. + .5 + 1e3 + 1.5", "(+ (+ (+ 2.0 0.5) 1000.0) 1.5)"},
		{`"a" 'b' """c"""`, `"abc"`},
		{`f"x" "y"`, `(f "xy")`},
		{`"a" f"{b}" "c"`, `(f "a" {b} "c")`},
		{`f""`, "(f)"},
		{"()", "(tuple)"},
		{"(a)", "a"},
		{"(a,)", "(tuple a)"},
		{"(a, *b)", "(tuple a *b)"},
		{"[]", "(list)"},
		{"[1, *xs, 2,]", "(list 1 *xs 2)"},
		{"{}", "(dict)"},
		{`{"a": 1, **d, "b": 2,}`, `(dict ("a" 1) **d ("b" 2))`},
		{"{**d}", "(dict **d)"},
		{"{1, 2}", "(set 1 2)"},
		{"{*a, b}", "(set *a b)"},
		// comprehensions
		{"[w(i) for i in range(3)]", "(listcomp (call w i) for i in (call range 3))"},
		{"[x for x in xs if x if not y]", "(listcomp x for x in xs if x if (not y))"},
		{"{k: v for k, v in d.items()}", "(dictcomp k v for (tuple k v) in (call (attr d items)))"},
		{"{x for x in xs}", "(setcomp x for x in xs)"},
		{"(x for x in xs)", "(gencomp x for x in xs)"},
		{"sum(x for x in xs)", "(call sum (gencomp x for x in xs))"},
		{"[a if c else b for a in xs]", "(listcomp (ifexp c a b) for a in xs)"},
		// primaries
		{"f(a, b=1, *args, **kw,)", "(call f a b=1 *args **kw)"},
		{"f(*a, *b, c=1, **d)", "(call f *a *b c=1 **d)"},
		{"a.b.c(d)[e]", "(index (call (attr (attr a b) c) d) e)"},
		{"x[1:2]", "(index x (slice 1 2 _))"},
		{"x[::2]", "(index x (slice _ _ 2))"},
		{"x[:]", "(index x (slice _ _ _))"},
		{"x[a:]", "(index x (slice a _ _))"},
		{"x[1:2:3]", "(index x (slice 1 2 3))"},
		{"x[1, 2:]", "(index x (tuple 1 (slice 2 _ _)))"},
		{"x[a,]", "(index x (tuple a))"},
		// operators and precedence
		{"-2**2", "(- (** 2 2))"},
		{"2**-1", "(** 2 (- 1))"},
		{"a**b**c", "(** a (** b c))"},
		{"a - b - c", "(- (- a b) c)"},
		{"a + b * c", "(+ a (* b c))"},
		{"a * b + c", "(+ (* a b) c)"},
		{"a // b % c @ d / e", "(/ (@ (% (// a b) c) d) e)"},
		{"a | b ^ c & d << e + f", "(| a (^ b (& c (<< d (+ e f)))))"},
		{"a >> b << c", "(<< (>> a b) c)"},
		{"-x + ~y * +z", "(+ (- x) (* (~ y) (+ z)))"},
		{"not a == b", "(not (cmp a == b))"},
		{"not not a", "(not (not a))"},
		{"a or b and c", "(or a (and b c))"},
		{"a or b or c", "(or (or a b) c)"},
		{"a and not b or c", "(or (and a (not b)) c)"},
		{"a < b <= c", "(cmp a < b <= c)"},
		{"a in b not in c is d is not e != f", "(cmp a in b not in c is d is not e != f)"},
		{"a | b < c", "(cmp (| a b) < c)"},
		{"a if b else c if d else e", "(ifexp b a (ifexp d c e))"},
		{"a or b if c or d else e", "(ifexp (or c d) (or a b) e)"},
		{"lambda: 0", "(lambda () 0)"},
		{"lambda x, y=1, *a, **k: x + y", "(lambda (x y=1 *a **k) (+ x y))"},
		{"lambda x: lambda: x", "(lambda (x) (lambda () x))"},
		{"await x ** 2", "(** (await x) 2)"},
		{"-await x", "(- (await x))"},
		{"await a.b(c)[d]", "(await (index (call (attr a b) c) d))"},
		{"await asyncio.gather(*[w(i) for i in range(3)])",
			"(await (call (attr asyncio gather) *(listcomp (call w i) for i in (call range 3))))"},
		// f-strings
		{`f"user {user_id}"`, `(f "user " {user_id})`},
		{`f"{x!r} {y:>6.2f} {z=} {w=:.1f} {v=!s}"`, `(f {x!r} " " {y:>6.2f} " " {z=!r} " " {w=:.1f} " " {v=!s})`},
		{`f"{{literal}} {a}}}"`, `(f "{literal} " {a} "}")`},
		{`f"{d['k']} {f(a, b)} {x[1:2]} {a == b} {a != b}"`,
			`(f {(index d "k")} " " {(call f a b)} " " {(index x (slice 1 2 _))} " " {(cmp a == b)} " " {(cmp a != b)})`},
		{`f"{ {'a': 1}['a'] }"`, `(f {(index (dict ("a" 1)) "a")})`},
		{`f"a\tb{x}\n"`, `(f "a\tb" {x} "\n")`},
		{`rf"\d{x}\n"`, `(f "\\d" {x} "\\n")`},
		{`f'{f"{x}"}'`, `(f {(f {x})})`},
		{`f"{a, b}"`, `(f {(tuple a b)})`},
		{`f"{(lambda: 1)()}"`, `(f {(call (lambda () 1))})`},
		{`f"""{
  x
}"""`, `(f {x})`},
	} {
		x, err := ParseExpr(tc.src)
		if err != nil {
			t.Errorf("ParseExpr %q: %v", tc.src, err)
			continue
		}
		if got := Dump(x); got != tc.want {
			t.Errorf("ParseExpr %q\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestFStringDebugSource(t *testing.T) {
	x, err := ParseExpr(`f"{a + b=}{ c = }"`)
	if err != nil {
		t.Fatal(err)
	}
	parts := x.(*FString).Parts
	if len(parts) != 2 || parts[0].ExprSrc != "a + b" || parts[1].ExprSrc != " c " || !parts[1].Debug {
		t.Errorf("parts = %+v", parts)
	}
}
