package syntax

import (
	"flag"
	"looplab/wasm/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .dump files in testdata")

// TestGolden parses every testdata/*.py and compares its dump with the
// .dump file beside it; go test -update rewrites those files.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example programs: %v", err)
	}
	for _, file := range files {
		m := parseFile(t, file)
		got := DumpModule(m) + "\n"
		golden.Check(t, strings.TrimSuffix(file, ".py")+".dump", got, *update)
	}
}

func parseFile(t testing.TB, file string) *Module {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(src)
	if err != nil {
		t.Fatalf("%s:%v", file, err)
	}
	return m
}

// TestFastAPIExample checks the nodes a compiler relies on, independently
// of the dump format.
func TestFastAPIExample(t *testing.T) {
	m := parseFile(t, "testdata/fastapi.py")
	if len(m.Body) != 12 {
		t.Fatalf("%d top-level statements, want 12", len(m.Body))
	}
	from := m.Body[3].(*ImportFrom)
	if from.Module != "concurrent.futures" || len(from.Names) != 2 || from.Names[1].Name != "ProcessPoolExecutor" {
		t.Errorf("from import = %+v", from)
	}

	root := m.Body[8].(*FuncDef)
	if root.Name != "root" || !root.Async || root.Pos != (Pos{Offset: 373, Line: 15, Col: 1}) ||
		root.NamePos != (Pos{Offset: 383, Line: 15, Col: 11}) || len(root.Decorators) != 1 {
		t.Errorf("root = %s %v at %+v, name at %+v", root.Name, root.Async, root.Pos, root.NamePos)
	}
	print := root.Body[0].(*ExprStmt).X.(*Call)
	field := print.Args[0].Value.(*FString).Parts[1]
	if field.Spec != ".3f" || Dump(field.Expr) != "(call (attr time perf_counter))" ||
		field.Expr.Start() != (Pos{Offset: 420, Line: 16, Col: 30}) {
		t.Errorf("f-string field = %+v at %+v", field, field.Expr.Start())
	}
	sleep := root.Body[1].(*ExprStmt).X.(*Await)
	if sleep.Pos != (Pos{Offset: 451, Line: 17, Col: 5}) {
		t.Errorf("await at %+v", sleep.Pos)
	}
	if n := sleep.X.(*Call).Args[0].Value.(*Num); n.Raw != "4" || n.Int != 4 || n.IsFloat ||
		n.Pos != (Pos{Offset: 471, Line: 17, Col: 25}) || n.End.Offset != 472 {
		t.Errorf("sleep argument = %+v", n)
	}

	syncSlow := m.Body[10].(*FuncDef)
	user := syncSlow.Params[1]
	if syncSlow.Async || user.Name != "user" || Dump(user.Annotation) != "dict" || Dump(user.Default) != "(call Depends get_user)" {
		t.Errorf("sync_slow = %s async=%v, param %+v", syncSlow.Name, syncSlow.Async, user)
	}

	factorize := m.Body[11].(*FuncDef)
	try := factorize.Body[2].(*Try)
	if Dump(try.Handlers[0].Type) != "(attr asyncio TimeoutError)" {
		t.Errorf("except %s", Dump(try.Handlers[0].Type))
	}
	if with := factorize.Body[3].(*With); !with.Async || Dump(with.Items[0].Context) != "limit" {
		t.Errorf("async with = %+v", with)
	}
	gather := factorize.Body[5].(*Assign).Value.(*Await).X.(*Call)
	if arg := gather.Args[0]; !arg.Star || arg.Value.(*Comprehension).Kind != "list" {
		t.Errorf("gather argument = %+v", arg)
	}
}

func TestSyncAsyncExample(t *testing.T) {
	m := parseFile(t, "testdata/sync_async.py")
	work := m.Body[3].(*FuncDef)
	if Dump(work.Returns) != "None" || Dump(work.Params[0].Default) != `"x"` {
		t.Errorf("async_work = %+v", work)
	}
	parts := work.Body[0].(*ExprStmt).X.(*Call).Args[0].Value.(*FString).Parts
	if len(parts) != 4 || parts[0].Conv != 'r' || parts[2].Spec != ">6.2f" || parts[3].Lit != "s {literal}" {
		t.Errorf("f-string parts = %+v", parts)
	}
	main := m.Body[4].(*FuncDef)
	if len(main.Body) != 7 {
		t.Errorf("main has %d statements, want 7 (the ';' line makes two)", len(main.Body))
	}
	guard := m.Body[5].(*If)
	if Dump(guard.Cond) != `(cmp __name__ == "__main__")` {
		t.Errorf("guard = %s", Dump(guard.Cond))
	}
}

// TestNumRaw checks what the playground's number dragging relies on: every
// Num's Raw is exactly the source between its Pos and End, including
// numbers inside f-string fields.
func TestNumRaw(t *testing.T) {
	src := "é = 1_000 + 0x1F\nasync def f(x=2.):\n    await sleep(.5)\n" +
		"    print(f\"{x * 1e3:>6.2f} {'é' * 3}\", -7)\n    return [1.5e-3, 0b1_0, 00]\n" +
		"s = f'''\n  {(1 +\n    2)}'''\n"
	m, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var raws []string
	for _, s := range m.Body {
		Inspect(s, func(n Node) bool {
			if num, ok := n.(*Num); ok {
				raws = append(raws, num.Raw)
				if got := src[num.Pos.Offset:num.End.Offset]; got != num.Raw {
					t.Errorf("Num %q at %+v: source slice is %q", num.Raw, num.Pos, got)
				}
				if at := (Pos{Line: 1, Col: 1}).after(src[:num.Pos.Offset]); at != num.Pos {
					t.Errorf("Num %q: Pos %+v, but its offset is at %+v", num.Raw, num.Pos, at)
				}
				if num.End != num.Pos.after(num.Raw) {
					t.Errorf("Num %q: End %+v, Pos %+v", num.Raw, num.End, num.Pos)
				}
			}
			return true
		})
	}
	want := "1_000 0x1F 2. .5 1e3 3 7 1.5e-3 0b1_0 00 1 2"
	if got := strings.Join(raws, " "); got != want {
		t.Errorf("numbers found: %s\nwant %s", got, want)
	}
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/fastapi.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
