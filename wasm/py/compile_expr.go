package py

import (
	"looplab/wasm/py/syntax"
)

func (c *compiler) expr(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Name:
		c.load(e.ID, e.Pos)
	case *syntax.Num:
		switch {
		case e.IsFloat:
			c.emitConst(e.Float, e.Pos)
		case e.Big != nil:
			c.emitConst(e.Big, e.Pos)
		default:
			c.emitConst(e.Int, e.Pos)
		}
	case *syntax.Str:
		if e.Bytes {
			c.emitConst(Bytes(e.Value), e.Pos)
		} else {
			c.emitConst(e.Value, e.Pos)
		}
	case *syntax.Const:
		switch e.Value {
		case "True":
			c.emitConst(true, e.Pos)
		case "False":
			c.emitConst(false, e.Pos)
		case "None":
			c.emitConst(nil, e.Pos)
		default:
			c.emitConst(ellipsis{}, e.Pos)
		}
	case *syntax.FString:
		c.fstring(e)
	case *syntax.List:
		c.sequence(e.Elems, opBuildList, e.Pos)
	case *syntax.Set:
		if len(e.Elems) > 2 && allConstant(e.Elems) {
			// CPython folds such a display into a frozenset constant and
			// copies it into the new set (BUILD_SET 0, SET_UPDATE), which
			// lays the set out in another order than adding one by one
			for _, x := range e.Elems {
				c.expr(x)
			}
			c.emit(opBuildSet, int32(len(e.Elems)), 1, e.Pos)
			break
		}
		c.sequence(e.Elems, opBuildSet, e.Pos)
		if hasStar(e.Elems) {
			c.emitConst(builtins["set"], e.Pos)
			c.emit(opRot2, 0, 0, e.Pos)
			c.emit(opCall, 1, -1, e.Pos)
		}
	case *syntax.Tuple:
		c.sequence(e.Elems, opBuildTuple, e.Pos)
		if hasStar(e.Elems) {
			c.emitConst(builtins["tuple"], e.Pos)
			c.emit(opRot2, 0, 0, e.Pos)
			c.emit(opCall, 1, -1, e.Pos)
		}
	case *syntax.Dict:
		c.dict(e)
	case *syntax.Comprehension:
		c.comprehension(e)
	case *syntax.Call:
		c.call(e)
	case *syntax.Attribute:
		c.checkModuleAttr(e)
		c.expr(e.X)
		c.emit(opLoadAttr, c.constIndex(e.Name), 0, e.NamePos)
	case *syntax.Subscript:
		c.expr(e.X)
		c.expr(e.Index)
		c.emit(opSubscr, 0, 0, e.Pos)
	case *syntax.Slice:
		c.emitConst(builtins["slice"], e.Pos)
		for _, part := range []syntax.Expr{e.Lo, e.Hi, e.Step} {
			if part == nil {
				c.emitConst(nil, e.Pos)
			} else {
				c.expr(part)
			}
		}
		c.emit(opCall, 3, -1, e.Pos)
	case *syntax.Starred:
		c.fail(e.Pos, "a starred expression is only allowed in a call or a list")
	case *syntax.BinOp:
		c.expr(e.X)
		c.expr(e.Y)
		op := opIndex(binaryOps, e.Op)
		if e.Op == "@" {
			c.fail(e.Pos, "matrix multiplication is not simulated")
		}
		c.emit(opBinary, op, 0, e.Pos)
	case *syntax.UnaryOp:
		c.expr(e.X)
		c.emit(opUnary, opIndex(unaryOps, e.Op), 0, e.Pos)
	case *syntax.BoolOp:
		c.expr(e.X)
		op := opJumpIfFalseOrPop
		if e.Op == "or" {
			op = opJumpIfTrueOrPop
		}
		j := c.emit(op, 0, 0, e.Pos)
		c.expr(e.Y)
		c.patch(j)
	case *syntax.Compare:
		c.compare(e)
	case *syntax.IfExp:
		c.expr(e.Cond)
		jf := c.emit(opPopJumpIfFalse, 0, 0, e.Pos)
		c.expr(e.Then)
		jend := c.emit(opJump, 0, 0, e.Pos)
		c.patch(jf)
		c.expr(e.Else)
		c.patch(jend)
	case *syntax.Await:
		if !c.async {
			if c.module {
				c.fail(e.Pos, "'await' outside function")
			}
			c.fail(e.Pos, "'await' outside async function; make the function 'async def'")
		}
		c.expr(e.X)
		c.emit(opAwait, 0, 0, e.Pos)
	case *syntax.Yield:
		c.yield(e)
	case *syntax.NamedExpr:
		c.expr(e.Value)
		c.emit(opDup, 0, 0, e.Pos)
		c.store(e.Target.ID, e.Target.Pos)
	case *syntax.Lambda:
		body := []syntax.Stmt{&syntax.Return{Pos: e.Body.Start(), Value: e.Body}}
		c.makeFunction(nil, "<lambda>", e.Params, body, false, true, e.Pos)
	default:
		c.fail(e.Start(), "this expression is not simulated")
	}
}

