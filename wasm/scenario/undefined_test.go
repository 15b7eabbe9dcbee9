package scenario

import (
	"reflect"
	"testing"

	"looplab/wasm/py"
	"looplab/wasm/py/syntax"
)

func TestUndefined(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		want       []py.Undefined
	}{
		{"none", "x = 1\nprint(x)\n", []py.Undefined{}},
		{"a typo, with the name meant", "def work():\n    return 1\n\nif False:\n    wrok()\n",
			[]py.Undefined{{Name: "wrok", Pos: at(5, 5), Msg: "name 'wrok' is not defined; did you mean 'work'?"}}},
		{"each read", "print(a)\nprint(a, b)\n", []py.Undefined{
			{Name: "a", Pos: at(1, 7), Msg: "name 'a' is not defined"},
			{Name: "a", Pos: at(2, 7), Msg: "name 'a' is not defined"},
			{Name: "b", Pos: at(2, 10), Msg: "name 'b' is not defined"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Check(Spec{Code: tc.code})
			if err != nil {
				t.Fatal(err)
			}
			got := c.Undefined()
			for i := range got {
				got[i].Pos.Offset = 0
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Undefined = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// Code that does not compile is an error, and what Check returns with it
// lists no undefined names.
func TestUndefinedOfCodeThatDoesNotCompile(t *testing.T) {
	c, err := Check(Spec{Code: "print(\n"})
	if err == nil || len(c.Undefined()) != 0 {
		t.Errorf("Check: %v, undefined %+v; want an error and none", err, c.Undefined())
	}
}

func at(line, col int) syntax.Pos { return syntax.Pos{Line: line, Col: col} }
