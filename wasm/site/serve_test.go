package site

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html": "<p>plain</p>", "index.html.br": "BR", "index.html.gz": "GZ",
		"looplab.wasm": "\x00asm", "looplab.wasm.gz": "WASMGZ", "app.js": "js",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		method, path, accept  string
		status                int
		body, ctype, encoding string
	}{
		{"GET", "/", "", 200, "<p>plain</p>", "text/html; charset=utf-8", ""},
		{"GET", "/", "gzip, deflate, br", 200, "BR", "text/html; charset=utf-8", "br"},
		{"GET", "/index.html", "gzip", 200, "GZ", "text/html; charset=utf-8", "gzip"},
		{"GET", "/index.html", "br;q=0, gzip", 200, "GZ", "text/html; charset=utf-8", "gzip"},
		{"GET", "/looplab.wasm", "br, gzip", 200, "WASMGZ", "application/wasm", "gzip"},
		{"GET", "/looplab.wasm", "", 200, "\x00asm", "application/wasm", ""},
		{"GET", "/app.js", "br", 200, "js", "text/javascript; charset=utf-8", ""},
		{"GET", "/index.html.br", "", 404, "", "", ""},
		{"GET", "/../../etc/passwd", "", 404, "", "", ""},
		{"GET", "/missing", "", 404, "", "", ""},
		{"POST", "/", "", 405, "", "", ""},
	}
	h := Handler(dir)
	for _, tt := range tests {
		req := httptest.NewRequest(tt.method, tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Encoding", tt.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		if res.StatusCode != tt.status {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, res.StatusCode, tt.status)
			continue
		}
		if res.Header.Get("Content-Security-Policy") != CSP {
			t.Errorf("%s %s: no CSP header", tt.method, tt.path)
		}
		if tt.status != http.StatusOK {
			continue
		}
		if got := rec.Body.String(); got != tt.body {
			t.Errorf("%s %s (Accept-Encoding %q): body %q, want %q", tt.method, tt.path, tt.accept, got, tt.body)
		}
		if got := res.Header.Get("Content-Type"); got != tt.ctype {
			t.Errorf("%s %s: Content-Type %q, want %q", tt.method, tt.path, got, tt.ctype)
		}
		if got := res.Header.Get("Content-Encoding"); got != tt.encoding {
			t.Errorf("%s %s: Content-Encoding %q, want %q", tt.method, tt.path, got, tt.encoding)
		}
	}
}

// wantCSP is the whole policy, spelled out so that any change to it is a
// deliberate one: scripts only from the site itself, and eval only as
// WebAssembly compilation needs it.
const wantCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'"

// directives splits a policy into its directives' source lists.
func directives(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[f[0]] = f[1:]
		}
	}
	return out
}

func TestCSP(t *testing.T) {
	if CSP != wantCSP {
		t.Errorf("CSP = %q\nwant  %q", CSP, wantCSP)
	}
	d := directives(CSP)
	for name, want := range map[string]string{
		"default-src": "'self'", "script-src": "'self' 'wasm-unsafe-eval'", "style-src": "'self'",
		"object-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'self'",
	} {
		if got := strings.Join(d[name], " "); got != want {
			t.Errorf("%s %q, want %q", name, got, want)
		}
	}
	// Token by token: 'wasm-unsafe-eval' contains "unsafe-eval" as text.
	for name, sources := range d {
		for _, s := range sources {
			switch {
			case s == "'unsafe-inline'", s == "'unsafe-eval'", s == "'unsafe-hashes'", s == "*",
				strings.HasPrefix(s, "'nonce-"), strings.HasPrefix(s, "'sha"):
				t.Errorf("%s allows %s", name, s)
			case (name == "script-src" || name == "default-src") && strings.HasSuffix(s, ":"):
				t.Errorf("%s allows the scheme %s", name, s)
			}
		}
	}
}

// fixtureSite writes a small built site into a fresh directory, beside a secret
// file and folder outside it, with symbolic links from inside to both and
// one to a file inside.
func fixtureSite(t *testing.T) (dir string) {
	t.Helper()
	parent := t.TempDir()
	dir = filepath.Join(parent, "site")
	files := map[string]string{
		"site/index.html": "<p>plain</p>", "site/index.html.br": "BR", "site/app.js": "console.log(1)",
		"site/app.js.gz": "GZ", "site/sub/page.html": "<p>sub</p>", "site/.secret": "SECRET dotfile",
		"site/.git/config": "SECRET git", "site/sub/.hidden": "SECRET hidden",
		"secret.txt": "SECRET outside", "outside/secret.txt": "SECRET outside dir",
	}
	for name, body := range files {
		p := filepath.Join(parent, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"link-out": "../secret.txt", "link-abs": filepath.Join(parent, "secret.txt"),
		"linkdir": "../outside", "link-in.js": "app.js",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	return dir
}

// checkHeaders wants the security headers on every answer, errors too.
func checkHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	if got := h.Get("Content-Security-Policy"); got != wantCSP {
		t.Errorf("%s: Content-Security-Policy %q", what, got)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q, want nosniff", what, got)
	}
	if got := h.Get("Referrer-Policy"); got != "no-referrer" {
		t.Errorf("%s: Referrer-Policy %q, want no-referrer", what, got)
	}
}

// TestHandlerRefuses: whatever the path, the handler serves only files
// inside the site, never a dotfile, a directory or a precompressed copy
// by name, and never follows a link out of the site.
func TestHandlerRefuses(t *testing.T) {
	dir := fixtureSite(t)
	outside := filepath.ToSlash(filepath.Join(filepath.Dir(dir), "secret.txt"))
	targets := []string{
		"/../secret.txt",
		"/../../../../../../etc/passwd",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/%2e%2e%2fsecret.txt",
		"/..%2fsecret.txt",
		"/%252e%252e/secret.txt",     // double-encoded: "%2e%2e" is just a name
		"/%252e%252e%252fsecret.txt", // and so is this
		"/..\\secret.txt",
		"/..%5csecret.txt",
		"/sub\\..\\..\\secret.txt",
		"//secret.txt",
		"///etc/passwd",
		"//../secret.txt",
		"http://example.com/../secret.txt",
		"/" + outside,    // an absolute path on the disk
		"/C:/secret.txt", // or on a drive
		"/index.html%00",
		"/index.html%00.js",
		"/%00../secret.txt",
		"/link-out",
		"/link-abs",
		"/linkdir/secret.txt",
		"/linkdir/",
		"/.secret",
		"/%2esecret",
		"/.git/config",
		"/sub/.hidden",
		"/sub/../.secret",
		"/sub",
		"/sub/",
		"/linkdir",
		"/index.html.br",
		"/index.html.BR",
		"/app.js.gz",
		"/index.html::$DATA",
		"/" + strings.Repeat("a/", 5000) + "index.html",
		"/" + strings.Repeat("%2e%2e/", 2000) + "secret.txt",
		"/" + strings.Repeat("x", 70000),
	}
	h := Handler(dir)
	for _, method := range []string{"GET", "HEAD"} {
		for _, target := range targets {
			req := httptest.NewRequest(method, target, nil)
			req.Header.Set("Accept-Encoding", "br, gzip")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			what := method + " " + shorten(target)
			if rec.Code != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", what, rec.Code)
			}
			if strings.Contains(rec.Body.String(), "SECRET") {
				t.Errorf("%s: served a secret: %q", what, rec.Body.String())
			}
			checkHeaders(t, what, rec.Result().Header)
		}
	}
}

