package load

import (
	"fmt"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		src  string
		want string // kind:text[unit]@line, space-separated
	}{
		{"20 x at 0 GET /stock\n", "count:20@1 at:0@1 path:/stock@1"},
		{"# comment\n4x at 2.5s POST /delay/2?x=1 # note\r\nat 100ms GET /\n",
			"count:4@2 at:2.5s@2 path:/delay/2?x=1@2 at:100ms@3 path:/@3"},
		{"every 0.5 from 0.25 to 4 GET /ping\n", "every:0.5@1 from:0.25@1 to:4@1 path:/ping@1"},
		{`3 x url = "http://127.0.0.1:8000/sleep/0.5#frag"` + "\n-X POST\nurl: https://h?q=1\n",
			"count:3@1 path:/sleep/0.5@1 path:?q=1@3"},
		{`url = "http://h/a\\b/2"`, ""}, // an escape: the path's place is not its text
		{"", ""},
	}
	for _, tt := range tests {
		toks, err := Tokens(tt.src)
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		var got []string
		for _, k := range toks {
			got = append(got, fmt.Sprintf("%s:%s%s@%d", k.Kind, k.Text, k.Unit, k.Line))
			if tt.src[k.Start:k.End] != k.Text {
				t.Errorf("%q: [%d:%d] is %q, not %q", tt.src, k.Start, k.End, tt.src[k.Start:k.End], k.Text)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.src, strings.Join(got, " "), tt.want)
		}
	}
	if _, err := Tokens("at x GET /\n"); err == nil || err.Error() != `line 1:4: expected a time in seconds (like 0.25, 2s or 100ms), found "x"` {
		t.Errorf("a bad load: %v", err)
	}
}

// FuzzTokens: Tokens fails exactly when Parse does, and each token is at
// its text, in order.
func FuzzTokens(f *testing.F) {
	f.Add("20 x at 0 GET /stock\nevery 0.5 from 0.25 to 4 GET /delay/2\n")
	f.Add(`2x url = "http://h:80/a/1/2?x#y"` + "\r\nat 100ms GET /\n")
	f.Add("-X POST\n")
	f.Fuzz(func(t *testing.T, src string) {
		toks, err := Tokens(src)
		if _, perr := Parse(src); (err == nil) != (perr == nil) || err != nil && err.Error() != perr.Error() {
			t.Fatalf("Tokens: %v; Parse: %v", err, perr)
		}
		end := 0
		for _, k := range toks {
			if k.Start < end || k.End > len(src) || src[k.Start:k.End] != k.Text {
				t.Fatalf("token %+v is not at its text", k)
			}
			end = k.Start
		}
	})
}
