package export

import (
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/load"
)

// loadMarker is the line of python/client.py that the scenario's load
// replaces. The template stays a valid program on its own (with an empty
// load), so it can be read, linted and tested as Python.
const loadMarker = "LOAD = []  # the exporter writes the scenario's load here\n"

// clientScript is client.py with the load's rows in its table, each with
// the load line it came from as a comment.
func clientScript(reqs []load.Request, loadText string) string {
	src := strings.Split(loadText, "\n")
	var b strings.Builder
	b.WriteString("LOAD = [\n")
	for _, r := range rows(reqs) {
		fmt.Fprintf(&b, "    (%s, %s, %d, %d, %s, %s),", r.start.Text(), r.step.Text(), r.count, r.repeat,
			strconv.Quote(r.method), strconv.Quote(r.path))
		if r.line >= 1 && r.line <= len(src) {
			fmt.Fprintf(&b, "  # %s", strings.TrimSpace(strings.TrimSuffix(src[r.line-1], "\r")))
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	if !strings.Contains(clientTemplate, loadMarker) {
		panic("export: python/client.py lost its LOAD marker line")
	}
	return strings.Replace(clientTemplate, loadMarker, b.String(), 1)
}
