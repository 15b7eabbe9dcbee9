package py

import "looplab/wasm/py/syntax"

// assignedNames lists the names a block of statements binds, in order of
// first appearance, without looking inside nested function bodies: Python's
// rule for what is local to a function (or global to a module).
func assignedNames(body []syntax.Stmt) []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	var target func(e syntax.Expr)
	target = func(e syntax.Expr) {
		switch t := e.(type) {
		case *syntax.Name:
			add(t.ID)
		case *syntax.Tuple:
			for _, x := range t.Elems {
				target(x)
			}
		case *syntax.List:
			for _, x := range t.Elems {
				target(x)
			}
		case *syntax.Starred:
			target(t.X)
		}
	}
	var walk func(stmts []syntax.Stmt)
	walk = func(stmts []syntax.Stmt) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *syntax.Assign:
				for _, t := range s.Targets {
					target(t)
				}
			case *syntax.AnnAssign:
				target(s.Target)
			case *syntax.AugAssign:
				target(s.Target)
			case *syntax.FuncDef:
				add(s.Name)
			case *syntax.ClassDef:
				add(s.Name)
			case *syntax.Delete:
				for _, t := range s.Targets {
					target(t)
				}
			case *syntax.Import:
				for _, n := range s.Names {
					add(importBinding(n))
				}
			case *syntax.ImportFrom:
				for _, n := range s.Names {
					add(fromBinding(n))
				}
			case *syntax.If:
				walk(s.Body)
				walk(s.Else)
			case *syntax.For:
				target(s.Target)
				walk(s.Body)
				walk(s.Else)
			case *syntax.While:
				walk(s.Body)
				walk(s.Else)
			case *syntax.Try:
				walk(s.Body)
				for _, h := range s.Handlers {
					add(h.Name)
					walk(h.Body)
				}
				walk(s.Else)
				walk(s.Finally)
			case *syntax.With:
				for _, it := range s.Items {
					if it.Target != nil {
						target(it.Target)
					}
				}
				walk(s.Body)
			}
		}
	}
	walk(body)
	// := binds in the function around it, wherever the expression is
	// (but not in the functions and classes nested in it).
	for _, s := range body {
		syntax.Inspect(s, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.NamedExpr:
				add(n.Target.ID)
			case *syntax.FuncDef, *syntax.Lambda, *syntax.ClassDef:
				return false
			}
			return true
		})
	}
	return names
}

// importBinding is the name "import a.b [as c]" binds: c, or a.
func importBinding(n syntax.ImportName) string {
	if n.As != "" {
		return n.As
	}
	for i := 0; i < len(n.Name); i++ {
		if n.Name[i] == '.' {
			return n.Name[:i]
		}
	}
	return n.Name
}

func fromBinding(n syntax.ImportName) string {
	if n.As != "" {
		return n.As
	}
	return n.Name
}

// decls lists the names "global" (or, with nonlocal, "nonlocal")
// declares in a block, without looking inside nested function bodies
// (each function declares its own).
func decls(body []syntax.Stmt, nonlocal bool) map[string]bool {
	out := map[string]bool{}
	var walk func(stmts []syntax.Stmt)
	walk = func(stmts []syntax.Stmt) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *syntax.Global:
				if !nonlocal {
					for _, n := range s.Names {
						out[n] = true
					}
				}
			case *syntax.Nonlocal:
				if nonlocal {
					for _, n := range s.Names {
						out[n] = true
					}
				}
			case *syntax.If:
				walk(s.Body)
				walk(s.Else)
			case *syntax.For:
				walk(s.Body)
				walk(s.Else)
			case *syntax.While:
				walk(s.Body)
				walk(s.Else)
			case *syntax.Try:
				walk(s.Body)
				for _, h := range s.Handlers {
					walk(h.Body)
				}
				walk(s.Else)
				walk(s.Finally)
			case *syntax.With:
				walk(s.Body)
			}
		}
	}
	walk(body)
	return out
}

// checkNonlocals fails on a nonlocal name no enclosing function binds,
// or one the function also declares global, as CPython's compiler does.
func (c *compiler) checkNonlocals(body []syntax.Stmt) {
	for _, s := range body {
		syntax.Inspect(s, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.Nonlocal:
				for _, name := range n.Names {
					if c.globalDecl[name] {
						c.fail(n.Pos, "name '%s' is nonlocal and global", name)
					}
					if _, ok := c.freeRef(name); !ok {
						c.fail(n.Pos, "no binding for nonlocal '%s' found", name)
					}
				}
			case *syntax.FuncDef, *syntax.Lambda, *syntax.ClassDef:
				return false
			}
			return true
		})
	}
}

// declaredGlobals lists, in order of appearance, the names any function
// of the module declares global: they are the module's even if only a
// function assigns them.
func declaredGlobals(body []syntax.Stmt) []string {
	var names []string
	seen := map[string]bool{}
	var visit func(n syntax.Node) bool
	visit = func(n syntax.Node) bool {
		if g, ok := n.(*syntax.Global); ok {
			for _, name := range g.Names {
				if !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			}
		}
		return true
	}
	for _, s := range body {
		syntax.Inspect(s, visit)
	}
	return names
}
