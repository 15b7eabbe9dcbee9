// Package scenario runs one scenario — Python code, a load of requests and
// settings — through the interpreter and the simulator, and returns the
// trace. It is the one entry point the CLI, the lesson compiler and the
// playground share, so they all see the same run for the same input.
package scenario

import (
	"errors"
	"fmt"
	"strings"

	"looplab/wasm/load"
	"looplab/wasm/py"
	_ "looplab/wasm/py/lib" // every simulated library
	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// Settings are what a learner can change besides the code and the load.
type Settings struct {
	Cores          int        // CPU cores (default 4)
	Workers        int        // uvicorn --workers (default 1)
	SwitchInterval trace.Time // sys.setswitchinterval (default 5 ms)
	FreeThreaded   bool       // Python 3.13t/3.14t: no GIL
	Latency        trace.Time // network and database replies (default 100 ms)
	FileLatency    trace.Time // each open(), read() and write() of a file (default 1 ms)
	Seed           uint64     // for the choices the OS makes (default 1)
	// AsyncioDebug says the real program runs in asyncio's debug mode, as
	// a lesson about its warnings needs: the export sets
	// PYTHONASYNCIODEBUG=1. The simulator reports debug mode's warnings
	// whatever it says, so the run does not change.
	AsyncioDebug bool
	Limits       Limits
}

// Limits stop runaway scenarios; zero means the default. Each stops the
// run with a message that names it. (The interpreter has fixed limits
// too, on the size of strings, lists, numbers and output; see
// wasm/py/limits.go. The load format bounds the requests: load.MaxRequests.)
type Limits struct {
	// Steps counts interpreted instructions, and work on large values:
	// one step more per 64 bytes or 4 items an operation goes through
	// (default 20 million).
	Steps  int
	Events int        // simulator events (default 20 million)
	Time   trace.Time // simulated time (default 1 hour)
}

// Spec is one scenario.
type Spec struct {
	File     string // name of the code in error messages, "app.py"
	Code     string
	LoadFile string // name of the load in error messages, "load.txt"
	Load     string
	Settings Settings
}

// Error is a problem at a place in one of the scenario's files; it prints
// as "file:line:col: message".
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Checked is a scenario whose code and load read and agree: what Run
// simulates, and what the export turns into files.
type Checked struct {
	File, LoadFile string // the names errors use
	App            bool   // a FastAPI app served a load, else a script
	Requests       []load.Request
	prog           *py.Program
}

// Check reads a scenario's code and load as Run does, with the same
// errors, without running it.
func Check(spec Spec) (Checked, error) {
	c := Checked{File: spec.File, LoadFile: spec.LoadFile}
	if c.File == "" {
		c.File = "app.py"
	}
	if c.LoadFile == "" {
		c.LoadFile = "load.txt"
	}
	prog, err := py.Load(pythonFile(c.File), []byte(spec.Code))
	if err != nil {
		return c, codeError(c.File, err)
	}
	reqs, err := load.Parse(spec.Load)
	if err != nil {
		var le *load.Error
		if errors.As(err, &le) {
			return c, &Error{File: c.LoadFile, Line: le.Line, Col: le.Col, Msg: le.Msg}
		}
		return c, &Error{File: c.LoadFile, Msg: err.Error()}
	}
	switch {
	case prog.App && len(reqs) == 0:
		return c, &Error{File: c.File, Msg: "this FastAPI app gets no requests; give it a load such as 'at 0 GET /'"}
	case !prog.App && len(reqs) > 0:
		return c, &Error{File: c.LoadFile, Msg: "a load only applies to a FastAPI or Starlette app; this code is a script (it makes no app = FastAPI()): empty the requests sent to the app to run it as a script"}
	}
	c.App, c.Requests, c.prog = prog.App, reqs, prog
	return c, nil
}

// Run simulates a scenario.
func Run(spec Spec) (*trace.Trace, error) {
	c, err := Check(spec)
	if err != nil {
		return nil, err
	}
	return c.Run(spec.Settings)
}

// Run simulates the checked scenario with settings set, without reading
// its code again.
func (c Checked) Run(set Settings) (*trace.Trace, error) {
	prog, reqs, file := c.prog, c.Requests, c.File
	s := sim.New(sim.Config{
		Cores: set.Cores, SwitchInterval: set.SwitchInterval, FreeThreaded: set.FreeThreaded, Seed: set.Seed,
		MaxEvents: set.Limits.Events, MaxTime: set.Limits.Time,
	})
	if err := prog.Start(s, py.Settings{Workers: set.Workers, Latency: set.Latency, FileLatency: set.FileLatency, MaxSteps: set.Limits.Steps}); err != nil {
		return nil, codeError(file, err)
	}
	if prog.App {
		s.ExpectRequests(len(reqs))
	}
	for _, r := range reqs {
		s.AddRequestBody(r.Method, r.Path, r.Body, r.At)
	}
	tr, err := s.Run()
	if err != nil {
		return nil, codeError(file, err)
	}
	return tr, nil
}

func codeError(file string, err error) error {
	var se *syntax.Error
	if errors.As(err, &se) {
		return &Error{File: file, Line: se.Pos.Line, Col: se.Pos.Col, Msg: se.Msg}
	}
	return &Error{File: file, Msg: err.Error()}
}

// pythonFile is the file name the program runs as (its __file__ and its
// tracebacks say /app/NAME): the name errors use when it is a Python
// file's, else main.py (the playground's errors say "code").
func pythonFile(name string) string {
	if strings.HasSuffix(name, ".py") {
		return name
	}
	return "main.py"
}
