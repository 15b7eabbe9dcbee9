package py

import (
	"fmt"
	"slices"
)

// CheckCode is checkCode for the tests outside the package (the fuzz
// target, which links the libraries so its seed programs compile).
func CheckCode(p *Program) error { return checkCode(p, p.Module) }

// Unregister removes modules a test registered.
func Unregister(names ...string) {
	for _, n := range names {
		delete(modules, n)
	}
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
