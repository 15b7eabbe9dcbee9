//go:build browser

package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"looplab/scripts/internal/headless"
)

// lighthouseCLI is npm's Lighthouse, from the top of the repository.
const lighthouseCLI = "node_modules/lighthouse/cli/index.js"

// lighthouseLesson is the page Lighthouse audits: the first lesson.
const lighthouseLesson = "#/async-or-parallel"

// lighthouseRun is what one Lighthouse run found.
type lighthouseRun struct {
	score, tbt, lcp float64 // 0-100, ms, ms
	tasks           []longTask
}

type longTask struct {
	URL      string
	Duration float64
}

// measureLighthouse audits the first lesson's performance runs times with
// Lighthouse's mobile preset and runs times with its desktop preset, each
// in a fresh profile, and reports the medians. Lighthouse throttles the
// page as it sees fit (a slow phone, or a desktop), so its budgets are
// absolute.
func measureLighthouse(site string, runs int, t *table) error {
	if _, err := os.Stat(lighthouseCLI); err != nil {
		return fmt.Errorf("lighthouse is missing (npm ci at the top of the repository installs it; make site does): %v", err)
	}
	url, stop, err := headless.Serve(site)
	if err != nil {
		return err
	}
	defer stop()
	found := map[string][]lighthouseRun{}
	for _, preset := range []string{"mobile", "desktop"} {
		for i := 0; i < runs; i++ {
			r, err := runLighthouse(url+lighthouseLesson, preset)
			if err != nil {
				return fmt.Errorf("lighthouse, %s: %w", preset, err)
			}
			found[preset] = append(found[preset], r)
		}
	}
	of := func(preset string, f func(lighthouseRun) float64) float64 {
		var v []float64
		for _, r := range found[preset] {
			v = append(v, f(r))
		}
		return median(v)
	}
	score := func(r lighthouseRun) float64 { return r.score }
	mobile, desktop := of("mobile", score), of("desktop", score)
	tbt := of("mobile", func(r lighthouseRun) float64 { return r.tbt })
	lcp := of("mobile", func(r lighthouseRun) float64 { return r.lcp })
	t.add(fmt.Sprintf("Lighthouse mobile performance (first lesson, median of %d runs)", runs), fmt.Sprintf("%.0f", mobile), "≥ 90", mobile >= 90)
	t.absolute("… total blocking time", fmt.Sprintf("%.0f ms", tbt), "≤ 200 ms", tbt <= 200)
	t.absolute("… largest contentful paint", fmt.Sprintf("%.2f s", lcp/1000), "≤ 2.5 s", lcp <= 2500)
	t.add("Lighthouse desktop performance", fmt.Sprintf("%.0f", desktop), "≥ 98", desktop >= 98)
	t.note("… main-thread long tasks Lighthouse saw, in the run of the median score (mobile; desktop)",
		longTasks(medianRun(found["mobile"]), url)+"; "+longTasks(medianRun(found["desktop"]), url))
	return nil
}

// runLighthouse runs Lighthouse's performance category once on url with a
// preset (mobile, its default, or desktop) in a fresh profile.
func runLighthouse(url, preset string) (lighthouseRun, error) {
	chrome, err := headless.Chromium()
	if err != nil {
		return lighthouseRun{}, err
	}
	dir, err := os.MkdirTemp("", "looplab-perf-lighthouse-")
	if err != nil {
		return lighthouseRun{}, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "report.json")
	args := []string{lighthouseCLI, url, "--only-categories=performance", "--output=json", "--output-path=" + out, "--quiet",
		"--chrome-flags=" + headless.LighthouseFlags + " --user-data-dir=" + filepath.Join(dir, "profile")}
	if preset != "mobile" {
		args = append(args, "--preset="+preset)
	}
	cmd := exec.Command("node", args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return lighthouseRun{}, fmt.Errorf("%v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return lighthouseRun{}, err
	}
	return parseLighthouse(b)
}

// parseLighthouse reads the figures out of a Lighthouse JSON report.
func parseLighthouse(b []byte) (lighthouseRun, error) {
	var r struct {
		RuntimeError *struct{ Code, Message string }
		Categories   map[string]struct{ Score *float64 }
		Audits       struct {
			TBT   struct{ NumericValue float64 } `json:"total-blocking-time"`
			LCP   struct{ NumericValue float64 } `json:"largest-contentful-paint"`
			Tasks struct {
				Details struct{ Items []longTask }
			} `json:"long-tasks"`
		}
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return lighthouseRun{}, fmt.Errorf("report: %w", err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		return lighthouseRun{}, fmt.Errorf("could not audit the page: %s %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	perf := r.Categories["performance"].Score
	if perf == nil {
		return lighthouseRun{}, fmt.Errorf("the report has no performance score")
	}
	tasks := r.Audits.Tasks.Details.Items
	slices.SortFunc(tasks, func(a, b longTask) int { return cmp.Compare(b.Duration, a.Duration) })
	return lighthouseRun{score: math.Round(*perf * 100), tbt: r.Audits.TBT.NumericValue, lcp: r.Audits.LCP.NumericValue, tasks: tasks}, nil
}

// medianRun is the run whose score is the median.
func medianRun(runs []lighthouseRun) lighthouseRun {
	s := slices.Clone(runs)
	slices.SortStableFunc(s, func(a, b lighthouseRun) int { return cmp.Compare(a.score, b.score) })
	return s[(len(s)-1)/2]
}

// longTasks says how many long tasks a run saw and which was longest, its
// URL relative to the site's.
func longTasks(r lighthouseRun, site string) string {
	if len(r.tasks) == 0 {
		return "none"
	}
	l := r.tasks[0]
	where := strings.TrimPrefix(l.URL, strings.TrimSuffix(site, "/"))
	return fmt.Sprintf("%d, longest %.0f ms (%s)", len(r.tasks), l.Duration, where)
}
