package scenario

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The benchmark regression check. Absolute times say more about the
// machine than about the code, so each benchmark is measured against a
// reference workload in the same run, and its ratio to the reference is
// held to the ratio committed in testdata/bench_baseline.json: more than
// regressionFactor times the baseline fails. go test ./wasm/scenario -run
// BenchmarkRegression -update measures and rewrites the baseline.

const (
	baselineFile     = "testdata/bench_baseline.json"
	regressionFactor = 3.0
	// Each measurement runs a benchmark for about this long, right after
	// the reference, and the median of regressionRounds such ratios is
	// kept, which damps the noise of a shared machine.
	regressionBenchtime = 100 * time.Millisecond
	regressionRounds    = 3
)

// referenceSink keeps the reference workload from being optimised away.
var referenceSink uint64

// referenceWork is the yardstick: deterministic, pure Go and, like the
// simulator, made of small allocations, string building, map look-ups and
// comparisons, so a faster or slower machine (or a busier one) moves it
// as it moves the simulator.
func referenceWork() uint64 {
	const n = 2000
	x := uint64(0x9E3779B97F4A7C15)
	keys := make([]string, n)
	index := make(map[string]int, n)
	for i := range keys {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		keys[i] = strconv.FormatUint(x, 36)
		index[keys[i]] = i
	}
	slices.Sort(keys)
	var sum uint64
	for i, k := range keys {
		sum += uint64(index[k] * i)
	}
	return sum
}

// BenchmarkReference is the workload the regression check divides by.
func BenchmarkReference(b *testing.B) {
	for b.Loop() {
		referenceSink += referenceWork()
	}
}

// lessonCorpus reads every lesson scenario of the fidelity corpus as the
// fidelity test replays it (replaySpec), with seed 1.
func lessonCorpus(tb testing.TB) (names []string, specs []Spec) {
	tb.Helper()
	m := loadMeasured(tb)
	files, _ := filepath.Glob(filepath.Join(fidelityDir, "lesson_*.py"))
	if len(files) == 0 {
		tb.Fatal("no lesson scenarios in the fidelity corpus")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		names = append(names, name)
		specs = append(specs, replaySpec(tb, name, m, 1))
	}
	return names, specs
}

// slowestMetric is the unit of BenchmarkLessonCorpus's slowest scenario.
const slowestMetric = "ns/slowest-scenario"

// BenchmarkLessonCorpus simulates every lesson scenario once per op and
// reports the slowest one: the scenario whose median time is longest
// (a median, so a moment the machine was busy elsewhere does not count).
func BenchmarkLessonCorpus(b *testing.B) {
	names, specs := lessonCorpus(b)
	spent := make([][]float64, len(specs))
	b.ReportAllocs()
	for b.Loop() {
		for i, spec := range specs {
			start := time.Now()
			if _, err := Run(spec); err != nil {
				b.Fatalf("%s: %v", names[i], err)
			}
			spent[i] = append(spent[i], float64(time.Since(start).Nanoseconds()))
		}
	}
	slowest, slowestNs := 0, 0.0
	for i := range spent {
		if m := median(spent[i]); m > slowestNs {
			slowest, slowestNs = i, m
		}
	}
	b.ReportMetric(slowestNs, slowestMetric)
	b.Logf("%d lesson scenarios; the slowest is %s", len(specs), names[slowest])
}

// regressionBenchmarks are the benchmarks the check holds to the
// baseline. A timing metric a benchmark reports (ns/slowest-scenario) is
// held too, as NAME/slowest-scenario.
var regressionBenchmarks = []struct {
	name  string
	bench func(*testing.B)
}{
	{"LessonScenario", BenchmarkLessonScenario},
	{"Factorize", BenchmarkFactorize},
	{"DefEndpoint10k", BenchmarkDefEndpoint10k},
	{"GIL1000Threads", BenchmarkGIL1000Threads},
	{"LessonCorpus", BenchmarkLessonCorpus},
}

// baseline is testdata/bench_baseline.json.
type baseline struct {
	Note string `json:"note"`
	// ReferenceNs is what the reference took where the baseline was
	// measured: for the curious, the check does not use it.
	ReferenceNs float64            `json:"reference_ns_per_op"`
	Ratios      map[string]float64 `json:"ratios"`
}

// ratioRow is one benchmark's ratio now beside its baseline.
type ratioRow struct {
	name          string
	baseline, now float64 // 0: none
}

func (r ratioRow) factor() float64 {
	if r.baseline <= 0 {
		return math.Inf(1)
	}
	return r.now / r.baseline
}

