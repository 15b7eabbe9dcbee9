package py

import (
	"fmt"
	"sort"
	"strings"

	"looplab/wasm/py/syntax"
)

// Program is a compiled scenario module.
type Program struct {
	File        string
	Module      *Code
	GlobalNames []string
	globalIndex map[string]int
	App         bool // a FastAPI app served by uvicorn, not a script
}

// compileError carries a positioned error out of deep recursion; Compile
// recovers only this type.
type compileError struct{ err *syntax.Error }

// Compile checks and compiles a parsed module. Errors are *syntax.Error.
func Compile(file string, mod *syntax.Module) (prog *Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			ce, ok := r.(compileError)
			if !ok {
				panic(r)
			}
			prog, err = nil, ce.err
		}
	}()
	p := &Program{File: file, globalIndex: map[string]int{"__name__": 0}, GlobalNames: []string{"__name__"}}
	for _, n := range append(assignedNames(mod.Body), declaredGlobals(mod.Body)...) {
		if _, dup := p.globalIndex[n]; dup {
			continue
		}
		p.globalIndex[n] = len(p.GlobalNames)
		p.GlobalNames = append(p.GlobalNames, n)
	}
	c := &compiler{prog: p, code: &Code{Name: "<module>", File: file, VarArgs: -1, KwArgs: -1}, locals: map[string]int{}, module: true}
	c.imports = moduleAliases(mod.Body)
	c.stmts(mod.Body)
	c.emitConst(nil, syntax.Pos{Line: 1, Col: 1})
	c.emit(opReturn, 0, 0, syntax.Pos{Line: 1, Col: 1})
	c.code.NumLocals = len(c.localNames)
	p.Module = c.code
	return p, nil
}

// moduleAliases maps a global name to the simulated module it names when
// it is bound only by imports, so "asyncio.sleeep" is caught at compile time.
func moduleAliases(body []syntax.Stmt) map[string]string {
	out := map[string]string{}
	for _, s := range body {
		if imp, ok := s.(*syntax.Import); ok {
			for _, n := range imp.Names {
				if n.As != "" {
					out[n.As] = n.Name
				} else {
					b := importBinding(n)
					out[b] = b
				}
			}
		}
	}
	for _, s := range body {
		if f, ok := s.(*syntax.FuncDef); ok {
			delete(out, f.Name)
		}
		if a, ok := s.(*syntax.Assign); ok {
			for _, t := range a.Targets {
				if n, ok := t.(*syntax.Name); ok {
					delete(out, n.ID)
				}
			}
		}
	}
	return out
}

type compiler struct {
	prog       *Program
	code       *Code
	module     bool
	async      bool
	locals     map[string]int
	localNames []string
	outer      *compiler // enclosing function, for the closure check
	cleanups   []cleanup
	imports    map[string]string
	hidden     []hiddenName // comprehension variables in scope, innermost last
}

// cleanup is what leaving a block early (return, break, continue) must undo.
type cleanup struct {
	kind      int // cleanLoop, cleanFinally, cleanWith, cleanExcept
	finally   []syntax.Stmt
	async     bool
	breakTo   []int // jumps to patch to the loop's end
	continue_ int
	noIter    bool // a while loop: no iterator on the stack to drop
}

const (
	cleanLoop = iota
	cleanFinally
	cleanWith
	cleanExcept
)

func (c *compiler) fail(pos syntax.Pos, format string, args ...any) {
	panic(compileError{&syntax.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}})
}

func (c *compiler) emit(op Op, a, b int32, pos syntax.Pos) int {
	c.code.Instrs = append(c.code.Instrs, Instr{Op: op, A: a, B: b})
	c.code.Pos = append(c.code.Pos, pos)
	return len(c.code.Instrs) - 1
}

func (c *compiler) here() int { return len(c.code.Instrs) }

func (c *compiler) patch(at int) { c.code.Instrs[at].A = int32(c.here()) }

func (c *compiler) constIndex(v Value) int32 {
	c.code.Consts = append(c.code.Consts, v)
	return int32(len(c.code.Consts) - 1)
}

func (c *compiler) emitConst(v Value, pos syntax.Pos) { c.emit(opConst, c.constIndex(v), 0, pos) }

func (c *compiler) temp() int32 {
	name := fmt.Sprintf("$%d", len(c.localNames))
	c.locals[name] = len(c.localNames)
	c.localNames = append(c.localNames, name)
	return int32(c.locals[name])
}

// ---- names ----

