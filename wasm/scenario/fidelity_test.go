package scenario

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

// The fidelity corpus (testdata/fidelity) was measured on real CPython,
// FastAPI and uvicorn by scripts/fidelity/fidelity.py (make fidelity). This
// test replays every scenario through the simulator and holds each
// prediction to max(30 ms, 10 %) of the measured median: a request's
// latency, or a print's time since the first print.

const fidelityDir = "testdata/fidelity"

type measured struct {
	Machine   machineFacts                `json:"machine"`
	Scenarios map[string]measuredScenario `json:"scenarios"`
}

// machineFacts describe the machine a record was measured on.
type machineFacts struct {
	Cores     int    `json:"cores"`
	Python    string `json:"python"`
	FastAPI   string `json:"fastapi"`
	Uvicorn   string `json:"uvicorn"`
	AnyIO     string `json:"anyio"`
	Starlette string `json:"starlette"`
	Runs      int    `json:"runs"`
	Date      string `json:"date"`
}

type spread struct{ Median, Min, Max float64 }

type measuredScenario struct {
	Kind     string            `json:"kind"`
	Settings map[string]string `json:"settings"`
	Compare  string            `json:"compare"`
	Runs     int               `json:"runs"` // 0: the machine's count
	// Machine is set when the scenario was re-measured apart from the rest
	// of the corpus, on another machine or day.
	Machine  *machineFacts `json:"machine"`
	Requests []struct {
		Method   string   `json:"method"`
		Path     string   `json:"path"`
		Sent     *float64 `json:"sent"` // absent when a path's latencies form one distribution
		Rank     int      `json:"rank"`
		Statuses []int    `json:"statuses"`
		Latency  spread   `json:"latency"`
	} `json:"requests"`
	Prints []struct {
		Text       string `json:"text"`
		Occurrence int    `json:"occurrence"`
		T          spread `json:"t"`
	} `json:"prints"`
}

// runs is how many times a scenario was measured.
func (m *measured) runs(name string) int {
	if r := m.Scenarios[name].Runs; r > 0 {
		return r
	}
	return m.Machine.Runs
}

// describe is "2026-11-21: 2 cores, Python 3.11.2, FastAPI 0.92.0, ...",
// for the table's notes on where things were measured.
func (mc machineFacts) describe() string {
	return fmt.Sprintf("%s: %d cores, Python %s, FastAPI %s, Starlette %s, uvicorn %s, AnyIO %s",
		mc.Date, mc.Cores, mc.Python, mc.FastAPI, mc.Starlette, mc.Uvicorn, mc.AnyIO)
}

// machine is the machine a scenario was measured on.
func (m *measured) machine(name string) machineFacts {
	if mc := m.Scenarios[name].Machine; mc != nil {
		return *mc
	}
	return m.Machine
}

// comparison is one measured value beside its prediction.
type comparison struct {
	what      string
	measured  spread
	simulated float64
}

func (c comparison) err() float64 { return c.simulated - c.measured.Median }

func (c comparison) tolerance() float64 { return math.Max(0.030, 0.10*c.measured.Median) }

func (c comparison) ok() bool { return math.Abs(c.err()) <= c.tolerance()+1e-9 }

func loadMeasured(t testing.TB) *measured {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fidelityDir, "measured.json"))
	if err != nil {
		t.Fatalf("%v (run make fidelity)", err)
	}
	var m measured
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

// fidelitySeeds is how many seeds the test simulates each scenario with.
// The measured medians come from a handful of runs; the simulated ones need
// not: with this many seeds a simulated median is the model's own, not a
// lucky or unlucky draw, which matters where a scenario's runs differ a lot
// (/health beside CPU-bound threads). At 300 seeds, one seed set and the
// next still differed by up to 15 ms at some ranks, enough to pass or fail
// a value near its tolerance by luck. It only costs test time.
const fidelitySeeds = 900

// simulateFidelity runs a corpus scenario with the measuring machine's
// cores, once per seed, and the comparison takes medians over seeds as the
// harness took medians over runs on real CPython.
func simulateFidelity(t *testing.T, name string, m *measured) []*trace.Trace {
	t.Helper()
	out := make([]*trace.Trace, fidelitySeeds)
	for i := range out {
		out[i] = simulateSeed(t, name, m, uint64(i+1))
	}
	return out
}

