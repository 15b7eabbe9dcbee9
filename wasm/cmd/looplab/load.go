package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"looplab/wasm/load"
	"looplab/wasm/trace"
)

// loadCommand prints a load file's requests as JSON, so that tools that
// really send them (the fidelity harness) share the simulator's parser.
func loadCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "looplab load: %v\n", err)
		return 2
	}
	reqs, err := load.Parse(string(src))
	if le, ok := err.(*load.Error); ok {
		fmt.Fprintf(stderr, "%s:%d:%d: %s\n", args[0], le.Line, le.Col, le.Msg)
		return 2
	}
	type request struct {
		Method string     `json:"method"`
		Path   string     `json:"path"`
		At     trace.Time `json:"at"`
		Body   string     `json:"body,omitempty"`
	}
	out := make([]request, len(reqs))
	for i, r := range reqs {
		out[i] = request{r.Method, r.Path, r.At, r.Body}
	}
	b, _ := json.Marshal(out)
	fmt.Fprintf(stdout, "%s\n", b)
	return 0
}
