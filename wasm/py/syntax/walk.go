package syntax

// Inspect calls f for n and then, while f returns true, for each node
// inside it, depth first in source order. It is how callers find nodes of
// one kind, such as every Num a learner may drag in the playground.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	switch n := n.(type) {
	case *Assign:
		inspectExprs(f, n.Targets...)
		inspectExprs(f, n.Value)
	case *AnnAssign:
		inspectExprs(f, n.Target, n.Annotation, n.Value)
	case *AugAssign:
		inspectExprs(f, n.Target, n.Value)
	case *ExprStmt:
		inspectExprs(f, n.X)
	case *FuncDef:
		inspectExprs(f, n.Decorators...)
		inspectParams(f, n.Params)
		inspectExprs(f, n.Returns)
		inspectStmts(f, n.Body)
	case *Return:
		inspectExprs(f, n.Value)
	case *If:
		inspectExprs(f, n.Cond)
		inspectStmts(f, n.Body)
		inspectStmts(f, n.Else)
	case *For:
		inspectExprs(f, n.Target, n.Iter)
		inspectStmts(f, n.Body)
		inspectStmts(f, n.Else)
	case *Assert:
		inspectExprs(f, n.Test, n.Msg)
	case *While:
		inspectExprs(f, n.Cond)
		inspectStmts(f, n.Body)
		inspectStmts(f, n.Else)
	case *Try:
		inspectStmts(f, n.Body)
		for _, h := range n.Handlers {
			inspectExprs(f, h.Type)
			inspectStmts(f, h.Body)
		}
		inspectStmts(f, n.Else)
		inspectStmts(f, n.Finally)
	case *With:
		for _, item := range n.Items {
			inspectExprs(f, item.Context, item.Target)
		}
		inspectStmts(f, n.Body)
	case *Raise:
		inspectExprs(f, n.Exc, n.Cause)
	case *Delete:
		inspectExprs(f, n.Targets...)
	case *ClassDef:
		inspectExprs(f, n.Decorators...)
		for _, a := range n.Bases {
			inspectExprs(f, a.Value)
		}
		inspectStmts(f, n.Body)
	default:
		inspectExprChildren(n, f)
	}
}

// inspectExprChildren visits the children of expression n.
func inspectExprChildren(n Node, f func(Node) bool) {
	switch n := n.(type) {
	case *FString:
		for _, part := range n.Parts {
			inspectExprs(f, part.Expr)
		}
	case *List:
		inspectExprs(f, n.Elems...)
	case *Tuple:
		inspectExprs(f, n.Elems...)
	case *Set:
		inspectExprs(f, n.Elems...)
	case *Dict:
		for i := range n.Keys {
			inspectExprs(f, n.Keys[i], n.Values[i])
		}
	case *Comprehension:
		inspectExprs(f, n.Key, n.Elt, n.Target, n.Iter)
		inspectExprs(f, n.Conds...)
		if n.Inner != nil {
			Inspect(n.Inner, f)
		}
	case *Call:
		inspectExprs(f, n.Func)
		for _, a := range n.Args {
			inspectExprs(f, a.Value)
		}
	case *Attribute:
		inspectExprs(f, n.X)
	case *Subscript:
		inspectExprs(f, n.X, n.Index)
	case *Slice:
		inspectExprs(f, n.Lo, n.Hi, n.Step)
	case *Starred:
		inspectExprs(f, n.X)
	case *BinOp:
		inspectExprs(f, n.X, n.Y)
	case *UnaryOp:
		inspectExprs(f, n.X)
	case *BoolOp:
		inspectExprs(f, n.X, n.Y)
	case *Compare:
		inspectExprs(f, n.Operands...)
	case *IfExp:
		inspectExprs(f, n.Then, n.Cond, n.Else)
	case *Await:
		inspectExprs(f, n.X)
	case *NamedExpr:
		inspectExprs(f, n.Target, n.Value)
	case *Yield:
		inspectExprs(f, n.Value)
	case *Lambda:
		inspectParams(f, n.Params)
		inspectExprs(f, n.Body)
	}
}

// inspectExprs visits each expression; Inspect skips absent (nil) ones.
func inspectExprs(f func(Node) bool, xs ...Expr) {
	for _, x := range xs {
		Inspect(x, f)
	}
}

func inspectStmts(f func(Node) bool, stmts []Stmt) {
	for _, s := range stmts {
		Inspect(s, f)
	}
}

func inspectParams(f func(Node) bool, params []Param) {
	for _, p := range params {
		inspectExprs(f, p.Annotation, p.Default)
	}
}