// compareRatios lines up measured ratios with the baseline's and lists the
// problems: a ratio more than factor times its baseline, a benchmark
// without a baseline, a baseline without a benchmark.
func compareRatios(base, now map[string]float64, factor float64) (rows []ratioRow, problems []string) {
	names := map[string]bool{}
	for n := range base {
		names[n] = true
	}
	for n := range now {
		names[n] = true
	}
	for _, n := range slices.Sorted(maps.Keys(names)) {
		b, inBase := base[n]
		v, measured := now[n]
		rows = append(rows, ratioRow{n, b, v})
		switch {
		case !measured:
			problems = append(problems, fmt.Sprintf("%s: in the baseline but not measured (run with -update)", n))
		case !inBase || b <= 0:
			problems = append(problems, fmt.Sprintf("%s: no baseline (run with -update)", n))
		case v > factor*b:
			problems = append(problems, fmt.Sprintf("%s: %.2f× slower than the baseline relative to the reference (ratio %.4g, baseline %.4g, limit %.0f×)",
				n, v/b, v, b, factor))
		}
	}
	return rows, problems
}

// ratioTable renders the rows for the test log.
func ratioTable(rows []ratioRow, referenceNs float64) string {
	var s strings.Builder
	fmt.Fprintf(&s, "reference: %.0f ns/op\n", referenceNs)
	fmt.Fprintf(&s, "%-30s %10s %10s %8s\n", "benchmark", "baseline", "now", "factor")
	for _, r := range rows {
		fmt.Fprintf(&s, "%-30s %10.4g %10.4g %7.2f×\n", r.name, r.baseline, r.now, r.factor())
	}
	return s.String()
}

// nsPerOp is a result's time per op, unrounded.
func nsPerOp(t *testing.T, name string, r testing.BenchmarkResult) float64 {
	t.Helper()
	if r.N == 0 {
		t.Fatalf("benchmark %s failed", name)
	}
	return float64(r.T.Nanoseconds()) / float64(r.N)
}

// ratioSamples collects, per benchmark, its time over the reference's
// time measured just before it: a pair close in time sees the same load
// on a shared machine.
type ratioSamples struct {
	t         *testing.T
	ratios    map[string][]float64
	reference []float64
}

func (s *ratioSamples) measure(name string, bench func(*testing.B)) {
	s.t.Helper()
	ref := nsPerOp(s.t, "Reference", testing.Benchmark(BenchmarkReference))
	r := testing.Benchmark(bench)
	s.reference = append(s.reference, ref)
	s.ratios[name] = append(s.ratios[name], nsPerOp(s.t, name, r)/ref)
	for unit, v := range r.Extra {
		if strings.HasPrefix(unit, "ns/") {
			metric := name + "/" + strings.TrimPrefix(unit, "ns/")
			s.ratios[metric] = append(s.ratios[metric], v/ref)
		}
	}
}

// medians are each benchmark's median ratio.
func (s *ratioSamples) medians() map[string]float64 {
	out := map[string]float64{}
	for n, v := range s.ratios {
		out[n] = median(v)
	}
	return out
}

// shortBenchtime makes testing.Benchmark run each benchmark for about d,
// and puts the flag back when the test ends.
func shortBenchtime(t *testing.T, d time.Duration) {
	t.Helper()
	f := flag.Lookup("test.benchtime")
	if f == nil {
		t.Fatal("no -test.benchtime flag")
	}
	old := f.Value.String()
	if err := f.Value.Set(d.String()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
}

// skipUnlessTimingMeansSomething skips under -short and in builds whose
// instrumentation slows the simulator and the reference unequally.
func skipUnlessTimingMeansSomething(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("timing check skipped under -short")
	}
	if testing.CoverMode() != "" {
		t.Skip("timing check skipped under coverage")
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-gcflags" || (s.Key == "-race" || s.Key == "-msan" || s.Key == "-asan") && s.Value == "true" {
				t.Skipf("timing check skipped in a build with %s %s", s.Key, s.Value)
			}
		}
	}
}

// measureRatios measures each benchmark rounds times, each time beside
// the reference, and returns the median ratios.
func measureRatios(t *testing.T, rounds int, benches map[string]func(*testing.B)) (*ratioSamples, map[string]float64) {
	t.Helper()
	shortBenchtime(t, regressionBenchtime)
	s := &ratioSamples{t: t, ratios: map[string][]float64{}}
	for range rounds {
		for _, n := range slices.Sorted(maps.Keys(benches)) {
			s.measure(n, benches[n])
		}
	}
	return s, s.medians()
}

