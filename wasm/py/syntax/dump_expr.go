package syntax

import "strconv"

// expr writes an expression on one line: names and constants bare, numbers
// as their values, strings quoted, everything else as "(head operands...)".
func (d *dumper) expr(x Expr) {
	switch x := x.(type) {
	case *Name:
		d.text(x.ID)
	case *Num:
		d.text(numText(x))
	case *Str:
		if x.Bytes {
			d.text("b" + strconv.Quote(x.Value))
		} else {
			d.text(strconv.Quote(x.Value))
		}
	case *Const:
		d.text(x.Value)
	case *FString:
		d.fstring(x)
	case *List:
		d.display("list", x.Elems)
	case *Tuple:
		d.display("tuple", x.Elems)
	case *Set:
		d.display("set", x.Elems)
	case *Dict:
		d.dict(x)
	case *Comprehension:
		d.comprehension(x)
	case *Call:
		d.call(x)
	case *Attribute:
		d.text("(attr")
		d.exprs(x.X)
		d.text(" ", x.Name, ")")
	case *Subscript:
		d.text("(index")
		d.exprs(x.X, x.Index)
		d.text(")")
	case *Slice:
		d.text("(slice")
		d.optional(x.Lo, x.Hi, x.Step)
		d.text(")")
	case *Starred:
		d.text("*")
		d.expr(x.X)
	case *BinOp:
		d.operation(x.Op, x.X, x.Y)
	case *BoolOp:
		d.operation(x.Op, x.X, x.Y)
	case *UnaryOp:
		d.operation(x.Op, x.X)
	case *Compare:
		d.compare(x)
	case *IfExp:
		d.operation("ifexp", x.Cond, x.Then, x.Else)
	case *Await:
		d.operation("await", x.X)
	case *Yield:
		op := "yield"
		if x.From {
			op = "yield-from"
		}
		if x.Value == nil {
			d.text("(", op, ")")
		} else {
			d.operation(op, x.Value)
		}
	case *NamedExpr:
		d.operation(":=", x.Target, x.Value)
	case *Lambda:
		d.text("(lambda ")
		d.params(x.Params)
		d.exprs(x.Body)
		d.text(")")
	}
}

// operation writes "(op x y...)".
func (d *dumper) operation(op string, xs ...Expr) {
	d.text("(", op)
	d.exprs(xs...)
	d.text(")")
}

// optional writes each expression, or "_" for a missing one.
func (d *dumper) optional(xs ...Expr) {
	for _, x := range xs {
		if x == nil {
			d.text(" _")
		} else {
			d.exprs(x)
		}
	}
}

// fstring writes `(f "literal" {expr=!r:spec})`.
func (d *dumper) fstring(x *FString) {
	d.text("(f")
	for _, part := range x.Parts {
		if part.Expr == nil {
			d.text(" ", strconv.Quote(part.Lit))
			continue
		}
		d.text(" {")
		d.expr(part.Expr)
		if part.Debug {
			d.text("=")
		}
		if part.Conv != 0 {
			d.text("!", string(part.Conv))
		}
		if part.Spec != "" {
			d.text(":", part.Spec)
		}
		d.text("}")
	}
	d.text(")")
}

func (d *dumper) display(head string, elems []Expr) {
	d.text("(", head)
	d.exprs(elems...)
	d.text(")")
}

// dict writes "(dict (key value) **spread)".
func (d *dumper) dict(x *Dict) {
	d.text("(dict")
	for i, key := range x.Keys {
		if key == nil {
			d.text(" **")
			d.expr(x.Values[i])
			continue
		}
		d.text(" (")
		d.expr(key)
		d.exprs(x.Values[i])
		d.text(")")
	}
	d.text(")")
}

// comprehension writes "(listcomp elt for target in iter if cond...)", with
// key and value for a dictcomp.
func (d *dumper) comprehension(x *Comprehension) {
	d.text("(", x.Kind, "comp")
	if x.Key != nil {
		d.exprs(x.Key)
	}
	d.exprs(x.Elt)
	for cl := x; cl != nil; cl = cl.Inner {
		if cl.Async {
			d.text(" async")
		}
		d.text(" for")
		d.exprs(cl.Target)
		d.text(" in")
		d.exprs(cl.Iter)
		for _, c := range cl.Conds {
			d.text(" if")
			d.exprs(c)
		}
	}
	d.text(")")
}

// call writes "(call f positional name=keyword *star **doublestar)".
func (d *dumper) call(x *Call) {
	d.text("(call")
	d.exprs(x.Func)
	for _, a := range x.Args {
		d.text(" ")
		switch {
		case a.Star:
			d.text("*")
		case a.DoubleStar:
			d.text("**")
		case a.Name != "":
			d.text(a.Name, "=")
		}
		d.expr(a.Value)
	}
	d.text(")")
}

// compare writes "(cmp a < b not in c)".
func (d *dumper) compare(x *Compare) {
	d.text("(cmp")
	for i, operand := range x.Operands {
		if i > 0 && i <= len(x.Ops) {
			d.text(" ", x.Ops[i-1])
		}
		d.exprs(operand)
	}
	d.text(")")
}
