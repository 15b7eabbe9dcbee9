package syntax

// block: NEWLINE INDENT statement+ DEDENT | simple_stmts
// after names the keyword that opened the block, for the error message.
func (p *parser) parseBlock(after string) ([]Stmt, error) {
	if p.tok.kind != tokNewline {
		return p.parseSimpleStmts()
	}
	p.next()
	if p.tok.kind == tokError {
		return nil, p.sc.err
	}
	if p.tok.kind != tokIndent {
		return nil, errorf(p.tok.pos, "expected an indented block after '%s'", after)
	}
	if err := p.enter(&p.blockDepth, "blocks"); err != nil {
		return nil, err
	}
	defer leave(&p.blockDepth)
	p.next()
	var body []Stmt
	for p.tok.kind != tokDedent {
		stmts, err := p.parseStatement()
		if err != nil {
			return nil, err
		}
		body = append(body, stmts...)
	}
	p.next()
	return body, nil
}

// decorated: ('@' expression NEWLINE)+ ['async'] funcdef
func (p *parser) parseDecorated() (Stmt, error) {
	var decorators []Expr
	for p.got("@") {
		d, err := p.parseExpression()
		if err != nil {
			return nil, err
		}
		if p.tok.kind != tokNewline {
			return nil, p.unexpected("NEWLINE after the decorator")
		}
		p.next()
		decorators = append(decorators, d)
	}
	switch pos := p.tok.pos; {
	case p.at("def"):
		return p.parseFuncDef(pos, false, decorators)
	case p.at("async"):
		return p.parseAsync(decorators)
	case p.at("class"):
		return p.parseClassDef(pos, decorators)
	}
	return nil, p.unexpected("'def' after the decorator")
}

// async_stmt: 'async' (funcdef | for_stmt | with_stmt)
// Only a function may carry decorators.
func (p *parser) parseAsync(decorators []Expr) (Stmt, error) {
	pos := p.tok.pos
	p.next()
	switch {
	case p.at("def"):
		return p.parseFuncDef(pos, true, decorators)
	case p.at("for") && decorators == nil:
		return p.parseFor(pos, true)
	case p.at("with") && decorators == nil:
		return p.parseWith(pos, true)
	case decorators != nil:
		return nil, p.unexpected("'def' after 'async'")
	}
	return nil, p.unexpected("'def', 'for' or 'with' after 'async'")
}

// funcdef: 'def' NAME '(' [params] ')' ['->' expression] ':' block
func (p *parser) parseFuncDef(pos Pos, async bool, decorators []Expr) (Stmt, error) {
	p.next() // 'def'
	if p.tok.kind != tokName {
		return nil, p.unexpected("a function name after 'def'")
	}
	fn := &FuncDef{Pos: pos, Name: p.tok.text, NamePos: p.tok.pos, Async: async, Decorators: decorators}
	p.next()
	if err := p.expect("(", "after the function name"); err != nil {
		return nil, err
	}
	var err error
	if fn.Params, err = p.parseParams(")", true); err != nil {
		return nil, err
	}
	if !p.got(")") {
		return nil, p.unexpected("',' or ')' after the parameter")
	}
	if p.got("->") {
		if fn.Returns, err = p.parseExpression(); err != nil {
			return nil, err
		}
	}
	if err := p.expect(":", "after the function signature"); err != nil {
		return nil, err
	}
	if fn.Body, err = p.parseBlock("def"); err != nil {
		return nil, err
	}
	fn.Doc = docstring(fn.Body)
	return fn, nil
}

// classdef: 'class' NAME ['(' [arguments] ')'] ':' block
func (p *parser) parseClassDef(pos Pos, decorators []Expr) (Stmt, error) {
	p.next() // 'class'
	if p.tok.kind != tokName {
		return nil, p.unexpected("a class name after 'class'")
	}
	cd := &ClassDef{Pos: pos, Name: p.tok.text, NamePos: p.tok.pos, Decorators: decorators}
	p.next()
	if p.at("(") {
		call, err := p.parseCall(pos, &Name{Pos: cd.NamePos, ID: cd.Name})
		if err != nil {
			return nil, err
		}
		cd.Bases = call.(*Call).Args
	}
	if err := p.expect(":", "after the class name"); err != nil {
		return nil, err
	}
	var err error
	if cd.Body, err = p.parseBlock("class"); err != nil {
		return nil, err
	}
	cd.Doc = docstring(cd.Body)
	return cd, nil
}

// docstring returns the value of a body's leading string literal.
func docstring(body []Stmt) string {
	if len(body) == 0 {
		return ""
	}
	if first, ok := body[0].(*ExprStmt); ok {
		if doc, ok := first.X.(*Str); ok && !doc.Bytes {
			return doc.Value
		}
	}
	return ""
}

// if_stmt: 'if' expression ':' block ('elif' expression ':' block)* ['else' ':' block]
// An elif becomes an If alone in the Else of the one before; the chain is
// built in a loop so that a long elif ladder costs no recursion.
func (p *parser) parseIf() (Stmt, error) {
	first, err := p.parseCondBlock()
	if err != nil {
		return nil, err
	}
	last := first
	for p.at("elif") {
		elif, err := p.parseCondBlock()
		if err != nil {
			return nil, err
		}
		last.Else = []Stmt{elif}
		last = elif
	}
	if p.got("else") {
		if err := p.expect(":", "after 'else'"); err != nil {
			return nil, err
		}
		if last.Else, err = p.parseBlock("else"); err != nil {
			return nil, err
		}
	}
	return first, nil
}

