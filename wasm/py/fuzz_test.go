package py_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"looplab/wasm/py"
	_ "looplab/wasm/py/lib"
	"looplab/wasm/py/syntax"
)

// FuzzCompile feeds arbitrary source through the checker: Load parses it
// and compiles the tree to bytecode, reporting undefined names, await
// outside async def, unknown module members and the like. It must not
// panic; its errors must be *syntax.Error inside the source; and what it
// compiles must be bytecode the VM can run without indexing out of range.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.chunks"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, ch := range splitChunks(string(data)) {
			f.Add([]byte(ch.code))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := py.Load("fuzz.py", src)
		if err != nil {
			var se *syntax.Error
			if !errors.As(err, &se) || se.Msg == "" {
				t.Fatalf("error %T %v, want a *syntax.Error", err, err)
			}
			if pos := se.Pos; pos.Line < 1 || pos.Col < 1 || pos.Offset < 0 || pos.Offset > len(src) {
				t.Fatalf("error %v at %+v, outside the %d-byte source", se, pos, len(src))
			}
			return
		}
		if err := py.CheckCode(p); err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
	})
}