func shorten(s string) string {
	if len(s) > 60 {
		return fmt.Sprintf("%s… (%d bytes)", s[:60], len(s))
	}
	return s
}

// TestHandlerServes: what the site holds is served, a link inside it
// included; HEAD has the headers and no body; ranges work.
func TestHandlerServes(t *testing.T) {
	dir := fixtureSite(t)
	tests := []struct {
		method, target, rng string
		status              int
		body                string
	}{
		{"GET", "/", "", 200, "<p>plain</p>"},
		{"GET", "/sub/page.html", "", 200, "<p>sub</p>"},
		{"GET", "/sub/../app.js", "", 200, "console.log(1)"},
		{"GET", "/%61pp.js", "", 200, "console.log(1)"},
		{"GET", "/link-in.js", "", 200, "console.log(1)"},
		{"HEAD", "/", "", 200, ""},
		{"HEAD", "/app.js", "", 200, ""},
		{"GET", "/app.js", "bytes=0-6", 206, "console"},
		{"GET", "/app.js", "bytes=-3", 206, "(1)"},
		{"HEAD", "/app.js", "bytes=0-6", 206, ""},
		{"GET", "/app.js", "bytes=100-200", 416, ""},
	}
	h := Handler(dir)
	for _, tt := range tests {
		req := httptest.NewRequest(tt.method, tt.target, nil)
		if tt.rng != "" {
			req.Header.Set("Range", tt.rng)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		what := fmt.Sprintf("%s %s (Range %q)", tt.method, tt.target, tt.rng)
		checkHeaders(t, what, rec.Result().Header)
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", what, rec.Code, tt.status)
			continue
		}
		if tt.status == 416 {
			continue
		}
		if got := rec.Body.String(); got != tt.body {
			t.Errorf("%s: body %q, want %q", what, got, tt.body)
		}
		if tt.method == "HEAD" && rec.Header().Get("Content-Length") == "" {
			t.Errorf("%s: no Content-Length", what)
		}
		if tt.status == 206 && rec.Header().Get("Content-Range") == "" {
			t.Errorf("%s: no Content-Range", what)
		}
	}
}

// TestServerRefusesRawPaths sends request lines as a hostile client
// writes them, unnormalised, to a real server running the handler.
func TestServerRefusesRawPaths(t *testing.T) {
	dir := fixtureSite(t)
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, target := range []string{
		"/../secret.txt", "/..%2fsecret.txt", "/sub/../../secret.txt", "/./../secret.txt",
		"..%2fsecret.txt", "../secret.txt", "/..\\secret.txt", "\\..\\secret.txt",
		"/link-out", "/linkdir/secret.txt", "/.git/config", "*",
	} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			conn.Close()
			t.Errorf("GET %s: %v", target, err)
			continue
		}
		body, _ := io.ReadAll(res.Body)
		conn.Close()
		if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404 or 400", target, res.StatusCode)
		}
		if strings.Contains(string(body), "SECRET") {
			t.Errorf("GET %s: served a secret: %q", target, body)
		}
	}
}

// TestEmbeddablePages: another site may frame the embed page and the
// stage frame inside it, and nothing else; the rest of their policy is
// the site's.
func TestEmbeddablePages(t *testing.T) {
	for _, c := range []struct {
		path, ancestors string
	}{{"/embed.html", "*"}, {"/stage.html", "*"}, {"/index.html", "'self'"}, {"/", "'self'"}, {"/runs.html", "'self'"}, {"/app.js", "'self'"}} {
		d := directives(CSPOf(c.path))
		if got := strings.Join(d["frame-ancestors"], " "); got != c.ancestors {
			t.Errorf("%s: frame-ancestors %q, want %q", c.path, got, c.ancestors)
		}
		if got := strings.Join(d["script-src"], " "); got != "'self' 'wasm-unsafe-eval'" {
			t.Errorf("%s: script-src %q", c.path, got)
		}
	}
}
