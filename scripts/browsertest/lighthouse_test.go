//go:build browser

package browsertest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"looplab/scripts/internal/headless"
)

// TestLighthouseAccessibility runs Lighthouse's accessibility audits, as
// npm's lighthouse package pins them, on a lesson with a predict question
// on a phone and on a laptop, and on a compare lesson: each must score
// 100. The reports go to LOOPLAB_ARTIFACTS/lighthouse.
func TestLighthouseAccessibility(t *testing.T) {
	cli := "../../node_modules/lighthouse/cli/index.js"
	if _, err := os.Stat(cli); err != nil {
		t.Fatalf("lighthouse is missing (npm ci at the top of the repository installs it; make test does): %v", err)
	}
	chrome, err := headless.Chromium()
	if err != nil {
		t.Fatal(err)
	}
	url, _ := serve(t, siteDir(t))
	out := os.Getenv("LOOPLAB_ARTIFACTS")
	if out == "" {
		out = t.TempDir()
	}
	out = filepath.Join(out, "lighthouse")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, hash, preset string }{
		{"phone-fastapi-blocking", "#/fastapi-blocking", ""},
		{"laptop-fastapi-blocking", "#/fastapi-blocking", "desktop"},
		{"laptop-three-ways", "#/three-ways", "desktop"},
	} {
		report := filepath.Join(out, c.name+".json")
		args := []string{cli, url + c.hash, "--only-categories=accessibility", "--output=json", "--output-path=" + report,
			"--quiet", "--chrome-flags=" + headless.LighthouseFlags + " --user-data-dir=" + t.TempDir()}
		if c.preset != "" {
			args = append(args, "--preset="+c.preset)
		}
		cmd := exec.Command("node", args...)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: lighthouse: %v\n%s", c.name, err, msg)
		}
		var r struct {
			RuntimeError *struct{ Code, Message string }
			Categories   map[string]struct {
				Score     *float64
				AuditRefs []struct{ ID string }
			}
			Audits map[string]struct {
				Title string
				Score *float64
			}
		}
		b, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: report: %v", c.name, err)
		}
		if r.RuntimeError != nil && r.RuntimeError.Code != "" {
			t.Fatalf("%s: lighthouse could not audit the page: %s %s", c.name, r.RuntimeError.Code, r.RuntimeError.Message)
		}
		a11y := r.Categories["accessibility"]
		if a11y.Score == nil || *a11y.Score < 1 {
			var failed []string
			for _, ref := range a11y.AuditRefs {
				if a := r.Audits[ref.ID]; a.Score != nil && *a.Score < 1 {
					failed = append(failed, ref.ID+": "+a.Title)
				}
			}
			score := -1.0
			if a11y.Score != nil {
				score = *a11y.Score * 100
			}
			t.Errorf("%s: accessibility %.0f, not 100; failing audits:\n  %s", c.name, score, strings.Join(failed, "\n  "))
		}
	}
}
