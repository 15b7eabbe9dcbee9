package syntax

// star_expressions: star_expression (',' star_expression)* [',']
// A comma makes a Tuple: "return a, b", "x, y = 1, 2".
func (p *parser) parseStarExpressions() (Expr, error) {
	start := p.tok.pos
	first, err := p.parseStarExpression()
	if err != nil {
		return nil, err
	}
	if !p.at(",") {
		return first, checkNotStarred(first)
	}
	elems := []Expr{first}
	for p.got(",") && p.startsExpr() {
		x, err := p.parseStarExpression()
		if err != nil {
			return nil, err
		}
		elems = append(elems, x)
	}
	return &Tuple{Pos: start, Elems: elems}, nil
}

// star_expression: '*' bitwise_or | expression
func (p *parser) parseStarExpression() (Expr, error) {
	if !p.at("*") {
		return p.parseNamedExpression()
	}
	pos := p.tok.pos
	p.next()
	x, err := p.parseBitOr()
	if err != nil {
		return nil, err
	}
	return &Starred{Pos: pos, X: x}, nil
}

// checkNotStarred rejects a starred expression standing alone, where
// there is nothing for it to unpack into.
func checkNotStarred(x Expr) error {
	if s, ok := x.(*Starred); ok {
		return errorf(s.Pos, "a starred expression *x can only be used inside a list, tuple or call")
	}
	return nil
}

// startsExpr reports whether the current token can begin an expression,
// which tells a trailing comma from one followed by another element.
func (p *parser) startsExpr() bool {
	switch p.tok.kind {
	case tokName, tokNumber, tokString, tokFString:
		return true
	case tokKeyword:
		switch p.tok.text {
		case "not", "lambda", "await", "True", "False", "None", "yield":
			return true
		}
	case tokOp:
		switch p.tok.text {
		case "(", "[", "{", "-", "+", "~", "*", "...":
			return true
		}
	}
	return false
}

// named_expression: NAME ':=' expression | expression
func (p *parser) parseNamedExpression() (Expr, error) {
	if p.tok.kind == tokName {
		if next := p.peek(); next.kind == tokOp && next.text == ":=" {
			target := &Name{Pos: p.tok.pos, ID: p.tok.text}
			p.next()
			p.next()
			value, err := p.parseExpression()
			if err != nil {
				return nil, err
			}
			return &NamedExpr{Pos: target.Pos, Target: target, Value: value}, nil
		}
	}
	return p.parseExpression()
}

// expression: lambdef | disjunction ['if' disjunction 'else' expression]
func (p *parser) parseExpression() (Expr, error) {
	if err := p.enter(&p.exprDepth, "expression"); err != nil {
		return nil, err
	}
	defer leave(&p.exprDepth)
	if p.at("lambda") {
		return p.parseLambda()
	}
	then, err := p.parseDisjunction()
	if err != nil || !p.at("if") {
		return then, err
	}
	pos := p.tok.pos
	p.next()
	cond, err := p.parseDisjunction()
	if err != nil {
		return nil, err
	}
	if err := p.expect("else", "in the conditional expression 'a if condition else b'"); err != nil {
		return nil, err
	}
	els, err := p.parseExpression()
	if err != nil {
		return nil, err
	}
	return &IfExp{Pos: pos, Cond: cond, Then: then, Else: els}, nil
}

// lambdef: 'lambda' [params] ':' expression
func (p *parser) parseLambda() (Expr, error) {
	pos := p.tok.pos
	p.next()
	params, err := p.parseParams(":", false)
	if err != nil {
		return nil, err
	}
	if err := p.expect(":", "after the lambda parameters"); err != nil {
		return nil, err
	}
	body, err := p.parseExpression()
	if err != nil {
		return nil, err
	}
	return &Lambda{Pos: pos, Params: params, Body: body}, nil
}

// disjunction: conjunction ('or' conjunction)*
func (p *parser) parseDisjunction() (Expr, error) {
	return p.parseBoolOp("or", p.parseConjunction)
}

// conjunction: inversion ('and' inversion)*
func (p *parser) parseConjunction() (Expr, error) {
	return p.parseBoolOp("and", p.parseInversion)
}

// parseBoolOp parses operands joined by op into left-nested BoolOps, each
// positioned at its operator.
func (p *parser) parseBoolOp(op string, operand func() (Expr, error)) (Expr, error) {
	x, err := operand()
	if err != nil {
		return nil, err
	}
	for p.at(op) {
		pos := p.tok.pos
		p.next()
		y, err := operand()
		if err != nil {
			return nil, err
		}
		x = &BoolOp{Pos: pos, Op: op, X: x, Y: y}
	}
	return x, nil
}

