package export

import (
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/scenario"
)

// debugEnv is what the run commands put before the python3 that runs a
// scenario in asyncio's debug mode. The variable, unlike a call in the
// code, turns debug mode on from the loop's first step, for a script and
// for the loop uvicorn makes alike.
const debugEnv = "PYTHONASYNCIODEBUG=1"

// debugSetting is the setting that asks for debug mode, as the README
// names it.
const debugSetting = "asyncio_debug = true"

// InDebugMode says whether a scenario's real program runs in asyncio's
// debug mode (its settings ask for it, or its code turns it on), so the
// page can say that its "Executing … took" warnings are debug mode's.
func InDebugMode(code string, set scenario.Settings) bool {
	if set.AsyncioDebug {
		return true
	}
	mod, err := syntax.Parse([]byte(code))
	return err == nil && debugCall(mod) != ""
}

// debugCall says how code turns on asyncio's debug mode, or "": a
// loop's set_debug(True) or asyncio.run(..., debug=True), with a
// constant that is true. Its warnings are what such code is about.
func debugCall(mod *syntax.Module) string {
	found := ""
	visit := func(n syntax.Node) bool {
		call, ok := n.(*syntax.Call)
		if !ok || found != "" {
			return found == ""
		}
		switch f := call.Func.(type) {
		case *syntax.Attribute:
			if f.Name == "set_debug" && truthy(argument(call, 0, "enabled")) {
				found = "set_debug(True)"
			}
			if x, ok := f.X.(*syntax.Name); ok && x.ID == "asyncio" && f.Name == "run" && truthy(argument(call, -1, "debug")) {
				found = "asyncio.run(..., debug=True)"
			}
		case *syntax.Name:
			if f.ID == "run" && truthy(argument(call, -1, "debug")) { // from asyncio import run
				found = "asyncio.run(..., debug=True)"
			}
		}
		return found == ""
	}
	for _, st := range mod.Body {
		syntax.Inspect(st, visit)
	}
	return found
}

// argument is a call's i-th positional argument (none when i < 0) or
// its keyword argument name; nil when it has neither.
func argument(call *syntax.Call, i int, name string) syntax.Expr {
	pos := 0
	for _, a := range call.Args {
		switch {
		case a.Star || a.DoubleStar:
		case a.Name == name:
			return a.Value
		case a.Name == "" && pos == i:
			return a.Value
		case a.Name == "":
			pos++
		}
	}
	return nil
}

// truthy says whether x is a constant Python takes as true: True or a
// number other than 0. A name or a call could be either; it is not
// counted.
func truthy(x syntax.Expr) bool {
	switch v := x.(type) {
	case *syntax.Const:
		return v.Value == "True"
	case *syntax.Num:
		return v.Int != 0 || v.Float != 0
	}
	return false
}

// debugNote says why the commands set PYTHONASYNCIODEBUG: what asked for
// debug mode (a setting or a call in the code), and that real asyncio
// prints the warnings the playground always shows only in that mode.
func debugNote(why string, app bool) string {
	var b strings.Builder
	if why == debugSetting {
		b.WriteString(why + ": the commands set `" + debugEnv + "`, which runs the event loop in asyncio's debug mode from its start.")
	} else {
		b.WriteString("The code turns on asyncio's debug mode (`" + why + "`); the commands also set `" + debugEnv + "`, so it is on from the event loop's start.")
	}
	b.WriteString(" Real asyncio logs its warnings only in debug mode, where the playground shows them always: `Executing <Task …> took 1.500 seconds` for each step that held the loop 0.1 s or more, on standard error.")
	if app {
		b.WriteString(" Under uvicorn the task in the warning is uvicorn's for the request (`RequestResponseCycle.run_asgi()`), not the endpoint the playground names, and uvicorn's own start-up, which imports the app, may log one too.")
	}
	b.WriteString(" Debug mode's bookkeeping makes every task and callback a little slower.")
	return b.String()
}
