package load

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

func req(line int, method, path string, at trace.Time) Request {
	return Request{Line: line, Method: method, Path: path, At: at}
}

func TestParse(t *testing.T) {
	const ms = trace.Millisecond
	const s = trace.Second
	tests := []struct {
		name string
		src  string
		want []Request
	}{
		{"empty", "", []Request{}},
		{"only comments and blanks", "# a load\n\n   \n\t# more\n", []Request{}},
		{"a JSON body", `at 0 POST /items {"name": "pen", "tags": ["a b"]}  # one`, []Request{{Line: 1, Method: "POST", Path: "/items", Body: `{"name": "pen", "tags": ["a b"]}`}}},
		{"url spaced", `url = "http://127.0.0.1:8000/slow"`, []Request{req(1, "GET", "/slow", 0)}},
		{"url tight", `url="http://127.0.0.1:8000/slow"`, []Request{req(1, "GET", "/slow", 0)}},
		{"url space only", `url "http://127.0.0.1:8000/slow"`, []Request{req(1, "GET", "/slow", 0)}},
		{"url colon", `url: "http://127.0.0.1:8000/slow"`, []Request{req(1, "GET", "/slow", 0)}},
		{"url colon tight unquoted", `url:http://h/x`, []Request{req(1, "GET", "/x", 0)}},
		{"dashed url", `--url "http://127.0.0.1:8000/slow"`, []Request{req(1, "GET", "/slow", 0)}},
		{"unquoted url", `url = http://localhost:8000/x`, []Request{req(1, "GET", "/x", 0)}},
		{"https and query", `url = "https://example.com/users/3?x=1"`, []Request{req(1, "GET", "/users/3?x=1", 0)}},
		{"no path", `url = "http://127.0.0.1:8000"`, []Request{req(1, "GET", "/", 0)}},
		{"query without path", `url = "http://h?q=1"`, []Request{req(1, "GET", "/?q=1", 0)}},
		{"fragment dropped", `url = "http://h/a#frag"`, []Request{req(1, "GET", "/a", 0)}},
		{"hash in quotes is not a comment", `url = "http://h/a?b#c" # real comment`, []Request{req(1, "GET", "/a?b", 0)}},
		{"escaped quote kept out of path", `url = "http://h/a\\b"`, []Request{req(1, "GET", `/a\b`, 0)}},
		{"url keyword any case", `URL = "http://h/"`, []Request{req(1, "GET", "/", 0)}},
		{"url lines in file order", "url = \"http://h/1\"\nurl = \"http://h/2\"\n", []Request{req(1, "GET", "/1", 0), req(2, "GET", "/2", 0)}},
		{"-X sets next url only", "-X POST\nurl = \"http://h/a\"\nurl = \"http://h/b\"",
			[]Request{req(2, "POST", "/a", 0), req(3, "GET", "/b", 0)}},
		{"request option", "request = \"put\"\n\n# c\nurl = \"http://h/a\"", []Request{req(4, "PUT", "/a", 0)}},
		{"--request option", "--request DELETE\n--url http://h/a", []Request{req(2, "DELETE", "/a", 0)}},
		{"method applies to all repeats", "-X PATCH\n2 x url = \"http://h/a\"", []Request{req(2, "PATCH", "/a", 0), req(2, "PATCH", "/a", 0)}},
		{"at seconds", "at 0.25 GET /health", []Request{req(1, "GET", "/health", 250*ms)}},
		{"at integer", "at 1 POST /submit", []Request{req(1, "POST", "/submit", s)}},
		{"at s suffix", "at 2.5s GET /x", []Request{req(1, "GET", "/x", 2500*ms)}},
		{"at ms suffix", "at 100ms GET /x", []Request{req(1, "GET", "/x", 100*ms)}},
		{"method case", "at 0 options /x", []Request{req(1, "OPTIONS", "/x", 0)}},
		{"keywords any case", "AT 0 head /x", []Request{req(1, "HEAD", "/x", 0)}},
		{"comment after request", "at 0 GET /a#b", []Request{req(1, "GET", "/a", 0)}},
		{"whitespace and CRLF", "  \tat 0 GET /a  \r\n\tat 1 GET /b\t\r\n", []Request{req(1, "GET", "/a", 0), req(2, "GET", "/b", s)}},
		{"sorted by time, stable", "at 2 GET /late\nat 1 GET /b\nurl = \"http://h/a\"\nat 1 GET /c",
			[]Request{req(3, "GET", "/a", 0), req(2, "GET", "/b", s), req(4, "GET", "/c", s), req(1, "GET", "/late", 2*s)}},
		{"repeat at", "3 x at 0.5 GET /", []Request{req(1, "GET", "/", 500*ms), req(1, "GET", "/", 500*ms), req(1, "GET", "/", 500*ms)}},
		{"repeat glued", "2x at 0 GET /", []Request{req(1, "GET", "/", 0), req(1, "GET", "/", 0)}},
		{"repeat url", `2 X url = "http://127.0.0.1:8000/"`, []Request{req(1, "GET", "/", 0), req(1, "GET", "/", 0)}},
		{"every excludes end", "every 0.5 from 1 to 2.5 GET /h",
			[]Request{req(1, "GET", "/h", s), req(1, "GET", "/h", 1500*ms), req(1, "GET", "/h", 2*s)}},
		{"every uneven end", "every 1 from 0 to 2.5 GET /h",
			[]Request{req(1, "GET", "/h", 0), req(1, "GET", "/h", s), req(1, "GET", "/h", 2*s)}},
		{"every interleaves with at", "every 1 from 0 to 3 GET /h\nat 1 POST /p",
			[]Request{req(1, "GET", "/h", 0), req(1, "GET", "/h", s), req(2, "POST", "/p", s), req(1, "GET", "/h", 2*s)}},
		{"every 0.1 is exact", "every 0.1 from 0 to 0.3 GET /",
			[]Request{req(1, "GET", "/", 0), req(1, "GET", "/", 100*ms), req(1, "GET", "/", 200*ms)}},
		{"repeat every", "2 x every 1 from 0 to 2 GET /",
			[]Request{req(1, "GET", "/", 0), req(1, "GET", "/", 0), req(1, "GET", "/", s), req(1, "GET", "/", s)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.src)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.src, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %v\nwant %v", tt.src, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"at 0 GET /\nat 0 GET /\nat FOO /x", `line 3:4: expected a time in seconds (like 0.25, 2s or 100ms), found "FOO"`},
		{"at 0 GET /\nat 0 GET /\nat 0 FOO /x", `line 3:6: expected a method (GET, POST, ...), found "FOO"`},
		{"at 0 GET /\nhello", `line 2:1: unknown line; expected 'url = "http://..."' or 'at SECONDS METHOD /path'`},
		{"  GET /x", `line 1:3: unknown line; expected 'url = "http://..."' or 'at SECONDS METHOD /path'`},
		{`"http://h/"`, `line 1:1: unknown line; expected 'url = "http://..."' or 'at SECONDS METHOD /path'`},
		{"\n\n\n\nat 0.5 GET x", `line 5:12: path must start with "/"`},
		{"at 0 GET http://h/x", `line 1:10: path must start with "/"`},
		{"at 0", `line 1:5: expected a method (GET, POST, ...), found end of line`},
		{"at 0 GET", `line 1:9: expected a path like "/slow", found end of line`},
		{"at 0 GET   # no path", `line 1:9: expected a path like "/slow", found end of line`},
		{"at", `line 1:3: expected a time in seconds (like 0.25, 2s or 100ms), found end of line`},
		{"at -1 GET /", `line 1:4: time must not be negative, found "-1"`},
		{"at -0.5s GET /", `line 1:4: time must not be negative, found "-0.5s"`},
		{"at 1.2.3 GET /", `line 1:4: expected a time in seconds (like 0.25, 2s or 100ms), found "1.2.3"`},
		{"at 0.1234567 GET /", `line 1:4: time has more than 6 decimals`},
		{"at 1.2345ms GET /", `line 1:4: time in ms has more than 3 decimals`},
		{"at 1000001 GET /", `line 1:4: time must be at most 1000000 s, found "1000001"`},
		{"at 99999999999999999999 GET /", `line 1:4: time must be at most 1000000 s, found "99999999999999999999"`},
		{"at 0 GET /a b", `line 1:13: unexpected "b" at the end of the line`},
		{`at 0 POST /a {"name": }`, `line 1:23: the request body must be JSON: not valid JSON`},
		{`at 0 POST /a {"name" 1}`, `line 1:22: the request body must be JSON: expected ':' after the key`},
		{`at 0 POST /a {"a": 1} x`, `line 1:23: unexpected "x" at the end of the line`},
		{"at 0 GET /café", `line 1:10: path contains "é"; percent-encode it as %C3%A9`},
		{`url = "http://127.0.0.1:8000/slow`, `line 1:7: unterminated quote; add a closing " at the end of the value`},
		{`url = "http://h/a\"`, `line 1:7: unterminated quote; add a closing " at the end of the value`},
		{`url = "http://h/a b"`, `line 1:7: path contains " "; percent-encode it as %20`},
		{`url = "ftp://h/x"`, `line 1:7: url scheme must be http or https, found "ftp"`},
		{`url = "127.0.0.1:8000/x"`, `line 1:7: url must start with "http://" or "https://", found "127.0.0.1:8000/x"`},
		{`url = ""`, `line 1:7: url must start with "http://" or "https://", found ""`},
		{`url = "http:///x"`, `line 1:7: url has no host, found "http:///x"`},
		{"url =", `line 1:4: expected a url like "http://127.0.0.1:8000/", found end of line`},
		{`url = "http://h/" extra`, `line 1:19: unexpected "extra" at the end of the line`},
		{"-X FOO\nurl = http://h/", `line 1:4: expected a method (GET, POST, ...), found "FOO"`},
		{"-x POST\nurl = http://h/", `line 1:1: unknown line; expected 'url = "http://..."' or 'at SECONDS METHOD /path'`},
		{"-X POST\nat 0 GET /", `line 1:1: method POST is not followed by a url line; it applies to the next url line only`},
		{"at 0 GET /\n  -X POST\n# end", `line 2:3: method POST is not followed by a url line; it applies to the next url line only`},
		{"4 x", `line 1:4: '4 x' must be followed by a request, as in '4 x at 0 GET /'`},
		{"4 x # nothing", `line 1:4: '4 x' must be followed by a request, as in '4 x at 0 GET /'`},
		{"4 x -X POST", `line 1:5: '4 x' must be followed by a request, as in '4 x at 0 GET /'`},
		{"4 at 0 GET /", `line 1:3: expected 'x' after the repeat count, as in '4 x at 0 GET /'`},
		{"4xx at 0 GET /", `line 1:1: expected a repeat count, as in '4 x at 0 GET /', found "4xx"`},
		{"0 x at 0 GET /", `line 1:1: repeat count must be from 1 to 100000 (the repeat limit), found 0`},
		{"100001 x at 0 GET /", `line 1:1: repeat count must be from 1 to 100000 (the repeat limit), found 100001`},
		{"1000000 x at 0 GET /", `line 1:1: repeat count must be from 1 to 100000 (the repeat limit), found 1000000`},
		{"every 0 from 0 to 1 GET /", `line 1:7: the step of 'every' must be more than 0`},
		{"every 1 to 2 GET /", `line 1:9: expected "from", as in 'every STEP from START to END METHOD /path', found "to"`},
		{"every 1 from 0", `line 1:15: expected "to", as in 'every STEP from START to END METHOD /path', found end of line`},
		{"every 1 from 2 to 2 GET /", `line 1:19: the end time must be after the start time (the end is not included)`},
		{"50000 x at 0 GET /\n" + strings.Repeat("10000 x at 1 GET /\n", 5) + " 1 x at 2 GET /",
			`line 7:2: load has more than 100000 requests (the request limit)`},
		{"every 0.00001 from 0 to 1.00001 GET /", `line 1:1: load has more than 100000 requests (the request limit)`},
		{"every 0.000001 from 0 to 1 GET /", `line 1:1: load has more than 100000 requests (the request limit)`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got, err := Parse(tt.src)
			if err == nil {
				t.Fatalf("Parse(%q) = %d requests, want error %s", tt.src, len(got), tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error %T, want *Error", tt.src, err)
			}
			if err.Error() != tt.want {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tt.src, err, tt.want)
			}
		})
	}
}