// ellipsis is the value of "...".
type ellipsis struct{}

func (ellipsis) String() string { return "Ellipsis" }

func hasStar(elems []syntax.Expr) bool {
	for _, e := range elems {
		if _, ok := e.(*syntax.Starred); ok {
			return true
		}
	}
	return false
}

// sequence builds a list, set or tuple; starred items are spliced in.
func (c *compiler) sequence(elems []syntax.Expr, op Op, pos syntax.Pos) {
	if !hasStar(elems) {
		for _, x := range elems {
			c.expr(x)
		}
		c.emit(op, int32(len(elems)), 0, pos)
		return
	}
	c.emit(opBuildList, 0, 0, pos)
	for _, x := range elems {
		if s, ok := x.(*syntax.Starred); ok {
			c.expr(s.X)
		} else {
			c.expr(x)
			c.emit(opBuildList, 1, 0, pos)
		}
		c.emit(opListExtend, 0, 0, pos)
	}
}

func (c *compiler) dict(e *syntax.Dict) {
	plain := true
	for _, k := range e.Keys {
		if k == nil {
			plain = false
		}
	}
	if plain {
		for i, k := range e.Keys {
			c.expr(k)
			c.expr(e.Values[i])
		}
		c.emit(opBuildDict, int32(len(e.Keys)), 0, e.Pos)
		return
	}
	c.emit(opBuildDict, 0, 0, e.Pos)
	for i, k := range e.Keys {
		if k == nil {
			c.expr(e.Values[i])
		} else {
			c.expr(k)
			c.expr(e.Values[i])
			c.emit(opBuildDict, 1, 0, e.Pos)
		}
		c.emit(opDictUpdate, 0, 0, e.Pos)
	}
}

func (c *compiler) fstring(e *syntax.FString) {
	for _, p := range e.Parts {
		if p.Expr == nil {
			c.emitConst(p.Lit, e.Pos)
			continue
		}
		if p.Debug {
			c.emitConst(p.ExprSrc+"=", e.Pos)
		}
		c.expr(p.Expr)
		conv := int32(p.Conv)
		if p.Debug && conv == 0 && p.Spec == "" {
			conv = 'r'
		}
		c.emit(opFormat, c.constIndex(p.Spec), conv, p.Expr.Start())
	}
	n := 0
	for _, p := range e.Parts {
		n++
		if p.Debug {
			n++
		}
	}
	c.emit(opBuildString, int32(n), 0, e.Pos)
}

