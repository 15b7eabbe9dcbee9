package lesson

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"looplab/wasm/scenario"
)

// The course's scenarios join the fidelity corpus, so every run a lesson
// shows is also measured on real CPython. This file says what each block
// becomes there; corpus_test.go keeps the files in sync.

// corpusDir is the fidelity corpus that scripts/fidelity/fidelity.py
// measures and wasm/scenario's TestFidelity replays.
const corpusDir = "../scenario/testdata/fidelity"

// lessonCorpus is every corpus file the lessons produce, by name, and the
// versions left out, each with why.
func lessonCorpus(lessons []*Lesson) (files map[string]string, skipped []string, err error) {
	files = map[string]string{}
	for _, l := range lessons {
		for _, b := range l.Blocks {
			// The pipeline and the plain game loop are models set by
			// constants, not Python programs CPython could run.
			if !b.Simulated() {
				continue
			}
			specs, err := b.Specs()
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", l.File, err)
			}
			for v, spec := range specs {
				name := fmt.Sprintf("lesson_%s_%d", strings.ReplaceAll(l.Slug, "-", "_"), b.Index)
				if v == 1 {
					name += "b"
				}
				from := origin(l, b, v, len(specs))
				if spec.Settings.FreeThreaded {
					// Debian's python3, which the harness measures with,
					// has a GIL: it cannot run this version as simulated.
					skipped = append(skipped, from+": free_threaded = true, and the measuring python3 has a GIL")
					continue
				}
				lines := append([]string{"# From " + from + "."}, corpusHeader(spec)...)
				files[name+".py"] = strings.Join(lines, "\n") + "\n" + spec.Code
				if spec.Load != "" {
					files[name+".load"] = spec.Load
				}
			}
		}
	}
	return files, skipped, nil
}

// origin names a block's version by its lesson, its anchor on the page
// and its title: `content/07-x.md#scenario-1 "Title", version B ("async")`.
func origin(l *Lesson, b *Block, version, versions int) string {
	s := fmt.Sprintf("content/%s#scenario-%d", filepath.Base(l.File), b.Index)
	if b.Title != "" {
		s += fmt.Sprintf(" %q", b.Title)
	}
	if versions > 1 {
		letter := string(rune('A' + version))
		s += ", version " + letter
		if name := b.Options[strings.ToLower(letter)]; name != "" {
			s += fmt.Sprintf(" (%q)", name)
		}
	}
	return s
}

// corpusHeader is the comment lines that tell the harness how to run the
// scenario as the lesson simulates it. Of the settings, cores and seed
// are left out: the replay simulates the measuring machine's cores (the
// harness cannot give a program fewer or more), and takes medians over
// as many seeds as there were measured runs.
//
// No scenario asks for "# compare: latency-distribution": a lesson shows,
// and its questions ask about, single requests, so each is compared as
// sent, identical ones sent together as sorted lists.
func corpusHeader(spec scenario.Spec) []string {
	set := spec.Settings
	var kv []string
	if set.Workers > 1 {
		kv = append(kv, fmt.Sprintf("workers=%d", set.Workers))
	}
	if set.Latency > 0 {
		kv = append(kv, "latency="+set.Latency.Text())
	}
	if set.SwitchInterval > 0 {
		kv = append(kv, "switch_interval="+set.SwitchInterval.Text())
	}
	var lines []string
	if len(kv) > 0 {
		lines = append(lines, "# settings: "+strings.Join(kv, " "))
	}
	// The simulator delivers each connection when its request is sent, to
	// a worker whose loop is free to accept it (wasm/sim/server.go); the
	// harness matches that when it connects at send time. With one worker
	// it would change nothing but add connect time to every latency.
	if spec.Load != "" && set.Workers > 1 {
		lines = append(lines, "# connect: at-send")
	}
	return lines
}

func TestCorpusSettings(t *testing.T) {
	src := "---\ntitle: t\nsummary: s\n---\n```scenario \"Two\" a=\"GIL\" b=\"no GIL\"\n" + okApp +
		"-- load --\nat 0 GET /\n-- settings --\nworkers = 2\ncores = 3\nseed = 7\nlatency = 0.25\nswitch_interval = 0.001\n" +
		"-- compare settings --\nfree_threaded = true\n```\n"
	l, err := Compile("01-a-b.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	files, skipped, err := lessonCorpus([]*Lesson{l})
	if err != nil {
		t.Fatal(err)
	}
	want := "# From content/01-a-b.md#scenario-0 \"Two\", version A (\"GIL\").\n" +
		"# settings: workers=2 latency=0.25 switch_interval=0.001\n# connect: at-send\n" + okApp
	if got := files["lesson_a_b_0.py"]; got != want {
		t.Errorf("lesson_a_b_0.py =\n%s\nwant\n%s", got, want)
	}
	if files["lesson_a_b_0.load"] != "at 0 GET /\n" || len(files) != 2 {
		t.Errorf("files = %v; want the A version's code and load only", sortedKeys(files))
	}
	if len(skipped) != 1 || !strings.Contains(skipped[0], "version B") {
		t.Errorf("skipped = %q; want version B, which is free-threaded", skipped)
	}
}
