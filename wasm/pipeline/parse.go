// Package pipeline is the "async vs parallel" scene: a build pipeline
// (write code, CI queue, tests, review, deploy) done by three crews — one
// worker that blocks on every wait, one worker that switches features at
// every wait like an event loop, and several machines in parallel. It reads
// the scene's numbers from Python-looking code, simulates the three lanes in
// integer time and lays them out as a display list, without a screen, so
// everything the learner sees is tested natively.
package pipeline

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/trace"
)

// Kind says what a step or a span is.
type Kind string

const (
	Work    Kind = "work"    // needs the worker: code, tests, lint, build
	Wait    Kind = "wait"    // needs only time: a queue, a review, a rollout
	Blocked Kind = "blocked" // a worker idle because its feature waits
)

// Step is one stage of the pipeline.
type Step struct {
	Kind Kind // Work or Wait
	Name string
	Dur  trace.Time
}

// Plan is what the scene's code asks for.
type Plan struct {
	Features int // features to ship, 1..50
	Machines int // workers of the parallel lane, 1..20
	Steps    []Step
}

// Limit is the most a count of the code may be (FEATURES, MACHINES), so
// the playground's number ranges say what the parser accepts.
func Limit(name string) (int, bool) {
	switch strings.ToUpper(name) {
	case "FEATURES":
		return maxFeatures, true
	case "MACHINES":
		return maxMachines, true
	}
	return 0, false
}

// Limits of the code's numbers: enough to make a point, few enough that
// every bar can be drawn.
const (
	maxFeatures = 50
	maxMachines = 20
	maxSteps    = 20
	maxMinutes  = 1000
)

// Minute is one minute of the pipeline. It is a second of virtual time, so
// that the stage, which plays a second per second, shows a minute per second.
const Minute = trace.Second

// Error is a problem at a place in the code; it prints as
// "line 5:5: message", like the load's errors, so the page shows both alike.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d:%d: %s", e.Line, e.Col, e.Msg) }

func errorAt(p syntax.Pos, format string, args ...any) *Error {
	return &Error{Line: max(p.Line, 1), Col: max(p.Col, 1), Msg: fmt.Sprintf(format, args...)}
}

// Parse reads the scene's code. Only its numbers matter, but the code is
// shown to the learner, so anything that would not mean what it looks like
// is an error at its place rather than silently ignored.
func Parse(code string) (Plan, error) {
	m, err := syntax.Parse([]byte(code))
	if err != nil {
		var se *syntax.Error
		if errors.As(err, &se) {
			return Plan{}, errorAt(se.Pos, "%s", se.Msg)
		}
		return Plan{}, &Error{Line: 1, Col: 1, Msg: err.Error()}
	}
	plan := Plan{Features: 4, Machines: 3}
	seen := map[string]bool{} // only to reject a second assignment
	haveSteps := false
	for _, s := range m.Body {
		target, value, err := assignment(s)
		if err != nil {
			return Plan{}, err
		}
		if target == nil { // an import or a docstring
			continue
		}
		if seen[target.ID] {
			return Plan{}, errorAt(target.Pos, "%s is set twice; keep one", target.ID)
		}
		seen[target.ID] = true
		switch target.ID {
		case "FEATURES":
			plan.Features, err = count(value, "FEATURES", maxFeatures)
		case "MACHINES":
			plan.Machines, err = count(value, "MACHINES", maxMachines)
		case "STEPS":
			plan.Steps, err = steps(value)
			haveSteps = true
		}
		if err != nil {
			return Plan{}, err
		}
	}
	if !haveSteps {
		return Plan{}, &Error{Line: 1, Col: 1, Msg: `STEPS is missing: list the steps, like STEPS = [work("write code", 2), wait("review", 4)]`}
	}
	return plan, nil
}

// assignment returns the name and value of "NAME = value", nil for
// statements that are harmless (imports, docstrings), or an error.
func assignment(s syntax.Stmt) (*syntax.Name, syntax.Expr, error) {
	var target, value syntax.Expr
	switch s := s.(type) {
	case *syntax.Import, *syntax.ImportFrom:
		return nil, nil, nil
	case *syntax.ExprStmt:
		if _, ok := s.X.(*syntax.Str); ok {
			return nil, nil, nil
		}
		return nil, nil, errorAt(s.Pos, "only FEATURES = …, MACHINES = … and STEPS = [...] belong here")
	case *syntax.Assign:
		if len(s.Targets) != 1 {
			return nil, nil, errorAt(s.Pos, "give each name its own line")
		}
		target, value = s.Targets[0], s.Value
	case *syntax.AnnAssign:
		if s.Value == nil {
			return nil, nil, errorAt(s.Pos, "give the name a value")
		}
		target, value = s.Target, s.Value
	default:
		return nil, nil, errorAt(s.Start(), "only FEATURES = …, MACHINES = … and STEPS = [...] belong here")
	}
	name, ok := target.(*syntax.Name)
	if !ok {
		return nil, nil, errorAt(target.Start(), "assign to FEATURES, MACHINES or STEPS")
	}
	switch name.ID {
	case "FEATURES", "MACHINES", "STEPS":
		return name, value, nil
	}
	if up := strings.ToUpper(name.ID); up == "FEATURES" || up == "MACHINES" || up == "STEPS" {
		return nil, nil, errorAt(name.Pos, "unknown name %s: did you mean %s?", name.ID, up)
	}
	return nil, nil, errorAt(name.Pos, "unknown name %s: the pipeline reads FEATURES, MACHINES and STEPS", name.ID)
}

