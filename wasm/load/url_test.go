package load

import "testing"

func TestPathFromURL(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"http://127.0.0.1:8000/slow", "/slow", ""},
		{"HTTPS://example.com", "/", ""},
		{"http://h?x=1&y=2", "/?x=1&y=2", ""},
		{"http://h#top", "/", ""},
		{"http://user:pw@h:1/a/b/?c", "/a/b/?c", ""},
		{"http://[::1]:8000/v6", "/v6", ""},
		{"http://h//double", "//double", ""},
		{"http://h/%20ok", "/%20ok", ""},
		{"ws://h/", "", `url scheme must be http or https, found "ws"`},
		{"localhost:8000/x", "", `url must start with "http://" or "https://", found "localhost:8000/x"`},
		{"http://", "", `url has no host, found "http://"`},
		{"http://h/a\tb", "", `path contains "\t"; percent-encode it as %09`},
		{"http://h/\"", "", `path contains "\""; percent-encode it as %22`},
		{"http://h/\x7f", "", `path contains "\x7f"; percent-encode it as %7F`},
		{"http://h/\xff", "", `path contains "\xff"; percent-encode it as %FF`},
		{"http://h/\uFFFD", "", `path contains "�"; percent-encode it as %EF%BF%BD`},
	}
	for _, tt := range tests {
		got, err := pathFromURL(tt.in)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("pathFromURL(%q) = %q, %v; want error %s", tt.in, got, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("pathFromURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCanonicalMethod(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"GET", "GET", true},
		{"get", "GET", true},
		{"oPtIoNs", "OPTIONS", true},
		{"delete", "DELETE", true},
		{"CONNECT", "", false},
		{"poſt", "", false}, // U+017F would fold to "s" under strings.EqualFold
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := canonicalMethod(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("canonicalMethod(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
