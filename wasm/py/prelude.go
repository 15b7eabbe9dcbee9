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

//go:embed lib/*/*.py
var libFiles embed.FS

// libRef stands in a module (or the builtins) for a name a library file
// defines, until something uses it: a file runs only when a program
// needs it, so the libraries a program does not use cost neither time
// nor the memory every garbage collection would scan.
type libRef struct{ file string }

func (*libRef) TypeName() string          { return "library name" }
func (*libRef) Attr(string) (Value, bool) { return nil, false }

var (
	libIndexOnce sync.Once
	libOnce      = map[string]*sync.Once{}
)

// loadPrelude registers every library file's public names.
func loadPrelude() {
	libIndexOnce.Do(func() {
		var files []string
		fs.WalkDir(libFiles, "lib", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
		for _, file := range files {
			src, _ := libFiles.ReadFile(file)
			mod, err := syntax.Parse(src)
			if err != nil {
				panic(fmt.Sprintf("library %s: %v", file, err))
			}
			name := strings.TrimPrefix(file, "lib/")
			attrs := libTarget(name)
			libOnce[name] = new(sync.Once)
			for _, n := range assignedNames(mod.Body) {
				if _, taken := attrs[n]; !taken && libPublic(n) {
					attrs[n] = &libRef{file: name}
				}
			}
		}
	})
}

// libTarget is where a library file's names go: the builtins, or the
// module its folder names. A folder for a module Go does not define makes
// the module (and its parents: lib/starlette.routing/ makes starlette and
// starlette.routing), so adding a module written in Python is adding a
// folder.
func libTarget(name string) map[string]Value {
	dir := path.Dir(name)
	if dir == "builtins" {
		return builtins
	}
	return libModule(dir).Attrs
}

func libModule(dotted string) *Module {
	if m := modules[dotted]; m != nil {
		return m
	}
	m := &Module{Name: dotted, Attrs: map[string]Value{}}
	modules[dotted] = m
	if i := strings.LastIndexByte(dotted, '.'); i > 0 {
		libModule(dotted[:i]).Attrs[dotted[i+1:]] = m
	}
	return m
}

func libPublic(n string) bool {
	return !strings.HasPrefix(n, "_") || strings.HasPrefix(n, "_drain") || strings.HasPrefix(n, "_star_") || strings.HasPrefix(n, "_asgi_")
}

// resolve is the value v stands for: a library name's value, once its
// file has run.
func resolve(attrs map[string]Value, name string) (Value, bool) {
	v, ok := attrs[name]
	ref, isRef := v.(*libRef)
	if !isRef {
		return v, ok
	}
	libOnce[ref.file].Do(func() {
		if err := runLibraryFn(ref.file); err != nil {
			panic(fmt.Sprintf("library %s: %v", ref.file, err))
		}
	})
	v = attrs[name]
	if _, still := v.(*libRef); still {
		return nil, false
	}
	return v, true
}

// runLibraryFn is runLibrary, through a variable: running a library runs
// the interpreter, whose builtins resolve library names (a cycle Go's
// package initialisation would reject).
var runLibraryFn func(file string) error

func init() { runLibraryFn = runLibrary }

func runLibrary(file string) error {
	name := file
	src, err := libFiles.ReadFile("lib/" + file)
	if err != nil {
		return err
	}
	mod, err := syntax.Parse(src)
	if err != nil {
		return err
	}
	p, err := compileModule(name, mod)
	if err != nil {
		return err
	}
	markLibrary(p.Module)
	r := &Run{prog: p, settings: Settings{}.Defaults(), maxSteps: 1_000_000}
	g := p.newGlobals(strings.TrimSuffix(strings.ReplaceAll(name, "/", "."), ".py"))
	f := p.moduleFiber(r, g)
	eff := f.exec()
	if d, ok := eff.(sim.Done); !ok || d.Err != nil {
		return fmt.Errorf("module code did not finish: %v", eff)
	}
	attrs := libTarget(name)
	for i, n := range p.GlobalNames {
		if !libPublic(n) || !g.Defined[i] {
			continue
		}
		if _, isMod := g.Values[i].(*Module); isMod {
			continue // the library's own imports
		}
		if _, ours := attrs[n].(*libRef); ours {
			attrs[n] = g.Values[i]
		}
	}
	return nil
}

// markLibrary marks a library's code, here and in the code nested in
// it, so that its frames never give the learner's line. It also drops
// what the code keeps of its syntax tree (the declaration, for FastAPI's
// annotations and __doc__): the libraries stay in memory for good, where
// every garbage collection scans them.
func markLibrary(c *Code) {
	c.Library, c.Decl = true, nil
	for _, k := range c.Consts {
		if nested, ok := k.(*Code); ok {
			markLibrary(nested)
		}
	}
}