// count reads a whole number from 1 to most.
func count(x syntax.Expr, name string, most int) (int, error) {
	n, ok := x.(*syntax.Num)
	if !ok || n.IsFloat || n.Int < 1 || n.Int > int64(most) {
		return 0, errorAt(x.Start(), "%s must be a whole number from 1 to %d", name, most)
	}
	return int(n.Int), nil
}

// steps reads the list of work(...) and wait(...) calls.
func steps(x syntax.Expr) ([]Step, error) {
	var elems []syntax.Expr
	switch l := x.(type) {
	case *syntax.List:
		elems = l.Elems
	case *syntax.Tuple:
		elems = l.Elems
	default:
		return nil, errorAt(x.Start(), `STEPS must be a list, like [work("write code", 2), wait("review", 4)]`)
	}
	if len(elems) == 0 {
		return nil, errorAt(x.Start(), "STEPS needs at least one step")
	}
	if len(elems) > maxSteps {
		return nil, errorAt(elems[maxSteps].Start(), "at most %d steps, please", maxSteps)
	}
	out := make([]Step, 0, len(elems))
	for _, e := range elems {
		s, err := step(e)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// step reads work(name, minutes) or wait(name, minutes); the arguments may
// also be given by keyword.
func step(x syntax.Expr) (Step, error) {
	const what = "each step is work(name, minutes) or wait(name, minutes)"
	call, ok := x.(*syntax.Call)
	if !ok {
		return Step{}, errorAt(x.Start(), what)
	}
	fn, ok := call.Func.(*syntax.Name)
	if !ok || (fn.ID != "work" && fn.ID != "wait") {
		return Step{}, errorAt(call.Pos, what)
	}
	var args [2]syntax.Expr // name, minutes
	next := 0
	for _, a := range call.Args {
		i := -1
		switch {
		case a.Star || a.DoubleStar:
		case a.Name == "":
			i, next = next, next+1
		case a.Name == "name":
			i = 0
		case a.Name == "minutes":
			i = 1
		}
		if i < 0 || i > 1 || args[i] != nil {
			return Step{}, errorAt(a.Pos, "%s needs a name and a duration in minutes", fn.ID)
		}
		args[i] = a.Value
	}
	if args[0] == nil || args[1] == nil {
		return Step{}, errorAt(call.Pos, "%s needs a name and a duration in minutes", fn.ID)
	}
	name, ok := args[0].(*syntax.Str)
	if !ok || strings.TrimSpace(name.Value) == "" {
		return Step{}, errorAt(args[0].Start(), `a step's name is a string in quotes, like "lint"`)
	}
	dur, err := minutes(args[1], name.Value)
	if err != nil {
		return Step{}, err
	}
	return Step{Kind: Kind(fn.ID), Name: strings.TrimSpace(name.Value), Dur: dur}, nil
}

// minutes reads a duration, rounded to the millisecond of virtual time (a
// thousandth of a minute): finer would not show, and whole milliseconds
// keep the sums exact.
func minutes(x syntax.Expr, step string) (trace.Time, error) {
	n, ok := x.(*syntax.Num)
	if u, neg := x.(*syntax.UnaryOp); neg && u.Op == "-" {
		if _, num := u.X.(*syntax.Num); num {
			return 0, errorAt(u.Pos, "the duration of %q must be more than 0 and at most %d minutes", step, maxMinutes)
		}
	}
	if !ok {
		return 0, errorAt(x.Start(), "the duration of %q must be a number of minutes, like 1.5", step)
	}
	v := float64(n.Int)
	if n.IsFloat {
		v = n.Float
	}
	if !(v > 0 && v <= maxMinutes) { // also rejects NaN and infinities
		return 0, errorAt(n.Pos, "the duration of %q must be more than 0 and at most %d minutes", step, maxMinutes)
	}
	ms := math.Round(v * float64(Minute/trace.Millisecond))
	if ms < 1 {
		return 0, errorAt(n.Pos, "the duration of %q is too short: the shortest is 0.001 minutes", step)
	}
	return trace.Time(ms) * trace.Millisecond, nil
}
