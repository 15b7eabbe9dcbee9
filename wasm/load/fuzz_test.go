package load

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// FuzzParse checks what every caller relies on: Parse never panics, its
// errors are *Error pointing into the text, its requests are valid and
// sorted, and Format writes them back losslessly.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		`url = "http://127.0.0.1:8000/slow"`,
		`url="http://h/a?b=1#c"`,
		`url: http://h`,
		"--url \"http://h/x\"\n",
		"-X POST\nurl = \"http://h/submit\"\r\n",
		"request = \"put\"\nurl http://h/",
		"at 0.25 GET /health # comment",
		"at 2.5s post /x\nat 100ms GET /y",
		"4 x at 0 GET /\n2x url = \"https://h/\"",
		"every 0.1 from 0 to 2 GET /health",
		"every 0.000001 from 0 to 1 GET /",
		"  \t# only a comment\n\n",
		`url = "http://h/a\"b"`,
		`url = "http://h/unterminated`,
		"at -1 GET /",
		"at 0.1234567 GET /",
		"at 0 FOO /x",
		"at 0 GET x",
		"4 x",
		"-X POST",
		"100001 x at 0 GET /",
		"every 0 from 0 to 1 GET /",
		"at 0 GET /café",
		"\xff\xfe",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		reqs, err := Parse(src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v, want *Error", err, err)
			}
			lines := strings.Count(src, "\n") + 1
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("error %v outside the %d-line text", err, lines)
			}
			return
		}
		lines := strings.Count(src, "\n") + 1
		for _, r := range reqs {
			if r.Line < 1 || r.Line > lines || r.At < 0 || r.At > MaxTime ||
				!slices.Contains(methods, r.Method) || checkPath(r.Path) != nil {
				t.Fatalf("invalid request %+v", r)
			}
		}
		if !slices.IsSortedFunc(reqs, byAt) {
			t.Fatal("requests not sorted by time")
		}
		assertRoundTrip(t, reqs)
	})
}
