package py

import "looplab/wasm/sim"

// modules are the importable (simulated) modules by dotted name.
var modules = map[string]*Module{}

func init() {
	tp := &Builtin{Name: "run_in_threadpool", Fn: runInThreadpool}
	conc := &Module{Name: "starlette.concurrency", Attrs: map[string]Value{"run_in_threadpool": tp}}
	fa := fastapiModule()
	fconc := &Module{Name: "fastapi.concurrency", Attrs: map[string]Value{"run_in_threadpool": tp}}
	fa.Attrs["concurrency"] = fconc
	for _, m := range []*Module{
		dataclassesModule(), enumModule(),
		pydanticModule(),
		functoolsModule(),
		asyncioModule(), fa, fconc, conc,
		starletteModule(conc),
		{Name: "uvicorn", Attrs: map[string]Value{"run": &Builtin{Name: "uvicorn.run", Fn: uvicornRun}}},
	} {
		modules[m.Name] = m
	}
}

// uvicornRun is a no-op: the simulator always serves the app with uvicorn.
func uvicornRun(c *call) (Value, sim.Effect, *Exception) { return nil, nil, nil }
