// Package syntax scans and parses LoopLab's Python subset: the code a learner
// writes for a scenario. It turns source text into an AST whose every node
// knows where it came from, so later stages can point at the exact character
// that is wrong and the playground can find the numbers a learner may drag.
package syntax

import "math/big"

import "fmt"

// Pos is a place in the source. Line and Col count from 1; Col counts
// characters (runes), Offset counts bytes from the start of the file.
type Pos struct {
	Offset, Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Error is a problem at a position, printed as "line:col: message".
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

// Node is any AST node.
type Node interface{ Start() Pos }

// Stmt is a statement node.
type Stmt interface {
	Node
	stmt()
}

// Expr is an expression node.
type Expr interface {
	Node
	expr()
}

// Module is a whole file.
type Module struct {
	Body []Stmt
}

// ---- statements ----

// ImportName is one "a.b as c" of an import statement.
type ImportName struct {
	Pos  Pos
	Name string // dotted, "concurrent.futures"
	As   string // "" when there is no "as"
}

// Import is "import a, b.c as d".
type Import struct {
	Pos   Pos
	Names []ImportName
}

// ImportFrom is "from a.b import c, d as e".
type ImportFrom struct {
	Pos    Pos
	Module string
	Names  []ImportName
}

// Assign is "a = b = value"; each target is a Name, Attribute, Subscript or
// Tuple of those.
type Assign struct {
	Pos     Pos
	Targets []Expr
	Value   Expr
}

// AnnAssign is "name: annotation = value" (Value may be nil).
type AnnAssign struct {
	Pos        Pos
	Target     Expr
	Annotation Expr
	Value      Expr
}

// AugAssign is "target op= value", Op being "+", "-", "*", "/", "//", "%".
type AugAssign struct {
	Pos    Pos
	Target Expr
	Op     string
	Value  Expr
}

// ExprStmt is an expression used as a statement.
type ExprStmt struct {
	Pos Pos
	X   Expr
}

// Param is one function parameter.
type Param struct {
	Pos        Pos
	Name       string
	Annotation Expr // nil when absent
	Default    Expr // nil when absent
	Star       bool // *args, or a bare * (Name "") before keyword-only parameters
	DoubleStar bool // **kwargs
	Slash      bool // the / after positional-only parameters (no Name)
}

// FuncDef is "def" or "async def", with its decorators.
type FuncDef struct {
	Pos        Pos // of "def" (or "async")
	Name       string
	NamePos    Pos
	Async      bool
	Decorators []Expr
	Params     []Param
	Returns    Expr // return annotation, nil when absent
	Body       []Stmt
	Doc        string // docstring, "" when absent (the docstring also stays in Body)
}

// Return is "return [value]".
type Return struct {
	Pos   Pos
	Value Expr // nil for a bare return
}

// If is "if cond: body [elif ...] [else: ...]"; an elif is an If alone in Else.
type If struct {
	Pos  Pos
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// For is "[async] for target in iter: body".
type For struct {
	Pos    Pos
	Async  bool
	Target Expr
	Iter   Expr
	Body   []Stmt
	Else   []Stmt // runs when the loop ends without a break
}

// Assert is "assert test[, msg]".
type Assert struct {
	Pos  Pos
	Test Expr
	Msg  Expr // nil without a message
}

// While is "while cond: body [else: body]".
type While struct {
	Pos  Pos
	Cond Expr
	Body []Stmt
	Else []Stmt // runs when the condition is false, not after a break
}

// ExceptHandler is one "except [Type [as name]]: body".
type ExceptHandler struct {
	Pos  Pos
	Type Expr // nil for a bare except; may be a Tuple
	Name string
	Body []Stmt
	Star bool // except*: handles the matching part of an exception group
}

// Try is "try: ... except ...: ... else: ... finally: ...".
type Try struct {
	Pos      Pos
	Body     []Stmt
	Handlers []ExceptHandler
	Else     []Stmt
	Finally  []Stmt
}

// WithItem is one "expr [as target]".
type WithItem struct {
	Context Expr
	Target  Expr // nil when absent
}

// With is "[async] with a as b, c: body".
type With struct {
	Pos   Pos
	Async bool
	Items []WithItem
	Body  []Stmt
}

// Raise is "raise [exc]".
type Raise struct {
	Pos   Pos
	Exc   Expr // nil for a bare raise
	Cause Expr // "raise exc from cause", nil when absent
}

// Pass, Break and Continue are the simple statements of the same names.
// Global is "global a, b": in a function, those names are the module's.
type Global struct {
	Pos   Pos
	Names []string
}

// Nonlocal is "nonlocal a, b": in a nested function, those names are the
// enclosing function's.
type Nonlocal struct {
	Pos   Pos
	Names []string
}

// Delete is "del a, b[k], c.x".
type Delete struct {
	Pos     Pos
	Targets []Expr
}

// ClassDef is a class statement, with its decorators.
type ClassDef struct {
	Pos        Pos // of "class"
	Name       string
	NamePos    Pos
	Decorators []Expr
	Bases      []Arg // base classes, and keywords such as metaclass=
	Body       []Stmt
	Doc        string
}

type Pass struct{ Pos Pos }
type Break struct{ Pos Pos }
type Continue struct{ Pos Pos }

// ---- expressions ----

// Name is an identifier (True, False and None are Const, not Name).
type Name struct {
	Pos Pos
	ID  string
}

// Num is a number literal. Raw is its exact source text, so the playground
// can replace it in place; End is the position just after it.
type Num struct {
	Pos     Pos
	End     Pos
	Raw     string
	IsFloat bool
	Int     int64
	Big     *big.Int // an integer beyond int64's range (Int is then 0)
	Float   float64
}

// Str is a plain string literal (adjacent literals are joined).
type Str struct {
	Pos   Pos
	End   Pos // just past the last literal's closing quote
	Value string
	Bytes bool // a bytes literal (b"..."): Value holds its bytes
}

// FStringPart is a literal run or a replacement field of an f-string.
type FStringPart struct {
	Lit     string // when Expr is nil
	Expr    Expr
	Conv    byte   // 'r', 's', 'a' or 0
	Spec    string // format spec after ':', "" when absent
	Debug   bool   // "{x=}"
	ExprSrc string // the source text of Expr, for "{x=}"
}

// FString is an f-string literal.
type FString struct {
	Pos   Pos
	End   Pos // just past the last literal's closing quote
	Parts []FStringPart
}

// Const is True, False, None or "..." (Ellipsis).
type Const struct {
	Pos   Pos
	Value string // "True", "False", "None", "..."
}

// List, Tuple and Set are displays; Dict has parallel Keys and Values
// (a nil key means "**value").
type List struct {
	Pos   Pos
	Elems []Expr
}
type Tuple struct {
	Pos   Pos
	Elems []Expr
}
type Set struct {
	Pos   Pos
	Elems []Expr
}
type Dict struct {
	Pos    Pos
	Keys   []Expr
	Values []Expr
}

// Comprehension is "[elt for target in iter if cond ...]" or the dict,
// set or generator form; only one "for" clause is accepted.
type Comprehension struct {
	Pos    Pos
	Kind   string // "list", "set", "dict", "gen"
	Elt    Expr   // the value (for dict: the value)
	Key    Expr   // dict comprehensions only
	Target Expr
	Iter   Expr
	Conds  []Expr
	Async  bool           // "async for"
	Inner  *Comprehension // the next "for" clause (its Elt and Key unset), or nil
}

// Arg is one call argument: positional, keyword (Name set), *x or **x.
type Arg struct {
	Pos        Pos
	Name       string
	Value      Expr
	Star       bool
	DoubleStar bool
}

// Call is "fn(args)".
type Call struct {
	Pos    Pos // of the callee's start
	Func   Expr
	Args   []Arg
	LParen Pos
}

// Attribute is "x.name".
type Attribute struct {
	Pos     Pos // of x's start
	X       Expr
	Name    string
	NamePos Pos
}

// Subscript is "x[index]"; slices are Slice nodes.
type Subscript struct {
	Pos   Pos
	X     Expr
	Index Expr
}

// Slice is "lo:hi[:step]" inside a subscript; parts may be nil.
type Slice struct {
	Pos          Pos
	Lo, Hi, Step Expr
}

// Starred is "*x" in a list, tuple or assignment target.
type Starred struct {
	Pos Pos
	X   Expr
}

// BinOp is "x op y" for + - * / // % ** @ | & ^ << >>.
type BinOp struct {
	Pos  Pos // of the operator
	Op   string
	X, Y Expr
}

// UnaryOp is "-x", "+x", "not x" or "~x".
type UnaryOp struct {
	Pos Pos
	Op  string // "-", "+", "not", "~"
	X   Expr
}

// BoolOp is "x and y" or "x or y".
type BoolOp struct {
	Pos  Pos
	Op   string // "and", "or"
	X, Y Expr
}

// Compare is a comparison chain "a < b <= c": Ops[i] sits between
// Operands[i] and Operands[i+1]. Ops are "<", ">", "==", ">=", "<=", "!=",
// "in", "not in", "is", "is not".
type Compare struct {
	Pos      Pos
	Ops      []string
	Operands []Expr
}

// IfExp is "a if cond else b".
type IfExp struct {
	Pos              Pos
	Cond, Then, Else Expr
}

// Await is "await x".
type Await struct {
	Pos Pos
	X   Expr
}

// Yield is "yield [value]" or "yield from value".
type Yield struct {
	Pos   Pos
	Value Expr // nil for a bare yield
	From  bool
}

// NamedExpr is "target := value".
type NamedExpr struct {
	Pos    Pos
	Target *Name
	Value  Expr
}

// Lambda is "lambda params: body".
type Lambda struct {
	Pos    Pos
	Params []Param
	Body   Expr
}

func (n *Import) Start() Pos     { return n.Pos }
func (n *ImportFrom) Start() Pos { return n.Pos }
func (n *Assign) Start() Pos     { return n.Pos }
func (n *AnnAssign) Start() Pos  { return n.Pos }
func (n *AugAssign) Start() Pos  { return n.Pos }
func (n *ExprStmt) Start() Pos   { return n.Pos }
func (n *FuncDef) Start() Pos    { return n.Pos }
func (n *Return) Start() Pos     { return n.Pos }
func (n *If) Start() Pos         { return n.Pos }
func (n *For) Start() Pos        { return n.Pos }
func (n *While) Start() Pos      { return n.Pos }
func (n *Assert) Start() Pos     { return n.Pos }
func (n *Try) Start() Pos        { return n.Pos }
func (n *With) Start() Pos       { return n.Pos }
func (n *Raise) Start() Pos      { return n.Pos }
func (n *Pass) Start() Pos       { return n.Pos }
func (n *Global) Start() Pos     { return n.Pos }
func (n *Nonlocal) Start() Pos   { return n.Pos }
func (n *Delete) Start() Pos     { return n.Pos }
func (n *ClassDef) Start() Pos   { return n.Pos }
func (n *Break) Start() Pos      { return n.Pos }
func (n *Continue) Start() Pos   { return n.Pos }

func (*Import) stmt()     {}
func (*ImportFrom) stmt() {}
func (*Assign) stmt()     {}
func (*AnnAssign) stmt()  {}
func (*AugAssign) stmt()  {}
func (*ExprStmt) stmt()   {}
func (*FuncDef) stmt()    {}
func (*Return) stmt()     {}
func (*If) stmt()         {}
func (*For) stmt()        {}
func (*While) stmt()      {}
func (*Assert) stmt()     {}
func (*Try) stmt()        {}
func (*With) stmt()       {}
func (*Raise) stmt()      {}
func (*Pass) stmt()       {}
func (*Global) stmt()     {}
func (*Nonlocal) stmt()   {}
func (*Delete) stmt()     {}
func (*ClassDef) stmt()   {}
func (*Break) stmt()      {}
func (*Continue) stmt()   {}

func (n *Name) Start() Pos          { return n.Pos }
func (n *Num) Start() Pos           { return n.Pos }
func (n *Str) Start() Pos           { return n.Pos }
func (n *FString) Start() Pos       { return n.Pos }
func (n *Const) Start() Pos         { return n.Pos }
func (n *List) Start() Pos          { return n.Pos }
func (n *Tuple) Start() Pos         { return n.Pos }
func (n *Set) Start() Pos           { return n.Pos }
func (n *Dict) Start() Pos          { return n.Pos }
func (n *Comprehension) Start() Pos { return n.Pos }
func (n *Call) Start() Pos          { return n.Pos }
func (n *Attribute) Start() Pos     { return n.Pos }
func (n *Subscript) Start() Pos     { return n.Pos }
func (n *Slice) Start() Pos         { return n.Pos }
func (n *Starred) Start() Pos       { return n.Pos }
func (n *BinOp) Start() Pos         { return n.Pos }
func (n *UnaryOp) Start() Pos       { return n.Pos }
func (n *BoolOp) Start() Pos        { return n.Pos }
func (n *Compare) Start() Pos       { return n.Pos }
func (n *IfExp) Start() Pos         { return n.Pos }
func (n *Await) Start() Pos         { return n.Pos }
func (n *Lambda) Start() Pos        { return n.Pos }
func (n *NamedExpr) Start() Pos     { return n.Pos }
func (n *Yield) Start() Pos         { return n.Pos }

func (*Name) expr()          {}
func (*Num) expr()           {}
func (*Str) expr()           {}
func (*FString) expr()       {}
func (*Const) expr()         {}
func (*List) expr()          {}
func (*Tuple) expr()         {}
func (*Set) expr()           {}
func (*Dict) expr()          {}
func (*Comprehension) expr() {}
func (*Call) expr()          {}
func (*Attribute) expr()     {}
func (*Subscript) expr()     {}
func (*Slice) expr()         {}
func (*Starred) expr()       {}
func (*BinOp) expr()         {}
func (*UnaryOp) expr()       {}
func (*BoolOp) expr()        {}
func (*Compare) expr()       {}
func (*IfExp) expr()         {}
func (*Await) expr()         {}
func (*Lambda) expr()        {}
func (*NamedExpr) expr()     {}
func (*Yield) expr()         {}
