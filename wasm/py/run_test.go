package py_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"looplab/wasm/py"
	_ "looplab/wasm/py/lib"
	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// The files in testdata/*.chunks hold many small programs, each with the
// output it must print. A chunk is
//
//	### name [cores=N] [free-threaded] [switch=SECONDS] [simulator-only]
//
// (simulator-only marks a chunk that shows what only the simulator does,
// a limit or a message of its own, which make check-cpython skips)
//
//	python code...
//	--- output
//	0.000 first printed line (time in seconds, then the text)
//	--- error
//	line:col: message        (instead of output: the load error)
var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.chunks")

func TestChunks(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.chunks"))
	if len(files) == 0 {
		t.Fatal("no chunk files")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, ch := range splitChunks(text) {
			t.Run(strings.TrimSuffix(filepath.Base(file), ".chunks")+"/"+ch.name, func(t *testing.T) {
				got := runChunk(ch)
				if got != ch.want && *update {
					text = strings.Replace(text, ch.code+ch.section+ch.want, ch.code+ch.section+got, 1)
					return
				}
				if got != ch.want {
					t.Errorf("%s:%d: %s\n--- got\n%s--- want\n%s", file, ch.line, ch.name, got, ch.want)
				}
			})
		}
		if *update {
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

type chunk struct {
	name, code, want string
	section          string // the "--- output" or "--- error" line
	line             int
	cfg              sim.Config
	isErr            bool
}

func splitChunks(text string) []chunk {
	var out []chunk
	lines := strings.SplitAfter(text, "\n")
	var cur *chunk
	section := ""
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "### "):
			out = append(out, chunk{line: i + 1})
			cur = &out[len(out)-1]
			fields := strings.Fields(l[4:])
			cur.name = fields[0]
			for _, f := range fields[1:] {
				k, v, _ := strings.Cut(f, "=")
				switch k {
				case "cores":
					cur.cfg.Cores, _ = strconv.Atoi(v)
				case "free-threaded":
					cur.cfg.FreeThreaded = true
				case "switch":
					s, _ := strconv.ParseFloat(v, 64)
					cur.cfg.SwitchInterval = trace.Time(s * 1e6)
				}
			}
			section = "code"
		case cur == nil:
		case strings.TrimSpace(l) == "--- output":
			section, cur.section = "want", l
		case strings.TrimSpace(l) == "--- error":
			section, cur.isErr, cur.section = "want", true, l
		case section == "code":
			cur.code += l
		default:
			cur.want += l
		}
	}
	return out
}

// runChunk runs a script and lists its prints (or its error).
func runChunk(ch chunk) string {
	p, err := py.Load("chunk.py", []byte(ch.code))
	if err == nil {
		s := sim.New(ch.cfg)
		if err = p.Start(s, py.Settings{}); err == nil {
			var tr *trace.Trace
			if tr, err = s.Run(); err == nil {
				if ch.isErr {
					return "no error\n"
				}
				var b strings.Builder
				for _, pr := range tr.Prints {
					fmt.Fprintf(&b, "%.3f %s\n", pr.T.Seconds(), pr.Text)
				}
				return b.String()
			}
		}
	}
	var se *syntax.Error
	if errors.As(err, &se) {
		return se.Error() + "\n"
	}
	return "error: " + err.Error() + "\n"
}
