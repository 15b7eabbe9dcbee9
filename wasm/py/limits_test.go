package py_test

import (
	"strings"
	"testing"

	_ "looplab/wasm/py/lib"
)

// The interpreter's limits and the edge cases near them: each program
// prints what it must, or dies of the exception that names the limit.
func TestLimitsAndEdges(t *testing.T) {
	tests := []struct{ name, code, want string }{
		{"int arithmetic at the edges", "print(2**62 - 1 + 2**62, -2**62 - 2**62, (-2)**63, 2**62 * -2, 1 << 62, -1 << 63, 7 // -1)\n",
			"9223372036854775807 -9223372036854775808 -9223372036854775808 -9223372036854775808 4611686018427387904 -9223372036854775808 -7\n"},
		{"+ grows past 64 bits", "print(2**63 - 1 + 1)\n", "9223372036854775808\n"},
		{"- grows past 64 bits", "print(-2**62 - 2**62 - 1)\n", "-9223372036854775809\n"},
		{"* grows past 64 bits", "print(2**62 * 2)\n", "9223372036854775808\n"},
		{"unary - grows past 64 bits", "x = (-2)**63\nprint(-x)\n", "9223372036854775808\n"},
		{"abs grows past 64 bits", "print(abs((-2)**63))\n", "9223372036854775808\n"},
		{"// grows past 64 bits", "print((-2)**63 // -1)\n", "9223372036854775808\n"},
		{"% does not", "print((-2)**63 % -1)\n", "0\n"},
		{"<< grows past 64 bits", "print(3 << 62)\n", "13835058055282163712\n"},
		{"a big result that fits again is an int64", "x = 2**64 - 2**64 + 5\nprint(x, type(x).__name__, x == 5, {5: 'a'}[x])\n", "5 int True a\n"},
		{"big integers stop at 65,536 bits", "print(2 ** 70000)\n", "OverflowError: integer too large for the simulator (more than 65,536 bits)"},
		{"so does a shift", "print(1 << 70000)\n", "OverflowError: integer too large for the simulator"},
		{"<< of zero", "print(0 << 100)\n", "0\n"},
		{"-1 to a huge power is quick", "print((-1) ** 10**18, (-1) ** (10**18 + 1), 1 ** 10**18, 0 ** 10**18)\n", "1 -1 1 0\n"},
		{"a string repeated past the limit", "print(len('ab' * 2**62))\n", "MemoryError: a string of over 9223372036854775807 characters"},
		{"replace past the limit", "s = 'a' * 1000000\nt = s.replace('a', 'bb')\n", "MemoryError: a string of 2000000 characters"},
		{"str indexing and slicing", "for s in ['héllo wörld', 'hello world']:\n    print(len(s), s[1], s[-1], s[1:4], s[::-1], s[::2], s[8:2:-2], s[5:2] == '', s[-3:])\n",
			"11 é d éll dlröw olléh hlowrd rwo True rld\n11 e d ell dlrow olleh hlowrd rwo True rld\n"},
		{"list slicing", "l = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\nprint(l[1:7:2], l[::-1], l[8:1:-3], l[5:2], (1, 2, 3)[::2])\n",
			"[1, 3, 5] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [8, 5, 2] [] (1, 3)\n"},
		{"indexing a long string is not quadratic", "s = 'a' * 100000 + 'é'\nn = 0\nfor i in range(1000):\n    n += len(s[i]) + len(s)\nprint(n)\n", "100002000\n"},
		{"the step limit counts work on large values", "l = list(range(1000000))\nfor i in range(1000000):\n    b = -1 in l\n",
			"3:12: the scenario ran more than 20000000 steps (the step limit)"},
		{"replace of the empty string", "s = 'a' * 1000\nprint(len(s.replace('', 'xyz')))\n", "4003\n"},
		{"a list that contains itself", "x = [1]\nx.append(x)\nprint(x, x == x, x in x)\n", "[1, [...]] True True\n"},
		{"a dict that contains itself", "d = {'a': 1}\nd['self'] = d\nprint(d, str(d) == repr(d))\n", "{'a': 1, 'self': {...}} True\n"},
		{"two lists that contain themselves", "x = []\nx.append(x)\ny = []\ny.append(y)\nprint(x == y)\n",
			"RecursionError: maximum recursion depth exceeded in comparison"},
		{"ordering deep lists", "x = []\ny = [1]\nfor _ in range(5000):\n    x = [x]\n    y = [y]\nprint(x < y)\n",
			"RecursionError: maximum recursion depth exceeded in comparison"},
		{"tuple keys are not strings", "d = {(1,): 'tuple', 'tuple:1\\x00': 'str', ('1',): 'str tuple', ((1,),): 'nested'}\nprint(len(d), d[(1,)], d[('1',)], d[((1,),)])\n",
			"4 tuple str tuple nested\n"},
		{"deep tuple keys", "t = 1\nfor _ in range(50):\n    t = (t,)\nd = {t: 'deep'}\nprint(d[t])\n", "deep\n"},
		{"f-string of a huge list", "x = [1] * 1000000\nprint(len(f'{x}'))\n", "MemoryError: a repr of more than 1048576 characters"},
		{"print of a huge list", "x = ['abc'] * 1000000\nprint(x)\n", "MemoryError: a repr of more than 1048576 characters"},
		{"sum of lists", "print(len(sum([[0]] * 1000000, [])))\n", "MemoryError: the scenario built more than 256 MiB"},
		{"a comprehension past the limit", "x = [0] * 1000000\ny = [i for i in x + [0]]\n", "MemoryError: a list of 1000001 items"},
		{"[*x, *x] past the limit", "x = [0] * 600000\ny = [*x, *x]\n", "MemoryError: a list of 1200000 items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runChunk(chunk{code: tt.code})
			if strings.HasSuffix(tt.want, "\n") {
				// the whole output, without the times
				var lines []string
				for _, l := range strings.SplitAfter(got, "\n") {
					if _, text, ok := strings.Cut(l, " "); ok {
						lines = append(lines, text)
					}
				}
				got = strings.Join(lines, "")
				if got != tt.want {
					t.Errorf("got %q, want %q", got, tt.want)
				}
				return
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q\nwant it to contain %q", got, tt.want)
			}
		})
	}
}
