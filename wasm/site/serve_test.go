package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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
