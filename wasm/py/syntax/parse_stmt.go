package syntax

// file: statement* EOF
func (p *parser) parseFile() (*Module, error) {
	m := &Module{}
	for p.tok.kind != tokEOF {
		stmts, err := p.parseStatement()
		if err != nil {
			return nil, err
		}
		m.Body = append(m.Body, stmts...)
	}
	return m, nil
}

// statement: compound_stmt | simple_stmts
// compound_stmt: decorated | ['async'] funcdef | if_stmt | ['async'] for_stmt
// | try_stmt | ['async'] with_stmt
func (p *parser) parseStatement() ([]Stmt, error) {
	var s Stmt
	var err error
	switch pos := p.tok.pos; {
	case p.tok.kind == tokIndent:
		return nil, errorf(pos, "unexpected indent")
	case p.at("@"):
		s, err = p.parseDecorated()
	case p.at("def"):
		s, err = p.parseFuncDef(pos, false, nil)
	case p.at("async"):
		s, err = p.parseAsync(nil)
	case p.at("if"):
		s, err = p.parseIf()
	case p.at("for"):
		s, err = p.parseFor(pos, false)
	case p.at("while"):
		s, err = p.parseWhile(pos)
	case p.at("try"):
		s, err = p.parseTry()
	case p.at("with"):
		s, err = p.parseWith(pos, false)
	case p.at("class"):
		s, err = p.parseClassDef(pos, nil)
	default:
		return p.parseSimpleStmts()
	}
	if err != nil {
		return nil, err
	}
	return []Stmt{s}, nil
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
func (p *parser) parseSimpleStmts() ([]Stmt, error) {
	var stmts []Stmt
	for {
		s, err := p.parseSimpleStmt()
		if err != nil {
			return nil, err
		}
		stmts = append(stmts, s)
		if !p.got(";") || p.tok.kind == tokNewline {
			break
		}
	}
	if p.tok.kind != tokNewline {
		return nil, p.unexpected("NEWLINE or ';' after the statement")
	}
	p.next()
	return stmts, nil
}

// misplaced explains keywords that cannot begin a simple statement.
var misplaced = map[string]string{
	"elif":    "'elif' must follow an if block at the same indentation",
	"else":    "'else' must follow an if, for, while or try block at the same indentation",
	"except":  "'except' must follow a try block at the same indentation",
	"finally": "'finally' must follow a try block at the same indentation",
}

// simple_stmt: 'pass' | 'break' | 'continue' | return_stmt | raise_stmt
// | import_stmt | from_stmt | expr_stmt
func (p *parser) parseSimpleStmt() (Stmt, error) {
	t := p.tok
	if t.kind == tokKeyword {
		if msg, ok := misplaced[t.text]; ok {
			return nil, errorf(t.pos, "%s", msg)
		}
		switch t.text {
		case "pass":
			p.next()
			return &Pass{Pos: t.pos}, nil
		case "break":
			p.next()
			return &Break{Pos: t.pos}, nil
		case "continue":
			p.next()
			return &Continue{Pos: t.pos}, nil
		case "return":
			return p.parseReturn()
		case "global":
			return p.parseGlobal()
		case "nonlocal":
			names, err := p.parseNames("nonlocal")
			return &Nonlocal{Pos: t.pos, Names: names}, err
		case "del":
			return p.parseDel()
		case "assert":
			return p.parseAssert()
		case "raise":
			return p.parseRaise()
		case "import":
			return p.parseImport()
		case "from":
			return p.parseFrom()
		case "if", "for", "while", "def", "try", "with", "async", "class":
			return nil, errorf(t.pos, "'%s' must start on a line of its own", t.text)
		}
	}
	if p.atMatchStatement() {
		return nil, errorf(t.pos, "match statements are not simulated")
	}
	return p.parseExprStmt()
}

// assert_stmt: 'assert' expression [',' expression]
func (p *parser) parseAssert() (Stmt, error) {
	s := &Assert{Pos: p.tok.pos}
	p.next()
	var err error
	if s.Test, err = p.parseExpression(); err != nil {
		return nil, err
	}
	if p.got(",") {
		if s.Msg, err = p.parseExpression(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// global_stmt: 'global' NAME (',' NAME)*
func (p *parser) parseGlobal() (Stmt, error) {
	pos := p.tok.pos
	names, err := p.parseNames("global")
	return &Global{Pos: pos, Names: names}, err
}

// parseNames reads "kw NAME (',' NAME)*", the names of global and nonlocal.
func (p *parser) parseNames(kw string) ([]string, error) {
	p.next()
	var names []string
	for {
		if p.tok.kind != tokName {
			return nil, p.unexpected("a name after '" + kw + "'")
		}
		names = append(names, p.tok.text)
		p.next()
		if !p.got(",") {
			return names, nil
		}
	}
}

// del_stmt: 'del' target (',' target)* [',']
func (p *parser) parseDel() (Stmt, error) {
	s := &Delete{Pos: p.tok.pos}
	p.next()
	for {
		x, err := p.parseBitOr()
		if err != nil {
			return nil, err
		}
		switch x.(type) {
		case *Name, *Attribute, *Subscript:
		default:
			return nil, errorf(x.Start(), "cannot delete %s", describeExpr(x))
		}
		s.Targets = append(s.Targets, x)
		if !p.got(",") || !p.startsExpr() {
			return s, nil
		}
	}
}

// atMatchStatement recognises "match subject:". "match" is a soft keyword,
// a name elsewhere, so only a following atom (which cannot follow a name in
// an expression) gives it away here; "match(x):" is caught in
// parseAnnAssign.
func (p *parser) atMatchStatement() bool {
	if p.tok.kind != tokName || p.tok.text != "match" {
		return false
	}
	switch next := p.peek(); next.kind {
	case tokName, tokNumber, tokString, tokFString:
		return true
	case tokKeyword:
		return next.text == "True" || next.text == "False" || next.text == "None"
	}
	return false
}

// expr_stmt: star_expressions
// | (star_targets '=')+ star_expressions
// | single_target ':' expression ['=' star_expressions]
// | single_target augassign star_expressions
func (p *parser) parseExprStmt() (Stmt, error) {
	start := p.tok
	x, err := p.parseStarExpressions()
	if err != nil {
		return nil, err
	}
	switch {
	case p.at("="):
		return p.parseAssign(start.pos, x)
	case p.at(":"):
		return p.parseAnnAssign(start, x)
	case p.tok.kind == tokOp && isAugOp(p.tok.text):
		return p.parseAugAssign(start.pos, x)
	}
	if n, ok := x.(*NamedExpr); ok {
		return nil, errorf(n.Pos, "an assignment expression (:=) standing alone must be in parentheses; write '%s = ...'", n.Target.ID)
	}
	return &ExprStmt{Pos: start.pos, X: x}, nil
}

func (p *parser) parseAssign(pos Pos, first Expr) (Stmt, error) {
	exprs := []Expr{first}
	for p.got("=") {
		x, err := p.parseStarExpressions()
		if err != nil {
			return nil, err
		}
		exprs = append(exprs, x)
	}
	targets := exprs[:len(exprs)-1]
	for _, t := range targets {
		if err := checkTarget(t, false); err != nil {
			return nil, err
		}
	}
	return &Assign{Pos: pos, Targets: targets, Value: exprs[len(exprs)-1]}, nil
}

func (p *parser) parseAnnAssign(start token, target Expr) (Stmt, error) {
	if err := checkSingleTarget(target, "annotate"); err != nil {
		if start.kind == tokName && start.text == "match" {
			return nil, errorf(start.pos, "match statements are not simulated")
		}
		return nil, err
	}
	p.next() // ':'
	ann, err := p.parseExpression()
	if err != nil {
		return nil, err
	}
	s := &AnnAssign{Pos: start.pos, Target: target, Annotation: ann}
	if p.got("=") {
		if s.Value, err = p.parseStarExpressions(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// augOps maps each augmented assignment to its binary operator; the empty
// string marks those LoopLab does not simulate.
var augOps = map[string]string{
	"+=": "+", "-=": "-", "*=": "*", "/=": "/", "//=": "//", "%=": "%",
	"**=": "**", "@=": "", "&=": "&", "|=": "|", "^=": "^", "<<=": "<<", ">>=": ">>",
}

func isAugOp(op string) bool {
	_, ok := augOps[op]
	return ok
}

func (p *parser) parseAugAssign(pos Pos, target Expr) (Stmt, error) {
	op := p.tok
	if err := checkSingleTarget(target, "use "+op.text+" on"); err != nil {
		return nil, err
	}
	if augOps[op.text] == "" {
		bin := op.text[:len(op.text)-1]
		return nil, errorf(op.pos, "'%s' is not simulated; write x = x %s y", op.text, bin)
	}
	p.next()
	value, err := p.parseStarExpressions()
	if err != nil {
		return nil, err
	}
	return &AugAssign{Pos: pos, Target: target, Op: augOps[op.text], Value: value}, nil
}

// checkTarget reports whether e can be assigned to: a name, attribute,
// subscript, or a tuple of targets with at most one *starred element.
func checkTarget(e Expr, inTuple bool) error {
	switch e := e.(type) {
	case *Name, *Attribute, *Subscript:
		return nil
	case *Tuple:
		starred := false
		for _, x := range e.Elems {
			if s, ok := x.(*Starred); ok {
				if starred {
					return errorf(s.Pos, "only one starred target is allowed in an assignment")
				}
				starred, x = true, s.X
			}
			if err := checkTarget(x, true); err != nil {
				return err
			}
		}
		return nil
	case *Starred:
		if !inTuple {
			return errorf(e.Pos, "a starred target must be part of a tuple, as in first, *rest = items")
		}
	case *List:
		return errorf(e.Pos, "assign to a tuple rather than a list: write a, b = ... without brackets")
	}
	return errorf(e.Start(), "cannot assign to %s", describeExpr(e))
}

// checkSingleTarget accepts the targets of annotations and augmented
// assignments: a name, attribute or subscript, but no tuple.
func checkSingleTarget(e Expr, verb string) error {
	switch e.(type) {
	case *Name, *Attribute, *Subscript:
		return nil
	}
	return errorf(e.Start(), "cannot %s %s", verb, describeExpr(e))
}

// describeExpr names the kind of an expression for error messages.
func describeExpr(e Expr) string {
	switch e := e.(type) {
	case *Call:
		return "a function call"
	case *Num, *Str, *FString:
		return "a literal"
	case *Const:
		return e.Value
	case *Compare:
		return "a comparison"
	case *Await:
		return "an await expression"
	case *Lambda:
		return "a lambda"
	case *Comprehension:
		return "a comprehension"
	case *Tuple:
		return "a tuple"
	case *IfExp:
		return "a conditional expression"
	case *Starred:
		return "a starred expression"
	case *Dict:
		return "a dict"
	case *Set:
		return "a set"
	case *List:
		return "a list"
	}
	return "an expression"
}

// return_stmt: 'return' [star_expressions]
func (p *parser) parseReturn() (Stmt, error) {
	s := &Return{Pos: p.tok.pos}
	p.next()
	if !p.startsExpr() {
		return s, nil
	}
	var err error
	if s.Value, err = p.parseStarExpressions(); err != nil {
		return nil, err
	}
	return s, nil
}

// raise_stmt: 'raise' [expression]
func (p *parser) parseRaise() (Stmt, error) {
	s := &Raise{Pos: p.tok.pos}
	p.next()
	if !p.startsExpr() {
		return s, nil
	}
	var err error
	if s.Exc, err = p.parseExpression(); err != nil {
		return nil, err
	}
	if p.got("from") {
		if s.Cause, err = p.parseExpression(); err != nil {
			return nil, err
		}
	}
	return s, nil
}
