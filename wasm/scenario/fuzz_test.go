package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// FuzzRun feeds arbitrary code and loads through the whole pipeline:
// nothing may panic, errors must be positioned *Error values, and a trace
// must be consistent.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.py"))
	for _, file := range files {
		code, _ := os.ReadFile(file)
		load, _ := os.ReadFile(strings.TrimSuffix(file, ".py") + ".load")
		f.Add(string(code), string(load))
	}
	chunks, _ := os.ReadFile(filepath.Join("testdata", "apps.chunks"))
	for _, ch := range strings.Split(string(chunks), "### ")[1:] {
		_, body, _ := strings.Cut(ch, "\n")
		code, rest, _ := strings.Cut(body, "--- load\n")
		load, _, _ := strings.Cut(rest, "--- ")
		f.Add(code, load)
	}
	f.Fuzz(func(t *testing.T, code, load string) {
		set := Settings{Limits: Limits{Steps: 100_000, Events: 200_000, Time: 600 * trace.Second}}
		tr, err := Run(Spec{Code: code, Load: load, Settings: set})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg == "" {
				t.Fatalf("error %q is not a positioned *Error", err)
			}
			return
		}
		checkTrace(t, tr)
	})
}

// checkTrace asserts what every trace must satisfy.
func checkTrace(t *testing.T, tr *trace.Trace) {
	t.Helper()
	for _, r := range tr.Requests {
		if r.End >= 0 && r.End < r.Sent {
			t.Fatalf("%s %s ended at %v before it was sent at %v", r.Method, r.Path, r.End, r.Sent)
		}
		if r.Start >= 0 && r.Start < r.Sent {
			t.Fatalf("%s %s started before it was sent", r.Method, r.Path)
		}
	}
	for _, l := range tr.Lanes {
		var last trace.Time
		for _, s := range l.Spans {
			if s.From >= s.To || s.From < last || s.To > tr.Duration {
				t.Fatalf("lane %q has a bad span %+v (after %v, run ends %v)", l.Name, s, last, tr.Duration)
			}
			last = s.To
		}
	}
	var last trace.Time
	for _, e := range tr.Events {
		if e.T < last {
			t.Fatalf("events go back in time: %v after %v", e.T, last)
		}
		last = e.T
	}
}