// TestBenchmarkRegression fails when a simulator benchmark has become more
// than 3× slower, relative to the reference workload, than in the
// committed baseline; -update rewrites the baseline instead.
func TestBenchmarkRegression(t *testing.T) {
	skipUnlessTimingMeansSomething(t)
	start := time.Now()
	benches := map[string]func(*testing.B){}
	for _, rb := range regressionBenchmarks {
		benches[rb.name] = rb.bench
	}
	rounds := regressionRounds
	if *update {
		rounds *= 3 // a baseline is worth a steadier median
	}
	samples, now := measureRatios(t, rounds, benches)
	if !*update {
		// A regression is measured again before it fails the test: one
		// busy moment on a shared machine should not.
		if base, err := readBaseline(); err == nil {
			again := map[string]func(*testing.B){}
			for n, v := range now {
				if b, ok := base.Ratios[n]; ok && v > regressionFactor*b {
					name, _, _ := strings.Cut(n, "/")
					again[name] = benches[name]
				}
			}
			if len(again) > 0 {
				t.Logf("measuring %v again", slices.Sorted(maps.Keys(again)))
				for range regressionRounds {
					for _, n := range slices.Sorted(maps.Keys(again)) {
						samples.measure(n, again[n])
					}
				}
				now = samples.medians()
			}
		}
	}
	referenceNs := median(samples.reference)
	if *update {
		b := baseline{
			Note: "Each benchmark's ns/op over the reference workload's (BenchmarkReference), measured in the same run. " +
				"TestBenchmarkRegression fails above 3x these; go test ./wasm/scenario -run BenchmarkRegression -update rewrites them.",
			ReferenceNs: math.Round(referenceNs),
			Ratios:      map[string]float64{},
		}
		for n, v := range now {
			b.Ratios[n] = roundSignificant(v, 3)
		}
		out, err := json.MarshalIndent(b, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(baselineFile, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", baselineFile)
	}
	base, err := readBaseline()
	if err != nil {
		t.Fatalf("%v (go test ./wasm/scenario -run BenchmarkRegression -update writes it)", err)
	}
	rows, problems := compareRatios(base.Ratios, now, regressionFactor)
	table := ratioTable(rows, referenceNs)
	if len(problems) > 0 {
		t.Errorf("benchmark regression (ratios to the reference workload, limit %.0f× the baseline):\n%s\n%s",
			regressionFactor, strings.Join(problems, "\n"), table)
	} else {
		t.Logf("ratios to the reference workload (limit %.0f× the baseline):\n%s", regressionFactor, table)
	}
	t.Logf("measured in %v", time.Since(start).Round(time.Millisecond))
}

func readBaseline() (*baseline, error) {
	raw, err := os.ReadFile(baselineFile)
	if err != nil {
		return nil, err
	}
	var b baseline
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, fmt.Errorf("%s: %v", baselineFile, err)
	}
	return &b, nil
}

// roundSignificant rounds v to n significant digits.
func roundSignificant(v float64, n int) float64 {
	if v == 0 {
		return 0
	}
	p := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// TestCompareRatios: a synthetic 4× slowdown fails, 2.9× passes, and a
// benchmark missing on either side is reported.
func TestCompareRatios(t *testing.T) {
	base := map[string]float64{"Slower": 0.5, "Within": 2, "Faster": 10, "Gone": 1}
	now := map[string]float64{"Slower": 2, "Within": 5.8, "Faster": 1, "New": 3}
	rows, problems := compareRatios(base, now, 3)
	if len(rows) != 5 {
		t.Errorf("%d rows, want 5: %+v", len(rows), rows)
	}
	want := []string{"Gone: in the baseline but not measured", "New: no baseline", "Slower: 4.00× slower"}
	if len(problems) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(problems, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i, problems[i], w)
		}
	}
	if table := ratioTable(rows, 1000); !strings.Contains(table, "4.00×") || !strings.Contains(table, "reference: 1000 ns/op") {
		t.Errorf("table:\n%s", table)
	}
}

// TestBenchmarkRegressionCatchesSlowdown runs the measurement end to end
// on a deliberately slowed benchmark, the reference workload done five
// times an op, against a baseline that says it runs as fast as the
// reference: the check must fail it, and pass the reference itself.
func TestBenchmarkRegressionCatchesSlowdown(t *testing.T) {
	skipUnlessTimingMeansSomething(t)
	slowed := func(b *testing.B) {
		for b.Loop() {
			for range 5 {
				referenceSink += referenceWork()
			}
		}
	}
	_, now := measureRatios(t, regressionRounds, map[string]func(*testing.B){"Slowed": slowed, "Same": BenchmarkReference})
	_, problems := compareRatios(map[string]float64{"Slowed": 1, "Same": 1}, now, regressionFactor)
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "Slowed: ") {
		t.Errorf("ratios %v; problems %q, want the slowed benchmark alone", now, problems)
	}
}
