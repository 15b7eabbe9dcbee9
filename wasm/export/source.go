package export

import (
	"regexp"
	"slices"
	"strings"

	"looplab/wasm/py/syntax"
)

// source is what the export needs to know about the scenario's code.
type source struct {
	usesCPU bool // calls the simulator's built-in cpu() and does not define its own
	// seedsRandom says the code imports random and never seeds it: the
	// simulator's generator starts from seed 0, so the export seeds it too
	seedsRandom bool
	upstream    bool     // calls http://upstream/...
	appName     string   // the FastAPI variable uvicorn serves, "app" in app:app
	packages    []string // what pip must install besides the standard library
	exported    string   // the code as exported (see rewrite)
	debug       string   // how the code turns on asyncio's debug mode (debugCall), or ""
}

// Where the exported upstream server listens; the exported code calls it
// there instead of http://upstream, as scripts/fidelity does with its port.
const (
	upstreamPort = "8001"
	upstreamURL  = "http://127.0.0.1:" + upstreamPort
)

// upstreamRef is http://upstream (or https, or with a port) up to where its
// host ends, so "http://upstreams.example" is left alone. Go's regexp has
// no lookahead: the character after the host is captured and put back.
var upstreamRef = regexp.MustCompile(`https?://upstream(?::[0-9]+)?([/?#"'\s]|$)`)

// pipPackages maps the third-party modules the simulator knows to what pip
// installs; everything else it knows (asyncio, time, concurrent.futures,
// starlette, which FastAPI brings) is the standard library or comes along.
var pipPackages = map[string]string{
	"fastapi":  "fastapi",
	"uvicorn":  "uvicorn",
	"httpx":    "httpx",
	"requests": "requests",
	"asyncpg":  "asyncpg",
}

func analyze(mod *syntax.Module, code string, app bool) source {
	s := source{upstream: upstreamRef.MatchString(code), appName: appName(mod), debug: debugCall(mod)}
	usesCPU, definesCPU := false, false
	usesRandom, seeds := false, false
	pkgs := map[string]bool{}
	if app {
		pkgs["fastapi"], pkgs["uvicorn"] = true, true
	}
	visit := func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Name:
			usesCPU = usesCPU || n.ID == "cpu"
			seeds = seeds || n.ID == "seed"
		case *syntax.Attribute:
			seeds = seeds || n.Name == "seed"
		case *syntax.FuncDef:
			definesCPU = definesCPU || n.Name == "cpu"
		case *syntax.Import:
			for _, in := range n.Names {
				root, _, _ := strings.Cut(in.Name, ".")
				usesRandom = usesRandom || root == "random"
				definesCPU = definesCPU || in.As == "cpu" || in.As == "" && root == "cpu"
				if p, ok := pipPackages[root]; ok {
					pkgs[p] = true
				}
			}
		case *syntax.ImportFrom:
			root, _, _ := strings.Cut(n.Module, ".")
			usesRandom = usesRandom || root == "random"
			if p, ok := pipPackages[root]; ok {
				pkgs[p] = true
			}
			for _, in := range n.Names {
				definesCPU = definesCPU || in.As == "cpu" || in.As == "" && in.Name == "cpu"
			}
		}
		return true
	}
	for _, st := range mod.Body {
		syntax.Inspect(st, visit)
	}
	s.usesCPU = usesCPU && !definesCPU
	s.seedsRandom = usesRandom && !seeds
	for p := range pkgs {
		s.packages = append(s.packages, p)
	}
	// fastapi and uvicorn first, as people write them; then by name.
	slices.SortFunc(s.packages, func(a, b string) int { return strings.Compare(pipRank(a), pipRank(b)) })
	s.exported = s.rewrite(code)
	return s
}

func (s source) hasPackage(p string) bool { return slices.Contains(s.packages, p) }

func pipRank(p string) string {
	switch p {
	case "fastapi":
		return "0"
	case "uvicorn":
		return "1"
	}
	return "2" + p
}

// appName finds the FastAPI app the way the simulator does: the global
// named app if there is one, else the first assigned FastAPI().
func appName(mod *syntax.Module) string {
	first := ""
	for _, st := range mod.Body {
		a, ok := st.(*syntax.Assign)
		if !ok || !isFastAPICall(a.Value) {
			continue
		}
		for _, t := range a.Targets {
			if n, ok := t.(*syntax.Name); ok {
				if n.ID == "app" {
					return "app"
				}
				if first == "" {
					first = n.ID
				}
			}
		}
	}
	if first == "" {
		return "app"
	}
	return first
}

func isFastAPICall(x syntax.Expr) bool {
	call, ok := x.(*syntax.Call)
	if !ok {
		return false
	}
	switch f := call.Func.(type) {
	case *syntax.Name:
		return f.ID == "FastAPI"
	case *syntax.Attribute:
		return f.Name == "FastAPI"
	}
	return false
}

// The export adds at most one line, first, so every line of the
// learner's code is one below where the playground shows it: cpuImport
// for code that calls cpu(), randomSeed for code that uses random without
// seeding it, both on one line when it needs both. cpu is a module of its
// own rather than inlined because process pools pickle a function by
// module and name: each worker process must import it, and
// looplab_cpu.cpu imports anywhere, while a cpu defined in the script
// would be __main__.cpu.
const (
	cpuImport  = "from looplab_cpu import cpu"
	randomSeed = "import random; random.seed(0)"
)

// addedLine is the line the export adds to the code, or "".
func (s source) addedLine() string {
	switch {
	case s.usesCPU && s.seedsRandom:
		return cpuImport + "; " + randomSeed + "  # added by LoopLab's export: see looplab_cpu.py; the playground seeds random with 0"
	case s.usesCPU:
		return cpuImport + "  # added by LoopLab's export: see looplab_cpu.py"
	case s.seedsRandom:
		return randomSeed + "  # added by LoopLab's export: the playground seeds random with 0"
	}
	return ""
}

// rewrite is the code as exported: the added line if any, and calls to
// http://upstream sent to the local stand-in; nothing else changes.
func (s source) rewrite(code string) string {
	code = upstreamRef.ReplaceAllString(code, upstreamURL+"$1")
	if line := s.addedLine(); line != "" {
		code = line + "\n" + code
	}
	if code != "" && !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	return code
}
