package syntax

// primary: atom ('.' NAME | '(' [arguments] ')' | '[' slices ']')*
// Calls, attributes and subscripts are positioned where their primary
// starts, so "(a + b).c" starts at '('.
func (p *parser) parsePrimary() (Expr, error) {
	start := p.tok.pos
	x, err := p.parseAtom()
	for err == nil {
		switch {
		case p.at("."):
			p.next()
			if p.tok.kind != tokName {
				return nil, p.unexpected("an attribute name after '.'")
			}
			x = &Attribute{Pos: start, X: x, Name: p.tok.text, NamePos: p.tok.pos}
			p.next()
		case p.at("("):
			x, err = p.parseCall(start, x)
		case p.at("["):
			x, err = p.parseSubscript(start, x)
		default:
			return x, nil
		}
	}
	return nil, err
}

// call: primary '(' [arguments] ')'
// arguments: argument (',' argument)* [',']
// A generator expression may stand unparenthesized as the only argument:
// sum(x for x in xs).
func (p *parser) parseCall(start Pos, fn Expr) (Expr, error) {
	call := &Call{Pos: start, Func: fn, LParen: p.tok.pos}
	p.next()
	var sawKeyword, sawDoubleStar, bareGenerator bool
	keywords := map[string]bool{}
	for !p.at(")") {
		arg, err := p.parseArg()
		if err != nil {
			return nil, err
		}
		switch plain := arg.Name == "" && !arg.Star && !arg.DoubleStar; {
		case plain && p.atComprehension():
			bareGenerator = true
			if arg.Value, err = p.parseComprehension("gen", call.LParen, nil, arg.Value); err != nil {
				return nil, err
			}
		case arg.Name != "" && keywords[arg.Name]:
			return nil, errorf(arg.Pos, "keyword argument '%s' is repeated", arg.Name)
		case arg.Star && sawDoubleStar:
			return nil, errorf(arg.Pos, "*args must come before **kwargs")
		case plain && (sawKeyword || sawDoubleStar):
			return nil, errorf(arg.Pos, "a positional argument cannot follow keyword arguments")
		}
		if arg.Name != "" {
			keywords[arg.Name] = true
			sawKeyword = true
		}
		sawDoubleStar = sawDoubleStar || arg.DoubleStar
		call.Args = append(call.Args, arg)
		if !p.got(",") {
			break
		}
	}
	if !p.got(")") {
		return nil, p.unexpected("',' or ')' after the argument")
	}
	if bareGenerator && len(call.Args) > 1 {
		return nil, errorf(call.LParen, "a generator expression must be in parentheses when it is not the only argument")
	}
	return call, nil
}

// argument: '*' expression | '**' expression | NAME '=' expression | expression
func (p *parser) parseArg() (Arg, error) {
	arg := Arg{Pos: p.tok.pos}
	arg.Star = p.got("*")
	if !arg.Star {
		arg.DoubleStar = p.got("**")
	}
	if !arg.Star && !arg.DoubleStar && p.tok.kind == tokName {
		if next := p.peek(); next.kind == tokOp && next.text == "=" {
			arg.Name = p.tok.text
			p.next()
			p.next()
		}
	}
	var err error
	if arg.Name != "" || arg.Star || arg.DoubleStar {
		arg.Value, err = p.parseExpression()
	} else {
		arg.Value, err = p.parseNamedExpression()
	}
	return arg, err
}

// subscript: primary '[' slices ']'
// slices: slice (',' slice)* [',']
func (p *parser) parseSubscript(start Pos, x Expr) (Expr, error) {
	p.next() // '['
	first := p.tok.pos
	index, err := p.parseSlice()
	if err != nil {
		return nil, err
	}
	if p.at(",") {
		elems := []Expr{index}
		for p.got(",") && !p.at("]") {
			s, err := p.parseSlice()
			if err != nil {
				return nil, err
			}
			elems = append(elems, s)
		}
		index = &Tuple{Pos: first, Elems: elems}
	}
	if !p.got("]") {
		return nil, p.unexpected("']' after the subscript")
	}
	return &Subscript{Pos: start, X: x, Index: index}, nil
}

// slice: [expression] ':' [expression] [':' [expression]] | expression
func (p *parser) parseSlice() (Expr, error) {
	s := &Slice{Pos: p.tok.pos}
	var err error
	if !p.at(":") {
		if s.Lo, err = p.parseExpression(); err != nil || !p.at(":") {
			return s.Lo, err
		}
	}
	p.next() // ':'
	if !p.at(":") && !p.at("]") && !p.at(",") {
		if s.Hi, err = p.parseExpression(); err != nil {
			return nil, err
		}
	}
	if p.got(":") && !p.at("]") && !p.at(",") {
		if s.Step, err = p.parseExpression(); err != nil {
			return nil, err
		}
	}
	return s, nil
}