// comprehension runs a list, set or dict comprehension eagerly, in a
// scope of hidden names; each "for" clause is a loop inside the one
// before. A generator expression is a generator (genexpr).
func (c *compiler) comprehension(e *syntax.Comprehension) {
	if e.Kind == "gen" {
		c.genexpr(e)
		return
	}
	acc := c.temp()
	scope := len(c.hidden)
	defer func() { c.hidden = c.hidden[:scope] }()
	switch e.Kind {
	case "dict":
		c.emit(opBuildDict, 0, 0, e.Pos)
	case "set":
		c.emit(opBuildSet, 0, 0, e.Pos)
	default:
		c.emit(opBuildList, 0, 0, e.Pos)
	}
	c.emit(opStoreLocal, acc, 0, e.Pos)
	c.compClause(e, e, acc)
	c.emit(opLoadLocal, acc, 0, e.Pos)
}

func (c *compiler) compClause(e, cl *syntax.Comprehension, acc int32) {
	if cl.Async && !c.async {
		c.fail(cl.Pos, "asynchronous comprehension outside of an asynchronous function")
	}
	c.expr(cl.Iter)
	c.emit(opGetIter, boolInt32(cl.Async), 0, cl.Pos)
	top := c.here()
	next := c.emit(opForIter, 0, boolInt32(cl.Async), cl.Pos)
	c.compTarget(cl.Target)
	for _, cond := range cl.Conds {
		c.expr(cond)
		c.emit(opPopJumpIfFalse, int32(top), 0, cond.Start())
	}
	switch {
	case cl.Inner != nil:
		c.compClause(e, cl.Inner, acc)
	case e.Kind == "dict":
		c.expr(e.Key)
		c.expr(e.Elt)
		c.emit(opDictSetItem, acc, 0, e.Pos)
	case e.Kind == "set":
		c.expr(e.Elt)
		c.emit(opSetAdd, acc, 0, e.Pos)
	default:
		c.expr(e.Elt)
		c.emit(opListAppend, acc, 0, e.Pos)
	}
	c.emit(opJump, int32(top), 0, cl.Pos)
	c.patch(next)
}

// compTarget binds a comprehension variable as a hidden local, so it does
// not leak into the function, as in Python 3.
func (c *compiler) compTarget(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		c.bindHidden(t)
	case *syntax.Tuple:
		c.emit(opUnpack, int32(len(t.Elems)), 0, t.Pos)
		for _, x := range t.Elems {
			c.compTarget(x)
		}
	default:
		c.fail(t.Start(), "this comprehension target is not simulated")
	}
}

func (c *compiler) bindHidden(n *syntax.Name) {
	slot := c.temp()
	c.emit(opStoreLocal, slot, 0, n.Pos)
	c.hidden = append(c.hidden, hiddenName{n.ID, slot})
}

type hiddenName struct {
	name string
	slot int32
}

func (c *compiler) compare(e *syntax.Compare) {
	c.expr(e.Operands[0])
	if len(e.Ops) == 1 {
		c.expr(e.Operands[1])
		c.emit(opCompare, opIndex(compareOps, e.Ops[0]), 0, e.Pos)
		return
	}
	var ends []int
	tmp := c.temp()
	for i, op := range e.Ops {
		c.expr(e.Operands[i+1])
		if i < len(e.Ops)-1 {
			c.emit(opDup, 0, 0, e.Pos)
			c.emit(opStoreLocal, tmp, 0, e.Pos)
		}
		c.emit(opCompare, opIndex(compareOps, op), 0, e.Pos)
		if i < len(e.Ops)-1 {
			ends = append(ends, c.emit(opJumpIfFalseOrPop, 0, 0, e.Pos))
			c.emit(opLoadLocal, tmp, 0, e.Pos)
		}
	}
	for _, j := range ends {
		c.patch(j)
	}
}