// inversion: 'not' inversion | comparison
func (p *parser) parseInversion() (Expr, error) {
	if !p.at("not") {
		return p.parseComparison()
	}
	if err := p.enter(&p.exprDepth, "expression"); err != nil {
		return nil, err
	}
	defer leave(&p.exprDepth)
	pos := p.tok.pos
	p.next()
	x, err := p.parseInversion()
	if err != nil {
		return nil, err
	}
	return &UnaryOp{Pos: pos, Op: "not", X: x}, nil
}

// comparison: bitwise_or (compare_op bitwise_or)*
// A chain "a < b <= c" is one Compare, positioned at its first operator.
func (p *parser) parseComparison() (Expr, error) {
	x, err := p.parseBitOr()
	if err != nil {
		return nil, err
	}
	pos := p.tok.pos
	op := p.compareOp()
	if op == "" {
		return x, nil
	}
	c := &Compare{Pos: pos, Operands: []Expr{x}}
	for ; op != ""; op = p.compareOp() {
		y, err := p.parseBitOr()
		if err != nil {
			return nil, err
		}
		c.Ops = append(c.Ops, op)
		c.Operands = append(c.Operands, y)
	}
	return c, nil
}

// compare_op: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'is' ['not']
// compareOp consumes one and returns it, or returns "".
func (p *parser) compareOp() string {
	switch {
	case p.tok.kind == tokOp && compareOps[p.tok.text], p.at("in"):
		op := p.tok.text
		p.next()
		return op
	case p.at("not") && p.peek().kind == tokKeyword && p.peek().text == "in":
		p.next()
		p.next()
		return "not in"
	case p.got("is"):
		if p.got("not") {
			return "is not"
		}
		return "is"
	}
	return ""
}

var compareOps = map[string]bool{"==": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true}

// binaryPrec gives the binding strength of the left-associative binary
// operators, loosest first:
//
//	bitwise_or: '|'   bitwise_xor: '^'   bitwise_and: '&'   shift: '<<' '>>'
//	sum: '+' '-'      term: '*' '/' '//' '%' '@'
var binaryPrec = map[string]int{
	"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4,
	"+": 5, "-": 5, "*": 6, "/": 6, "//": 6, "%": 6, "@": 6,
}

func (p *parser) parseBitOr() (Expr, error) { return p.parseBinary(1) }

// parseBinary parses the binary operators binding at least as tightly as
// minPrec by precedence climbing: one loop instead of six functions.
func (p *parser) parseBinary(minPrec int) (Expr, error) {
	x, err := p.parseFactor()
	if err != nil {
		return nil, err
	}
	for p.tok.kind == tokOp && binaryPrec[p.tok.text] >= minPrec {
		op := p.tok
		p.next()
		y, err := p.parseBinary(binaryPrec[op.text] + 1)
		if err != nil {
			return nil, err
		}
		x = &BinOp{Pos: op.pos, Op: op.text, X: x, Y: y}
	}
	return x, nil
}

// factor: ('+' | '-' | '~') factor | power
func (p *parser) parseFactor() (Expr, error) {
	if !p.at("-") && !p.at("+") && !p.at("~") {
		return p.parsePower()
	}
	if err := p.enter(&p.exprDepth, "expression"); err != nil {
		return nil, err
	}
	defer leave(&p.exprDepth)
	op := p.tok
	p.next()
	x, err := p.parseFactor()
	if err != nil {
		return nil, err
	}
	return &UnaryOp{Pos: op.pos, Op: op.text, X: x}, nil
}

// power: await_primary ['**' factor]
// The right operand is a factor, so ** groups to the right and -2**2 is
// -(2**2).
func (p *parser) parsePower() (Expr, error) {
	x, err := p.parseAwaitPrimary()
	if err != nil || !p.at("**") {
		return x, err
	}
	op := p.tok
	p.next()
	y, err := p.parseFactor()
	if err != nil {
		return nil, err
	}
	return &BinOp{Pos: op.pos, Op: "**", X: x, Y: y}, nil
}

// await_primary: 'await' primary | primary
func (p *parser) parseAwaitPrimary() (Expr, error) {
	if !p.at("await") {
		return p.parsePrimary()
	}
	pos := p.tok.pos
	p.next()
	x, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	return &Await{Pos: pos, X: x}, nil
}

// star_targets: star_target (',' star_target)* [',']
// Targets stop short of comparisons, so the 'in' of "for x in y" is left
// for the caller.
func (p *parser) parseTargets() (Expr, error) {
	start := p.tok.pos
	first, err := p.parseTarget()
	if err != nil {
		return nil, err
	}
	x := first
	if p.at(",") {
		elems := []Expr{first}
		for p.got(",") && !p.at("in") {
			t, err := p.parseTarget()
			if err != nil {
				return nil, err
			}
			elems = append(elems, t)
		}
		x = &Tuple{Pos: start, Elems: elems}
	}
	return x, checkTarget(x, false)
}

// star_target: ['*'] bitwise_or
func (p *parser) parseTarget() (Expr, error) {
	if p.at("*") {
		return p.parseStarExpression()
	}
	return p.parseBitOr()
}
