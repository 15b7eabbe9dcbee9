package export

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"looplab/wasm/load"
	"looplab/wasm/trace"
)

// expand is what client.py's schedule() does with the rows: each row's
// requests in line order, then a stable sort by time.
func expand(rs []row) []load.Request {
	var out []load.Request
	for _, r := range rs {
		for range r.repeat {
			for k := range r.count {
				out = append(out, load.Request{Method: r.method, Path: r.path, At: r.start + trace.Time(k)*r.step})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b load.Request) int { return int(a.At - b.At) })
	return out
}

// TestRowsRoundTrip checks that the client's table sends exactly the
// requests the simulator sends, in the same order, for tricky loads and
// every load of the fidelity corpus.
func TestRowsRoundTrip(t *testing.T) {
	loads := map[string]string{
		"interleaved":  "every 0.3 from 0 to 2 GET /a\nevery 0.2 from 0 to 2 GET /b\n3 x at 0.6 POST /c\n",
		"out of order": "at 2 GET /late\nat 0 GET /early\n2 x every 1 from 0 to 3 GET /twice\n",
		"curl lines":   "url = \"http://127.0.0.1:8000/x?a=1\"\n-X POST\n2 x url = \"http://h/y\"\n",
		"same line":    "at 0.5 GET /one",
	}
	files, _ := filepath.Glob("../scenario/testdata/fidelity/*.load")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		loads[filepath.Base(f)] = string(b)
	}
	for name, text := range loads {
		reqs, err := load.Parse(text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rs := rows(reqs)
		got := expand(rs)
		if len(got) != len(reqs) {
			t.Fatalf("%s: %d requests from the rows, want %d", name, len(got), len(reqs))
		}
		for i := range reqs {
			w := reqs[i]
			if got[i].At != w.At || got[i].Method != w.Method || got[i].Path != w.Path {
				t.Errorf("%s: request %d is %s %s at %d, want %s %s at %d", name, i, got[i].Method, got[i].Path, got[i].At, w.Method, w.Path, w.At)
			}
		}
		lines := map[int]bool{}
		for _, r := range reqs {
			lines[r.Line] = true
		}
		if len(rs) != len(lines) {
			t.Errorf("%s: %d rows for %d load lines; every line should fit one row", name, len(rs), len(lines))
		}
	}
}
