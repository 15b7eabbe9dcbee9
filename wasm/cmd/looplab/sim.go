package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"looplab/wasm/scenario"
	"looplab/wasm/stage/geom"
	"looplab/wasm/stage/svg"
	"looplab/wasm/textview"
	"looplab/wasm/trace"
)

// secondsFlag reads a duration in seconds ("0.005") as virtual time.
type secondsFlag struct{ t *trace.Time }

func (s secondsFlag) String() string {
	if s.t == nil {
		return ""
	}
	return s.t.Text()
}

func (s secondsFlag) Set(v string) error {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || f > 3600 || math.IsNaN(f) {
		return fmt.Errorf("want a number of seconds above 0, got %q", v)
	}
	*s.t = trace.Time(math.Round(f * float64(trace.Second)))
	return nil
}

func simCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("looplab sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	var set scenario.Settings
	loadPath := fs.String("load", "", "file of requests to send (for a FastAPI app)")
	fs.IntVar(&set.Cores, "cores", 4, "CPU cores")
	fs.IntVar(&set.Workers, "workers", 1, "uvicorn worker processes")
	fs.Var(secondsFlag{&set.SwitchInterval}, "switch-interval", "GIL switch interval in seconds (default 0.005)")
	fs.BoolVar(&set.FreeThreaded, "free-threaded", false, "simulate free-threaded Python (3.13t/3.14t): no GIL")
	fs.Var(secondsFlag{&set.Latency}, "latency", "network and database reply time in seconds (default 0.1)")
	fs.Var(secondsFlag{&set.FileLatency}, "file-latency", "how long each open(), read() and write() of a file blocks, in seconds (default 0.001)")
	asJSON := fs.Bool("json", false, "print the JSON trace")
	svgPath := fs.String("svg", "", "also write the stage's picture of the run to this SVG file")
	dark := fs.Bool("dark", false, "draw the SVG in the stage's dark theme")
	width := fs.Int("width", textview.DefaultWidth, "timeline width in characters")

	// Flags may come before or after the file, as people type them.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprintf(stderr, "looplab sim: want exactly one APP.py, got %d\n\n%s", len(files), usage)
		return 2
	}
	if set.Cores < 1 || set.Cores > 1024 || set.Workers < 1 || set.Workers > 64 {
		fmt.Fprintln(stderr, "looplab sim: --cores must be 1 to 1024 and --workers 1 to 64")
		return 2
	}
	spec := scenario.Spec{File: files[0], LoadFile: *loadPath, Settings: set}
	code, err := os.ReadFile(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "looplab sim: %v\n", err)
		return 2
	}
	spec.Code = string(code)
	if *loadPath != "" {
		l, err := os.ReadFile(*loadPath)
		if err != nil {
			fmt.Fprintf(stderr, "looplab sim: %v\n", err)
			return 2
		}
		spec.Load = string(l)
	}
	tr, err := scenario.Run(spec)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if *svgPath != "" {
		th := geom.Light
		if *dark {
			th = geom.Dark
		}
		pic := svg.Timeline(tr, svg.Options{Theme: th, Desc: "Drawn by LoopLab from a simulated run of " + filepath.Base(files[0]) + "."})
		if err := os.WriteFile(*svgPath, pic, 0o644); err != nil {
			fmt.Fprintf(stderr, "looplab sim: %v\n", err)
			return 1
		}
	}
	if *asJSON {
		b, err := tr.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "looplab sim: %v\n", err)
			return 1
		}
		stdout.Write(b)
		return 0
	}
	fmt.Fprint(stdout, textview.Render(tr, *width))
	return 0
}