// The cap counts requests before making them, so a huge "every" fails
// fast instead of allocating first.
func TestParseCapIsCheap(t *testing.T) {
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := Parse("100000 x every 0.000001 from 0 to 1000000 GET /"); err == nil {
			t.Fatal("no error")
		}
	})
	if allocs > 20 {
		t.Errorf("%v allocations to reject an oversized load", allocs)
	}
}

func TestParseExactlyAtCap(t *testing.T) {
	reqs, err := Parse("every 0.00001 from 0 to 1 GET /")
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) != MaxRequests || reqs[len(reqs)-1].At != trace.Second-10 {
		t.Errorf("got %d requests, last at %d", len(reqs), reqs[len(reqs)-1].At)
	}
}

// Requests sent at the same time reach the server in file order. Small
// inputs cannot tell a stable sort from an unstable one (both insertion
// sort), so this uses enough lines to make an unstable sort reorder them.
func TestParseSortIsStable(t *testing.T) {
	var src strings.Builder
	var early, late []Request
	for i := range 200 {
		at := trace.Time(i%3) * trace.Second
		fmt.Fprintf(&src, "at %d GET /%d\n", i%3, i)
		r := req(i+1, "GET", fmt.Sprintf("/%d", i), at)
		if i%3 == 0 {
			early = append(early, r)
		} else {
			late = append(late, r)
		}
	}
	slices.SortStableFunc(late, byAt) // the 1 s before the 2 s, each in file order
	want := append(early, late...)
	got, err := Parse(src.String())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("requests at equal times are not in file order")
	}
}

// sortByTime sorts positions and then moves the requests: it must agree
// with a stable sort, whatever the ties.
func TestSortByTimeIsAStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		var reqs []Request
		for i := range n {
			reqs = append(reqs, Request{Line: i, At: trace.Time(r.IntN(5))})
		}
		want := slices.Clone(reqs)
		slices.SortStableFunc(want, byAt)
		sortByTime(reqs)
		if !slices.Equal(reqs, want) {
			t.Fatalf("%d requests: got %v, want %v", n, reqs, want)
		}
	}
}
