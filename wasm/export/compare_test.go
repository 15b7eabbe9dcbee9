package export

import (
	"strings"
	"testing"

	"looplab/wasm/internal/golden"
	"looplab/wasm/py/syntax"
	"looplab/wasm/scenario"
)

// compareCases are compare mode's two versions, exported together: code
// that differs (a file each), the same code under other settings (one
// file), and versions of which only one asks for asyncio's debug mode.
var compareCases = []struct {
	name           string
	load           string
	a, b           string // code; b "" is the same as a
	setA, setB     string
	labelA, labelB string
}{
	{
		name: "compare_code",
		load: "3 x at 0 GET /wait\nat 0.5 GET /crunch\n",
		a: `from fastapi import FastAPI
import time

api = FastAPI()


@api.get("/wait")
async def wait():
    time.sleep(2)
    return {}


@api.get("/crunch")
async def crunch():
    cpu(0.1)
    return {}
`,
		b: `from fastapi import FastAPI
import asyncio

api = FastAPI()


@api.get("/wait")
async def wait():
    await asyncio.sleep(2)
    return {}


@api.get("/crunch")
async def crunch():
    cpu(0.1)
    return {}
`,
		labelA: "time.sleep", labelB: "await asyncio.sleep",
	},
	{
		// Only the settings differ: one app.py, two uvicorn commands,
		// two upstreams with their latencies; the shared note is
		// written once, the others with their version's name.
		name: "compare_settings",
		load: "at 0 GET /quote\nat 0.2 GET /quote\n",
		a: `import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/quote")
async def quote():
    return requests.get("http://upstream/price").json()
`,
		setA:   "cores = 2\nworkers = 1\nlatency = 0.5\n",
		setB:   "cores = 2\nworkers = 2\nlatency = 0.25\n",
		labelA: "--workers 1", labelB: "--workers\n2 ", // a label is cleaned to one line
	},
	{
		name: "compare_scripts_debug",
		a: `import asyncio
import time


async def main():
    time.sleep(0.3)


asyncio.run(main())
`,
		b: `import asyncio
import time


async def main():
    time.sleep(0.3)


asyncio.run(main(), debug=True)
`,
		labelA: "", labelB: "debug=True",
	},
}

func TestCompareGolden(t *testing.T) {
	for _, c := range compareCases {
		t.Run(c.name, func(t *testing.T) {
			a, b := compareSpecs(t, c.a, c.b, c.setA, c.setB, c.load)
			p, err := ExportCompare(Version{a, c.labelA}, Version{b, c.labelB})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "testdata/"+c.name+".txt", archive(p), *update)
		})
	}
}

// compareSpecs are two versions as the playground sends them: B's code
// is A's when it has none of its own, and B's settings A's likewise.
func compareSpecs(t *testing.T, codeA, codeB, setA, setB, load string) (a, b scenario.Spec) {
	t.Helper()
	if codeB == "" {
		codeB = codeA
	}
	if setB == "" {
		setB = setA
	}
	sa, err := scenario.ParseSettings(setA)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := scenario.ParseSettings(setB)
	if err != nil {
		t.Fatal(err)
	}
	return scenario.Spec{File: "code", Code: codeA, LoadFile: "load", Load: load, Settings: sa},
		scenario.Spec{File: "compare", Code: codeB, LoadFile: "load", Load: load, Settings: sb}
}

// A version that would not run is not exported, and the error names
// which version's code it is in, as the playground's run does.
func TestCompareErrors(t *testing.T) {
	ok := "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n"
	bad := "x = (1,\n"
	for _, c := range []struct{ a, b, want string }{
		{bad, ok, "code:1:5: "},
		{ok, bad, "compare:1:5: "},
	} {
		a, b := compareSpecs(t, c.a, c.b, "", "", "")
		_, err := ExportCompare(Version{a, "A"}, Version{b, "B"})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("got %v, want an error starting %q", err, c.want)
		}
	}
}

func TestCleanLabel(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"  time.sleep ":             "time.sleep",
		"two\nlines\r\tand\x00more": "two lines and more",
		"a\u2028b":                  "a b",
		strings.Repeat("é", 70):     strings.Repeat("é", 60) + "…",
	} {
		if got := cleanLabel(in); got != want {
			t.Errorf("cleanLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDebugCall(t *testing.T) {
	tests := []struct{ code, want string }{
		{"asyncio.run(main())", ""},
		{"asyncio.run(main(), debug=True)", "asyncio.run(..., debug=True)"},
		{"asyncio.run(main(), debug=False)", ""},
		{"asyncio.run(main(), debug=flag)", ""}, // not a constant: could be either
		{"run(main(), debug=1)", "asyncio.run(..., debug=True)"},
		{"other.run(main(), debug=True)", ""},
		{"loop.set_debug(True)", "set_debug(True)"},
		{"asyncio.get_running_loop().set_debug(enabled=True)", "set_debug(True)"},
		{"loop.set_debug(False)", ""},
		{"loop.set_debug(0)", ""},
		{"loop.set_debug(*args)", ""},
		{"def f():\n    if x:\n        loop.set_debug(True)", "set_debug(True)"},
	}
	for _, tt := range tests {
		mod, err := syntax.Parse([]byte(tt.code + "\n"))
		if err != nil {
			t.Fatalf("%q: %v", tt.code, err)
		}
		if got := debugCall(mod); got != tt.want {
			t.Errorf("debugCall(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}
