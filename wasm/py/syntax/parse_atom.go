package syntax

import "strings"

// atom: NAME | 'True' | 'False' | 'None' | '...' | NUMBER | strings
// | tuple_or_group | list | dict_or_set
func (p *parser) parseAtom() (Expr, error) {
	t := p.tok
	switch {
	case t.kind == tokName:
		p.next()
		return &Name{Pos: t.pos, ID: t.text}, nil
	case t.kind == tokNumber:
		return p.parseNumber()
	case t.kind == tokString || t.kind == tokFString:
		return p.parseStrings()
	case p.at("True"), p.at("False"), p.at("None"), p.at("..."):
		p.next()
		return &Const{Pos: t.pos, Value: t.text}, nil
	case p.at("("):
		return p.parseParen()
	case p.at("["):
		return p.parseList()
	case p.at("{"):
		return p.parseBrace()
	case p.at("yield"):
		return p.parseYield()
	}
	return nil, p.unexpected("an expression")
}

func (p *parser) parseNumber() (Expr, error) {
	t := p.tok
	isFloat, i, big, f, msg := numberValue(t.text)
	if msg != "" {
		return nil, errorf(t.pos, "%s", msg)
	}
	p.next()
	return &Num{Pos: t.pos, End: t.end, Raw: t.text, IsFloat: isFloat, Int: i, Big: big, Float: f}, nil
}

// strings: (STRING | FSTRING)+
// Adjacent literals are joined; if any is an f-string the result is an
// FString whose plain parts are literal runs.
func (p *parser) parseStrings() (Expr, error) {
	pos := p.tok.pos
	var plain strings.Builder
	var parts []FStringPart
	isF := false
	bytes, mixed := p.tok.bytes, false
	var end Pos
	for p.tok.kind == tokString || p.tok.kind == tokFString {
		end = p.tok.end
		if p.tok.bytes != bytes {
			mixed = true
		}
		if p.tok.kind == tokString {
			plain.WriteString(p.tok.value)
			parts = appendLiteral(parts, p.tok.value)
		} else {
			isF = true
			fparts, err := splitFString(p.tok)
			if err != nil {
				return nil, err
			}
			for _, part := range fparts {
				if part.Expr == nil {
					parts = appendLiteral(parts, part.Lit)
				} else {
					parts = append(parts, part)
				}
			}
		}
		p.next()
	}
	if mixed || bytes && isF {
		return nil, errorf(pos, "cannot mix bytes and nonbytes literals")
	}
	if isF {
		return &FString{Pos: pos, End: end, Parts: parts}, nil
	}
	return &Str{Pos: pos, End: end, Value: plain.String(), Bytes: bytes}, nil
}

// appendLiteral adds a literal run, merging it into a literal just before.
func appendLiteral(parts []FStringPart, lit string) []FStringPart {
	if lit == "" {
		return parts
	}
	if n := len(parts); n > 0 && parts[n-1].Expr == nil {
		parts[n-1].Lit += lit
		return parts
	}
	return append(parts, FStringPart{Lit: lit})
}

// tuple_or_group: '(' ')' | '(' star_expression ')'
// | '(' star_expression ',' [star_expression (',' star_expression)* [',']] ')'
// | '(' expression comprehension ')'
func (p *parser) parseParen() (Expr, error) {
	pos := p.tok.pos
	p.next()
	if p.got(")") {
		return &Tuple{Pos: pos}, nil
	}
	first, err := p.parseStarExpression()
	if err != nil {
		return nil, err
	}
	switch {
	case p.atComprehension():
		return p.closeComprehension(")", "gen", pos, nil, first)
	case p.got(")"):
		return first, checkNotStarred(first)
	}
	elems, err := p.parseDisplayRest(first, ")")
	if err != nil {
		return nil, err
	}
	return &Tuple{Pos: pos, Elems: elems}, nil
}

// list: '[' [star_expression (',' star_expression)* [',']] ']'
// | '[' expression comprehension ']'
func (p *parser) parseList() (Expr, error) {
	pos := p.tok.pos
	p.next()
	if p.got("]") {
		return &List{Pos: pos}, nil
	}
	first, err := p.parseStarExpression()
	if err != nil {
		return nil, err
	}
	if p.atComprehension() {
		return p.closeComprehension("]", "list", pos, nil, first)
	}
	elems, err := p.parseDisplayRest(first, "]")
	if err != nil {
		return nil, err
	}
	return &List{Pos: pos, Elems: elems}, nil
}

