package py

import (
	"looplab/wasm/py/syntax"
)

func (c *compiler) stmts(list []syntax.Stmt) {
	for _, s := range list {
		c.stmt(s)
	}
}

func (c *compiler) stmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.ExprStmt:
		c.expr(s.X)
		c.emit(opPop, 1, 0, s.Pos) // 1: the value is dropped here (see droppedValue)
	case *syntax.Assign:
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.emit(opDup, 0, 0, s.Pos)
			}
			c.storeTarget(t)
		}
	case *syntax.AnnAssign:
		if s.Value != nil {
			c.expr(s.Value)
			c.storeTarget(s.Target)
		}
		if n, ok := s.Target.(*syntax.Name); ok && c.classBody {
			c.annotate(n.ID, s.Annotation)
		}
	case *syntax.AugAssign:
		c.augAssign(s)
	case *syntax.FuncDef:
		c.funcDef(s)
	case *syntax.Return:
		if c.module {
			c.fail(s.Pos, "'return' outside function")
		}
		if s.Value != nil {
			c.expr(s.Value)
		} else {
			c.emitConst(nil, s.Pos)
		}
		if c.needsCleanup(len(c.cleanups)) {
			tmp := c.temp()
			c.emit(opStoreLocal, tmp, 0, s.Pos)
			c.unwind(0, true, s.Pos)
			c.emit(opLoadLocal, tmp, 0, s.Pos)
		}
		c.emit(opReturn, 0, 0, s.Pos)
	case *syntax.If:
		c.expr(s.Cond)
		jf := c.emit(opPopJumpIfFalse, 0, 0, s.Pos)
		c.stmts(s.Body)
		if len(s.Else) == 0 {
			c.patch(jf)
			return
		}
		jend := c.emit(opJump, 0, 0, s.Pos)
		c.patch(jf)
		c.stmts(s.Else)
		c.patch(jend)
	case *syntax.For:
		c.forStmt(s)
	case *syntax.While:
		c.whileStmt(s)
	case *syntax.Assert:
		// As CPython (without -O): the message is evaluated only when
		// the test fails.
		c.expr(s.Test)
		ok := c.emit(opPopJumpIfTrue, 0, 0, s.Pos)
		c.emitConst(excAssertion, s.Pos)
		if s.Msg != nil {
			c.expr(s.Msg)
			c.emit(opCall, 1, -1, s.Pos)
		}
		c.emit(opRaise, 1, 0, s.Pos)
		c.patch(ok)
	case *syntax.Break, *syntax.Continue:
		c.jumpOut(s)
	case *syntax.Try:
		c.tryStmt(s)
	case *syntax.With:
		c.withStmt(s.Items, s.Body, s.Async, s.Pos)
	case *syntax.Raise:
		if s.Exc == nil {
			c.emit(opRaise, 0, 0, s.Pos)
			return
		}
		c.expr(s.Exc)
		if s.Cause != nil {
			c.expr(s.Cause)
			c.emit(opRaise, 2, 0, s.Pos) // raise exc from cause: exc.__cause__
			return
		}
		c.emit(opRaise, 1, 0, s.Pos)
	case *syntax.Pass, *syntax.Global: // a global declaration only changes how names compile
	case *syntax.Nonlocal:
		if c.module {
			c.fail(s.Pos, "nonlocal declaration not allowed at module level")
		}
	case *syntax.Delete:
		for _, t := range s.Targets {
			c.del(t)
		}
	case *syntax.ClassDef:
		c.classDef(s)
	case *syntax.Import:
		for _, n := range s.Names {
			mod := c.module_(n.Name, n.Pos)
			if n.As == "" {
				mod = c.module_(importBinding(n), n.Pos)
			}
			c.emitConst(mod, n.Pos)
			c.store(importBinding(n), n.Pos)
		}
	case *syntax.ImportFrom:
		mod := c.module_(s.Module, s.Pos)
		for _, n := range s.Names {
			v, ok := resolve(mod.Attrs, n.Name)
			if !ok {
				c.fail(n.Pos, "cannot import name '%s' from '%s': it is not simulated%s", n.Name, s.Module, suggest(n.Name, mod.names()))
			}
			c.emitConst(v, n.Pos)
			c.store(fromBinding(n), n.Pos)
		}
	default:
		c.fail(s.Start(), "this statement is not simulated")
	}
}

// del compiles one target of a del statement.
func (c *compiler) del(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		op, i := c.nameSlot(t.ID, t.Pos)
		kind := map[Op]int32{opStoreLocal: delLocal, opStoreDeref: delDeref, opStoreFree: delFree, opStoreGlobal: delGlobal}[op]
		c.emit(opDelName, i, kind, t.Pos)
	case *syntax.Attribute:
		c.expr(t.X)
		c.emit(opDelAttr, c.constIndex(t.Name), 0, t.NamePos)
	case *syntax.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(opDelSubscr, 0, 0, t.Pos)
	default:
		c.fail(t.Start(), "cannot delete this expression")
	}
}

