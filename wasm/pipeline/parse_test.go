package pipeline

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

const ms = trace.Millisecond

func TestParseLesson(t *testing.T) {
	code, err := os.ReadFile("testdata/lesson.py")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(string(code))
	if err != nil {
		t.Fatal(err)
	}
	want := Plan{Features: 4, Machines: 3, Steps: []Step{
		{Work, "write code", 2 * Minute},
		{Wait, "CI queue", 3 * Minute},
		{Work, "run tests", 1 * Minute},
		{Work, "lint", Minute / 2},
		{Wait, "review", 4 * Minute},
		{Work, "build", 1500 * ms},
		{Wait, "deploy rollout", 2 * Minute},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse = %+v\nwant %+v", got, want)
	}
}

func TestParseGood(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		want       Plan
	}{
		{"defaults", `STEPS = [work("a", 1)]`, Plan{4, 3, []Step{{Work, "a", Minute}}}},
		{"keywords", "FEATURES = 2\nSTEPS = [wait(name=\"review\", minutes=0.25), work(\"x\", minutes=3)]",
			Plan{2, 3, []Step{{Wait, "review", 250 * ms}, {Work, "x", 3 * Minute}}}},
		{"rounds to the millisecond", `STEPS = [work("a", 0.0014), work("b", 0.0016)]`,
			Plan{4, 3, []Step{{Work, "a", 1 * ms}, {Work, "b", 2 * ms}}}},
		{"imports, docstring, annotation, tuple", "\"\"\"doc\"\"\"\nfrom pipeline import work, wait\nimport math\nMACHINES: int = 20\nSTEPS = (work(\"a\", 1000),)",
			Plan{4, 20, []Step{{Work, "a", 1000 * Minute}}}},
		{"limits", "FEATURES = 50\nMACHINES = 1\nSTEPS = [" + strings.Repeat(`wait("w", 1), `, 20) + "]",
			Plan{50, 1, repeatStep(Step{Wait, "w", Minute}, 20)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.code)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func repeatStep(s Step, n int) []Step {
	out := make([]Step, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestParseErrors(t *testing.T) {
	steps := `STEPS = [work("a", 1)]`
	for _, tc := range []struct {
		name, code, want string
	}{
		{"wait without minutes, the lesson's shape",
			"FEATURES = 4\nMACHINES = 3\n\nSTEPS = [\n    wait(\"CI queue\"),\n]",
			"line 5:5: wait needs a name and a duration in minutes"},
		{"too many arguments", `STEPS = [work("a", 1, 2)]`, "line 1:23: work needs a name and a duration in minutes"},
		{"minutes twice", `STEPS = [work("a", 1, minutes=2)]`, "line 1:23: work needs a name and a duration in minutes"},
		{"unknown keyword", `STEPS = [work("a", mins=2)]`, "line 1:20: work needs a name and a duration in minutes"},
		{"star argument", `STEPS = [work(*x)]`, "line 1:15: work needs a name and a duration in minutes"},
		{"name not a string", `STEPS = [work(2, 1)]`, `line 1:15: a step's name is a string in quotes, like "lint"`},
		{"blank name", `STEPS = [work("  ", 1)]`, `line 1:15: a step's name is a string in quotes, like "lint"`},
		{"duration not a number", `STEPS = [work("a", "3")]`, `line 1:20: the duration of "a" must be a number of minutes, like 1.5`},
		{"zero", `STEPS = [work("a", 0)]`, `line 1:20: the duration of "a" must be more than 0 and at most 1000 minutes`},
		{"too long", `STEPS = [wait("a", 1000.5)]`, `line 1:20: the duration of "a" must be more than 0 and at most 1000 minutes`},
		{"negative", `STEPS = [wait("a", -1)]`, `line 1:20: the duration of "a" must be more than 0 and at most 1000 minutes`},
		{"too short", `STEPS = [wait("a", 0.0004)]`, `line 1:20: the duration of "a" is too short: the shortest is 0.001 minutes`},
		{"not a step", `STEPS = [sleep(1)]`, "line 1:10: each step is work(name, minutes) or wait(name, minutes)"},
		{"not a call", `STEPS = [work]`, "line 1:10: each step is work(name, minutes) or wait(name, minutes)"},
		{"steps not a list", `STEPS = 3`, `line 1:9: STEPS must be a list, like [work("write code", 2), wait("review", 4)]`},
		{"no steps", `STEPS = []`, "line 1:9: STEPS needs at least one step"},
		{"21 steps", "STEPS = [\n" + strings.Repeat("  work(\"a\", 1),\n", 21) + "]", "line 22:3: at most 20 steps, please"},
		{"missing steps", "FEATURES = 2", `line 1:1: STEPS is missing: list the steps, like STEPS = [work("write code", 2), wait("review", 4)]`},
		{"no features", "FEATURES = 0\n" + steps, "line 1:12: FEATURES must be a whole number from 1 to 50"},
		{"too many features", "FEATURES = 51\n" + steps, "line 1:12: FEATURES must be a whole number from 1 to 50"},
		{"fractional features", "FEATURES = 2.5\n" + steps, "line 1:12: FEATURES must be a whole number from 1 to 50"},
		{"negative machines", steps + "\nMACHINES = -1", "line 2:12: MACHINES must be a whole number from 1 to 20"},
		{"too many machines", "MACHINES = 21\n" + steps, "line 1:12: MACHINES must be a whole number from 1 to 20"},
		{"set twice", "FEATURES = 2\nFEATURES = 3\n" + steps, "line 2:1: FEATURES is set twice; keep one"},
		{"unknown name", steps + "\n\nSPEED = 3", "line 3:1: unknown name SPEED: the pipeline reads FEATURES, MACHINES and STEPS"},
		{"lower case", "features = 3\n" + steps, "line 1:1: unknown name features: did you mean FEATURES?"},
		{"chained assignment", "FEATURES = MACHINES = 3\n" + steps, "line 1:1: give each name its own line"},
		{"attribute target", "x.FEATURES = 3\n" + steps, "line 1:1: assign to FEATURES, MACHINES or STEPS"},
		{"a call", steps + "\nprint(STEPS)", "line 2:1: only FEATURES = …, MACHINES = … and STEPS = [...] belong here"},
		{"a function", "def f():\n    pass\n" + steps, "line 1:1: only FEATURES = …, MACHINES = … and STEPS = [...] belong here"},
		{"a loop", steps + "\nfor i in STEPS:\n    pass", "line 2:1: only FEATURES = …, MACHINES = … and STEPS = [...] belong here"},
		{"annotation without value", "FEATURES: int\n" + steps, "line 1:1: give the name a value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.code)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("error = %q\nwant    %q", err, tc.want)
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1 {
				t.Errorf("error %#v is not a positioned *Error", err)
			}
		})
	}
}

// A syntax error keeps the parser's position and message.
func TestParseSyntaxError(t *testing.T) {
	_, err := Parse("FEATURES = 4\nSTEPS = [work(\"a\", 1)\n")
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not an *Error", err)
	}
	if pe.Line < 2 || !strings.HasPrefix(err.Error(), "line ") {
		t.Errorf("error = %q, want one on line 2 or later", err)
	}
}
