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
	assigned    int        // GlobalNames[:assigned] are those the code assigns or declares
	App         bool       // a FastAPI or Starlette app served by uvicorn, not a script
	AppPos      syntax.Pos // where the app is made
	// Undefined are the names the code reads that nothing defines. As in
	// CPython, reading one raises NameError when (and only if) that line
	// runs; the editor marks them as it is typed.
	Undefined []Undefined
	// lines are the source's lines, for the tracebacks to quote
	lines []string
}

// Undefined is a read of a name nothing defines, with the name meant
// when one is close.
type Undefined struct {
	Name string
	Pos  syntax.Pos
	Msg  string
}

// sourceLine is line n of the source without its indentation, as a
// traceback quotes it ("" when there is none).
func (p *Program) sourceLine(n int) string {
	if n < 1 || n > len(p.lines) {
		return ""
	}
	return strings.TrimSpace(p.lines[n-1])
}

// compileError carries a positioned error out of deep recursion; Compile
// recovers only this type.
type compileError struct{ err *syntax.Error }

// Compile checks and compiles a parsed module. Errors are *syntax.Error.
func Compile(file string, mod *syntax.Module) (*Program, error) {
	loadPrelude()
	return compileModule(file, mod)
}

func compileModule(file string, mod *syntax.Module) (prog *Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			ce, ok := r.(compileError)
			if !ok {
				panic(r)
			}
			prog, err = nil, ce.err
		}
	}()
	p := &Program{File: file, globalIndex: map[string]int{"__name__": 0, "__file__": 1}, GlobalNames: []string{"__name__", "__file__"}}
	for _, n := range append(assignedNames(mod.Body), declaredGlobals(mod.Body)...) {
		if _, dup := p.globalIndex[n]; dup {
			continue
		}
		p.globalIndex[n] = len(p.GlobalNames)
		p.GlobalNames = append(p.GlobalNames, n)
	}
	p.assigned = len(p.GlobalNames)
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
	outer      *compiler // enclosing function or class body, for closures
	classBody  bool      // compiling a class statement's body
	cells      map[string]bool
	freeIndex  map[string]int
	globalDecl map[string]bool // declared "global" in this function
	nonlocal   map[string]bool // declared "nonlocal" in this function
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
		if c.cells[name] {
			c.emit(opLoadDeref, int32(i), 0, pos)
		} else {
			c.emit(opLoadLocal, int32(i), 0, pos)
		}
		return
	}
	if !c.module && !c.globalDecl[name] {
		if i, ok := c.freeRef(name); ok {
			c.emit(opLoadFree, int32(i), 0, pos)
			return
		}
	}
	if i, ok := c.prog.globalIndex[name]; ok {
		if i >= c.prog.assigned {
			c.undefined(name, pos)
		}
		c.emit(opLoadGlobal, int32(i), 0, pos)
		return
	}
	if v, ok := resolve(builtins, name); ok {
		c.emitConst(v, pos)
		return
	}
	if strings.Contains(cpythonBuiltins, " "+name+" ") {
		c.fail(pos, "the builtin %s is not simulated", name)
	}
	c.undefined(name, pos)
	// A global nothing assigns: reading it raises NameError at run time.
	i := len(c.prog.GlobalNames)
	c.prog.globalIndex[name] = i
	c.prog.GlobalNames = append(c.prog.GlobalNames, name)
	c.emit(opLoadGlobal, int32(i), 0, pos)
}

// undefined notes a read of a name nothing defines, for the editor.
func (c *compiler) undefined(name string, pos syntax.Pos) {
	c.prog.Undefined = append(c.prog.Undefined, Undefined{Name: name, Pos: pos, Msg: fmt.Sprintf("name '%s' is not defined%s", name, suggest(name, c.known()))})
}

