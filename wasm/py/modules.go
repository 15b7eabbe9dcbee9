package py

// modules are the importable (simulated) modules by dotted name: those
// of the runtime, registered here, and the libraries' (library.go).
var modules = map[string]*Module{}

func init() {
	for _, m := range []*Module{
		dataclassesModule(), enumModule(),
		pydanticModule(),
		functoolsModule(),
		asyncioModule(), fastapiModule(),
	} {
		modules[m.Name] = m
	}
}
