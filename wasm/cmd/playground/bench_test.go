package main

import (
	"encoding/json"
	"testing"

	"looplab/wasm/stage"
	"looplab/wasm/trace"
)

// layoutOnly lays out the timeline as the stage's Load does, without a
// window to draw in.
type layoutOnly struct{}

func (layoutOnly) Load(tr *trace.Trace) int { _ = stage.NewTimeline(tr); return 1 }
func (layoutOnly) Show(stage.Scene) int     { return 1 }

// tenThousandCode and tenThousandLoad are the performance script's
// 10,000-request run: a FastAPI app with an async and a sync endpoint,
// each hit every millisecond for five seconds.
const tenThousandCode = `import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/fast")
async def fast():
    await asyncio.sleep(0.5)
    return {}


@app.get("/sync")
def sync():
    time.sleep(0.2)
    return {}
`

const tenThousandLoad = "every 0.001 from 0 to 5 GET /fast\nevery 0.001 from 0.0005 to 5 GET /sync\n"

// BenchmarkNumberChange10k is the Go side of a number change on a
// 10,000-request run, natively: simulate, measure, narrate, lay out the
// timeline and encode the result for the page, with the collector held
// back during the run and collecting after it, as the page does (gcHold;
// the page collects later still, once the browser is idle). The
// browser budget for the whole change is 100 ms; wasm runs this about
// three times slower and its collector is dearer still, so watch B/op
// and allocs/op as much as ns/op.
func BenchmarkNumberChange10k(b *testing.B) {
	req := request{Code: tenThousandCode, Load: tenThousandLoad}
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
