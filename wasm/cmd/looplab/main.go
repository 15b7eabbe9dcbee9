// Command looplab is LoopLab's native command line: it simulates a
// scenario and prints its timeline or its JSON trace, and it builds and
// serves the playground's static site.
//
//	looplab sim APP.py [--load FILE] [--cores N] [--workers N]
//	                   [--switch-interval S] [--free-threaded] [--latency S] [--json]
//	looplab load FILE
//	looplab build --wasm-exec PATH [--wasm FILE] [--content DIR] [--web DIR] [--index FILE] [--out DIR]
//	              [--node-modules DIR]
//	looplab serve [--dir DIR] [--addr HOST:PORT]
//	looplab dist [--site DIR] [--out DIR]
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage: looplab sim APP.py [--load FILE] [--cores N] [--workers N]
                   [--switch-interval SECONDS] [--free-threaded]
                   [--latency SECONDS] [--width N] [--json] [--svg FILE [--dark]]
       looplab load FILE
       looplab build --wasm-exec PATH [--wasm FILE] [--content DIR] [--web DIR] [--index FILE] [--out DIR]
                     [--node-modules DIR]
       looplab serve [--dir DIR] [--addr HOST:PORT]
       looplab dist [--site DIR] [--out DIR]

sim simulates APP.py (a FastAPI app, served the requests in --load, or an
asyncio script) on a model of CPython and prints its timeline; --json prints
the trace instead, and --svg also writes the stage's picture of the run
(--dark in its dark theme). load prints the requests of a load file as JSON
([{"method", "path", "at"}], at in seconds), for tools that send them.
build compiles the lessons into the playground's site (make serve runs it),
bundling the page's modules and the code editor (from the npm packages in
--node-modules, which npm ci installs; an empty --node-modules leaves the
editor out), and serve serves that site on 127.0.0.1:8080. dist writes it as one static
folder for any host or CDN: content-hashed names, precompressed files, a
service worker for offline use and a _headers file with the caching and
security headers.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	switch args[0] {
	case "sim":
		return simCommand(args[1:], stdout, stderr)
	case "load":
		return loadCommand(args[1:], stdout, stderr)
	case "build":
		return buildCommand(args[1:], stdout, stderr)
	case "serve":
		return serveCommand(args[1:], stdout, stderr)
	case "dist":
		return distCommand(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "looplab: unknown command %q\n\n%s", args[0], usage)
	return 2
}
