package export

import (
	"errors"

	"looplab/wasm/load"
	"looplab/wasm/py"
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

// check reads the code and the load as scenario.Run does and reports the
// same errors, so the playground can show an export error where it shows a
// run error. scenario.Run does not expose its checks without running, so
// they are repeated here; the messages must stay the same as its.
func check(spec scenario.Spec) (input, error) {
	file, loadFile := spec.File, spec.LoadFile
	if file == "" {
		file = "app.py"
	}
	if loadFile == "" {
		loadFile = "load.txt"
	}
	prog, err := py.Load(file, []byte(spec.Code))
	if err != nil {
		return input{}, codeError(file, err)
	}
	// py.Load parsed the code already; parse again for the syntax tree,
	// which it does not keep. It cannot fail where py.Load succeeded.
	mod, err := syntax.Parse([]byte(spec.Code))
	if err != nil {
		return input{}, codeError(file, err)
	}
	reqs, err := load.Parse(spec.Load)
	if err != nil {
		var le *load.Error
		if errors.As(err, &le) {
			return input{}, &scenario.Error{File: loadFile, Line: le.Line, Col: le.Col, Msg: le.Msg}
		}
		return input{}, &scenario.Error{File: loadFile, Msg: err.Error()}
	}
	switch {
	case prog.App && len(reqs) == 0:
		return input{}, &scenario.Error{File: file, Msg: "this FastAPI app gets no requests; give it a load such as 'at 0 GET /'"}
	case !prog.App && len(reqs) > 0:
		return input{}, &scenario.Error{File: loadFile, Msg: "a load only applies to a FastAPI app; this code is a script (it has no app = FastAPI())"}
	}
	return input{mod: mod, app: prog.App, reqs: reqs}, nil
}

func codeError(file string, err error) error {
	var se *syntax.Error
	if errors.As(err, &se) {
		return &scenario.Error{File: file, Line: se.Pos.Line, Col: se.Pos.Col, Msg: se.Msg}
	}
	return &scenario.Error{File: file, Msg: err.Error()}
}
