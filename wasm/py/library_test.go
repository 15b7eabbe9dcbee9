package py_test

import (
	"fmt"
	"strings"
	"testing"

	"looplab/wasm/py"
)

// A module written outside the interpreter, as a library package writes
// one: a value type that adds, compares, formats and works in "with".
type meters struct{ n int64 }

func (m *meters) TypeName() string { return "Meters" }
func (m *meters) String() string   { return fmt.Sprintf("%dm", m.n) }
func (m *meters) Attr(name string) (py.Value, bool) {
	switch name {
	case "n":
		return m.n, true
	case "double":
		return py.NewMethod(m, name, func(c *py.Call) (py.Value, *py.Exception) {
			return &meters{n: 2 * m.n}, nil
		}), true
	}
	return nil, false
}
func (m *meters) Binary(op string, other py.Value, right bool) (py.Value, bool, *py.Exception) {
	o, ok := other.(*meters)
	if op != "+" || !ok {
		return nil, true, py.NewError(py.TypeError, "meters add to meters only")
	}
	return &meters{n: m.n + o.n}, true, nil
}
func (m *meters) Compare(other py.Value) (int, bool) {
	o, ok := other.(*meters)
	if !ok {
		return 0, false
	}
	switch {
	case m.n < o.n:
		return -1, true
	case m.n > o.n:
		return 1, true
	}
	return 0, true
}
func (m *meters) Format(spec string) string { return strings.Repeat("=", int(m.n)) + spec }
func (m *meters) Enter(async bool) (py.Value, *py.Exception) {
	if async {
		return nil, py.NewError(py.TypeError, "use a plain with")
	}
	return m, nil
}
func (m *meters) Exit(async bool) *py.Exception { return nil }

type countKey struct{}

// registerUnits registers testlib.units for one test: the module list
// that an unknown import's error prints stays the product's.
func registerUnits(t *testing.T) {
	t.Cleanup(func() { py.Unregister("testlib.units", "testlib") })
	py.Register(&py.Module{Name: "testlib.units", Attrs: map[string]py.Value{
		"Meters": &py.LibType{Name: "Meters", New: func(c *py.Call) (py.Value, *py.Exception) {
			v, _ := c.Arg(0, "n")
			n, ok := v.(int64)
			if !ok {
				return nil, c.Errorf("Meters() needs an int, not %s", py.TypeName(v))
			}
			return &meters{n: n}, nil
		}},
		"made": &py.Builtin{Name: "made", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			n := c.State(countKey{}, func() any { return new(int64) }).(*int64)
			*n++
			return *n, nil
		})},
	}})
}

func TestALibraryPackageRegistersItsModule(t *testing.T) {
	registerUnits(t)
	for _, tc := range []struct{ code, want string }{
		{"from testlib.units import Meters\nprint(Meters(2) + Meters(3), Meters(4).double().n)\n", "5m 8"},
		{"import testlib.units as u\nprint(u.Meters(2) < u.Meters(3), u.Meters(3) == u.Meters(3), max(u.Meters(1), u.Meters(7)))\n", "True True 7m"},
		{"from testlib.units import Meters\nprint(f'{Meters(3):|}', type(Meters(1)).__name__, Meters)\n", "===| Meters <class 'Meters'>"},
		{"from testlib.units import Meters\nwith Meters(4) as m:\n    print('inside', m)\n", "inside 4m"},
		{"from testlib.units import made\nprint(made(), made(), made())\n", "1 2 3"},
		{"from testlib.units import Meters\ntry:\n    Meters(1) + 1\nexcept TypeError as e:\n    print('TypeError', e)\n", "TypeError meters add to meters only"},
		{"from testlib.units import Meters\ntry:\n    Meters('x')\nexcept TypeError as e:\n    print(e)\n", "Meters() needs an int, not str"},
	} {
		var got []string
		for _, p := range runTrace(t, tc.code).Prints {
			got = append(got, p.Text)
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%q printed %q, want %q", tc.code, strings.Join(got, "\n"), tc.want)
		}
	}
	// The state belongs to one run: a second run counts from 1 again.
	if got := runTrace(t, "from testlib.units import made\nprint(made())\n").Prints[0].Text; got != "1" {
		t.Errorf("a new run's made() = %s, want 1", got)
	}
}

func TestRegisteringAModuleTwicePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("registering json a second time did not panic")
		}
	}()
	py.Register(&py.Module{Name: "json"})
}
