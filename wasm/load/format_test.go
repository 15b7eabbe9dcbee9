package load

import (
	"reflect"
	"testing"

	"looplab/wasm/trace"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		in   []Request
		want string
	}{
		{"empty", nil, ""},
		{"one", []Request{req(7, "GET", "/slow", 0)}, "at 0 GET /slow\n"},
		{"runs become N x", []Request{
			req(1, "GET", "/", 0), req(2, "GET", "/", 0), req(3, "GET", "/", 0),
			req(4, "POST", "/", 0), req(5, "GET", "/", 0),
		}, "3 x at 0 GET /\nat 0 POST /\nat 0 GET /\n"},
		{"sorted stably", []Request{
			req(1, "GET", "/late", 2*trace.Second), req(2, "GET", "/a", 250*trace.Millisecond), req(3, "GET", "/b", 250*trace.Millisecond),
		}, "at 0.25 GET /a\nat 0.25 GET /b\nat 2 GET /late\n"},
		{"microseconds", []Request{req(1, "GET", "/?q=1", 1)}, "at 0.000001 GET /?q=1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format(tt.in); got != tt.want {
				t.Errorf("Format:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFormatDoesNotReorderInput(t *testing.T) {
	in := []Request{req(1, "GET", "/b", 2), req(2, "GET", "/a", 1)}
	Format(in)
	if in[0].Path != "/b" {
		t.Error("Format sorted its argument in place")
	}
}

// A run longer than MaxRepeat must split, or Parse would reject the line.
// (Such a load is over MaxRequests too, so it does not read back.)
func TestFormatLongRun(t *testing.T) {
	reqs := make([]Request, 2*MaxRepeat+5)
	for i := range reqs {
		reqs[i] = req(1, "GET", "/", 0)
	}
	text := Format(reqs)
	if want := "100000 x at 0 GET /\n100000 x at 0 GET /\n5 x at 0 GET /\n"; text != want {
		t.Fatalf("Format = %q, want %q", text, want)
	}
}

func TestFormatRoundTrip(t *testing.T) {
	srcs := []string{
		"url = \"http://127.0.0.1:8000/slow\"\n-X POST\nurl = http://h/submit?x=1\nat 0.25 GET /health",
		"every 0.1 from 0 to 2 GET /health\n4 x at 0 GET /\nat 100ms delete /items/1",
		"at 0.000001 HEAD /\nat 999999.999999 OPTIONS /*",
	}
	for _, src := range srcs {
		reqs, err := Parse(src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", src, err)
		}
		assertRoundTrip(t, reqs)
	}
}

// assertRoundTrip checks that Format writes what Parse reads back to the
// same requests, and that Format is canonical: formatting again is a no-op.
func assertRoundTrip(t *testing.T, reqs []Request) {
	t.Helper()
	text := Format(reqs)
	back, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse(Format(...)) failed: %v\ntext:\n%s", err, text)
	}
	if !reflect.DeepEqual(withoutLines(back), withoutLines(reqs)) {
		t.Fatalf("round trip changed the requests\ntext:\n%s", text)
	}
	if again := Format(back); again != text {
		t.Fatalf("Format is not canonical:\n%s\nthen\n%s", text, again)
	}
}

// withoutLines drops Line numbers, which Format does not keep.
func withoutLines(reqs []Request) []Request {
	out := make([]Request, len(reqs))
	for i, r := range reqs {
		r.Line = 0
		out[i] = r
	}
	return out
}
