package site

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// CSP allows only the site's own files: no inline script, no eval except
// for WebAssembly, no other origins.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'"

// EmbedCSP is the policy of the pages another site may frame: the embed
// page (one scenario for a blog post or a slide) and the stage frame in
// it (frame-ancestors is checked against every ancestor, the other
// site's page included). Everything else is CSP's.
var EmbedCSP = strings.Replace(CSP, "frame-ancestors 'self'", "frame-ancestors *", 1)

// embeddable are the pages another site may put in a frame.
var embeddable = map[string]bool{"/embed.html": true, "/stage.html": true}

// CSPOf is the policy of the file at path name.
func CSPOf(name string) string {
	if embeddable[name] {
		return EmbedCSP
	}
	return CSP
}

// Handler serves the built site in dir. It picks the brotli or gzip copy
// of a file when the browser accepts it, sets the right types (wasm
// included) and the security headers.
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSPOf(path.Clean("/"+r.URL.Path)))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if !servable(name) {
			http.NotFound(w, r)
			return
		}
		// Every file is opened through an os.Root, which refuses names
		// and symbolic links that lead outside dir.
		root, err := os.OpenRoot(dir)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer root.Close()
		rel := filepath.FromSlash(strings.TrimPrefix(name, "/"))
		if !regular(root, rel) {
			http.NotFound(w, r)
			return
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if path.Ext(name) == ".wasm" {
			ctype = "application/wasm"
		}
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		h.Set("Content-Type", ctype)
		if HashedName.MatchString(name) {
			h.Set("Cache-Control", ImmutableCache) // its name changes with its content
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		h.Add("Vary", "Accept-Encoding")
		serve := rel
		for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if accepts(r.Header.Get("Accept-Encoding"), enc.name) && regular(root, rel+enc.ext) {
				serve = rel + enc.ext
				h.Set("Content-Encoding", enc.name)
				break
			}
		}
		f, err := root.Open(serve)
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		// ServeContent handles HEAD, If-Modified-Since and ranges; the type
		// is already set, so it does not sniff.
		http.ServeContent(w, r, name, st.ModTime(), f)
	})
}

// servable reports whether a cleaned, rooted URL path may name a file of
// the site: not a precompressed copy (the server picks those), not a
// dotfile or anything in a dot directory, and nothing some filesystem
// reads as a separator, a drive, a stream or the end of the name.
func servable(name string) bool {
	lower := strings.ToLower(name)
	return !strings.HasSuffix(lower, ".br") && !strings.HasSuffix(lower, ".gz") &&
		!strings.Contains(name, "/.") && !strings.ContainsAny(name, "\\:\x00")
}

// regular reports whether name is a regular file inside root (a symbolic
// link is followed only while it stays inside).
func regular(root *os.Root, name string) bool {
	info, err := root.Stat(name)
	return err == nil && info.Mode().IsRegular()
}

// accepts reports whether an Accept-Encoding header allows enc (listed,
// with a q-value above zero).
func accepts(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			q, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
		return q > 0
	}
	return false
}
