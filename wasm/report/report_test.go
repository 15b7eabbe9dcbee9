package report

import (
	"os"
	"strings"
	"testing"

	"looplab/wasm/scenario"
	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

func run(t *testing.T, name string) *trace.Trace {
	t.Helper()
	dir := "../scenario/testdata/golden/"
	code, err := os.ReadFile(dir + name + ".py")
	if err != nil {
		t.Fatal(err)
	}
	load, _ := os.ReadFile(dir + name + ".load")
	tr, err := scenario.Run(scenario.Spec{Code: string(code), Load: string(load)})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestMeasureBlockedLoop(t *testing.T) {
	m := Measure(run(t, "blocked_loop"))
	s := trace.Second
	// Two time.sleep(4) back to back; the loop also parses each of the six
	// requests (sim.Config.RequestCPU), in turn, while the others wait.
	p := sim.Config{}.Defaults().RequestCPU
	total := 12*s + 6*p
	want := Metrics{Total: total, Requests: 6, Completed: 6, LatencyMin: 4*s + p, LatencyMedian: 12*s + 7*p/2, LatencyMax: total,
		Throughput: 6 / total.Seconds(), Stall: 8*s + 6*p, StallFrom: 0, StallWhy: m.StallWhy}
	if m != want {
		t.Errorf("Measure = %+v\nwant      %+v", m, want)
	}
	if !strings.Contains(m.StallWhy, "time.sleep(4)") {
		t.Errorf("stall reason %q does not name time.sleep(4)", m.StallWhy)
	}
}

func TestMeasureGIL(t *testing.T) {
	m := Measure(run(t, "factorize"))
	if m.GILWait <= 0 {
		t.Errorf("GILWait = %v with CPU-bound executor threads", m.GILWait)
	}
	if m.Stall <= 0 || m.Stall > m.Total {
		t.Errorf("Stall = %v of %v", m.Stall, m.Total)
	}
}

func TestLongestStallMergesBackToBackSpans(t *testing.T) {
	spans := []trace.Span{
		{From: 0, To: 10, State: trace.Run, Label: "a"},
		{From: 10, To: 40, State: trace.GILWait, Label: "waiting for the GIL"},
		{From: 50, To: 60, State: trace.Blocked, Label: "b"},
	}
	from, d, why := longestStall(spans)
	if from != 0 || d != 40 || why != "waiting for the GIL" {
		t.Errorf("longestStall = %v, %v, %q", from, d, why)
	}
}

func TestNarrate(t *testing.T) {
	lines := Narrate(run(t, "blocked_loop"))
	var texts []string
	for _, l := range lines {
		texts = append(texts, l.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"GET /slow #1: time.sleep(4) blocks the event loop; 5 other requests wait",
		"GET /slow #2: time.sleep(4) blocks the event loop; 4 other requests wait",
		"GET / #3: await asyncio.sleep(4)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("narration lacks %q:\n%s", want, all)
		}
	}
	for i := 1; i < len(lines); i++ {
		if lines[i].T < lines[i-1].T {
			t.Fatalf("narration out of order at %d", i)
		}
	}
}

func TestNarrateSumsUpGILHandOffs(t *testing.T) {
	tr := run(t, "factorize")
	lines := Narrate(tr)
	gil := 0
	for _, e := range tr.Events {
		if e.Kind == trace.EvGIL {
			gil++
		}
	}
	if len(lines) >= len(tr.Events) || gil == 0 {
		t.Fatalf("%d lines for %d events (%d GIL hand-offs): hand-offs not summed up", len(lines), len(tr.Events), gil)
	}
	found := false
	for _, l := range lines {
		if l.Kind == "gil" && strings.Contains(l.Text, "the GIL changes hands") && l.To > l.T {
			found = true
		}
	}
	if !found {
		t.Error("no summed-up GIL line")
	}
}

func TestQuantile(t *testing.T) {
	v := []float64{5, 1, 4, 2, 3}
	for _, tt := range []struct{ q, want float64 }{{0, 1}, {0.5, 3}, {0.99, 5}, {1, 5}} {
		if got := Quantile(v, tt.q); got != tt.want {
			t.Errorf("Quantile(%v) = %v, want %v", tt.q, got, tt.want)
		}
	}
	if v[0] != 5 || Quantile(nil, 0.5) != 0 {
		t.Error("Quantile changed its input or failed on none")
	}
}

// TestNarrateTasks: a task's creation, the exception that escapes it, a
// timeout and a cancellation are told on the lanes they happen to.
func TestNarrateTasks(t *testing.T) {
	tr, err := scenario.Run(scenario.Spec{Code: `import asyncio

async def check(item):
    raise ValueError("bad input")

async def slow():
    await asyncio.sleep(5)

async def main():
    task = asyncio.create_task(check("B"))
    try:
        await task
    except ValueError:
        pass
    try:
        await asyncio.wait_for(slow(), timeout=1.5)
    except asyncio.TimeoutError:
        pass

asyncio.run(main())
`})
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{T: 0, Kind: "create", Text: "Task-2 check('B'): is created"},
		{T: 0, Kind: "error", Text: "Task-2 check('B'): raises ValueError: bad input"},
		{T: 0, Kind: "create", Text: "Task-3 slow(): is created"},
		{T: 1500 * trace.Millisecond, Kind: "timeout", Text: "Task-1 main(): wait_for times out after 1.5 s and cancels what it waited for"},
		{T: 1500 * trace.Millisecond, Kind: "cancel", Text: "Task-3 slow(): is cancelled"},
	}
	var got []Line
	for _, l := range Narrate(tr) {
		switch l.Kind {
		case "create", "error", "timeout", "cancel":
			if !strings.HasPrefix(l.Text, "Task-1 main(): is created") {
				got = append(got, l)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("narrated %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d is %+v, want %+v", i, got[i], want[i])
		}
	}
}
