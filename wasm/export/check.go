package export

import (
	"looplab/wasm/load"
	"looplab/wasm/py/syntax"
	"looplab/wasm/scenario"
)

// input is a scenario that passed the simulator's checks.
type input struct {
	mod  *syntax.Module
	app  bool // a FastAPI app served by uvicorn, else a script
	reqs []load.Request
}

// mainFile is the name the code is exported as: uvicorn imports an app as
// the module "app" (uvicorn app:NAME), a script is run as a file.
func (in input) mainFile() string {
	if in.app {
		return "app.py"
	}
	return "script.py"
}

// check reads the code and the load with the simulator's own checks
// (scenario.Check), so the playground can show an export error where it
// shows a run error, and keeps the syntax tree the export rewrites.
func check(spec scenario.Spec) (input, error) {
	c, err := scenario.Check(spec)
	if err != nil {
		return input{}, err
	}
	// scenario.Check parsed the code already; parse again for the syntax
	// tree, which it does not keep. It cannot fail where Check succeeded.
	mod, err := syntax.Parse([]byte(spec.Code))
	if err != nil {
		return input{}, &scenario.Error{File: c.File, Msg: err.Error()}
	}
	return input{mod: mod, app: c.App, reqs: c.Requests}, nil
}
