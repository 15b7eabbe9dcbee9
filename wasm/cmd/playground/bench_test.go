package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"looplab/wasm/scenario"
	"looplab/wasm/stage"
	"looplab/wasm/stage/geom"
)

// layoutOnly lays out the timeline as the stage's Load does, without a
// window to draw in.
type layoutOnly struct{}

func (layoutOnly) Show(stage.Scene) int { return 1 }

// workload is the directory of the run the performance script plays
// (scripts/internal/workload), which this benchmark simulates too.
const workload = "../../../scripts/internal/workload"

func readWorkload(b testing.TB, name string) string {
	text, err := os.ReadFile(filepath.Join(workload, name))
	if err != nil {
		b.Fatal(err)
	}
	return string(text)
}

// BenchmarkNumberChange10k is the Go side of a number change on a
// 10,000-request run, natively: simulate, measure, narrate, lay out the
// timeline and encode the result for the page, with the collector held
// back during the run and collecting after it, as the page does (gcHold;
// the page collects later still, once the browser is idle). The
// browser budget for the whole change is 100 ms; wasm runs this about
// three times slower and its collector is dearer still, so watch B/op
// and allocs/op as much as ns/op.
func BenchmarkNumberChange10k(b *testing.B) {
	req := request{Code: readWorkload(b, "busy_api.py"), Load: readWorkload(b, "ten_thousand.load")}
	var hold gcHold
	b.ReportAllocs()
	for b.Loop() {
		hold.run(func() {
			res, _ := simulate(req, layoutOnly{})
			if !res.OK {
				b.Fatal(res.Error.Text)
			}
			if _, err := json.Marshal(res); err != nil {
				b.Fatal(err)
			}
		})
		hold.release()
	}
}

// BenchmarkLayout10k is the stage's part of that number change, natively:
// laying the 10,000-request run out (its rows, groups of alike lanes,
// markers) and building its first frame at the stage's usual size.
func BenchmarkLayout10k(b *testing.B) {
	req := request{Code: readWorkload(b, "busy_api.py"), Load: readWorkload(b, "ten_thousand.load")}
	spec, err := specOf(req.Code, "code", req.Load, req.Settings)
	if err != nil {
		b.Fatal(err)
	}
	tr, err := scenario.Run(spec)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		tl := geom.NewTimeline(tr, geom.Options{})
		tl.SetView(800, 450, 1, geom.Light)
		tl.Frame(tr.Duration/2, -1, -1)
	}
}
