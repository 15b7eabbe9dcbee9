package site

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Dist turns a built site into a folder any static host or CDN can serve
// for any number of learners: every asset but the two pages gets its
// content hash in its name (so it can be cached for a year, see Headers),
// references to it are rewritten, a service worker (sw.js) keeps the whole
// course for offline use, and every file is precompressed.
func Dist(site, out string) error {
	files, err := readSite(site)
	if err != nil {
		return err
	}
	built := maps.Clone(files) // as built, to tell which files dist changed
	dropSourceMaps(files)
	renamed, err := hashNames(files)
	if err != nil {
		return err
	}
	var cached []string
	for name := range renamed {
		cached = append(cached, renamed[name])
	}
	cached = append(cached, entryPages...)
	slices.Sort(cached)
	sw, err := serviceWorker(cached)
	if err != nil {
		return err
	}
	outFiles := map[string][]byte{"sw.js": sw, "_headers": []byte(Headers(renamed))}
	for name, b := range files {
		if n, ok := renamed[name]; ok {
			name = n
		}
		outFiles[name] = b
	}
	// The page registers the worker only when it is there: a dev build
	// has none, so nothing is cached while lessons are being written.
	outFiles["index.html"] = []byte(strings.Replace(string(outFiles["index.html"]), `<html lang="en">`, `<html lang="en" data-sw="sw.js">`, 1))
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for name, b := range outFiles {
		dst := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	// A file dist did not change keeps the build's compressed copies:
	// brotli at its best level takes most of a minute on the wasm.
	for name, b := range files {
		if bytes.Equal(b, built[name]) {
			if err := reuseCompressed(filepath.Join(site, name), filepath.Join(out, cmp.Or(renamed[name], name))); err != nil {
				return err
			}
		}
	}
	return Precompress(out)
}

// dropSourceMaps removes the build's source maps and the comments that
// link scripts to them. They serve developers on make serve; from a dist
// folder the service worker would fetch every one on install (it keeps
// every file for offline use), for learners who never open DevTools.
func dropSourceMaps(files map[string][]byte) {
	for name, b := range files {
		switch path.Ext(name) {
		case ".map":
			delete(files, name)
		case ".js":
			files[name] = sourceMapComment.ReplaceAll(b, nil)
		}
	}
}

// sourceMapComment is the last line esbuild writes in a script with a
// linked map.
var sourceMapComment = regexp.MustCompile(`\n?//# sourceMappingURL=[^\s"']+\.map\s*$`)

// reuseCompressed copies src's up-to-date .br and .gz to dst's.
func reuseCompressed(src, dst string) error {
	for _, ext := range []string{".br", ".gz"} {
		if !fresh(src, src+ext) {
			continue
		}
		b, err := os.ReadFile(src + ext)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst+ext, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// entryPages keep their names: learners and links reach them by name.
var entryPages = []string{"index.html", "stage.html", "embed.html", "runs.html"}

// readSite reads a built site without its compressed copies.
func readSite(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err == nil && files["index.html"] == nil {
		err = fmt.Errorf("%s has no index.html: build the site first", dir)
	}
	return files, err
}

// hashNames renames every asset to NAME.HASH.EXT, rewriting the quoted
// references to it in the files that name it first, so a file's hash
// covers the hashed names it refers to. It returns old name → new name.
func hashNames(files map[string][]byte) (map[string]string, error) {
	renamed := map[string]string{}
	pending := map[string]bool{}
	for name := range files {
		if !slices.Contains(entryPages, name) {
			pending[name] = true
		}
	}
	for len(pending) > 0 {
		progress := false
		for _, name := range sortedKeys(pending) {
			if textual(name) && refersToAny(files[name], pending, name) {
				continue // hash what it names first
			}
			if textual(name) {
				files[name] = rewrite(files[name], renamed)
			}
			sum := sha256.Sum256(files[name])
			ext := path.Ext(name)
			renamed[name] = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:hashLen] + ext
			delete(pending, name)
			progress = true
		}
		if !progress {
			return nil, fmt.Errorf("assets refer to each other in a cycle: %v", sortedKeys(pending))
		}
	}
	for _, name := range entryPages {
		files[name] = rewrite(files[name], renamed)
	}
	return renamed, nil
}

// hashLen hex digits of SHA-256 tell versions apart.
const hashLen = 10

// HashedName matches the names Dist gives assets.
var HashedName = regexp.MustCompile(`\.[0-9a-f]{10}\.[a-z0-9]+$`)

// textual files are the ones that can name others: pages, scripts,
// styles, data, icons; never the wasm.
func textual(name string) bool { return compressible[path.Ext(name)] && path.Ext(name) != ".wasm" }

// quotedRef finds a name as the page and scripts quote it.
func quotedRef(name string) *regexp.Regexp {
	return regexp.MustCompile(`(["'(])` + regexp.QuoteMeta(name) + `(["')])`)
}

func refersToAny(b []byte, names map[string]bool, self string) bool {
	for n := range names {
		if n != self && quotedRef(n).Match(b) {
			return true
		}
	}
	return false
}

func rewrite(b []byte, renamed map[string]string) []byte {
	for _, old := range sortedKeys(renamed) {
		b = quotedRef(old).ReplaceAll(b, []byte("${1}"+renamed[old]+"${2}"))
	}
	return b
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// serviceWorker is web/sw.js's logic with the list of files to keep; its
// version changes whenever any file does, so a new deploy replaces the
// old cache.
func serviceWorker(files []string) ([]byte, error) {
	list, err := json.Marshal(files)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(list)
	return fmt.Appendf(nil, swTemplate, hex.EncodeToString(sum[:])[:hashLen], list), nil
}

const swTemplate = `// LoopLab's service worker: after the first visit the whole course works
// offline. Hashed assets never change, so they come from the cache; the
// two pages are fetched fresh when the network answers and from the cache
// when it does not.
"use strict";
const CACHE = "looplab-%s";
const FILES = %s;
self.addEventListener("install", (ev) => {
  ev.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (ev) => {
  ev.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("looplab-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener("fetch", (ev) => {
  const url = new URL(ev.request.url);
  if (ev.request.method !== "GET" || url.origin !== location.origin) return;
  const page = ev.request.mode === "navigate" || url.pathname.endsWith(".html") || url.pathname.endsWith("/");
  if (page) {
    ev.respondWith(fetch(ev.request)
      .then((res) => { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(ev.request, copy)); return res; })
      .catch(() => caches.match(ev.request, { ignoreSearch: true }).then((hit) => hit || caches.match("index.html"))));
    return;
  }
  ev.respondWith(caches.match(ev.request).then((hit) => hit || fetch(ev.request)));
});
`

// Headers is the _headers file of a dist folder (the format Netlify and
// Cloudflare Pages read; other hosts take the same rules in their own
// syntax): the security headers everywhere, a year's immutable caching
// for hashed assets, and revalidation for the pages and the worker.
func Headers(renamed map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n")
	// The policy goes on each page rather than on /*: hosts join the
	// values of a header that two rules give, and two policies would both
	// apply, so the embeddable pages could not be framed.
	for _, page := range []string{"/", "/index.html", "/stage.html", "/embed.html", "/runs.html", "/sw.js"} {
		fmt.Fprintf(&b, "%s\n  Cache-Control: no-cache\n", page)
		if page != "/sw.js" {
			fmt.Fprintf(&b, "  Content-Security-Policy: %s\n", CSPOf(page))
		}
	}
	for _, old := range sortedKeys(renamed) {
		fmt.Fprintf(&b, "/%s\n  Cache-Control: %s\n", renamed[old], ImmutableCache)
	}
	return b.String()
}

// ImmutableCache is the caching of a content-hashed asset.
const ImmutableCache = "public, max-age=31536000, immutable"
