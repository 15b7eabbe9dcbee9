package lesson

import (
	"errors"
	"fmt"
	"strings"

	"looplab/wasm/scenario"
	"looplab/wasm/trace"
)

// Block is one `scenario` fenced block of a lesson. Its body is the Python
// code, then optional sections, each opened by a marker line:
//
//	-- load --      requests, in the load format (for FastAPI apps)
//	-- settings --  "name = value" lines (cores, workers, latency, ...)
//	-- compare --   a second version of the code, run with the same load
//	                and settings, for the compare view
//	-- compare settings --
//	                settings for the second version, when they differ
//	                (GIL vs free-threaded: the same code twice)
//
// The info string may add words after "scenario": a title in quotes and
// name=value options (a value may be quoted): scene=timeline|gameloop|
// pipeline picks the stage's scene, mode=asyncio shows a simulated
// asyncio program as the game loop's twin, and a="..." b="..." name the
// two versions in compare mode.
type Block struct {
	Index    int               `json:"index"`
	Title    string            `json:"title,omitempty"`
	Options  map[string]string `json:"options,omitempty"`
	Code     string            `json:"code"`
	Load     string            `json:"load,omitempty"`
	Settings string            `json:"settings,omitempty"`
	Compare  string            `json:"compare,omitempty"`
	// CompareSettings are the second version's settings; "" means the same.
	CompareSettings string `json:"compareSettings,omitempty"`
	// The numbers a learner can drag in the code, the load and the
	// compared code, found at build time so that the page offers them
	// before the simulator has started (see findNumbers).
	Numbers        []scenario.Number `json:"numbers,omitempty"`
	LoadNumbers    []scenario.Number `json:"loadNumbers,omitempty"`
	CompareNumbers []scenario.Number `json:"compareNumbers,omitempty"`

	// where each section's lines are in the lesson file, for errors
	at map[string][]position
}

// position is a place in the lesson file.
type position struct{ line, col int }

// sections are the marker names a block may use.
var sections = []string{"load", "settings", "compare", "compare settings"}

// parseBlock splits a block's lines (each with its place in the file)
// into sections.
func parseBlock(info string, lines []string, at []position) (*Block, error) {
	b := &Block{at: map[string][]position{}}
	var err error
	if b.Title, b.Options, err = parseInfo(info, "scenario"); err != nil {
		return nil, err
	}
	bodies := map[string]*strings.Builder{"code": {}}
	current := "code"
	for i, line := range lines {
		if name, ok := marker(line); ok {
			if !isSection(name) {
				return nil, &posError{at[i], fmt.Sprintf("unknown section %q (known: %s)", name, strings.Join(sections, ", "))}
			}
			if bodies[name] != nil {
				return nil, &posError{at[i], fmt.Sprintf("section %q appears twice", name)}
			}
			current = name
			bodies[name] = &strings.Builder{}
			continue
		}
		bodies[current].WriteString(line)
		b.at[current] = append(b.at[current], at[i])
	}
	text := func(name string) string {
		if bodies[name] == nil {
			return ""
		}
		return bodies[name].String()
	}
	b.Code, b.Load, b.Settings, b.Compare = text("code"), text("load"), text("settings"), text("compare")
	b.CompareSettings = text("compare settings")
	if strings.TrimSpace(b.Code) == "" {
		return nil, &posError{at[0], "a scenario block needs Python code before its first section"}
	}
	if err := b.checkOptions(); err != nil {
		return nil, &posError{at[0], err.Error()}
	}
	return b, nil
}

// marker reports whether line is "-- name --".
func marker(line string) (string, bool) {
	s := strings.TrimSpace(line)
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	return strings.TrimSpace(s[3 : len(s)-3]), true
}

func isSection(name string) bool {
	for _, s := range sections {
		if s == name {
			return true
		}
	}
	return false
}

