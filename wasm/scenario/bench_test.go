package scenario

import (
	"path/filepath"
	"strings"
	"testing"
)

func benchSpec(b *testing.B, name string) Spec {
	return readSpec(b, filepath.Join("testdata", "golden"), name)
}

func runBench(b *testing.B, spec Spec) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(spec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLessonScenario is a lesson-size scenario: the blocked loop.
func BenchmarkLessonScenario(b *testing.B) { runBench(b, benchSpec(b, "blocked_loop")) }

// BenchmarkFactorize has three CPU-bound threads switching the GIL every 5 ms.
func BenchmarkFactorize(b *testing.B) { runBench(b, benchSpec(b, "factorize")) }

// BenchmarkDefEndpoint10k sends 10,000 requests to a def endpoint.
func BenchmarkDefEndpoint10k(b *testing.B) {
	spec := benchSpec(b, "sync_endpoint")
	spec.Load = "10000 x at 0 GET /sync-slow\n"
	runBench(b, spec)
}

// BenchmarkGIL1000Threads has 1,000 CPU-bound threads contend for the GIL
// for 1 s of simulated time.
func BenchmarkGIL1000Threads(b *testing.B) {
	var code strings.Builder
	code.WriteString("import asyncio\nfrom concurrent.futures import ThreadPoolExecutor\n\n")
	code.WriteString("pool = ThreadPoolExecutor(max_workers=1000)\n\n")
	code.WriteString("async def main():\n    loop = asyncio.get_running_loop()\n")
	code.WriteString("    jobs = [loop.run_in_executor(pool, cpu, 0.001) for _ in range(1000)]\n")
	code.WriteString("    await asyncio.gather(*jobs)\n\nasyncio.run(main())\n")
	spec := Spec{Code: code.String()}
	tr, err := Run(spec)
	if err != nil {
		b.Fatal(err)
	}
	// 1 s of CPU work in 1 ms jobs, plus a GIL hand-off for each job.
	if d := tr.Duration.Seconds(); d < 0.99 || d > 2 {
		b.Fatalf("simulated %v s, want 1 to 2 s", d)
	}
	runBench(b, spec)
}
