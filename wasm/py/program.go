package py

import (
	"fmt"
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// Settings are the interpreter's knobs.
type Settings struct {
	Workers int      // uvicorn --workers (apps only)
	Latency sim.Time // I/O latency of a call whose URL does not say "/delay/N"
	// FileLatency is how long open() and each file read or write block
	// (1 ms when unset)
	FileLatency sim.Time
	MaxSteps    int // bytecode instructions per run, and work on large values (limits.go), against runaway loops
}

// Defaults fills unset settings.
func (s Settings) Defaults() Settings {
	if s.Workers <= 0 {
		s.Workers = 1
	}
	if s.Latency <= 0 {
		s.Latency = 100 * trace.Millisecond
	}
	if s.MaxSteps <= 0 {
		s.MaxSteps = 20_000_000
	}
	return s
}

// Run is the interpreter state shared by every fiber of one simulation.
type Run struct {
	prog         *Program
	settings     Settings
	cur          *Fiber                   // the fiber running now
	objects      int                      // instances made, for their made-up addresses
	libState     map[any]any              // each library package's state (library.go)
	partial      string                   // a printed line that has not ended yet
	tasks_       map[*sim.Task]*futureVal // each task's one Python object
	files        map[string]*string       // the run's in-memory file system
	loops        []*loopVal               // each loop's one Python object
	currentLoops map[string]*loopVal      // set_event_loop's, by thread name
	steps        int
	maxSteps     int

	sleepLabels map[sleepKey]string
	// the label of each kind made or found last, looked up before the map
	lastSleep      [2]sim.Time
	lastSleepLabel [2]string

	// what the run has built, started and printed, against the limits
	// in limits.go
	builtBytes             int64
	tasks, threads         int
	printLines, printBytes int
	printCut               bool
}

// Load parses and compiles a scenario. Errors are *syntax.Error.
func Load(file string, src []byte) (*Program, error) {
	mod, err := syntax.Parse(src)
	if err != nil {
		return nil, err
	}
	p, err := Compile(file, mod)
	if err != nil {
		return nil, err
	}
	p.App, p.AppPos = isApp(mod)
	p.lines = strings.Split(string(src), "\n")
	return p, nil
}

// isApp reports whether the module makes a FastAPI or Starlette application; such a
// module is served by uvicorn instead of run as a script.
// It also gives where the app is made, for errors in how it is made.
func isApp(mod *syntax.Module) (bool, syntax.Pos) {
	for _, s := range mod.Body {
		a, ok := s.(*syntax.Assign)
		if !ok {
			continue
		}
		call, ok := a.Value.(*syntax.Call)
		if !ok {
			continue
		}
		switch f := call.Func.(type) {
		case *syntax.Name:
			if f.ID == "FastAPI" || f.ID == "Starlette" {
				return true, call.Start()
			}
		case *syntax.Attribute:
			if f.Name == "FastAPI" || f.Name == "Starlette" {
				return true, call.Start()
			}
		}
	}
	return false, syntax.Pos{}
}

func (p *Program) newGlobals(name string) *Globals {
	g := &Globals{Values: make([]Value, len(p.GlobalNames)), Defined: make([]bool, len(p.GlobalNames)), Prog: p}
	g.Values[0], g.Defined[0] = name, true
	g.Values[1], g.Defined[1] = p.path(), true
	return g
}

func (p *Program) moduleFiber(r *Run, g *Globals) *Fiber {
	fr := &Frame{code: p.Module, globals: g, locals: make([]Value, p.Module.NumLocals)}
	for i := range fr.locals {
		fr.locals[i] = unbound
	}
	return newFiber(r, fr)
}

// Start sets the program up in s: a script runs its module on the main
// thread; an app is imported by every uvicorn worker and serves requests
// added with s.AddRequest.
func (p *Program) Start(s *sim.Sim, set Settings) error {
	set = set.Defaults()
	r := &Run{prog: p, settings: set, maxSteps: set.MaxSteps}
	s.OnUnretrieved = r.reportUnretrieved
	if !p.App {
		g := p.newGlobals("__main__")
		s.RunScript(p.moduleFiber(r, g), func(c *sim.Ctx, v any, err error) {
			r.flushPrints(c)
			if err != nil && fromSim(err).Type.isA(excSystemExit) {
				return // sys.exit ends the script quietly
			}
			if err != nil {
				r.printTraceback(c, fromSim(err))
			}
		})
		return nil
	}
	return s.Serve(set.Workers, func(c *sim.Ctx) (sim.Handler, error) {
		g := p.newGlobals("main")
		if err := p.importModule(c, r, g); err != nil {
			return nil, err
		}
		app, exc := findApp(g)
		if exc != nil {
			return nil, &syntax.Error{Pos: p.AppPos, Msg: exc.Error()}
		}
		if app == nil {
			return nil, &syntax.Error{Pos: syntax.Pos{Line: 1, Col: 1}, Msg: "no FastAPI or Starlette app found; assign one at module level, as in app = FastAPI()"}
		}
		if len(app.startup) > 0 {
			c.OnStartup(sim.Job{Fiber: &lifespan{run: r, handlers: app.startup}, Label: "lifespan startup"})
		}
		return func(req *sim.Request) sim.Fiber { return newASGI(r, app, req) }, nil
	})
}

// importModule runs an app's module code as uvicorn's import does: at once,
// before the server starts, so it must not sleep or wait.
func (p *Program) importModule(c *sim.Ctx, r *Run, g *Globals) error {
	f := p.moduleFiber(r, g)
	for {
		eff := f.Resume(c, nil, nil)
		switch e := eff.(type) {
		case sim.Done:
			if e.Err != nil {
				exc := fromSim(e.Err)
				return &syntax.Error{Pos: exc.Pos, Msg: exc.Error()}
			}
			return nil
		case sim.CPU:
			if e.D == 0 {
				continue
			}
		}
		pos := f.frames[len(f.frames)-1].pos()
		return &syntax.Error{Pos: pos, Msg: "module code in an app runs when uvicorn imports it, before any request; it must not sleep, block or await (move this into an endpoint)"}
	}
}

// findApp is the module's app, the one named app if there are several:
// a FastAPI app, or a Starlette app read into the same table of routes.
func findApp(g *Globals) (*appVal, *Exception) {
	var found Value
	for i, v := range g.Values {
		switch x := v.(type) {
		case *appVal:
		case *Instance:
			if !libClass(x.Class, "starlette.applications/applications.py", "Starlette") {
				continue
			}
		default:
			continue
		}
		if g.Prog.GlobalNames[i] == "app" {
			found = v
			break
		}
		if found == nil {
			found = v
		}
	}
	switch x := found.(type) {
	case *appVal:
		return x, nil
	case *Instance:
		return starletteApp(x)
	}
	return nil, nil
}

// reportUnretrieved writes out, as asyncio's logger does (to stderr, so
// to the console), a task whose exception nobody retrieved.
func (r *Run) reportUnretrieved(c *sim.Ctx, task string, err error) {
	e := fromSim(err)
	r.print(c, "Task exception was never retrieved")
	r.print(c, "future: "+strings.TrimSuffix(task, ">")+" exception="+repr(e)+">")
	for _, line := range r.traceback(e, e.Trace) {
		r.print(c, line)
	}
}

// printTraceback prints an uncaught exception as Python does, on the
// console (the trace's prints).
func (r *Run) printTraceback(c *sim.Ctx, e *Exception) {
	for _, line := range r.traceback(e, e.Trace) {
		r.print(c, line)
	}
}

// traceback is the text of a traceback of e through the frames trace
// (innermost first), as CPython writes it: the program's own frames,
// each line quoted, and a run of the same line (deep recursion) cut
// short after three, as CPython cuts it. The libraries' frames are left
// out: their code is LoopLab's, not CPython's.
func (r *Run) traceback(e *Exception, trace []tbEntry) []string {
	out := []string{"Traceback (most recent call last):"}
	var last tbEntry
	repeats := 0
	flush := func() {
		if repeats > 3 {
			out = append(out, fmt.Sprintf("  [Previous line repeated %d more time%s]", repeats-3, plural(repeats-3)))
		}
	}
	for i := len(trace) - 1; i >= 0; i-- {
		t := trace[i]
		if t.File != "" && t.File != r.prog.File {
			continue
		}
		if t == last {
			if repeats++; repeats > 3 {
				continue
			}
		} else {
			flush()
			last, repeats = t, 1
		}
		out = append(out, fmt.Sprintf("  File \"%s\", line %d, in %s", r.prog.path(), t.Pos.Line, t.Name))
		if line := r.prog.sourceLine(t.Pos.Line); line != "" {
			out = append(out, "    "+line)
		}
	}
	flush()
	return append(out, e.Error()+e.Hint)
}

// printText writes text that ends in a newline (the usual print) as one
// console line; text without one (print(..., end="")) waits for the rest
// of its line, which a later print or the end of the script brings.
func (r *Run) printText(c *sim.Ctx, text string) {
	if r.partial == "" && strings.HasSuffix(text, "\n") {
		r.print(c, text[:len(text)-1])
		return
	}
	full := r.partial + text
	i := strings.LastIndexByte(full, '\n')
	if i < 0 {
		r.partial = full
		return
	}
	r.partial = full[i+1:]
	r.print(c, full[:i])
}

// flushPrints shows a line a print left unfinished.
func (r *Run) flushPrints(c *sim.Ctx) {
	if r.partial != "" {
		r.print(c, r.partial)
		r.partial = ""
	}
}

// print shows a line on the console (the trace's prints) while the run has
// printed less than maxPrintLines lines and maxPrintBytes bytes; the line
// that would go over says so instead, and later lines are dropped.
func (r *Run) print(c *sim.Ctx, text string) {
	if r.printCut {
		return
	}
	r.printLines++
	r.printBytes += len(text)
	if r.printLines > maxPrintLines || r.printBytes > maxPrintBytes {
		r.printCut = true
		c.Print(fmt.Sprintf("[the simulator's print limit: more than %d lines or %d MiB printed; later prints are not shown]", maxPrintLines, maxPrintBytes>>20))
		return
	}
	c.Print(text)
}

// shownPath is how CPython's messages name a code's file: the program's
// as its tracebacks do (/app/main.py), a library's as it is.
func (r *Run) shownPath(file string) string {
	if file == r.prog.File {
		return r.prog.path()
	}
	return file
}

// path is the module's __file__: the file name under /app, where a
// container would put it (a real path differs from machine to machine).
func (p *Program) path() string {
	if strings.HasPrefix(p.File, "/") {
		return p.File
	}
	return "/app/" + p.File
}
