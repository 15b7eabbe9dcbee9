package py

import "looplab/wasm/py/syntax"

// Closures work as in CPython: a local that a nested function (or lambda,
// or class) uses lives in a cell, and the nested function carries the
// cells it uses. A cell is shared, so "nonlocal" assignments and later
// assignments in the enclosing function are seen on both sides.

// cell holds a variable shared between a function and the functions
// nested in it.
type cell struct{ v Value }

// capturedNames lists every name that appears inside the functions,
// lambdas and classes nested in body: the candidates for cells. It
// over-approximates (a nested function's own locals are listed too),
// which costs a cell but never changes what a program means.
func capturedNames(body []syntax.Stmt) map[string]bool {
	out := map[string]bool{}
	inner := func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Name:
			out[n.ID] = true
		case *syntax.Nonlocal:
			for _, name := range n.Names {
				out[name] = true
			}
		}
		return true
	}
	outer := func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDef:
			for _, s := range n.Body {
				syntax.Inspect(s, inner)
			}
			return false
		case *syntax.Lambda:
			syntax.Inspect(n.Body, inner)
			return false
		case *syntax.Comprehension:
			if n.Kind == "gen" { // a generator function of its own (genexpr)
				syntax.Inspect(n, inner)
				return false
			}
		case *syntax.ClassDef:
			for _, s := range n.Body {
				syntax.Inspect(s, inner)
			}
			return false
		}
		return true
	}
	for _, s := range body {
		syntax.Inspect(s, outer)
	}
	return out
}

// usesSuper reports whether a function nested in a class body calls
// super(), which then needs the class in a cell named __class__.
func usesSuper(body []syntax.Stmt) bool {
	found := false
	for _, s := range body {
		syntax.Inspect(s, func(n syntax.Node) bool {
			if x, ok := n.(*syntax.Name); ok && x.ID == "super" {
				found = true
			}
			return !found
		})
	}
	return found
}

// freeRef finds name in the functions around c and returns its index in
// c's closure, adding it (and passing it through every function between)
// when first used. Class bodies do not provide their names to the
// functions inside them, as in Python, but pass on what lies outside.
func (c *compiler) freeRef(name string) (int, bool) {
	if i, ok := c.freeIndex[name]; ok {
		return i, true
	}
	o := c.outer
	if o == nil || o.module || o.globalDecl[name] {
		return 0, false
	}
	found := false
	if o.cells[name] && (!o.classBody || name == classCell) {
		found = true
	} else if _, ok := o.freeRef(name); ok {
		found = true
	}
	if !found {
		return 0, false
	}
	if c.freeIndex == nil {
		c.freeIndex = map[string]int{}
	}
	c.freeIndex[name] = len(c.code.Free)
	c.code.Free = append(c.code.Free, name)
	return c.freeIndex[name], true
}

// classCell is the cell a class body fills with the class it makes, for
// super() without arguments in its methods.
const classCell = "__class__"

// loadCells pushes the cells a nested function's code needs, from this
// function's cells or its own closure.
func (c *compiler) loadCells(code *Code, pos syntax.Pos) {
	for _, name := range code.Free {
		if c.cells[name] && (!c.classBody || name == classCell) {
			c.emit(opLoadCell, int32(c.locals[name]), 0, pos)
			continue
		}
		i, ok := c.freeRef(name)
		if !ok {
			c.fail(pos, "internal error: no cell for '%s'", name)
		}
		c.emit(opLoadFreeCell, int32(i), 0, pos)
	}
}

// markCells makes a cell of each of c's locals that nested code uses,
// after the locals are known and before any code is emitted.
func (c *compiler) markCells(body []syntax.Stmt) {
	captured := capturedNames(body)
	for _, name := range c.localNames {
		if captured[name] {
			c.setCell(name)
		}
	}
}

func (c *compiler) setCell(name string) {
	if c.cells == nil {
		c.cells = map[string]bool{}
	}
	if !c.cells[name] {
		c.cells[name] = true
		c.code.Cells = append(c.code.Cells, int32(c.locals[name]))
	}
}

// wrapCells puts the frame's cell locals (parameters already bound) into
// fresh cells.
func (fr *Frame) wrapCells() {
	for _, slot := range fr.code.Cells {
		fr.locals[slot] = &cell{v: fr.locals[slot]}
	}
}
