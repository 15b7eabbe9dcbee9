package py

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

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
		p, err := Load("fuzz.py", src)
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
		if err := checkCode(p, p.Module); err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
	})
}

// checkCode checks that c and the functions it makes are well formed:
// every operand indexes what it names, every jump lands on an instruction
// and no body runs off its end.
func checkCode(p *Program, c *Code) error {
	n := len(c.Instrs)
	if n == 0 || len(c.Pos) != n {
		return fmt.Errorf("%s: %d instructions, %d positions", c.Name, n, len(c.Pos))
	}
	switch c.Instrs[n-1].Op {
	case opReturn, opJump, opRaise, opReraise:
	default:
		return fmt.Errorf("%s: ends with op %d, so it can run off its end", c.Name, c.Instrs[n-1].Op)
	}
	constOf := func(i int32) (Value, bool) {
		if i < 0 || int(i) >= len(c.Consts) {
			return nil, false
		}
		return c.Consts[i], true
	}
	for pc, in := range c.Instrs {
		bad := false
		switch in.Op {
		case opJump, opPopJumpIfFalse, opPopJumpIfTrue, opJumpIfFalseOrPop, opJumpIfTrueOrPop, opForIter, opSetupTry:
			bad = in.A < 0 || int(in.A) >= n
		case opConst:
			_, ok := constOf(in.A)
			bad = !ok
		case opLoadAttr, opStoreAttr, opFormat:
			v, _ := constOf(in.A)
			_, ok := v.(string)
			bad = !ok
		case opImport:
			_, ok := constOf(in.A)
			bad = !ok
		case opMakeFunction:
			v, _ := constOf(in.A)
			fn, ok := v.(*Code)
			if bad = !ok || in.B < 0; !bad {
				if err := checkCode(p, fn); err != nil {
					return err
				}
			}
		case opCall:
			if in.B >= 0 {
				v, _ := constOf(in.B)
				_, ok := v.([]string)
				bad = !ok
			}
		case opLoadLocal, opStoreLocal, opListAppend, opDictSetItem, opSetAdd:
			bad = in.A < 0 || int(in.A) >= c.NumLocals
		case opLoadDeref, opStoreDeref, opLoadCell:
			bad = !slices.Contains(c.Cells, in.A)
		case opLoadFree, opStoreFree, opLoadFreeCell:
			bad = in.A < 0 || int(in.A) >= len(c.Free)
		case opDelName:
			switch in.B {
			case delLocal:
				bad = in.A < 0 || int(in.A) >= c.NumLocals
			case delDeref:
				bad = !slices.Contains(c.Cells, in.A)
			case delFree:
				bad = in.A < 0 || int(in.A) >= len(c.Free)
			case delGlobal:
				bad = in.A < 0 || int(in.A) >= len(p.GlobalNames)
			default:
				bad = true
			}
		case opDelAttr:
			v, _ := constOf(in.A)
			_, ok := v.(string)
			bad = !ok
		case opMakeClass:
			v, _ := constOf(in.A)
			_, ok := v.(*classInfo)
			bad = !ok
		case opLoadGlobal, opStoreGlobal:
			bad = in.A < 0 || int(in.A) >= len(p.GlobalNames)
		case opBinary:
			bad = in.A < 0 || int(in.A) >= len(binaryOps)
		case opUnary:
			bad = in.A < 0 || int(in.A) >= len(unaryOps)
		case opCompare:
			bad = in.A < 0 || int(in.A) >= len(compareOps)
		case opBuildList, opBuildTuple, opBuildSet, opBuildDict, opBuildString, opUnpack:
			bad = in.A < 0
		}
		if in.Op > opMakeClass {
			bad = true
		}
		if bad {
			return fmt.Errorf("%s: instruction %d %+v has a bad operand", c.Name, pc, in)
		}
	}
	return nil
}
