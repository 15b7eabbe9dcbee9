package scenario

import "looplab/wasm/py/syntax"

// argument is one argument of a call and what receives it.
type argument struct {
	arg    syntax.Arg
	callee string          // the last name of what receives it: "sleep", "crunch"
	text   string          // that as written: "asyncio.sleep", "crunch"
	def    *syntax.FuncDef // the module function that receives it, if it is one
	param  string          // its parameter there; "" when it cannot be told
	params int             // how many positional parameters def has
	label  string          // the call's first argument when it is a string: "B" in fetch("B", 2)
	// through is the call that passes it on, "asyncio.to_thread" in
	// to_thread(crunch, "B", 1); "" when it is a direct argument.
	through string
}

// forEachArg calls fn with each argument of call, attributed to the
// function that receives it: for to_thread(crunch, "B", 1) the "B" and
// the 1 are crunch's.
func (f *finder) forEachArg(call *syntax.Call, fn func(argument)) {
	args := call.Args
	if k, ok := passThrough[calleeName(call.Func)]; ok && k < len(args) && allPositional(args[:k+1]) {
		switch target := args[k].Value.(type) {
		case *syntax.Name, *syntax.Attribute:
			f.eachArg(args[:k], call.Func, "", fn) // call_later's delay is its own
			f.eachArg(args[k+1:], target, calleeText(call.Func), fn)
			return
		}
	}
	f.eachArg(args, call.Func, "", fn)
}

func (f *finder) eachArg(args []syntax.Arg, to syntax.Expr, through string, fn func(argument)) {
	a := argument{callee: calleeName(to), text: calleeText(to), through: through}
	if name, ok := to.(*syntax.Name); ok {
		a.def = f.funcs[name.ID]
	}
	positional := positionalParams(a.def)
	a.params = len(positional)
	if len(args) > 0 && args[0].Name == "" && !args[0].Star {
		if s, ok := args[0].Value.(*syntax.Str); ok {
			a.label = s.Value
		}
	}
	pos, mapped := 0, true
	for _, arg := range args {
		b := a
		b.arg = arg
		switch {
		case arg.Star || arg.DoubleStar:
			mapped = false // the positions after *args are unknown
			continue
		case arg.Name != "":
			if hasParam(a.def, arg.Name) {
				b.param = arg.Name
			}
		default:
			if mapped && pos < len(positional) {
				b.param = positional[pos]
			}
			pos++
		}
		fn(b)
	}
}

func allPositional(args []syntax.Arg) bool {
	for _, a := range args {
		if a.Name != "" || a.Star || a.DoubleStar {
			return false
		}
	}
	return true
}

// positionalParams are a function's parameters that positions fill: the
// ones before *args or a bare *.
func positionalParams(def *syntax.FuncDef) []string {
	if def == nil {
		return nil
	}
	var out []string
	for _, p := range def.Params {
		if p.Star || p.DoubleStar {
			break
		}
		out = append(out, p.Name)
	}
	return out
}

func hasParam(def *syntax.FuncDef, name string) bool {
	if def == nil {
		return false
	}
	for _, p := range def.Params {
		if !p.Star && !p.DoubleStar && p.Name == name {
			return true
		}
	}
	return false
}

// calleeName is the last name of a call's function: "sleep" for
// asyncio.sleep, "cpu" for cpu.
func calleeName(x syntax.Expr) string {
	switch f := x.(type) {
	case *syntax.Name:
		return f.ID
	case *syntax.Attribute:
		return f.Name
	}
	return ""
}

// calleeText is a call's function as a learner reads it: "asyncio.sleep",
// "loop.run_in_executor"; only the last name when what comes before it
// is not a plain name ("run_in_executor" for
// asyncio.get_running_loop().run_in_executor).
func calleeText(x syntax.Expr) string {
	switch f := x.(type) {
	case *syntax.Name:
		return f.ID
	case *syntax.Attribute:
		switch f.X.(type) {
		case *syntax.Name, *syntax.Attribute:
			return calleeText(f.X) + "." + f.Name
		}
		return f.Name
	}
	return ""
}
