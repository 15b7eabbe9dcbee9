//go:build browser

// Command perf measures the playground against its performance budgets
// and prints one table, every figure beside its budget: transfer sizes,
// time to the lesson text and to the first simulation frame (cold and on
// a repeat visit), Go time and allocation per frame while a 1,000-request
// run plays, frame pacing, number change to redrawn frame for every lesson
// scenario and for 10,000 requests, and the simulator's go test -bench
// figures when given their output.
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
	bench := flag.String("bench", "", "go test -bench output to read the simulator's figures from")
	floor := flag.String("floor", "", "Ebitengine's least program built as the playground is (scripts/perf/floor), to report the renderer's share of the wasm")
	flag.Parse()
	var t table
	if err := measureTransfer(*site, *floor, &t); err != nil {
		log.Fatal(err)
	}
	if err := measureBrowser(*site, *runs, &t); err != nil {
		log.Fatal(err)
	}
	if *bench != "" {
		out, err := os.ReadFile(*bench)
		if err != nil {
			log.Fatal(err)
		}
		if err := simulatorFigures(string(out), &t); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Print(t.markdown())
	if missed := t.missed(); len(missed) > 0 {
		fmt.Printf("\nover budget: %s\n", strings.Join(missed, "; "))
	}
}
