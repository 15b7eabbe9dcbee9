package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"looplab/wasm/sim"
)

const examples = "../../scenario/testdata/golden/"

func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestFlagsBeforeOrAfterTheFile(t *testing.T) {
	app, load := examples+"blocked_loop.py", examples+"blocked_loop.load"
	code1, a, _ := runCLI("sim", app, "--load", load, "--json")
	code2, b, _ := runCLI("sim", "--json", "--load", load, app)
	if code1 != 0 || code2 != 0 {
		t.Fatalf("exit codes %d and %d", code1, code2)
	}
	if a != b {
		t.Error("flag order changed the output")
	}
	var tr struct {
		Duration float64
		Requests []struct {
			Path string
			End  float64
		}
	}
	if err := json.Unmarshal([]byte(a), &tr); err != nil {
		t.Fatal(err)
	}
	// 12 s and 8 s, and the loop's parsing of the requests served by then
	// (six and two); JSON carries seconds, so compare to within a µs.
	parse := sim.Config{}.Defaults().RequestCPU.Seconds()
	same := func(got, want float64) bool { return math.Abs(got-want) < 1e-6 }
	if !same(tr.Duration, 12+6*parse) || len(tr.Requests) != 6 || !same(tr.Requests[1].End, 8+2*parse) {
		t.Errorf("unexpected trace: %+v", tr)
	}
}

func TestTimelineByDefault(t *testing.T) {
	code, out, _ := runCLI("sim", examples+"three_ways.py")
	if code != 0 || !strings.Contains(out, "gather took 2.0 s") || !strings.Contains(out, "event loop") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestErrorsArePositioned(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.py")
	os.WriteFile(bad, []byte("import asyncio\n\nasync def main():\n    match 1:\n        case 1: pass\n"), 0o644)
	code, out, errOut := runCLI("sim", bad)
	want := bad + ":4:5: match statements are not simulated"
	if code != 2 || out != "" || !strings.HasPrefix(errOut, want) {
		t.Errorf("exit %d, stderr %q, want prefix %q", code, errOut, want)
	}

	app := filepath.Join(dir, "app.py")
	os.WriteFile(app, []byte("from fastapi import FastAPI\napp = FastAPI()\n"), 0o644)
	load := filepath.Join(dir, "load.txt")
	os.WriteFile(load, []byte("at 0 GET /\nat x GET /\n"), 0o644)
	code, _, errOut = runCLI("sim", app, "--load", load)
	if code != 2 || !strings.HasPrefix(errOut, load+":2:4: ") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"simulate"}, {"sim"}, {"sim", "a.py", "b.py"}, {"sim", "--cores", "0", examples + "three_ways.py"}, {"sim", "--switch-interval", "-1", "x.py"}} {
		if code, _, errOut := runCLI(args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if code, _, _ := runCLI("sim", "missing.py"); code != 2 {
		t.Errorf("a missing file should exit 2, got %d", code)
	}
}

func TestSettingsChangeTheRun(t *testing.T) {
	slowest := func(args ...string) float64 {
		_, out, _ := runCLI(append([]string{"sim", examples + "factorize.py", "--load", examples + "factorize.load", "--json"}, args...)...)
		var tr struct {
			Requests []struct {
				Path string
				End  float64
			}
		}
		json.Unmarshal([]byte(out), &tr)
		worst := 0.0
		for _, r := range tr.Requests {
			if r.Path == "/factorize" {
				worst = max(worst, r.End)
			}
		}
		return worst
	}
	withGIL, without, oneCore := slowest(), slowest("--free-threaded"), slowest("--free-threaded", "--cores", "1")
	if withGIL < 2.5 || without > 1.1 || oneCore < 2.9 {
		t.Errorf("/factorize ends at %v with the GIL, %v free-threaded, %v free-threaded on one core; want about 3, 1 and 3",
			withGIL, without, oneCore)
	}
}

func TestLoadCommand(t *testing.T) {
	code, out, _ := runCLI("load", examples+"factorize.load")
	var reqs []struct {
		Method, Path string
		At           float64
	}
	if err := json.Unmarshal([]byte(out), &reqs); code != 0 || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	if len(reqs) != 15 || reqs[3].Path != "/health" || reqs[3].At != 0.1 {
		t.Errorf("requests %+v", reqs)
	}
	bad := filepath.Join(t.TempDir(), "bad.load")
	os.WriteFile(bad, []byte("at 0 GET /\nat x GET /\n"), 0o644)
	if code, _, errOut := runCLI("load", bad); code != 2 || !strings.HasPrefix(errOut, bad+":2:4: ") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestSVG: --svg writes the stage's picture of the run beside the text
// timeline, the same bytes each time, in the theme asked for.
func TestSVG(t *testing.T) {
	dir := t.TempDir()
	light, again, dark := filepath.Join(dir, "a.svg"), filepath.Join(dir, "b.svg"), filepath.Join(dir, "c.svg")
	for _, args := range [][]string{{"--svg", light}, {"--svg", again}, {"--svg", dark, "--dark"}} {
		if code, out, errOut := runCLI(append([]string{"sim", examples + "blocked_loop.py", "--load", examples + "blocked_loop.load"}, args...)...); code != 0 || !strings.Contains(out, "event loop") {
			t.Fatalf("%v: exit %d, %s%s", args, code, out, errOut)
		}
	}
	a, _ := os.ReadFile(light)
	b, _ := os.ReadFile(again)
	c, _ := os.ReadFile(dark)
	if !bytes.HasPrefix(a, []byte("<svg ")) || !bytes.Contains(a, []byte(">GET /slow #1</text>")) || !bytes.Contains(a, []byte("blocked_loop.py")) {
		t.Errorf("not the run's picture: %.400s", a)
	}
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Error("the same run drew different pictures, or the dark theme drew the light one")
	}
}