func (c *compiler) call(e *syntax.Call) {
	if n, ok := e.Func.(*syntax.Name); ok && n.ID == "super" && len(e.Args) == 0 && !c.module {
		c.zeroArgSuper(n)
		return
	}
	c.expr(e.Func)
	star := false
	for _, a := range e.Args {
		if a.Star || a.DoubleStar {
			star = true
		}
	}
	if !star {
		var kw []string
		for _, a := range e.Args {
			if a.Name != "" {
				kw = append(kw, a.Name)
			} else if len(kw) > 0 {
				c.fail(a.Pos, "positional argument follows keyword argument")
			}
			c.expr(a.Value)
		}
		kwIndex := int32(-1)
		if len(kw) > 0 {
			kwIndex = c.constIndex(kw)
		}
		c.emit(opCall, int32(len(e.Args)-len(kw)), kwIndex, e.LParen)
		return
	}
	c.emit(opBuildList, 0, 0, e.Pos)
	for _, a := range e.Args {
		switch {
		case a.Star:
			c.expr(a.Value)
			c.emit(opListExtend, 0, 0, a.Pos)
		case a.Name == "" && !a.DoubleStar:
			c.expr(a.Value)
			c.emit(opBuildList, 1, 0, a.Pos)
			c.emit(opListExtend, 0, 0, a.Pos)
		}
	}
	c.emit(opBuildDict, 0, 0, e.Pos)
	for _, a := range e.Args {
		switch {
		case a.DoubleStar:
			c.expr(a.Value)
			c.emit(opDictUpdate, 0, 0, a.Pos)
		case a.Name != "":
			c.emitConst(a.Name, a.Pos)
			c.expr(a.Value)
			c.emit(opBuildDict, 1, 0, a.Pos)
			c.emit(opDictUpdate, 0, 0, a.Pos)
		}
	}
	c.emit(opCallEx, 0, 0, e.LParen)
}

// checkModuleAttr catches misspelt or unsimulated module members at
// compile time: "asyncio.sleeep" or "asyncio.Queue".
func (c *compiler) checkModuleAttr(e *syntax.Attribute) {
	n, ok := e.X.(*syntax.Name)
	if !ok {
		return
	}
	if _, local := c.locals[n.ID]; local && !c.module {
		return
	}
	modName, ok := c.imports[n.ID]
	if !ok {
		return
	}
	m, ok := modules[modName]
	if !ok {
		return
	}
	if _, ok := m.Attrs[e.Name]; !ok {
		if _, ok := modules[modName+"."+e.Name]; ok {
			return
		}
		hint := ""
		if best := nearest(e.Name, m.names()); best != "" {
			hint = "; did you mean '" + modName + "." + best + "'?"
		}
		c.fail(e.NamePos, "%s.%s is not simulated%s", modName, e.Name, hint)
	}
}

// zeroArgSuper compiles super() in a method as super(__class__, self),
// as CPython does: the class comes from the cell its class body fills.
func (c *compiler) zeroArgSuper(n *syntax.Name) {
	i, ok := c.freeRef(classCell)
	if !ok || len(c.code.Params) == 0 {
		c.fail(n.Pos, "super() without arguments works only in a method of a class")
	}
	c.load("super", n.Pos)
	c.emit(opLoadFree, int32(i), 0, n.Pos)
	c.load(c.code.Params[0], n.Pos)
	c.emit(opCall, 2, -1, n.Pos)
}

// yield compiles "yield x" (the value sent in is its result) and "yield
// from it", which yields what it yields (what is sent in is dropped).
func (c *compiler) yield(e *syntax.Yield) {
	if c.module || c.classBody {
		c.fail(e.Pos, "'yield' outside function")
	}
	if e.From {
		if c.async {
			c.fail(e.Pos, "'yield from' inside async function")
		}
		c.expr(e.Value)
		c.emit(opGetIter, 0, 0, e.Pos)
		top := c.here()
		next := c.emit(opForIter, 0, 0, e.Pos)
		c.emit(opYield, 0, 0, e.Pos)
		c.emit(opPop, 0, 0, e.Pos)
		c.emit(opJump, int32(top), 0, e.Pos)
		c.patch(next)
		c.emitConst(nil, e.Pos)
		return
	}
	if e.Value == nil {
		c.emitConst(nil, e.Pos)
	} else {
		c.expr(e.Value)
	}
	c.emit(opYield, 0, 0, e.Pos)
}

