package pipeline

import (
	"errors"
	"os"
	"testing"

	"looplab/wasm/stage/geom"
)

// FuzzParse: any code either fails with a positioned *Error or gives a plan
// within the limits that runs and lays out without panicking.
func FuzzParse(f *testing.F) {
	lesson, err := os.ReadFile("testdata/lesson.py")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(lesson))
	for _, s := range []string{
		"", "STEPS = [work(\"a\", 1)]", "FEATURES = 50\nMACHINES = 20\nSTEPS = [wait(\"w\", 1000)]",
		"STEPS = [wait(\"a\")]", "STEPS = [work(\"a\", 1e309)]", "STEPS = [work(name=\"a\", minutes=0.0005)]",
		"FEATURES = 2.5", "x = 1", "\"\"\"doc\"\"\"\nimport asyncio\nSTEPS = (work('a', 2),)", "STEPS = [", "def f(:",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		p, err := Parse(code)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1 || pe.Msg == "" {
				t.Fatalf("error %#v is not a positioned *Error", err)
			}
			return
		}
		if p.Features < 1 || p.Features > maxFeatures || p.Machines < 1 || p.Machines > maxMachines || len(p.Steps) < 1 || len(p.Steps) > maxSteps {
			t.Fatalf("plan outside the limits: %+v", p)
		}
		for _, s := range p.Steps {
			if s.Dur <= 0 || s.Dur > maxMinutes*Minute || s.Name == "" {
				t.Fatalf("bad step %+v", s)
			}
		}
		r := Run(p)
		if r.Duration <= 0 {
			t.Fatalf("duration %v", r.Duration)
		}
		l := NewLayout(r)
		l.SetView(360, 300, 1, geom.Dark)
		l.Frame(r.Duration/2, 100, 100)
	})
}
