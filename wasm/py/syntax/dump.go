package syntax

import (
	"strconv"
	"strings"
)

// Dump renders a node as an S-expression, for tests and debugging:
//
//	(expr (await (call (attr asyncio sleep) 4)))
//
// Expressions stay on one line. A compound statement puts each body
// statement on a line of its own, indented two spaces, and its clauses
// (else, except, finally) on lines at its own indentation, so a dump reads
// like the Python it came from:
//
//	(if (cmp x > 0)
//	  (return 1)
//	else
//	  (return 2))
func Dump(n Node) string {
	var d dumper
	switch n := n.(type) {
	case Stmt:
		d.stmt(n)
	case Expr:
		d.expr(n)
	}
	return d.String()
}

// DumpModule dumps each top-level statement of m, one after the other.
func DumpModule(m *Module) string {
	var d dumper
	for i, s := range m.Body {
		if i > 0 {
			d.WriteByte('\n')
		}
		d.stmt(s)
	}
	return d.String()
}

type dumper struct {
	strings.Builder
	indent int
}

func (d *dumper) text(parts ...string) {
	for _, s := range parts {
		d.WriteString(s)
	}
}

// line starts a new line at the current indentation.
func (d *dumper) line() {
	d.WriteByte('\n')
	d.WriteString(strings.Repeat("  ", d.indent))
}

func (d *dumper) body(stmts []Stmt) {
	d.indent++
	for _, s := range stmts {
		d.line()
		d.stmt(s)
	}
	d.indent--
}

// clause starts a clause such as "else" of the statement being dumped.
func (d *dumper) clause(parts ...string) {
	d.line()
	d.text(parts...)
}

func (d *dumper) stmt(s Stmt) {
	switch s := s.(type) {
	case *Import:
		d.text("(import")
		d.importNames(s.Names)
	case *ImportFrom:
		d.text("(from ", s.Module)
		d.importNames(s.Names)
	case *Assign:
		d.text("(=")
		for _, t := range s.Targets {
			d.text(" ")
			d.expr(t)
		}
		d.exprs(s.Value)
	case *AnnAssign:
		d.text("(:")
		d.exprs(s.Target, s.Annotation)
		if s.Value != nil {
			d.exprs(s.Value)
		}
	case *AugAssign:
		d.text("(", s.Op, "=")
		d.exprs(s.Target, s.Value)
	case *ExprStmt:
		d.text("(expr")
		d.exprs(s.X)
	case *FuncDef:
		d.funcDef(s)
	case *Return:
		d.text("(return")
		if s.Value != nil {
			d.exprs(s.Value)
		}
	case *If:
		d.text("(if")
		d.exprs(s.Cond)
		d.body(s.Body)
		d.orElse(s.Else)
	case *For:
		d.text("(for", async(s.Async))
		d.exprs(s.Target, s.Iter)
		d.body(s.Body)
		d.orElse(s.Else)
	case *Assert:
		d.text("(assert")
		if s.Msg != nil {
			d.exprs(s.Test, s.Msg)
		} else {
			d.exprs(s.Test)
		}
	case *While:
		d.text("(while")
		d.exprs(s.Cond)
		d.body(s.Body)
		d.orElse(s.Else)
	case *Try:
		d.try(s)
	case *With:
		d.with(s)
	case *Raise:
		d.text("(raise")
		if s.Exc != nil {
			d.exprs(s.Exc)
		}
		if s.Cause != nil {
			d.text(" from")
			d.exprs(s.Cause)
		}
	case *Pass:
		d.text("(pass")
	case *Global:
		d.text("(global")
		for _, n := range s.Names {
			d.text(" " + n)
		}
	case *Nonlocal:
		d.text("(nonlocal")
		for _, n := range s.Names {
			d.text(" " + n)
		}
	case *Delete:
		d.text("(del")
		d.exprs(s.Targets...)
	case *ClassDef:
		d.classDef(s)
	case *Break:
		d.text("(break")
	case *Continue:
		d.text("(continue")
	}
	d.text(")")
}

func async(a bool) string {
	if a {
		return " async"
	}
	return ""
}

// importNames writes " a.b" or " (as a.b c)" for each name.
func (d *dumper) importNames(names []ImportName) {
	for _, n := range names {
		if n.As == "" {
			d.text(" ", n.Name)
		} else {
			d.text(" (as ", n.Name, " ", n.As, ")")
		}
	}
}

// funcDef writes "(def [async] name (params) [-> returns] [@decorator]... body".
func (d *dumper) funcDef(s *FuncDef) {
	d.text("(def", async(s.Async), " ", s.Name, " ")
	d.params(s.Params)
	if s.Returns != nil {
		d.text(" ->")
		d.exprs(s.Returns)
	}
	for _, dec := range s.Decorators {
		d.text(" @")
		d.expr(dec)
	}
	d.body(s.Body)
}

func (d *dumper) classDef(s *ClassDef) {
	d.text("(class ", s.Name, " (")
	for i, a := range s.Bases {
		if i > 0 {
			d.text(" ")
		}
		if a.Name != "" {
			d.text(a.Name, "=")
		}
		d.expr(a.Value)
	}
	d.text(")")
	for _, dec := range s.Decorators {
		d.text(" @")
		d.expr(dec)
	}
	d.body(s.Body)
}

// params writes "(a b:int c=1 d:str="x" *args **kwargs)".
func (d *dumper) params(params []Param) {
	d.text("(")
	for i, p := range params {
		if i > 0 {
			d.text(" ")
		}
		switch {
		case p.Slash:
			d.text("/")
		case p.Star:
			d.text("*")
		case p.DoubleStar:
			d.text("**")
		}
		d.text(p.Name)
		if p.Annotation != nil {
			d.text(":")
			d.expr(p.Annotation)
		}
		if p.Default != nil {
			d.text("=")
			d.expr(p.Default)
		}
	}
	d.text(")")
}

func (d *dumper) try(s *Try) {
	d.text("(try")
	d.body(s.Body)
	for _, h := range s.Handlers {
		if h.Star {
			d.clause("except*")
		} else {
			d.clause("except")
		}
		if h.Type != nil {
			d.exprs(h.Type)
		}
		if h.Name != "" {
			d.text(" as ", h.Name)
		}
		d.body(h.Body)
	}
	if s.Else != nil {
		d.clause("else")
		d.body(s.Else)
	}
	if s.Finally != nil {
		d.clause("finally")
		d.body(s.Finally)
	}
}

// with writes "(with [async] item..." where an item is an expression or
// "(as context target)".
func (d *dumper) with(s *With) {
	d.text("(with", async(s.Async))
	for _, item := range s.Items {
		if item.Target == nil {
			d.exprs(item.Context)
			continue
		}
		d.text(" (as")
		d.exprs(item.Context, item.Target)
		d.text(")")
	}
	d.body(s.Body)
}

// exprs writes each expression preceded by a space.
func (d *dumper) exprs(xs ...Expr) {
	for _, x := range xs {
		d.text(" ")
		d.expr(x)
	}
}

// numText shows a number's value; a float always has a '.' or exponent so
// that 2.0 and 2 differ.
func numText(n *Num) string {
	if n.Big != nil {
		return n.Big.String()
	}
	if !n.IsFloat {
		return strconv.FormatInt(n.Int, 10)
	}
	s := strconv.FormatFloat(n.Float, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eIN") {
		s += ".0"
	}
	return s
}

// orElse writes an if's or a loop's else clause, when it has one.
func (d *dumper) orElse(body []Stmt) {
	if body != nil {
		d.clause("else")
		d.body(body)
	}
}