func (c *compiler) module_(name string, pos syntax.Pos) *Module {
	m, ok := modules[name]
	if !ok {
		c.fail(pos, "module '%s' is not simulated; LoopLab knows %s", name, moduleList())
	}
	return m
}

// augAssign compiles x op= y as an in-place operation (opBinary with
// B=1): a list, set or dict on the left changes in place, so every name
// for it sees the change, as in Python.
func (c *compiler) augAssign(s *syntax.AugAssign) {
	op := opIndex(binaryOps, s.Op)
	switch t := s.Target.(type) {
	case *syntax.Name:
		c.load(t.ID, t.Pos)
		c.expr(s.Value)
		c.emit(opBinary, op, 1, s.Pos)
		c.store(t.ID, t.Pos)
	case *syntax.Attribute:
		obj := c.temp()
		c.expr(t.X)
		c.emit(opStoreLocal, obj, 0, t.Pos)
		c.emit(opLoadLocal, obj, 0, t.Pos)
		c.emit(opLoadAttr, c.constIndex(t.Name), 0, t.NamePos)
		c.expr(s.Value)
		c.emit(opBinary, op, 1, s.Pos)
		c.emit(opLoadLocal, obj, 0, t.Pos)
		c.emit(opStoreAttr, c.constIndex(t.Name), 0, t.NamePos)
	case *syntax.Subscript:
		obj, idx := c.temp(), c.temp()
		c.expr(t.X)
		c.emit(opStoreLocal, obj, 0, t.Pos)
		c.expr(t.Index)
		c.emit(opStoreLocal, idx, 0, t.Pos)
		c.emit(opLoadLocal, obj, 0, t.Pos)
		c.emit(opLoadLocal, idx, 0, t.Pos)
		c.emit(opSubscr, 0, 0, t.Pos)
		c.expr(s.Value)
		c.emit(opBinary, op, 1, s.Pos)
		c.emit(opLoadLocal, obj, 0, t.Pos)
		c.emit(opLoadLocal, idx, 0, t.Pos)
		c.emit(opStoreSubscr, 0, 0, t.Pos)
	default:
		c.fail(s.Pos, "cannot assign to this expression")
	}
}

func (c *compiler) forStmt(s *syntax.For) {
	if s.Async && !c.async {
		c.fail(s.Pos, "'async for' outside async function")
	}
	c.expr(s.Iter)
	c.emit(opGetIter, boolInt32(s.Async), 0, s.Pos)
	top := c.here()
	next := c.emit(opForIter, 0, boolInt32(s.Async), s.Pos)
	c.storeTarget(s.Target)
	c.cleanups = append(c.cleanups, cleanup{kind: cleanLoop, continue_: top})
	c.stmts(s.Body)
	cl := c.cleanups[len(c.cleanups)-1]
	c.cleanups = c.cleanups[:len(c.cleanups)-1]
	c.emit(opJump, int32(top), 0, s.Pos)
	c.patch(next)
	c.stmts(s.Else) // the iterator is used up: no break left the loop
	for _, j := range cl.breakTo {
		c.patch(j)
	}
}

// whileStmt compiles a while loop. Each turn costs its steps, so a loop
// that never ends meets the step limit with its clear error.
func (c *compiler) whileStmt(s *syntax.While) {
	top := c.here()
	c.expr(s.Cond)
	exit := c.emit(opPopJumpIfFalse, 0, 0, s.Pos)
	c.cleanups = append(c.cleanups, cleanup{kind: cleanLoop, continue_: top, noIter: true})
	c.stmts(s.Body)
	cl := c.cleanups[len(c.cleanups)-1]
	c.cleanups = c.cleanups[:len(c.cleanups)-1]
	c.emit(opJump, int32(top), 0, s.Pos)
	c.patch(exit)
	c.stmts(s.Else)
	for _, j := range cl.breakTo {
		c.patch(j)
	}
}

// jumpOut compiles break and continue: undo the blocks inside the loop.
func (c *compiler) jumpOut(s syntax.Stmt) {
	pos := s.Start()
	_, isBreak := s.(*syntax.Break)
	loop := -1
	for i := len(c.cleanups) - 1; i >= 0; i-- {
		if c.cleanups[i].kind == cleanLoop {
			loop = i
			break
		}
	}
	if loop < 0 {
		word := "continue"
		if isBreak {
			word = "break"
		}
		c.fail(pos, "'%s' outside loop", word)
	}
	c.unwind(loop+1, false, pos)
	if isBreak {
		if !c.cleanups[loop].noIter {
			c.emit(opPop, 0, 0, pos) // the loop's iterator
		}
		j := c.emit(opJump, 0, 0, pos)
		c.cleanups[loop].breakTo = append(c.cleanups[loop].breakTo, j)
		return
	}
	c.emit(opJump, int32(c.cleanups[loop].continue_), 0, pos)
}

