package scenario

import (
	"strings"

	"looplab/wasm/py/syntax"
)

// role is what a value given to a name means, judged from how the code
// uses the name.
type role int

const (
	roleLabel    role = iota // shown or passed along only, or an id: not draggable
	roleQuantity             // a count or an amount
	roleSeconds              // a duration
)

// paramKey names one parameter of one module-level function.
type paramKey struct {
	def   *syntax.FuncDef
	param string
}

// paramRole says what a number given to a module function's parameter
// means. handle_order(order_id, arrives) awaits asyncio.sleep(arrives)
// and only prints order_id or hands it down to functions that do the
// same: arrives is seconds, order_id a label. A name that says it is an
// id (order_id, name, i) is a label whatever its uses.
func (f *finder) paramRole(def *syntax.FuncDef, param string) role {
	key := paramKey{def, param}
	if r, ok := f.roles[key]; ok {
		return r
	}
	if isIDName(param) {
		return roleLabel
	}
	f.roles[key] = roleLabel // while it is being worked out: a recursive call adds nothing
	u := f.usesOf(def.Body, param)
	r := roleLabel
	switch {
	case u.seconds || isDurationName(param):
		r = roleSeconds
	case u.value:
		r = roleQuantity
	}
	f.roles[key] = r
	return r
}

// uses is what the code does with a name.
type uses struct {
	seconds bool // given to something that takes seconds
	value   bool // used in any other way than shown or passed to a label
}

// usesOf looks at every use of name in stmts: as an argument, in an
// f-string, or anywhere else (arithmetic, range(n), an assignment), which
// counts as a value.
func (f *finder) usesOf(stmts []syntax.Stmt, name string) uses {
	var u uses
	all, placed := 0, 0
	visit := func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.Name:
			if x.ID == name {
				all++
			}
		case *syntax.Call:
			f.forEachArg(x, func(a argument) {
				if v, ok := a.arg.Value.(*syntax.Name); ok && v.ID == name {
					placed++
					u.add(f.argRole(a))
				}
			})
		case *syntax.FString:
			for i, part := range x.Parts {
				if v, ok := part.Expr.(*syntax.Name); ok && v.ID == name {
					placed++
					if i > 0 && durationSegmentBefore(x.Parts[i-1].Lit) {
						u.add(roleSeconds) // f"http://upstream/delay/{seconds}"
					}
				}
			}
		}
		return true
	}
	for _, st := range stmts {
		syntax.Inspect(st, visit)
	}
	if all > placed {
		u.value = true
	}
	return u
}

func (u *uses) add(r role) {
	switch r {
	case roleSeconds:
		u.seconds = true
	case roleQuantity:
		u.value = true
	}
}

// argRole is what an argument means to the call it is given to.
func (f *finder) argRole(a argument) role {
	switch {
	case labelSinks[a.callee]:
		return roleLabel
	case a.def != nil && a.param != "":
		return f.paramRole(a.def, a.param)
	case a.def != nil:
		return roleQuantity // more arguments than parameters, or after *args
	case a.arg.Name != "" && durationKeywords[a.arg.Name]:
		return roleSeconds
	case a.arg.Name == "" && durationCalls[a.callee] != "":
		return roleSeconds
	}
	return roleQuantity
}

// durationSegmentBefore says an f-string's literal run ends in a path
// segment that makes the field after it a duration: ".../delay/".
func durationSegmentBefore(lit string) bool {
	rest, ok := strings.CutSuffix(lit, "/")
	if !ok {
		return false
	}
	return isDurationName(rest[strings.LastIndexByte(rest, '/')+1:])
}