// dict_or_set: '{' '}' | '{' kvpair (',' kvpair)* [','] '}'
// | '{' star_expression (',' star_expression)* [','] '}'
// | '{' expression ':' expression comprehension '}'
// | '{' expression comprehension '}'
// kvpair: expression ':' expression | '**' bitwise_or
func (p *parser) parseBrace() (Expr, error) {
	pos := p.tok.pos
	p.next()
	if p.got("}") {
		return &Dict{Pos: pos}, nil
	}
	d := &Dict{Pos: pos}
	if p.at("**") {
		return p.parseDictItems(d)
	}
	first, err := p.parseStarExpression()
	if err != nil {
		return nil, err
	}
	if p.at(":") {
		if err := checkNotStarred(first); err != nil {
			return nil, err
		}
		p.next()
		value, err := p.parseExpression()
		if err != nil {
			return nil, err
		}
		if p.atComprehension() {
			return p.closeComprehension("}", "dict", pos, first, value)
		}
		d.Keys, d.Values = []Expr{first}, []Expr{value}
		if !p.got(",") {
			return d, p.closeDisplay("}")
		}
		return p.parseDictItems(d)
	}
	if p.atComprehension() {
		return p.closeComprehension("}", "set", pos, nil, first)
	}
	elems, err := p.parseDisplayRest(first, "}")
	if err != nil {
		return nil, err
	}
	return &Set{Pos: pos, Elems: elems}, nil
}

// parseDictItems parses the remaining items of dict display d through the
// closing '}'.
func (p *parser) parseDictItems(d *Dict) (Expr, error) {
	for !p.at("}") {
		var key, value Expr
		var err error
		if p.got("**") {
			value, err = p.parseBitOr()
		} else if key, err = p.parseExpression(); err == nil {
			if err = p.expect(":", "after the dict key"); err == nil {
				value, err = p.parseExpression()
			}
		}
		if err != nil {
			return nil, err
		}
		d.Keys, d.Values = append(d.Keys, key), append(d.Values, value)
		if !p.got(",") {
			break
		}
	}
	return d, p.closeDisplay("}")
}

// parseDisplayRest parses the elements after the first of a tuple, list or
// set display, through the closing bracket.
func (p *parser) parseDisplayRest(first Expr, close string) ([]Expr, error) {
	elems := []Expr{first}
	for p.got(",") && !p.at(close) {
		x, err := p.parseStarExpression()
		if err != nil {
			return nil, err
		}
		elems = append(elems, x)
	}
	return elems, p.closeDisplay(close)
}

func (p *parser) closeDisplay(close string) error {
	if p.got(close) {
		return nil
	}
	return p.unexpected("',' or '" + close + "'")
}

func (p *parser) atComprehension() bool { return p.at("for") || p.at("async") }

// closeComprehension parses a comprehension and its closing bracket.
func (p *parser) closeComprehension(close, kind string, pos Pos, key, elt Expr) (Expr, error) {
	c, err := p.parseComprehension(kind, pos, key, elt)
	if err != nil {
		return nil, err
	}
	if !p.got(close) {
		return nil, p.unexpected("'" + close + "' after the comprehension")
	}
	return c, nil
}

// comprehension: 'for' star_targets 'in' disjunction ('if' disjunction)*
// Only one 'for' clause is simulated.
func (p *parser) parseComprehension(kind string, pos Pos, key, elt Expr) (*Comprehension, error) {
	if err := checkNotStarred(elt); err != nil {
		return nil, err
	}
	c := &Comprehension{Pos: pos, Kind: kind, Key: key, Elt: elt}
	if p.got("async") {
		c.Async = true
		if !p.at("for") {
			return nil, p.unexpected("'for' after 'async'")
		}
	}
	p.next() // 'for'

	var err error
	if c.Target, err = p.parseTargets(); err != nil {
		return nil, err
	}
	if err := p.expect("in", "after the comprehension variable"); err != nil {
		return nil, err
	}
	if c.Iter, err = p.parseDisjunction(); err != nil {
		return nil, err
	}
	for p.got("if") {
		cond, err := p.parseDisjunction()
		if err != nil {
			return nil, err
		}
		c.Conds = append(c.Conds, cond)
	}
	if p.atComprehension() {
		if c.Inner, err = p.parseComprehension(kind, p.tok.pos, nil, nil); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
func (p *parser) parseYield() (Expr, error) {
	y := &Yield{Pos: p.tok.pos}
	p.next()
	var err error
	if p.got("from") {
		y.From = true
		y.Value, err = p.parseExpression()
		return y, err
	}
	if p.startsExpr() {
		y.Value, err = p.parseStarExpressions()
	}
	return y, err
}
