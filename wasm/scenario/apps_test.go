package scenario

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// testdata/apps.chunks holds small FastAPI apps with their load and the
// requests' outcomes:
//
//	### name [workers=N] [cores=N] [free-threaded]
//	code...
//	--- load
//	at 0 GET /x
//	--- requests
//	GET /x sent=0.000 start=0.000 end=1.000 status=200 worker=1
//	--- prints            (optional)
//	0.000 text
func TestApps(t *testing.T) {
	data, err := os.ReadFile("testdata/apps.chunks")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	defer func() {
		if *update {
			if err := os.WriteFile("testdata/apps.chunks", []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}()
	for _, ch := range parseAppChunks(text) {
		t.Run(ch.name, func(t *testing.T) {
			spec, sections := ch.spec, ch.sections
			tr, err := Run(spec)
			if err != nil {
				t.Fatal(err)
			}
			var reqs, prints strings.Builder
			for _, r := range tr.Requests {
				start := "-"
				if r.Start >= 0 {
					start = fmt.Sprintf("%.3f", r.Start.Seconds())
				}
				fmt.Fprintf(&reqs, "%s %s sent=%.3f start=%s end=%.3f status=%d worker=%d\n",
					r.Method, r.Path, r.Sent.Seconds(), start, r.End.Seconds(), r.Status, r.Worker)
			}
			for _, p := range tr.Prints {
				fmt.Fprintf(&prints, "%.3f %s\n", p.T.Seconds(), p.Text)
			}
			if *update {
				// replace within this chunk only: an empty section's
				// heading is also every other chunk's
				at := strings.Index(text, "### "+ch.name)
				head, rest := text[:at], text[at:]
				rest = strings.Replace(rest, "--- requests\n"+sections["requests"], "--- requests\n"+reqs.String(), 1)
				if want, ok := sections["prints"]; ok {
					rest = strings.Replace(rest, "--- prints\n"+want, "--- prints\n"+prints.String(), 1)
				}
				text = head + rest
				return
			}
			if got := reqs.String(); got != sections["requests"] {
				t.Errorf("requests:\n%s--- want\n%s", got, sections["requests"])
			}
			if want, ok := sections["prints"]; ok && prints.String() != want {
				t.Errorf("prints:\n%s--- want\n%s", prints.String(), want)
			}
		})
	}
}

// appChunk is one app of testdata/apps.chunks: its name, what to run and
// its sections by name ("code", "load", "requests", "prints").
type appChunk struct {
	name     string
	spec     Spec
	sections map[string]string
}

func parseAppChunks(text string) []appChunk {
	var out []appChunk
	for _, ch := range strings.Split(text, "### ")[1:] {
		head, body, _ := strings.Cut(ch, "\n")
		fields := strings.Fields(head)
		spec := Spec{File: "app.py"}
		for _, f := range fields[1:] {
			k, v, _ := strings.Cut(f, "=")
			n, _ := strconv.Atoi(v)
			switch k {
			case "workers":
				spec.Settings.Workers = n
			case "cores":
				spec.Settings.Cores = n
			case "free-threaded":
				spec.Settings.FreeThreaded = true
			}
		}
		sections := map[string]string{}
		key := "code"
		for _, line := range strings.SplitAfter(body, "\n") {
			if strings.HasPrefix(line, "--- ") {
				key = strings.TrimSpace(line[4:])
				continue
			}
			sections[key] += line
		}
		spec.Code, spec.Load = sections["code"], sections["load"]
		out = append(out, appChunk{fields[0], spec, sections})
	}
	return out
}
