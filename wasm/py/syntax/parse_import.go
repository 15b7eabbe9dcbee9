package syntax

// import_stmt: 'import' dotted_as_name (',' dotted_as_name)*
// dotted_as_name: dotted_name ['as' NAME]
func (p *parser) parseImport() (Stmt, error) {
	s := &Import{Pos: p.tok.pos}
	p.next()
	for {
		pos := p.tok.pos
		name, err := p.parseDottedName("a module name after 'import'")
		if err != nil {
			return nil, err
		}
		alias, err := p.parseAlias()
		if err != nil {
			return nil, err
		}
		s.Names = append(s.Names, ImportName{Pos: pos, Name: name, As: alias})
		if !p.got(",") {
			return s, nil
		}
	}
}

// from_stmt: 'from' dotted_name 'import' ('(' import_names [','] ')' | import_names)
// import_names: NAME ['as' NAME] (',' NAME ['as' NAME])*
func (p *parser) parseFrom() (Stmt, error) {
	s := &ImportFrom{Pos: p.tok.pos}
	p.next()
	if p.at(".") || p.at("...") {
		return nil, errorf(p.tok.pos, "relative imports are not simulated; import by module name")
	}
	var err error
	if s.Module, err = p.parseDottedName("a module name after 'from'"); err != nil {
		return nil, err
	}
	if err := p.expect("import", "after the module name"); err != nil {
		return nil, err
	}
	if p.at("*") {
		return nil, errorf(p.tok.pos, "'import *' is not simulated; name the things you import")
	}
	paren := p.got("(")
	for {
		if p.tok.kind != tokName {
			return nil, p.unexpected("a name to import")
		}
		n := ImportName{Pos: p.tok.pos, Name: p.tok.text}
		p.next()
		if n.As, err = p.parseAlias(); err != nil {
			return nil, err
		}
		s.Names = append(s.Names, n)
		if !p.got(",") || paren && p.at(")") {
			break
		}
	}
	if paren {
		if err := p.expect(")", "after the imported names"); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// dotted_name: NAME ('.' NAME)*
func (p *parser) parseDottedName(expected string) (string, error) {
	if p.tok.kind != tokName {
		return "", p.unexpected(expected)
	}
	name := p.tok.text
	p.next()
	for p.got(".") {
		if p.tok.kind != tokName {
			return "", p.unexpected("a name after '.'")
		}
		name += "." + p.tok.text
		p.next()
	}
	return name, nil
}

// alias: ['as' NAME]
func (p *parser) parseAlias() (string, error) {
	if !p.got("as") {
		return "", nil
	}
	if p.tok.kind != tokName {
		return "", p.unexpected("a name after 'as'")
	}
	name := p.tok.text
	p.next()
	return name, nil
}
