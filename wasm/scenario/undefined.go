package scenario

import "looplab/wasm/py"

// Undefined lists the names the checked code reads that nothing defines,
// each where it is read. They are not errors: as in CPython, reading one
// raises NameError only when its line runs. The editor marks them as
// warnings, so a typo shows as it is typed.
func (c Checked) Undefined() []py.Undefined {
	if c.prog == nil || c.prog.Undefined == nil {
		return []py.Undefined{}
	}
	return c.prog.Undefined
}