// parseCondBlock parses "if cond: block" or "elif cond: block".
func (p *parser) parseCondBlock() (*If, error) {
	kw := p.tok
	p.next()
	cond, err := p.parseNamedExpression()
	if err != nil {
		return nil, err
	}
	if p.at("=") {
		return nil, errorf(p.tok.pos, "expected ':' after the %s condition, found '='; use '==' to compare", kw.text)
	}
	if err := p.expect(":", "after the "+kw.text+" condition"); err != nil {
		return nil, err
	}
	body, err := p.parseBlock(kw.text)
	if err != nil {
		return nil, err
	}
	return &If{Pos: kw.pos, Cond: cond, Body: body}, nil
}

// for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block
func (p *parser) parseFor(pos Pos, async bool) (Stmt, error) {
	p.next() // 'for'
	target, err := p.parseTargets()
	if err != nil {
		return nil, err
	}
	if err := p.expect("in", "after the for loop variable"); err != nil {
		return nil, err
	}
	iter, err := p.parseStarExpressions()
	if err != nil {
		return nil, err
	}
	if err := p.expect(":", "after the for header"); err != nil {
		return nil, err
	}
	body, err := p.parseBlock("for")
	if err != nil {
		return nil, err
	}
	s := &For{Pos: pos, Async: async, Target: target, Iter: iter, Body: body}
	if s.Else, err = p.parseLoopElse(); err != nil {
		return nil, err
	}
	return s, nil
}

// while_stmt: 'while' named_expression ':' block ['else' ':' block]
func (p *parser) parseWhile(pos Pos) (Stmt, error) {
	p.next() // 'while'
	cond, err := p.parseNamedExpression()
	if err != nil {
		return nil, err
	}
	if p.at("=") {
		return nil, errorf(p.tok.pos, "expected ':' after the while condition, found '='; use '==' to compare")
	}
	if err := p.expect(":", "after the while condition"); err != nil {
		return nil, err
	}
	body, err := p.parseBlock("while")
	if err != nil {
		return nil, err
	}
	s := &While{Pos: pos, Cond: cond, Body: body}
	if s.Else, err = p.parseLoopElse(); err != nil {
		return nil, err
	}
	return s, nil
}

// parseLoopElse parses a loop's optional "else: block".
func (p *parser) parseLoopElse() ([]Stmt, error) {
	if !p.got("else") {
		return nil, nil
	}
	if err := p.expect(":", "after 'else'"); err != nil {
		return nil, err
	}
	return p.parseBlock("else")
}

// try_stmt: 'try' ':' block (except_block+ ['else' ':' block] ['finally' ':' block]
// | 'finally' ':' block)
func (p *parser) parseTry() (Stmt, error) {
	s := &Try{Pos: p.tok.pos}
	p.next()
	var err error
	if s.Body, err = p.parseClause("try"); err != nil {
		return nil, err
	}
	for p.at("except") {
		if n := len(s.Handlers); n > 0 && s.Handlers[n-1].Type == nil {
			return nil, errorf(s.Handlers[n-1].Pos, "a bare 'except:' must be the last except clause")
		}
		h, err := p.parseExcept()
		if err != nil {
			return nil, err
		}
		if n := len(s.Handlers); n > 0 && s.Handlers[0].Star != h.Star {
			return nil, errorf(h.Pos, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		s.Handlers = append(s.Handlers, h)
	}
	if p.at("else") {
		if len(s.Handlers) == 0 {
			return nil, errorf(p.tok.pos, "'else' after 'try' needs an 'except' clause before it")
		}
		p.next()
		if s.Else, err = p.parseClause("else"); err != nil {
			return nil, err
		}
	}
	if p.got("finally") {
		if s.Finally, err = p.parseClause("finally"); err != nil {
			return nil, err
		}
	} else if len(s.Handlers) == 0 {
		return nil, p.unexpected("'except' or 'finally' after the try block")
	}
	return s, nil
}

// parseClause parses the ": block" after a bare keyword.
func (p *parser) parseClause(kw string) ([]Stmt, error) {
	if err := p.expect(":", "after '"+kw+"'"); err != nil {
		return nil, err
	}
	return p.parseBlock(kw)
}

// except_block: 'except' [expression ['as' NAME]] ':' block
func (p *parser) parseExcept() (ExceptHandler, error) {
	h := ExceptHandler{Pos: p.tok.pos}
	p.next()
	h.Star = p.got("*")
	if h.Star && p.at(":") {
		return h, errorf(p.tok.pos, "expected one or more exception types after 'except*'")
	}
	var err error
	if !p.at(":") {
		if h.Type, err = p.parseExpression(); err != nil {
			return h, err
		}
		if p.at(",") {
			return h, errorf(p.tok.pos, "catch several exception types with a tuple: except (A, B):")
		}
		if h.Name, err = p.parseAlias(); err != nil {
			return h, err
		}
	}
	if err := p.expect(":", "after the except clause"); err != nil {
		return h, err
	}
	h.Body, err = p.parseBlock("except")
	return h, err
}

// with_stmt: ['async'] 'with' with_item (',' with_item)* ':' block
// with_item: expression ['as' star_target]
func (p *parser) parseWith(pos Pos, async bool) (Stmt, error) {
	p.next() // 'with'
	s := &With{Pos: pos, Async: async}
	for {
		ctx, err := p.parseExpression()
		if err != nil {
			return nil, err
		}
		item := WithItem{Context: ctx}
		if p.got("as") {
			if item.Target, err = p.parseTarget(); err != nil {
				return nil, err
			}
			if err := checkTarget(item.Target, false); err != nil {
				return nil, err
			}
		}
		s.Items = append(s.Items, item)
		if !p.got(",") {
			break
		}
	}
	if err := p.expect(":", "after the with items"); err != nil {
		return nil, err
	}
	var err error
	s.Body, err = p.parseBlock("with")
	if err != nil {
		return nil, err
	}
	return s, nil
}