func simulateSeed(t *testing.T, name string, m *measured, seed uint64) *trace.Trace {
	t.Helper()
	tr, err := Run(replaySpec(t, name, m, seed))
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// replaySpec is a corpus scenario as the harness ran it: its code and
// load, its measured settings and the measuring machine's cores.
func replaySpec(t testing.TB, name string, m *measured, seed uint64) Spec {
	t.Helper()
	spec := readSpec(t, fidelityDir, name)
	spec.Settings = measuredSettings(t, name, m.Scenarios[name].Settings)
	// The harness cannot give a program other cores than the machine's,
	// so the replay simulates those, whatever a lesson's cores say.
	spec.Settings.Cores = m.machine(name).Cores
	spec.Settings.Seed = seed
	return spec
}

// readSpec reads dir/name.py and, when there is one, dir/name.load.
func readSpec(t testing.TB, dir, name string) Spec {
	t.Helper()
	code, err := os.ReadFile(filepath.Join(dir, name+".py"))
	if err != nil {
		t.Fatal(err)
	}
	spec := Spec{File: name + ".py", Code: string(code), LoadFile: name + ".load"}
	if l, err := os.ReadFile(filepath.Join(dir, name+".load")); err == nil {
		spec.Load = string(l)
	}
	return spec
}

// measuredSettings are the settings the harness ran a scenario with, from
// its "# settings:" header (workers, latency, switch_interval), read as a
// lesson's settings are.
func measuredSettings(t testing.TB, name string, kv map[string]string) Settings {
	t.Helper()
	var lines []string
	for k, v := range kv {
		lines = append(lines, k+" = "+v)
	}
	sort.Strings(lines) // so that an error names the same line every time
	set, err := ParseSettings(strings.Join(lines, "\n"))
	if err != nil {
		t.Fatalf("%s: measured settings: %v", name, err)
	}
	return set
}

func TestMeasuredSettings(t *testing.T) {
	set := measuredSettings(t, "x", map[string]string{"workers": "2", "latency": "0.25", "switch_interval": "0.001"})
	if set.Workers != 2 || set.Latency != 250*trace.Millisecond || set.SwitchInterval != trace.Millisecond {
		t.Errorf("settings = %+v; want every header setting applied", set)
	}
}

// A scenario re-measured on its own is replayed with its own machine's
// cores, and the rest with the corpus machine's.
func TestReplayUsesEachScenariosMachine(t *testing.T) {
	m := &measured{Machine: machineFacts{Cores: 2}, Scenarios: map[string]measuredScenario{
		"await_sleep":  {Machine: &machineFacts{Cores: 4}},
		"blocked_loop": {},
	}}
	for name, want := range map[string]int{"await_sleep": 4, "blocked_loop": 2} {
		if got := replaySpec(t, name, m, 1).Settings.Cores; got != want {
			t.Errorf("%s replays with %d cores; want %d", name, got, want)
		}
	}
}

// compareScenario lines up what was measured with what was simulated.
func compareScenario(t *testing.T, name string, ms measuredScenario, trs []*trace.Trace) []comparison {
	t.Helper()
	var out []comparison
	if ms.Kind == "script" {
		sims := map[string][]float64{}
		for _, tr := range trs {
			if len(tr.Prints) == 0 {
				t.Fatalf("%s printed nothing in the simulator", name)
			}
			first := tr.Prints[0].T
			seen := map[string]int{}
			for _, p := range tr.Prints {
				key := fmt.Sprintf("%s#%d", p.Text, seen[p.Text])
				sims[key] = append(sims[key], (p.T - first).Seconds())
				seen[p.Text]++
			}
		}
		for _, p := range ms.Prints {
			s, ok := sims[fmt.Sprintf("%s#%d", p.Text, p.Occurrence)]
			if !ok {
				t.Errorf("%s: the simulator never printed %q", name, p.Text)
				continue
			}
			out = append(out, comparison{what: "print " + strconv.Quote(p.Text), measured: p.T, simulated: median(s)})
		}
		return out
	}
	// Identical requests finish in no fixed order: like the harness, group
	// them (by method, path and send time, or by path alone when the
	// scenario compares latency distributions) and compare sorted lists.
	byPath := strings.Contains(ms.Compare, "distribution")
	group := func(method, path string, sent float64) string {
		if byPath {
			return method + " " + path
		}
		return fmt.Sprintf("%s %s sent at %.2f s", method, path, sent)
	}
	// Per seed, each group's sorted latencies; then the median per rank.
	perSeed := make([]map[string][]float64, len(trs))
	for i, tr := range trs {
		perSeed[i] = map[string][]float64{}
		for _, r := range tr.Requests {
			key := group(r.Method, r.Path, r.Sent.Seconds())
			if r.End < 0 {
				t.Errorf("%s: %s got no response in the simulator", name, key)
				continue
			}
			perSeed[i][key] = append(perSeed[i][key], (r.End - r.Sent).Seconds())
		}
		for _, l := range perSeed[i] {
			sort.Float64s(l)
		}
	}
	simLat := map[string][]float64{}
	for key, first := range perSeed[0] {
		for k := range first {
			var at []float64
			for _, seed := range perSeed {
				if k < len(seed[key]) {
					at = append(at, seed[key][k])
				}
			}
			simLat[key] = append(simLat[key], median(at))
		}
	}
	for _, r := range ms.Requests {
		sent := 0.0
		if r.Sent != nil {
			sent = *r.Sent
		}
		key := group(r.Method, r.Path, sent)
		lat := simLat[key]
		if r.Rank >= len(lat) {
			t.Errorf("%s: the simulator has fewer requests %q than were measured", name, key)
			continue
		}
		what := key
		if len(lat) > 1 {
			what = fmt.Sprintf("%s, %s fastest of %d", key, ordinal(r.Rank+1), len(lat))
		}
		out = append(out, comparison{what: what, measured: r.Latency, simulated: lat[r.Rank]})
	}
	statuses := map[string]map[int]bool{}
	for _, r := range ms.Requests {
		key := r.Method + " " + r.Path
		if statuses[key] == nil {
			statuses[key] = map[int]bool{}
		}
		for _, s := range r.Statuses {
			statuses[key][s] = true
		}
	}
	for _, r := range trs[0].Requests {
		if key := r.Method + " " + r.Path; !statuses[key][r.Status] {
			t.Errorf("%s: simulated %s answered %d; measured %v", name, key, r.Status, statuses[key])
		}
	}
	return out
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s) == 0 {
		return math.NaN()
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// knownGaps are scenarios the model does not yet predict within tolerance,
// with what is wrong. They stay in the corpus and the published table; the
// test logs their errors instead of failing, and fails once one passes, so
// the list cannot go stale.
var knownGaps = map[string]string{}

func TestFidelity(t *testing.T) {
	m := loadMeasured(t)
	files, _ := filepath.Glob(filepath.Join(fidelityDir, "*.py"))
	var names []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		if _, ok := m.Scenarios[name]; !ok {
			t.Errorf("%s has no measurement (run make fidelity)", name)
			continue
		}
		names = append(names, name)
	}
	results := map[string][]comparison{}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			cmp := compareScenario(t, name, m.Scenarios[name], simulateFidelity(t, name, m))
			results[name] = cmp
			gap, known := knownGaps[name]
			report := t.Errorf
			if known {
				report = t.Logf
			}
			off := 0
			for _, c := range cmp {
				if !c.ok() {
					off++
					report("%s: measured %.3f s, simulated %.3f s: off by %+.0f ms, over the %.0f ms tolerance",
						c.what, c.measured.Median, c.simulated, 1000*c.err(), 1000*c.tolerance())
				}
			}
			if known && off == 0 {
				t.Errorf("%s is now within tolerance: remove it from knownGaps (%s)", name, gap)
			}
		})
	}
	table := fidelityTable(m, names, results)
	path := filepath.Join("..", "..", "docs", "fidelity.md")
	if *update {
		if err := os.WriteFile(path, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if old, err := os.ReadFile(path); err != nil || string(old) != table {
		t.Errorf("docs/fidelity.md is not up to date with the measurements and the model (go test ./wasm/scenario -run Fidelity -update)")
	}
}

// fidelityTable writes docs/fidelity.md: a summary row per scenario and
// every compared value below.
func fidelityTable(m *measured, names []string, results map[string][]comparison) string {
	var b strings.Builder
	mc := m.Machine
	fmt.Fprintf(&b, "# Fidelity: the simulator against real CPython\n\n")
	fmt.Fprintf(&b, "Generated by `go test ./wasm/scenario -run Fidelity -update` from the measurements in\n")
	fmt.Fprintf(&b, "`wasm/scenario/testdata/fidelity/measured.json` (`make fidelity` re-measures). Do not edit.\n\n")
	fmt.Fprintf(&b, "Measured on %s;\n", mc.describe())
	fmt.Fprintf(&b, "each scenario run %d times (or as its section says) on a fresh server, and simulated with %d seeds;\n", mc.Runs, fidelitySeeds)
	fmt.Fprintf(&b, "the medians are compared, with the measured range beside them.\n")
	fmt.Fprintf(&b, "A prediction passes when it is within max(30 ms, 10 %%) of the measured median: a request's\n")
	fmt.Fprintf(&b, "latency, or a print's time since the script's first print. Identical requests (same path,\n")
	fmt.Fprintf(&b, "sent together) are compared as sorted lists, since they finish in no fixed order (AnyIO %s\n", mc.AnyIO)
	fmt.Fprintf(&b, "even hands freed threadpool tokens to the newest waiter, where the model, like AnyIO 3.7+, is\n")
	fmt.Fprintf(&b, "FIFO). Where latency depends on which thread the OS wakes (`/health` beside CPU-bound threads),\n")
	fmt.Fprintf(&b, "a path's latencies are compared as a distribution: sorted, rank by rank.\n\n")
	fmt.Fprintf(&b, "While measuring, one idle-priority spinner per CPU keeps the virtual CPUs awake, as waking an\n")
	fmt.Fprintf(&b, "idle one costs milliseconds. The spinners have a cost of their own: with them, CPU-bound threads\n")
	fmt.Fprintf(&b, "sharing a GIL take about 15 %% longer than their CPU time (each hand-off about 0.7 ms); without\n")
	fmt.Fprintf(&b, "them, two such threads take just their CPU time. The model follows these measurements.\n\n")
	fmt.Fprintf(&b, "| scenario | what it checks | values | worst error | within tolerance |\n| --- | --- | --- | --- | --- |\n")
	for _, name := range names {
		cmp := results[name]
		worst, pass := 0.0, true
		for _, c := range cmp {
			if math.Abs(c.err()) > math.Abs(worst) {
				worst = c.err()
			}
			pass = pass && c.ok()
		}
		mark := "yes"
		if !pass {
			mark = "**no**: " + knownGaps[name]
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %d | %+.0f ms | %s |\n", name, name, scenarioWhat(name), len(cmp), 1000*worst, mark)
	}
	for _, name := range names {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", name, scenarioWhat(name))
		if r := m.runs(name); r != mc.Runs {
			fmt.Fprintf(&b, "Measured %d times.\n", r)
		}
		if own := m.Scenarios[name].Machine; own != nil {
			fmt.Fprintf(&b, "Measured apart from the rest, on %s.\n", own.describe())
		}
		fmt.Fprintf(&b, "\n| value | measured median (min–max) | simulated | error |\n| --- | --- | --- | --- |\n")
		for _, c := range results[name] {
			fmt.Fprintf(&b, "| %s | %.3f s (%.3f–%.3f) | %.3f s | %+.0f ms |\n",
				strings.ReplaceAll(c.what, "|", "\\|"), c.measured.Median, c.measured.Min, c.measured.Max, c.simulated, 1000*c.err())
		}
	}
	return b.String()
}

// scenarioWhat is the first comment line of a corpus scenario.
func scenarioWhat(name string) string {
	code, _ := os.ReadFile(filepath.Join(fidelityDir, name+".py"))
	for _, line := range strings.Split(string(code), "\n") {
		if strings.HasPrefix(line, "# ") && !isDirective(line) {
			return strings.TrimPrefix(line, "# ")
		}
	}
	return ""
}

// isDirective reports whether a comment line tells the harness how to run
// or compare the scenario ("# settings: workers=2").
func isDirective(line string) bool {
	for _, d := range []string{"# settings:", "# connect:", "# compare:", "# runs:"} {
		if strings.HasPrefix(line, d) {
			return true
		}
	}
	return false
}
