//go:build browser

package main

import "testing"

func TestParseLighthouse(t *testing.T) {
	report := `{"categories": {"performance": {"score": 0.915}},
	  "audits": {"total-blocking-time": {"numericValue": 284},
	    "largest-contentful-paint": {"numericValue": 1832.05},
	    "long-tasks": {"details": {"items": [{"url": "Unattributable", "duration": 57},
	      {"url": "http://127.0.0.1:8080/app.js", "duration": 183, "startTime": 1613}]}},
	    "network-requests": {"details": {"items": [{"url": {"type": "url"}}]}}}}`
	r, err := parseLighthouse([]byte(report))
	if err != nil {
		t.Fatal(err)
	}
	if r.score != 92 || r.tbt != 284 || r.lcp != 1832.05 {
		t.Errorf("got %+v", r)
	}
	if got := longTasks(r, "http://127.0.0.1:8080/"); got != "2, longest 183 ms (/app.js)" {
		t.Errorf("long tasks: %q", got)
	}
	if _, err := parseLighthouse([]byte(`{"runtimeError": {"code": "NO_FCP", "message": "no paint"}}`)); err == nil {
		t.Error("a runtime error was not reported")
	}
}
