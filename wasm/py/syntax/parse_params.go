package syntax

// params: param (',' param)* [',']
// Parameters end before close, which the caller consumes: ')' for def and
// ':' for lambda, whose parameters take no annotations.
func (p *parser) parseParams(close string, annotations bool) ([]Param, error) {
	var params []Param
	seen := map[string]bool{}
	var sawDefault, sawStar, sawDoubleStar, sawSlash bool
	for !p.at(close) {
		param, err := p.parseParam(close, annotations)
		if err != nil {
			return nil, err
		}
		if param.Slash {
			if sawSlash || sawStar || len(params) == 0 {
				return nil, errorf(param.Pos, "'/' must follow at least one parameter, before any '*'")
			}
			sawSlash = true
			params = append(params, param)
			if !p.got(",") {
				break
			}
			continue
		}
		if param.Star && param.Name == "" && (p.at(close) || p.at(",") && p.peekIs(close)) {
			return nil, errorf(param.Pos, "named arguments must follow bare *")
		}
		switch {
		case param.Name != "" && seen[param.Name]:
			return nil, errorf(param.Pos, "duplicate parameter '%s'", param.Name)
		case sawDoubleStar:
			return nil, errorf(param.Pos, "no parameter may follow **%s", params[len(params)-1].Name)
		case param.Star && sawStar:
			return nil, errorf(param.Pos, "only one *args parameter is allowed")
		case !param.Star && !param.DoubleStar && !sawStar && sawDefault && param.Default == nil:
			return nil, errorf(param.Pos, "parameter '%s' without a default follows a parameter with a default", param.Name)
		}
		seen[param.Name] = true
		sawDefault = sawDefault || param.Default != nil
		sawStar = sawStar || param.Star
		sawDoubleStar = param.DoubleStar
		params = append(params, param)
		if !p.got(",") {
			break
		}
	}
	return params, nil
}

// param: ['*' | '**'] NAME [':' expression] ['=' expression]
func (p *parser) parseParam(close string, annotations bool) (Param, error) {
	param := Param{Pos: p.tok.pos}
	param.Star = p.got("*")
	if !param.Star {
		param.DoubleStar = p.got("**")
	}
	if !param.Star && !param.DoubleStar && p.got("/") {
		param.Slash = true // the parameters before it are positional-only
		return param, nil
	}
	if p.tok.kind != tokName {
		if param.Star && (p.at(",") || p.at(close)) {
			return param, nil // a bare '*': the parameters after it are keyword-only
		}
		return param, p.unexpected("a parameter name")
	}
	param.Name = p.tok.text
	p.next()
	var err error
	if annotations && p.got(":") {
		if param.Annotation, err = p.parseExpression(); err != nil {
			return param, err
		}
	}
	if p.at("=") {
		if param.Star {
			return param, errorf(p.tok.pos, "*%s cannot have a default value", param.Name)
		}
		if param.DoubleStar {
			return param, errorf(p.tok.pos, "**%s cannot have a default value", param.Name)
		}
		p.next()
		if param.Default, err = p.parseExpression(); err != nil {
			return param, err
		}
	}
	return param, nil
}
