// Package gameloop is the game-loop lesson's scene without a screen: a
// deterministic model of a game running input → update → render at a
// frame budget, with blocking work and stalls that make frames late; its
// statistics (FPS, frame times, input lag); and the layout of what the
// stage paints (play field, budget bar, frame-time graph, FPS counter,
// loop diagram) as geom display lists. A second view, LoopView, draws an
// asyncio program's event loop from a simulated trace in the same terms.
// Nothing here imports ebiten or syscall/js, so all of it tests natively.
package gameloop

import (
	"fmt"
	"regexp"
	"strings"

	"looplab/wasm/py/syntax"
	"looplab/wasm/trace"
)

// Params are the lesson code's constants. Times are microseconds.
type Params struct {
	FPS        int        `json:"fps"`
	Work       trace.Time `json:"work"`       // input, update and render together
	Blocking   trace.Time `json:"blocking"`   // blocking work in every frame
	Stall      trace.Time `json:"stall"`      // one long blocking call...
	StallEvery trace.Time `json:"stallEvery"` // ...this often; 0: never
}

// Defaults are the values of names the code leaves out.
var Defaults = Params{FPS: 30, Work: 8 * trace.Millisecond}

// Budget is the time one frame may take: 1/FPS.
func (p Params) Budget() trace.Time {
	fps := min(max(p.FPS, 1), maxFPS)
	return (trace.Second + trace.Time(fps)/2) / trace.Time(fps)
}

// Bounds of the constants: past them the picture says nothing more, and
// the model's loops stay short.
const (
	maxFPS     = 240
	maxSeconds = 10.0
)

// Error is a problem with the code at a position, printed "line:col: msg"
// like the parser's own errors, so the page marks it the same way.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

func errorAt(p syntax.Pos, format string, args ...any) *Error {
	return &Error{Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)}
}

// Parse reads the constants from the lesson's code. Only module-level
// assignments count: the loop's body is there to be read, not run. A
// known name given something other than a number in range is an error at
// that value, so a learner who drags a number too far sees why.
func Parse(code string) (Params, error) {
	body, err := statements(code)
	if err != nil {
		return Params{}, err
	}
	p := Defaults
	for _, st := range body {
		var targets []syntax.Expr
		var value syntax.Expr
		switch st := st.(type) {
		case *syntax.Assign:
			targets, value = st.Targets, st.Value
		case *syntax.AnnAssign:
			if st.Value == nil {
				continue
			}
			targets, value = []syntax.Expr{st.Target}, st.Value
		default:
			continue
		}
		for _, t := range targets {
			name, ok := t.(*syntax.Name)
			if !ok {
				continue
			}
			if err := p.set(name.ID, value); err != nil {
				return Params{}, err
			}
		}
	}
	return p, nil
}

// statements parses the code's module-level statements. The simulator's
// parser refuses what it cannot simulate (a while loop, a class), but the
// scene's code is read for its constants, never run; so when the whole
// file is refused for such a reason, each top-level assignment is parsed
// on its own instead, at its own position.
func statements(code string) ([]syntax.Stmt, error) {
	m, err := syntax.Parse([]byte(code))
	if err == nil {
		return m.Body, nil
	}
	se, ok := err.(*syntax.Error)
	if !ok {
		return nil, &Error{Line: 1, Col: 1, Msg: err.Error()}
	}
	if !strings.Contains(se.Msg, "not simulated") {
		return nil, &Error{Line: se.Pos.Line, Col: se.Pos.Col, Msg: se.Msg}
	}
	lines := strings.Split(code, "\n")
	var body []syntax.Stmt
	for i := 0; i < len(lines); i++ {
		m := assignLine.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		// The statement and its indented continuation lines, after
		// blank lines that keep its line numbers.
		j := i + 1
		for j < len(lines) && (strings.TrimSpace(lines[j]) == "" || lines[j][0] == ' ' || lines[j][0] == '\t') {
			j++
		}
		src := strings.Repeat("\n", i) + strings.Join(lines[i:j], "\n")
		sm, err := syntax.Parse([]byte(src))
		if err != nil {
			if se, ok := err.(*syntax.Error); ok && known[m[1]] {
				return nil, &Error{Line: se.Pos.Line, Col: se.Pos.Col, Msg: se.Msg}
			}
			continue
		}
		body = append(body, sm.Body...)
	}
	return body, nil
}

// assignLine is a top-level "NAME = ..." or "NAME: type = ...".
var assignLine = regexp.MustCompile(`^([A-Za-z_][A-Za-z_0-9]*)\s*(?::[^=]*)?=[^=]`)

var known = map[string]bool{"FPS": true, "WORK": true, "BLOCKING": true, "STALL": true, "STALL_EVERY": true}

// start is where an expression begins (a BinOp's own position is its
// operator's), for errors about a whole value.
func start(x syntax.Expr) syntax.Pos {
	if b, ok := x.(*syntax.BinOp); ok {
		return start(b.X)
	}
	return x.Start()
}

// set assigns one constant; names the scene does not know are left alone.
func (p *Params) set(name string, x syntax.Expr) error {
	var dst *trace.Time
	switch name {
	case "FPS":
		v, isFloat, ok := number(x)
		if !ok || isFloat && v != float64(int64(v)) {
			return errorAt(start(x), "FPS must be a whole number of frames per second, from 1 to %d", maxFPS)
		}
		if !(v >= 1 && v <= maxFPS) { // written so that NaN fails too
			return errorAt(start(x), "FPS must be from 1 to %d, not %s", maxFPS, fmtNum(v))
		}
		p.FPS = int(v)
		return nil
	case "WORK":
		dst = &p.Work
	case "BLOCKING":
		dst = &p.Blocking
	case "STALL":
		dst = &p.Stall
	case "STALL_EVERY":
		dst = &p.StallEvery
	default:
		return nil
	}
	v, _, ok := number(x)
	if !ok {
		return errorAt(start(x), "%s must be a number of seconds", name)
	}
	if !(v >= 0 && v <= maxSeconds) { // NaN fails too
		return errorAt(start(x), "%s must be from 0 to %g seconds, not %s", name, maxSeconds, fmtNum(v))
	}
	*dst = trace.Time(v*float64(trace.Second) + 0.5)
	return nil
}

// number evaluates a constant: a literal, a sign, or + - * / of those,
// so "1 / 60" works as well as "0.0167". isFloat says whether Python
// would make it a float.
func number(x syntax.Expr) (v float64, isFloat, ok bool) {
	switch x := x.(type) {
	case *syntax.Num:
		if x.IsFloat {
			return x.Float, true, true
		}
		return float64(x.Int), false, true
	case *syntax.UnaryOp:
		v, f, ok := number(x.X)
		switch x.Op {
		case "-":
			return -v, f, ok
		case "+":
			return v, f, ok
		}
	case *syntax.BinOp:
		a, fa, oka := number(x.X)
		b, fb, okb := number(x.Y)
		if !oka || !okb {
			return 0, false, false
		}
		switch x.Op {
		case "+":
			return a + b, fa || fb, true
		case "-":
			return a - b, fa || fb, true
		case "*":
			return a * b, fa || fb, true
		case "/":
			if b == 0 {
				return 0, false, false
			}
			return a / b, true, true
		}
	}
	return 0, false, false
}

func fmtNum(v float64) string { return fmt.Sprintf("%g", v) }
