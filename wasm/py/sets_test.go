package py_test

import (
	"testing"

	_ "looplab/wasm/py/lib"
)

// A set iterates in CPython's order, dummies and resizes included.
func TestSetOrderIsCPythons(t *testing.T) {
	run := func(code string) string {
		t.Helper()
		out := ""
		for _, p := range runTrace(t, code).Prints {
			out += p.Text + "\n"
		}
		return out
	}
	for _, tc := range []struct{ code, want string }{
		{"s = set()\nfor n in [8080, 443, 80, 8443, 22]:\n    s.add(n)\nprint(s)\n", "{8443, 8080, 80, 22, 443}"},
		{"print({8080, 443, 80, 8443, 22})\n", "{8080, 80, 22, 443, 8443}"},
		{"s = {1, 9, 17}\ns.discard(9)\ns.add(25)\nprint(s, s.pop(), s)\n", "{25, 17} 1 {25, 17}"},
		{"print({'b', 'a', 'c'}, set('hello'))\n", "{'c', 'a', 'b'} {'e', 'h', 'l', 'o'}"},
	} {
		if got := run(tc.code); got != tc.want+"\n" {
			t.Errorf("%q printed %q, want %q", tc.code, got, tc.want)
		}
	}
}