func (c *compiler) known() []string {
	var names []string
	for n := range c.locals {
		if !strings.HasPrefix(n, "$") {
			names = append(names, n)
		}
	}
	names = append(names, c.prog.GlobalNames[:c.prog.assigned]...)
	for n := range builtins {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (c *compiler) store(name string, pos syntax.Pos) {
	op, i := c.nameSlot(name, pos)
	c.emit(op, i, 0, pos)
}

// nameSlot is how a name is stored: the instruction and its operand.
func (c *compiler) nameSlot(name string, pos syntax.Pos) (Op, int32) {
	if i, ok := c.locals[name]; ok && !c.module {
		if c.cells[name] {
			return opStoreDeref, int32(i)
		}
		return opStoreLocal, int32(i)
	}
	if c.nonlocal[name] {
		i, ok := c.freeRef(name)
		if !ok {
			c.fail(pos, "no binding for nonlocal '%s' found", name)
		}
		return opStoreFree, int32(i)
	}
	i, ok := c.prog.globalIndex[name]
	if !ok {
		c.fail(pos, "internal error: no global slot for '%s'", name)
	}
	return opStoreGlobal, int32(i)
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

// unpack stores a sequence into targets; a *starred one (B: its index
// plus one) takes a list of what the others leave.
func (c *compiler) unpack(elems []syntax.Expr, pos syntax.Pos) {
	star := int32(0)
	for i, e := range elems {
		if _, ok := e.(*syntax.Starred); ok {
			if star > 0 {
				c.fail(e.Start(), "multiple starred expressions in assignment")
			}
			star = int32(i + 1)
		}
	}
	c.emit(opUnpack, int32(len(elems)), star, pos)
	for _, e := range elems {
		if s, ok := e.(*syntax.Starred); ok {
			e = s.X
		}
		c.storeTarget(e)
	}
}

// ---- functions ----

func (c *compiler) function(fd *syntax.FuncDef, name string, params []syntax.Param, body []syntax.Stmt, async, lambda bool, pos syntax.Pos) *Code {
	code := &Code{Name: name, File: c.prog.File, Async: async, VarArgs: -1, KwArgs: -1, Def: pos, Decl: fd, IsLambda: lambda}
	fc := &compiler{prog: c.prog, code: code, async: async, locals: map[string]int{}, outer: c, imports: c.imports}
	fc.globalDecl = decls(body, false)
	fc.nonlocal = decls(body, true)
	addLocal := func(n string) {
		if _, ok := fc.locals[n]; !ok {
			fc.locals[n] = len(fc.localNames)
			fc.localNames = append(fc.localNames, n)
		}
	}
	seenDefault, kwOnly := false, false
	for _, p := range params {
		if p.Slash {
			code.PosOnly = code.NumParams
			continue
		}
		if p.Star && p.Name == "" {
			kwOnly = true
			continue
		}
		if _, dup := fc.locals[p.Name]; dup {
			c.fail(p.Pos, "duplicate argument '%s' in function definition", p.Name)
		}
		addLocal(p.Name)
		switch {
		case p.Star:
			code.VarArgs = fc.locals[p.Name]
			kwOnly = true
		case p.DoubleStar:
			code.KwArgs = fc.locals[p.Name]
		case kwOnly:
			code.KwOnly = append(code.KwOnly, p.Name)
			code.KwOnlySlots = append(code.KwOnlySlots, int32(fc.locals[p.Name]))
			if p.Default != nil {
				code.KwDefaults = append(code.KwDefaults, p.Name)
			}
		default:
			if p.Default != nil {
				seenDefault = true
			} else if seenDefault {
				c.fail(p.Pos, "parameter without a default follows parameter with a default")
			}
			code.Params = append(code.Params, p.Name)
			code.NumParams++
		}
	}
	for _, p := range params {
		if fc.globalDecl[p.Name] {
			c.fail(p.Pos, "name '%s' is parameter and global", p.Name)
		}
		if fc.nonlocal[p.Name] {
			c.fail(p.Pos, "name '%s' is parameter and nonlocal", p.Name)
		}
	}
	for _, n := range assignedNames(body) {
		if !fc.globalDecl[n] && !fc.nonlocal[n] {
			addLocal(n)
		}
	}
	code.Generator = containsYield(body)
	fc.markCells(body)
	fc.checkNonlocals(body)
	fc.stmts(body)
	end := pos
	fc.emitConst(nil, end)
	fc.emit(opReturn, 0, 0, end)
	code.NumLocals = len(fc.localNames)
	code.LocalNames = fc.localNames
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
	c.loadCells(code, pos)
	c.emit(opMakeFunction, c.constIndex(code), int32(n), pos)
}

// ---- classes ----

// classDef compiles a class statement as CPython does: the body is a
// function, called at once with the bases and keywords, whose locals
// become the class (opMakeClass).
func (c *compiler) classDef(s *syntax.ClassDef) {
	for _, d := range s.Decorators {
		c.expr(d)
	}
	code := c.compileClassBody(s)
	c.loadCells(code, s.Pos)
	c.emit(opMakeFunction, c.constIndex(code), 0, s.Pos)
	n := 0
	var kw []syntax.Arg
	for _, a := range s.Bases {
		switch {
		case a.Star || a.DoubleStar:
			c.fail(a.Pos, "unpacking in a class's bases is not simulated")
		case a.Name != "":
			kw = append(kw, a)
		default:
			c.expr(a.Value)
			n++
		}
	}
	c.emit(opBuildTuple, int32(n), 0, s.Pos)
	for _, a := range kw {
		c.emitConst(a.Name, a.Pos)
		c.expr(a.Value)
	}
	c.emit(opBuildDict, int32(len(kw)), 0, s.Pos)
	c.emit(opCall, 2, -1, s.Pos)
	for i := len(s.Decorators) - 1; i >= 0; i-- {
		c.emit(opCall, 1, -1, s.Decorators[i].Start())
	}
	c.store(s.Name, s.NamePos)
}

func (c *compiler) compileClassBody(s *syntax.ClassDef) *Code {
	code := &Code{Name: s.Name, File: c.prog.File, VarArgs: -1, KwArgs: -1, Def: s.Pos, Params: []string{"$bases", "$keywords"}, NumParams: 2}
	bc := &compiler{prog: c.prog, code: code, locals: map[string]int{}, outer: c, imports: c.imports, classBody: true}
	bc.globalDecl = decls(s.Body, false)
	bc.nonlocal = decls(s.Body, true)
	add := func(n string) {
		if _, ok := bc.locals[n]; !ok {
			bc.locals[n] = len(bc.localNames)
			bc.localNames = append(bc.localNames, n)
		}
	}
	add("$bases")
	add("$keywords")
	info := &classInfo{Name: s.Name, ClassCell: -1, Doc: s.Doc}
	for _, n := range assignedNames(s.Body) {
		if !bc.globalDecl[n] && !bc.nonlocal[n] {
			add(n)
			info.Names = append(info.Names, n)
			info.Slots = append(info.Slots, int32(bc.locals[n]))
		}
	}
	for _, st := range s.Body {
		if a, ok := st.(*syntax.AnnAssign); ok {
			if n, ok := a.Target.(*syntax.Name); ok {
				info.Annotations = append(info.Annotations, n.ID)
			}
		}
	}
	if len(info.Annotations) > 0 {
		add("__annotations__")
		info.Names = append(info.Names, "__annotations__")
		info.Slots = append(info.Slots, int32(bc.locals["__annotations__"]))
	}
	if usesSuper(s.Body) {
		add(classCell)
		bc.setCell(classCell)
		info.ClassCell = int32(bc.locals[classCell])
	}
	bc.checkNonlocals(s.Body)
	if len(info.Annotations) > 0 {
		bc.emit(opBuildDict, 0, 0, s.Pos)
		bc.store("__annotations__", s.Pos)
	}
	bc.stmts(s.Body)
	bc.emit(opMakeClass, bc.constIndex(info), 0, s.Pos)
	bc.emit(opReturn, 0, 0, s.Pos)
	code.NumLocals = len(bc.localNames)
	code.LocalNames = bc.localNames
	return code
}
