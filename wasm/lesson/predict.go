package lesson

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"looplab/wasm/report"
	"looplab/wasm/trace"
)

// Predict is a `predict` fenced block: a question the learner answers
// before the scenario runs, then sees answered by the run.
//
//	```predict measure=latency:6
//	How long until the sixth request gets its answer?
//	- 0.5 s
//	- [x] 4.5 s
//	- 24 s
//	-- why --
//	One line that explains the answer.
//	```
//
// Choices are "- " lines, the right one marked [x]; with no choices the
// learner types a number and the answer is what the run measures. The
// measure (see report.Figure) ties the question to the run: the build fails
// when the marked choice is not the one nearest what the simulator says,
// so a lesson cannot ask a question its own scenario answers differently.
// scenario=N picks the lesson's Nth scenario block (from 1); by default
// the one just above.
type Predict struct {
	Index    int      `json:"index"`
	Scenario int      `json:"scenario"` // block index, from 0
	Question string   `json:"question"`
	Choices  []string `json:"choices,omitempty"`
	Correct  int      `json:"correct"` // index into Choices; -1 for a number
	Measure  string   `json:"measure,omitempty"`
	Answer   float64  `json:"answer"` // what the run measures, in its unit (report.FigureUnit)
	Why      string   `json:"why"`

	at       position
	explicit bool // scenario= was given
}

// parsePredict reads a predict block; before is how many scenario blocks
// come before it in the lesson.
func parsePredict(info string, lines []string, at []position, before int) (*Predict, error) {
	p := &Predict{Correct: -1, Scenario: before - 1, at: at[0]}
	_, opts, err := parseInfo(info, "predict")
	if err != nil {
		return nil, &posError{at[0], err.Error()}
	}
	for _, name := range sortedKeys(opts) { // in order, so the first error is always the same
		value := opts[name]
		switch name {
		case "measure":
			p.Measure = value
		case "scenario":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return nil, &posError{at[0], fmt.Sprintf("scenario=%s: want the scenario block's number, from 1", value)}
			}
			p.Scenario, p.explicit = n-1, true
		default:
			return nil, &posError{at[0], fmt.Sprintf("unknown option %q of a predict block (known: measure, scenario)", name)}
		}
	}
	var question, why []string
	inWhy := false
	for i, line := range lines {
		s := strings.TrimSpace(line)
		switch {
		case s == "":
		case s == "-- why --":
			inWhy = true
		case inWhy:
			why = append(why, s)
		case strings.HasPrefix(s, "- "):
			choice := strings.TrimSpace(s[2:])
			if rest, ok := strings.CutPrefix(choice, "[x]"); ok {
				if p.Correct >= 0 {
					return nil, &posError{at[i], "only one choice can be marked [x]"}
				}
				p.Correct, choice = len(p.Choices), strings.TrimSpace(rest)
			}
			p.Choices = append(p.Choices, choice)
		case len(p.Choices) > 0:
			return nil, &posError{at[i], "the question comes before its choices"}
		default:
			question = append(question, s)
		}
	}
	p.Question, p.Why = strings.Join(question, " "), strings.Join(why, " ")
	switch {
	case p.Question == "":
		return nil, &posError{at[0], "a predict block starts with its question"}
	case p.Why == "":
		return nil, &posError{at[0], "a predict block needs a -- why -- line that explains the answer"}
	case len(p.Choices) == 1:
		return nil, &posError{at[0], "a question with choices needs at least two"}
	case len(p.Choices) > 0 && p.Correct < 0:
		return nil, &posError{at[0], "mark the right choice with [x]"}
	case len(p.Choices) == 0 && p.Measure == "":
		return nil, &posError{at[0], "a question without choices needs measure= to know its answer"}
	}
	return p, nil
}

// resolve ties the question to its scenario's run and checks the lesson's
// answer against it.
func (p *Predict) resolve(blocks []*Block, run func(*Block) (*trace.Trace, error)) error {
	if p.Scenario < 0 || p.Scenario >= len(blocks) {
		if p.explicit {
			return &posError{p.at, fmt.Sprintf("scenario=%d: the lesson has %d scenario blocks", p.Scenario+1, len(blocks))}
		}
		return &posError{p.at, "a predict block needs a scenario block above it (or scenario=N)"}
	}
	if p.Measure == "" {
		return nil
	}
	b := blocks[p.Scenario]
	if !b.Simulated() {
		return &posError{p.at, fmt.Sprintf("measure= needs a simulated scenario; scenario %d is scene=%s", p.Scenario+1, b.Scene())}
	}
	tr, err := run(b)
	if err != nil {
		return err
	}
	v, err := report.Figure(tr, p.Measure)
	if err != nil {
		return &posError{p.at, err.Error()}
	}
	p.Answer = math.Round(v*1000) / 1000
	if p.Correct < 0 {
		return nil
	}
	nearest, gap := -1, math.Inf(1)
	for i, c := range p.Choices {
		x, ok := leadingNumber(c)
		if !ok {
			return &posError{p.at, fmt.Sprintf("with measure=, every choice starts with a number (%s); %q does not", report.FigureUnit(p.Measure), c)}
		}
		if d := math.Abs(x - p.Answer); d < gap {
			nearest, gap = i, d
		}
	}
	if nearest != p.Correct {
		return &posError{p.at, fmt.Sprintf("the run measures %s = %.3f %s, nearest to %q, but the block marks %q",
			p.Measure, p.Answer, report.FigureUnit(p.Measure), p.Choices[nearest], p.Choices[p.Correct])}
	}
	return nil
}

// leadingNumber reads the number a choice starts with: "4.5 s" is 4.5.
func leadingNumber(s string) (float64, bool) {
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.') {
		end++
	}
	x, err := strconv.ParseFloat(s[:end], 64)
	return x, err == nil
}