func (c *compiler) needsCleanup(from int) bool {
	for _, cl := range c.cleanups[:from] {
		if cl.kind != cleanLoop {
			return true
		}
	}
	return false
}

// unwind emits, innermost first, what leaving the blocks cleanups[downTo:]
// requires. For a return, loops also drop their iterators so that a with
// block's manager is on top of the stack when it exits.
func (c *compiler) unwind(downTo int, ret bool, pos syntax.Pos) {
	saved := c.cleanups
	for i := len(saved) - 1; i >= downTo; i-- {
		cl := saved[i]
		c.cleanups = saved[:i]
		switch cl.kind {
		case cleanLoop:
			if ret && !cl.noIter {
				c.emit(opPop, 0, 0, pos)
			}
		case cleanFinally:
			c.emit(opPopTry, 0, 0, pos)
			c.stmts(cl.finally)
		case cleanWith:
			c.emit(opPopTry, 0, 0, pos)
			c.emit(opWithExit, boolInt32(cl.async), 0, pos)
		case cleanExcept:
			c.emit(opPopExcept, 0, 0, pos)
		}
	}
	c.cleanups = saved
}

func boolInt32(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// tryStmt compiles try/except/else/finally. A finally body is copied onto
// every way out, as CPython does.
func (c *compiler) tryStmt(s *syntax.Try) {
	if len(s.Finally) > 0 {
		setup := c.emit(opSetupTry, 0, 0, s.Pos)
		c.cleanups = append(c.cleanups, cleanup{kind: cleanFinally, finally: s.Finally})
		c.tryExcept(s)
		c.cleanups = c.cleanups[:len(c.cleanups)-1]
		c.emit(opPopTry, 0, 0, s.Pos)
		c.stmts(s.Finally)
		jend := c.emit(opJump, 0, 0, s.Pos)
		c.patch(setup)
		c.stmts(s.Finally)
		c.emit(opReraise, 0, 0, s.Pos)
		c.patch(jend)
		return
	}
	c.tryExcept(s)
}

func (c *compiler) tryExcept(s *syntax.Try) {
	if len(s.Handlers) > 0 && s.Handlers[0].Star {
		c.tryExceptStar(s)
		return
	}
	if len(s.Handlers) == 0 {
		c.stmts(s.Body)
		c.stmts(s.Else)
		return
	}
	setup := c.emit(opSetupTry, 0, 0, s.Pos)
	c.stmts(s.Body)
	c.emit(opPopTry, 0, 0, s.Pos)
	c.stmts(s.Else)
	var ends []int
	ends = append(ends, c.emit(opJump, 0, 0, s.Pos))
	c.patch(setup)
	for _, h := range s.Handlers {
		var next int = -1
		if h.Type != nil {
			c.expr(h.Type)
			c.emit(opExcMatch, 0, 0, h.Pos)
			next = c.emit(opPopJumpIfFalse, 0, 0, h.Pos)
		}
		if h.Name != "" {
			c.store(h.Name, h.Pos)
		} else {
			c.emit(opPop, 0, 0, h.Pos)
		}
		c.cleanups = append(c.cleanups, cleanup{kind: cleanExcept})
		c.stmts(h.Body)
		c.cleanups = c.cleanups[:len(c.cleanups)-1]
		c.emit(opPopExcept, 0, 0, h.Pos)
		ends = append(ends, c.emit(opJump, 0, 0, h.Pos))
		if next >= 0 {
			c.patch(next)
		}
	}
	c.emit(opReraise, 0, 0, s.Pos)
	for _, j := range ends {
		c.patch(j)
	}
}

// withStmt compiles "[async] with a as x, b:" as nested single withs.
func (c *compiler) withStmt(items []syntax.WithItem, body []syntax.Stmt, async bool, pos syntax.Pos) {
	if async && !c.async {
		c.fail(pos, "'async with' outside async function")
	}
	it := items[0]
	c.expr(it.Context)
	c.emit(opDup, 0, 0, pos)
	c.emit(opWithEnter, boolInt32(async), 0, it.Context.Start())
	if it.Target != nil {
		c.storeTarget(it.Target)
	} else {
		c.emit(opPop, 0, 0, pos)
	}
	setup := c.emit(opSetupTry, 0, 0, pos)
	c.cleanups = append(c.cleanups, cleanup{kind: cleanWith, async: async})
	if len(items) > 1 {
		c.withStmt(items[1:], body, async, pos)
	} else {
		c.stmts(body)
	}
	c.cleanups = c.cleanups[:len(c.cleanups)-1]
	c.emit(opPopTry, 0, 0, pos)
	c.emit(opWithExit, boolInt32(async), 0, pos)
	jend := c.emit(opJump, 0, 0, pos)
	c.patch(setup)
	c.emit(opRot2, 0, 0, pos)
	c.emit(opWithExitExc, boolInt32(async), 0, pos)
	swallow := c.emit(opPopJumpIfTrue, 0, 0, pos)
	c.emit(opReraise, 0, 0, pos)
	c.patch(swallow) // __exit__ returned true: the exception ends here
	c.emit(opPop, 0, 0, pos)
	c.emit(opPopExcept, 0, 0, pos)
	c.patch(jend)
}

// annotate records a class body's "name: annotation" in __annotations__,
// as CPython does (dataclasses and pydantic read it). An annotation that
// names what LoopLab does not know is kept as its text, as
// "from __future__ import annotations" would keep it.
func (c *compiler) annotate(name string, ann syntax.Expr) {
	if c.resolvable(ann) {
		c.expr(ann)
	} else {
		c.emitConst(syntax.Dump(ann), ann.Start())
	}
	c.load("__annotations__", ann.Start())
	c.emitConst(name, ann.Start())
	c.emit(opStoreSubscr, 0, 0, ann.Start())
}

// resolvable reports whether every name in e is known here, and every
// module attribute simulated.
func (c *compiler) resolvable(e syntax.Expr) bool {
	ok := true
	syntax.Inspect(e, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.Name:
			_, local := c.locals[x.ID]
			_, global := c.prog.globalIndex[x.ID]
			_, builtin := builtins[x.ID]
			if !local && !global && !builtin {
				if _, free := c.freeRef(x.ID); !free {
					ok = false
				}
			}
		case *syntax.Attribute:
			if m, isName := x.X.(*syntax.Name); isName {
				if mod, isMod := c.imports[m.ID]; isMod {
					if mm, known := modules[mod]; !known || mm.Attrs[x.Name] == nil {
						ok = false
					}
				}
			}
		case *syntax.Str, *syntax.Num, *syntax.Const, *syntax.Subscript, *syntax.BinOp, *syntax.Tuple, *syntax.List:
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// tryExceptStar compiles except* clauses (PEP 654): each takes the part
// of the exception group its types match (a lone exception counts as a
// group of one), and what none of them takes is raised again.
func (c *compiler) tryExceptStar(s *syntax.Try) {
	setup := c.emit(opSetupTry, 0, 0, s.Pos)
	c.stmts(s.Body)
	c.emit(opPopTry, 0, 0, s.Pos)
	c.stmts(s.Else)
	end := c.emit(opJump, 0, 0, s.Pos)
	c.patch(setup)
	orig, rest, match := c.temp(), c.temp(), c.temp()
	c.emit(opDup, 0, 0, s.Pos)
	c.emit(opStoreLocal, orig, 0, s.Pos)
	c.emit(opStoreLocal, rest, 0, s.Pos)
	c.cleanups = append(c.cleanups, cleanup{kind: cleanExcept})
	for _, h := range s.Handlers {
		// match, rest = _star_split(rest, Type)
		c.load("_star_split", h.Pos)
		c.emit(opLoadLocal, rest, 0, h.Pos)
		c.expr(h.Type)
		c.emit(opCall, 2, -1, h.Pos)
		c.emit(opUnpack, 2, 0, h.Pos)
		c.emit(opStoreLocal, match, 0, h.Pos)
		c.emit(opStoreLocal, rest, 0, h.Pos)
		c.emit(opLoadLocal, match, 0, h.Pos)
		skip := c.emit(opPopJumpIfFalse, 0, 0, h.Pos)
		c.emit(opLoadLocal, match, 0, h.Pos)
		if h.Name != "" {
			c.store(h.Name, h.Pos)
		} else {
			c.emit(opPop, 0, 0, h.Pos)
		}
		c.stmts(h.Body)
		c.patch(skip)
	}
	c.cleanups = c.cleanups[:len(c.cleanups)-1]
	c.emit(opLoadLocal, rest, 0, s.Pos)
	handled := c.emit(opPopJumpIfFalse, 0, 0, s.Pos)
	c.load("_star_unhandled", s.Pos)
	c.emit(opLoadLocal, orig, 0, s.Pos)
	c.emit(opLoadLocal, rest, 0, s.Pos)
	c.emit(opCall, 2, -1, s.Pos)
	c.emit(opRaise, 1, 0, s.Pos)
	c.patch(handled)
	c.emit(opPopExcept, 0, 0, s.Pos)
	c.patch(end)
}