// containsYield reports whether a function body yields (is a generator),
// not counting the functions nested in it.
func containsYield(body []syntax.Stmt) bool {
	found := false
	for _, s := range body {
		syntax.Inspect(s, func(n syntax.Node) bool {
			switch n.(type) {
			case *syntax.Yield:
				found = true
			case *syntax.FuncDef, *syntax.Lambda, *syntax.ClassDef:
				return false
			}
			return !found
		})
	}
	return found
}

// allConstant reports whether every element is a constant after
// CPython's constant folding: literals, signed numbers and tuples of
// constants.
func allConstant(elems []syntax.Expr) bool {
	for _, x := range elems {
		switch e := x.(type) {
		case *syntax.Num, *syntax.Str, *syntax.Const:
		case *syntax.UnaryOp:
			if _, isNum := e.X.(*syntax.Num); !isNum || (e.Op != "-" && e.Op != "+") {
				return false
			}
		case *syntax.Tuple:
			if hasStar(e.Elems) || !allConstant(e.Elems) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// genexpr compiles (elt for target in iter if cond ...) as CPython does:
// a generator function, "<genexpr>", whose one parameter is the first
// iterable, evaluated here; its body is the clauses as nested for and if
// statements around a yield. So it is lazy: it runs as its consumer asks
// for values, and once drained it is empty.
func (c *compiler) genexpr(e *syntax.Comprehension) {
	var build func(cl *syntax.Comprehension, iter syntax.Expr) syntax.Stmt
	build = func(cl *syntax.Comprehension, iter syntax.Expr) syntax.Stmt {
		var body syntax.Stmt
		if cl.Inner != nil {
			body = build(cl.Inner, cl.Inner.Iter)
		} else {
			body = &syntax.ExprStmt{Pos: e.Elt.Start(), X: &syntax.Yield{Pos: e.Elt.Start(), Value: e.Elt}}
		}
		for i := len(cl.Conds) - 1; i >= 0; i-- {
			body = &syntax.If{Pos: cl.Conds[i].Start(), Cond: cl.Conds[i], Body: []syntax.Stmt{body}}
		}
		return &syntax.For{Pos: cl.Pos, Async: cl.Async, Target: cl.Target, Iter: iter, Body: []syntax.Stmt{body}}
	}
	loop := build(e, &syntax.Name{Pos: e.Pos, ID: ".0"})
	async := false
	syntax.Inspect(loop, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.Await:
			async = true
		case *syntax.For:
			async = async || x.Async
		case *syntax.Lambda, *syntax.FuncDef:
			return false
		}
		return !async
	})
	body := append(walrusScope(c, loop, e.Pos), loop)
	c.makeFunction(nil, "<genexpr>", []syntax.Param{{Pos: e.Pos, Name: ".0"}}, body, async, false, e.Pos)
	c.expr(e.Iter)
	c.emit(opCall, 1, -1, e.Pos)
}

// walrusScope declares the names a := in a generator expression binds as
// the scope around it has them (PEP 572): global at module level (or
// where the function declared them global), else nonlocal, so
// any((big := n) > 4 for n in data) leaves big set where the code
// can read it.
func walrusScope(c *compiler, loop syntax.Stmt, at syntax.Pos) []syntax.Stmt {
	var globals, nonlocals []string
	seen := map[string]bool{}
	syntax.Inspect(loop, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.NamedExpr:
			name := x.Target.ID
			if seen[name] {
				return true
			}
			seen[name] = true
			if c.module || c.globalDecl[name] {
				globals = append(globals, name)
			} else {
				nonlocals = append(nonlocals, name)
			}
		case *syntax.Lambda, *syntax.FuncDef:
			return false
		}
		return true
	})
	var decls []syntax.Stmt
	if len(globals) > 0 {
		decls = append(decls, &syntax.Global{Pos: at, Names: globals})
	}
	if len(nonlocals) > 0 {
		decls = append(decls, &syntax.Nonlocal{Pos: at, Names: nonlocals})
	}
	return decls
}
