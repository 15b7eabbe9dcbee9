package lesson

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Try is a `try` fenced block: one thing the lesson asks the learner to
// do to a scenario, and what the run then shows.
//
//	```try set=sleep:1 measure=latency:2 expect=1.0
//	Drag the 4 in `asyncio.sleep(4)` down to 1: the second request is
//	answered after about a second.
//	```
//
// set= gives scrubbable numbers of the scenario (by the ids the page
// uses) new values, "id:value" or several as "a:1,b:2"; measure= names
// the figure the text talks about (see figureOf) and expect= the value
// the text says it takes. The build sets the numbers as the page would
// and runs the scenario, and fails when an id is unknown, a value is out
// of its number's range or off its step, or the figure is not what the
// text says (see near). scenario=N picks the lesson's Nth scenario block
// (from 1), by default the one just above. In a compare block the first
// version's numbers drive both, as on the page, and version=B reads the
// figure from the second; a number only the second version's own code
// has is set there.
type Try struct {
	Index    int      `json:"index"`
	Scenario int      `json:"scenario"` // block index, from 0
	Set      Settings `json:"set"`
	Measure  string   `json:"measure"`
	Expect   float64  `json:"expect"`
	// Version is "B" for a compare block's second version, "A" for its
	// first when the lesson says so, "" otherwise.
	Version string `json:"version"`
	// Measured is what the build's run gave, rounded to the millisecond,
	// and Unit what it counts: "s", "min", "fps", "requests", "warnings".
	Measured float64 `json:"measured"`
	Unit     string  `json:"unit"`
	Text     string  `json:"-"` // the instruction, Markdown

	at       map[string]position // where each option is, for errors
	explicit bool                // scenario= was given
	slug     string              // the lesson's, so the text's id is unique on the page
}

// Settings are the numbers a try step sets, in the lesson's order.
type Settings []Setting

// Setting is one number a try step sets.
type Setting struct {
	ID    string
	Value float64
}

// tryOptions are the options a try block knows, in the order errors
// list them.
var tryOptions = []string{"set", "measure", "expect", "scenario", "version"}

// parseTry reads a try block. infoAt is where its info string starts;
// before is how many scenario blocks come before it in the lesson.
func parseTry(info string, infoAt position, lines []string, before int) (*Try, error) {
	t := &Try{Scenario: before - 1, at: map[string]position{"": infoAt}}
	title, opts, err := parseInfo(info, "try")
	if err != nil {
		return nil, &posError{infoAt, err.Error()}
	}
	if title != "" {
		return nil, &posError{infoAt, "a try block has no title: its text says what to do"}
	}
	for _, name := range sortedKeys(opts) {
		t.at[name] = optionAt(info, infoAt, name)
	}
	for _, name := range sortedKeys(opts) { // in order, so the first error is always the same
		value, at := opts[name], t.at[name]
		switch name {
		case "set":
			if t.Set, err = parseSet(value); err != nil {
				return nil, &posError{at, err.Error()}
			}
		case "measure":
			t.Measure = value
		case "expect":
			x, err := strconv.ParseFloat(value, 64)
			if err != nil || math.IsInf(x, 0) || math.IsNaN(x) || x < 0 {
				return nil, &posError{at, fmt.Sprintf("expect=%s: want the value the run shows, a number such as 1.5", value)}
			}
			t.Expect = x
		case "scenario":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return nil, &posError{at, fmt.Sprintf("scenario=%s: want the scenario block's number, from 1", value)}
			}
			t.Scenario, t.explicit = n-1, true
		case "version":
			if value != "A" && value != "B" {
				return nil, &posError{at, fmt.Sprintf("version=%s: a compare block's versions are A and B", value)}
			}
			t.Version = value
		default:
			return nil, &posError{at, fmt.Sprintf("unknown option %q of a try block (known: %s)", name, strings.Join(tryOptions, ", "))}
		}
	}
	for _, need := range []string{"set", "measure", "expect"} {
		if _, ok := opts[need]; !ok {
			return nil, &posError{infoAt, fmt.Sprintf("a try block needs %s= (%s)", need, tryNeeds[need])}
		}
	}
	var text []string
	for _, line := range lines {
		text = append(text, strings.TrimSpace(line))
	}
	t.Text = strings.TrimSpace(strings.Join(text, "\n"))
	if t.Text == "" {
		return nil, &posError{infoAt, "a try block needs text that tells the learner what to do and what to watch"}
	}
	return t, nil
}

// tryNeeds says what each required option is for.
var tryNeeds = map[string]string{
	"set":     "the numbers to change, such as set=sleep:1",
	"measure": "the figure the text talks about, such as measure=latency:2",
	"expect":  "the value the text says the figure takes",
}

// parseSet reads "id:value" pairs separated by commas.
func parseSet(s string) (Settings, error) {
	var out Settings
	for _, pair := range strings.Split(s, ",") {
		id, value, ok := strings.Cut(pair, ":")
		x, err := strconv.ParseFloat(value, 64)
		if !ok || id == "" || err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, fmt.Errorf("set=%s: want id:value pairs separated by commas, such as set=sleep:1,workers:2; %q is not one", s, pair)
		}
		for _, prev := range out {
			if prev.ID == id {
				return nil, fmt.Errorf("set=%s: %s is set twice", s, id)
			}
		}
		out = append(out, Setting{id, x})
	}
	return out, nil
}

// optionAt is where name= starts in a fence's info string that starts at
// at; at itself when it is not there.
func optionAt(info string, at position, name string) position {
	i := strings.Index(" "+info, " "+name+"=")
	if i < 0 {
		return at
	}
	return position{at.line, at.col + i}
}