func (c *compiler) load(name string, pos syntax.Pos) {
	for i := len(c.hidden) - 1; i >= 0; i-- {
		if c.hidden[i].name == name {
			c.emit(opLoadLocal, c.hidden[i].slot, 0, pos)
			return
		}
	}
	if i, ok := c.locals[name]; ok && !c.module {
		c.emit(opLoadLocal, int32(i), 0, pos)
		return
	}
	if i, ok := c.prog.globalIndex[name]; ok {
		c.emit(opLoadGlobal, int32(i), 0, pos)
		return
	}
	if v, ok := builtins[name]; ok {
		c.emitConst(v, pos)
		return
	}
	for o := c.outer; o != nil; o = o.outer {
		if _, ok := o.locals[name]; ok && !o.module {
			c.fail(pos, "'%s' belongs to the enclosing function; closures are not simulated, pass it as an argument", name)
		}
	}
	c.fail(pos, "name '%s' is not defined%s", name, suggest(name, c.known()))
}

func (c *compiler) known() []string {
	var names []string
	for n := range c.locals {
		if !strings.HasPrefix(n, "$") {
			names = append(names, n)
		}
	}
	names = append(names, c.prog.GlobalNames...)
	for n := range builtins {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (c *compiler) store(name string, pos syntax.Pos) {
	if i, ok := c.locals[name]; ok && !c.module {
		c.emit(opStoreLocal, int32(i), 0, pos)
		return
	}
	c.emit(opStoreGlobal, int32(c.prog.globalIndex[name]), 0, pos)
}

// storeTarget stores the value on top of the stack into an assignment target.
func (c *compiler) storeTarget(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		c.store(t.ID, t.Pos)
	case *syntax.Tuple:
		c.unpack(t.Elems, t.Pos)
	case *syntax.List:
		c.unpack(t.Elems, t.Pos)
	case *syntax.Attribute:
		c.expr(t.X)
		c.emit(opStoreAttr, c.constIndex(t.Name), 0, t.NamePos)
	case *syntax.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(opStoreSubscr, 0, 0, t.Pos)
	default:
		c.fail(t.Start(), "cannot assign to this expression")
	}
}

func (c *compiler) unpack(elems []syntax.Expr, pos syntax.Pos) {
	for _, e := range elems {
		if s, ok := e.(*syntax.Starred); ok {
			c.fail(s.Pos, "starred assignment is not simulated")
		}
	}
	c.emit(opUnpack, int32(len(elems)), 0, pos)
	for _, e := range elems {
		c.storeTarget(e)
	}
}

// ---- functions ----

func (c *compiler) function(fd *syntax.FuncDef, name string, params []syntax.Param, body []syntax.Stmt, async, lambda bool, pos syntax.Pos) *Code {
	code := &Code{Name: name, File: c.prog.File, Async: async, VarArgs: -1, KwArgs: -1, Def: pos, Decl: fd, IsLambda: lambda}
	fc := &compiler{prog: c.prog, code: code, async: async, locals: map[string]int{}, outer: c, imports: c.imports}
	addLocal := func(n string) {
		if _, ok := fc.locals[n]; !ok {
			fc.locals[n] = len(fc.localNames)
			fc.localNames = append(fc.localNames, n)
		}
	}
	seenDefault := false
	for _, p := range params {
		if _, dup := fc.locals[p.Name]; dup {
			c.fail(p.Pos, "duplicate argument '%s' in function definition", p.Name)
		}
		addLocal(p.Name)
		switch {
		case p.Star:
			code.VarArgs = fc.locals[p.Name]
		case p.DoubleStar:
			code.KwArgs = fc.locals[p.Name]
		default:
			if code.VarArgs >= 0 {
				c.fail(p.Pos, "keyword-only parameters are not simulated")
			}
			if p.Default != nil {
				seenDefault = true
			} else if seenDefault {
				c.fail(p.Pos, "parameter without a default follows parameter with a default")
			}
			code.Params = append(code.Params, p.Name)
			code.NumParams++
		}
	}
	globals := globalDecls(body)
	for _, p := range params {
		if globals[p.Name] {
			c.fail(p.Pos, "name '%s' is parameter and global", p.Name)
		}
	}
	for _, n := range assignedNames(body) {
		if !globals[n] {
			addLocal(n)
		}
	}
	fc.stmts(body)
	end := pos
	fc.emitConst(nil, end)
	fc.emit(opReturn, 0, 0, end)
	code.NumLocals = len(fc.localNames)
	return code
}

func (c *compiler) funcDef(fd *syntax.FuncDef) {
	for _, d := range fd.Decorators {
		c.expr(d)
	}
	c.makeFunction(fd, fd.Name, fd.Params, fd.Body, fd.Async, false, fd.Pos)
	for i := len(fd.Decorators) - 1; i >= 0; i-- {
		c.emit(opCall, 1, -1, fd.Decorators[i].Start())
	}
	c.store(fd.Name, fd.NamePos)
}

func (c *compiler) makeFunction(fd *syntax.FuncDef, name string, params []syntax.Param, body []syntax.Stmt, async, lambda bool, pos syntax.Pos) {
	n := 0
	for _, p := range params {
		if p.Default != nil {
			c.expr(p.Default)
			n++
		}
	}
	code := c.function(fd, name, params, body, async, lambda, pos)
	c.emit(opMakeFunction, c.constIndex(code), int32(n), pos)
}