// parseInfo reads a fenced block's info string: the words after its
// language (lang), a "title" and name=value options (nil when none).
func parseInfo(info, lang string) (title string, opts map[string]string, err error) {
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(info), lang))
	for rest != "" {
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return "", nil, errors.New("unterminated title in the block's info string")
			}
			title, rest = rest[1:1+end], strings.TrimSpace(rest[2+end:])
			continue
		}
		name, after, ok := strings.Cut(rest, "=")
		if !ok || name == "" || strings.ContainsAny(name, " \"") {
			word, _, _ := strings.Cut(rest, " ")
			return "", nil, fmt.Errorf("expected name=value or a \"title\" in the block's info string, got %q", word)
		}
		var value string
		if strings.HasPrefix(after, `"`) {
			end := strings.IndexByte(after[1:], '"')
			if end < 0 {
				return "", nil, fmt.Errorf("unterminated value of %s in the block's info string", name)
			}
			value, after = after[1:1+end], after[2+end:]
		} else {
			value, after, _ = strings.Cut(after, " ")
		}
		if opts == nil {
			opts = map[string]string{}
		}
		opts[name] = value
		rest = strings.TrimSpace(after)
	}
	return title, opts, nil
}

// Specs are the block's scenario and, when it has one, its comparison.
func (b *Block) Specs() ([]scenario.Spec, error) {
	set, err := scenario.ParseSettings(b.Settings)
	if err != nil {
		return nil, b.locate("settings", err)
	}
	specs := []scenario.Spec{{File: "code", Code: b.Code, LoadFile: "load", Load: b.Load, Settings: set}}
	if b.Compare != "" || b.CompareSettings != "" {
		other, code, file := set, b.Code, "code"
		if b.Compare != "" {
			code, file = b.Compare, "compare"
		}
		if b.CompareSettings != "" {
			if other, err = scenario.ParseSettings(b.CompareSettings); err != nil {
				return nil, b.locate("compare settings", err)
			}
		}
		specs = append(specs, scenario.Spec{File: file, Code: code, LoadFile: "load", Load: b.Load, Settings: other})
	}
	return specs, nil
}

// Check simulates the block's scenarios (or reads a scene's constants),
// so a lesson that would show an error to every learner fails the build
// instead.
func (b *Block) Check() error {
	if !b.Simulated() {
		return b.checkModel()
	}
	specs, err := b.Specs()
	if err != nil {
		return err
	}
	var runs []*trace.Trace
	for _, spec := range specs {
		tr, err := b.runSpec(spec)
		if err != nil {
			return err
		}
		runs = append(runs, tr)
	}
	if err := b.checkView(runs); err != nil {
		return &posError{b.at["code"][0], err.Error()}
	}
	return nil
}

// findNumbers finds the numbers of the code, the load and the compared
// code, as the simulator finds them in the page.
func (b *Block) findNumbers() {
	b.Numbers, _ = scenario.Numbers(b.Code)
	if b.Load != "" {
		b.LoadNumbers, _ = scenario.LoadNumbers(b.Load)
	}
	if b.Compare != "" {
		b.CompareNumbers, _ = scenario.Numbers(b.Compare)
	}
}

// run simulates the block's (first) scenario.
func (b *Block) run() (*trace.Trace, error) {
	specs, err := b.Specs()
	if err != nil {
		return nil, err
	}
	return b.runSpec(specs[0])
}

// runLimits are the limits of every simulation the compiler runs: the
// defaults, except in tests that must stay quick.
var runLimits scenario.Limits

func (b *Block) runSpec(spec scenario.Spec) (*trace.Trace, error) {
	spec.Settings.Limits = runLimits
	tr, err := scenario.Run(spec)
	if err != nil {
		var se *scenario.Error
		if errors.As(err, &se) {
			return nil, b.locate(se.File, se)
		}
		return nil, b.locate("code", err)
	}
	return tr, nil
}

// locate turns an error inside a section into one at its place in the
// lesson file; errors without a line point at the section's first line.
func (b *Block) locate(section string, err error) error {
	line, col, msg := 0, 0, err.Error()
	var se *scenario.Error
	if errors.As(err, &se) {
		line, col, msg = se.Line, se.Col, se.Msg
	}
	at := b.at[section]
	if len(at) == 0 {
		return &posError{position{}, msg}
	}
	if line < 1 || line > len(at) {
		return &posError{at[0], msg}
	}
	p := at[line-1]
	return &posError{position{p.line, p.col + max(col, 1) - 1}, msg}
}

// posError is a problem at a place in a lesson file; Compile adds the name.
type posError struct {
	at  position
	msg string
}

func (e *posError) Error() string {
	if e.at.line == 0 {
		return e.msg
	}
	return fmt.Sprintf("%d:%d: %s", e.at.line, e.at.col, e.msg)
}
