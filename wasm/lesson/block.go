package lesson

import (
	"errors"
	"fmt"
	"strings"

	"looplab/wasm/scenario"
)

// Block is one `scenario` fenced block of a lesson. Its body is the Python
// code, then optional sections, each opened by a marker line:
//
//	-- load --      requests, in the load format (for FastAPI apps)
//	-- settings --  "name = value" lines (cores, workers, latency, ...)
//	-- compare --   a second version of the code, run with the same load
//	                and settings, for the compare view
//
// The info string may add words after "scenario": a title in quotes and
// name=value options, such as scene=timeline.
type Block struct {
	Index    int               `json:"index"`
	Title    string            `json:"title,omitempty"`
	Options  map[string]string `json:"options,omitempty"`
	Code     string            `json:"code"`
	Load     string            `json:"load,omitempty"`
	Settings string            `json:"settings,omitempty"`
	Compare  string            `json:"compare,omitempty"`

	// where each section's lines are in the lesson file, for errors
	at map[string][]position
}

// position is a place in the lesson file.
type position struct{ line, col int }

// sections are the marker names a block may use.
var sections = []string{"load", "settings", "compare"}

// parseBlock splits a block's lines (each with its place in the file)
// into sections.
func parseBlock(info string, lines []string, at []position) (*Block, error) {
	b := &Block{at: map[string][]position{}}
	if err := b.parseInfo(info); err != nil {
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
	if strings.TrimSpace(b.Code) == "" {
		return nil, &posError{at[0], "a scenario block needs Python code before its first section"}
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

// parseInfo reads the words after "scenario": "title" and name=value.
func (b *Block) parseInfo(info string) error {
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(info), "scenario"))
	for rest != "" {
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return errors.New("unterminated title in the block's info string")
			}
			b.Title, rest = rest[1:1+end], strings.TrimSpace(rest[2+end:])
			continue
		}
		word, after, _ := strings.Cut(rest, " ")
		name, value, ok := strings.Cut(word, "=")
		if !ok {
			return fmt.Errorf("expected name=value or a \"title\" in the block's info string, got %q", word)
		}
		if b.Options == nil {
			b.Options = map[string]string{}
		}
		b.Options[name] = value
		rest = strings.TrimSpace(after)
	}
	return nil
}

// Specs are the block's scenario and, when it has one, its comparison.
func (b *Block) Specs() ([]scenario.Spec, error) {
	set, err := scenario.ParseSettings(b.Settings)
	if err != nil {
		return nil, b.locate("settings", err)
	}
	specs := []scenario.Spec{{File: "code", Code: b.Code, LoadFile: "load", Load: b.Load, Settings: set}}
	if b.Compare != "" {
		specs = append(specs, scenario.Spec{File: "compare", Code: b.Compare, LoadFile: "load", Load: b.Load, Settings: set})
	}
	return specs, nil
}

// Check simulates the block's scenarios, so a lesson that would show an
// error to every learner fails the build instead.
func (b *Block) Check() error {
	specs, err := b.Specs()
	if err != nil {
		return err
	}
	for _, spec := range specs {
		if _, err := scenario.Run(spec); err != nil {
			var se *scenario.Error
			if errors.As(err, &se) {
				return b.locate(se.File, se)
			}
			return b.locate("code", err)
		}
	}
	return nil
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
