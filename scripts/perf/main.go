//go:build browser

// Command perf measures the playground against its performance budgets
// and prints one table, every figure beside its budget: transfer sizes and
// what the static pictures add to the page, time to the lesson text, to a
// scenario's picture and to the first simulation frame (cold and on a
// repeat visit), Go time and allocation per frame while a 1,000-request
// run plays, frame pacing, number change to redrawn frame for every lesson
// scenario and for 10,000 requests, Lighthouse's performance audit of the
// first lesson, and the simulator's go test -bench figures when given
// their output.
//
// A figure that depends on the machine's speed is judged by its ratio to a
// reference measured in the same run (a plain page's load, a JavaScript
// workload in the page, the simulator's Go reference benchmark) against
// the budget's ratio to the same reference on the machine that set the
// budgets (baseline.json; --update-baseline makes this run's references
// the baseline).
//
//	go run -tags browser ./scripts/perf --site build/site [--bench FILE] [--floor WASM]   (make bench)
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	site := flag.String("site", "build/site", "the built site")
	runs := flag.Int("runs", 5, "page loads to take medians over")
	lighthouseRuns := flag.Int("lighthouse-runs", 3, "Lighthouse runs of each preset to take medians over (0 skips Lighthouse)")
	bench := flag.String("bench", "", "go test -bench output to read the simulator's figures from")
	floor := flag.String("floor", "", "Ebitengine's least program built as the playground is (scripts/perf/floor), to report the renderer's share of the wasm")
	baseline := flag.String("baseline", "scripts/perf/baseline.json", "the references measured on the machine that set the budgets")
	update := flag.Bool("update-baseline", false, "make this run's references the baseline: rewrite --baseline")
	flag.Parse()
	refs := newReferences()
	if err := refs.loadBaseline(*baseline); err != nil {
		log.Fatal(err)
	}
	t := table{refs: []*reference{&refs.load, &refs.cpu}}
	if err := measureTransfer(*site, *floor, &t); err != nil {
		log.Fatal(err)
	}
	if err := measurePictures(*site, &t); err != nil {
		log.Fatal(err)
	}
	if err := measureBrowser(*site, *runs, &t, refs); err != nil {
		log.Fatal(err)
	}
	if *lighthouseRuns > 0 {
		if err := measureLighthouse(*site, *lighthouseRuns, &t); err != nil {
			log.Fatal(err)
		}
	}
	if *bench != "" {
		out, err := os.ReadFile(*bench)
		if err != nil {
			log.Fatal(err)
		}
		if err := simulatorFigures(string(out), &t, &refs.gobench); err != nil {
			log.Fatal(err)
		}
		t.refs = append(t.refs, &refs.gobench)
	}
	if *update {
		if err := refs.saveBaseline(*baseline); err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "wrote %s: this run's references are the baseline\n", *baseline)
	}
	fmt.Print(t.markdown())
	if missed := t.missed(); len(missed) > 0 {
		fmt.Printf("\nover budget: %s\n", strings.Join(missed, "; "))
	}
}
