package scenario

import "looplab/wasm/py"

// Undefined lists the names code reads that nothing defines, each where
// it is read. They are not errors: as in CPython, reading one raises
// NameError only when its line runs. The editor marks them as warnings,
// so a typo shows as it is typed. Code that does not compile has none.
func Undefined(code string) []py.Undefined {
	prog, err := py.Load(pythonFile(""), []byte(code))
	if err != nil {
		return nil
	}
	if prog.Undefined == nil {
		return []py.Undefined{}
	}
	return prog.Undefined
}
