package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"looplab/wasm/site"
)

// buildCommand compiles the lessons and assembles the site around the
// playground's wasm, which make builds first.
func buildCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o site.Options
	fs.StringVar(&o.Content, "content", "content", "the lessons")
	fs.StringVar(&o.Web, "web", "web", "the web assets")
	fs.StringVar(&o.Index, "index", "index.html", "the page template")
	fs.StringVar(&o.WasmExec, "wasm-exec", "", "wasm_exec.js of the Go that built the wasm (required)")
	fs.StringVar(&o.Wasm, "wasm", "build/looplab.wasm", "the playground built for js/wasm")
	fs.StringVar(&o.Out, "out", "build/site", "the output directory")
	fs.StringVar(&o.NodeModules, "node-modules", "node_modules", "the npm packages the code editor is bundled from (empty: no editor)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.WasmExec == "" {
		fmt.Fprintln(stderr, "looplab build: --wasm-exec is required ($(go env GOROOT)/lib/wasm/wasm_exec.js)")
		return 2
	}
	if err := site.Build(o); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "built %s\n", o.Out)
	return 0
}

// distCommand writes the static folder for any host or CDN.
func distCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dist", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("site", "build/site", "the built site")
	out := fs.String("out", "dist", "the output directory (replaced)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := site.Dist(*from, *out); err != nil {
		fmt.Fprintf(stderr, "looplab dist: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: serve it from any static host with the headers in %s/_headers\n", *out, *out)
	return 0
}

// defaultAddr is where serve listens unless told otherwise: loopback, so
// the site is never offered to the network by accident.
const defaultAddr = "127.0.0.1:8080"

// serveFlags are serve's flags: the built site and where to listen.
func serveFlags(stderr io.Writer) (fs *flag.FlagSet, dir, addr *string) {
	fs = flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir = fs.String("dir", "build/site", "the built site")
	addr = fs.String("addr", defaultAddr, "where to listen (loopback unless you say otherwise)")
	return fs, dir, addr
}

// serveCommand serves a built site until it is stopped.
func serveCommand(args []string, stdout, stderr io.Writer) int {
	fs, dir, addr := serveFlags(stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "looplab serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "LoopLab is at http://%s/ (Ctrl+C stops it)\n", ln.Addr())
	srv := &http.Server{Handler: site.Handler(*dir), ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintf(stderr, "looplab serve: %v\n", err)
		return 1
	}
	return 0
}
