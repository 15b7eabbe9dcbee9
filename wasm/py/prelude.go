package py

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"looplab/wasm/py/syntax"
	"looplab/wasm/sim"
)

// Some of the simulated libraries are written in Python, in lib/<module>/,
// on top of the primitives written in Go (futures, tasks, sleeps): asyncio's
// queues, events, conditions and barriers work as CPython's do because they
// are built the same way, parking waiters on futures. Each file is compiled
// and run once; the public names it defines join the module its folder
// names. Their frames belong to the library, not the learner's file: they
// never give the line the timeline marks.

//go:embed lib
var libFiles embed.FS

var preludeOnce sync.Once

// loadPrelude runs the Python libraries into their modules.
func loadPrelude() {
	preludeOnce.Do(func() {
		var files []string
		fs.WalkDir(libFiles, "lib", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
				files = append(files, p)
			}
			return nil
		})
		// builtins, then asyncio, then the rest: later ones use earlier ones
		rank := func(f string) int {
			switch {
			case strings.HasPrefix(f, "lib/builtins/"):
				return 0
			case strings.HasPrefix(f, "lib/asyncio/"):
				return 1
			case strings.HasPrefix(f, "lib/concurrent.futures/"):
				return 2
			}
			return 3
		}
		sort.Slice(files, func(i, j int) bool {
			if ri, rj := rank(files[i]), rank(files[j]); ri != rj {
				return ri < rj
			}
			return files[i] < files[j]
		})
		for _, file := range files {
			if err := runLibrary(file); err != nil {
				panic(fmt.Sprintf("library %s: %v", file, err))
			}
		}
	})
}

func runLibrary(file string) error {
	src, err := libFiles.ReadFile(file)
	if err != nil {
		return err
	}
	name := strings.TrimPrefix(file, "lib/")
	mod, err := syntax.Parse(src)
	if err != nil {
		return err
	}
	p, err := compileModule(name, mod)
	if err != nil {
		return err
	}
	r := &Run{prog: p, settings: Settings{}.Defaults(), maxSteps: 1_000_000}
	g := p.newGlobals(strings.TrimSuffix(strings.ReplaceAll(name, "/", "."), ".py"))
	f := p.moduleFiber(r, g)
	eff := f.exec()
	if d, ok := eff.(sim.Done); !ok || d.Err != nil {
		return fmt.Errorf("module code did not finish: %v", eff)
	}
	target := modules[path.Dir(name)]
	if path.Dir(name) == "builtins" {
		target = &Module{Name: "builtins", Attrs: builtins}
	}
	if target == nil {
		return fmt.Errorf("no module %s to add to", path.Dir(name))
	}
	for i, n := range p.GlobalNames {
		private := strings.HasPrefix(n, "_") && !strings.HasPrefix(n, "_drain")
		if private || !g.Defined[i] {
			continue
		}
		if _, isMod := g.Values[i].(*Module); isMod {
			continue // the library's own imports
		}
		target.Attrs[n] = g.Values[i]
	}
	return nil
}

// isLibrary reports whether code belongs to a library written in Python.
func (c *Code) isLibrary() bool {
	for _, lib := range []string{"asyncio/", "contextlib/", "builtins/", "anyio/", "concurrent.futures/", "multiprocessing/", "pydantic/"} {
		if strings.HasPrefix(c.File, lib) {
			return true
		}
	}
	return false
}
