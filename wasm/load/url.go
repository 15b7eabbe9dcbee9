package load

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// methods the simulated server understands, in their canonical spelling.
var methods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}

// canonicalMethod accepts a method in any ASCII case and returns it upper-case.
func canonicalMethod(w string) (string, bool) {
	for _, m := range methods {
		if asciiFold(w, m) {
			return m, true
		}
	}
	return "", false
}

// pathFromURL keeps the part of a url the server sees: path and query. The
// host is dropped because the load always goes to the simulated server,
// whatever address the curl file was written for.
func pathFromURL(raw string) (string, error) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return "", fmt.Errorf(`url must start with "http://" or "https://", found %q`, raw)
	}
	if !asciiFold(scheme, "http") && !asciiFold(scheme, "https") {
		return "", fmt.Errorf("url scheme must be http or https, found %q", scheme)
	}
	host, path := rest, ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	if host == "" {
		return "", fmt.Errorf("url has no host, found %q", raw)
	}
	path, _, _ = strings.Cut(path, "#") // clients never send the fragment
	if path == "" || path[0] == '?' {
		path = "/" + path
	}
	return path, checkPath(path)
}

// checkPath accepts a path that starts with "/" and holds only visible ASCII,
// as an HTTP request line does. Anything else must be percent-encoded, which
// also keeps every path one word that Format can write without quotes.
func checkPath(p string) error {
	if !strings.HasPrefix(p, "/") {
		return errors.New(`path must start with "/"`)
	}
	for i, r := range p {
		if r > ' ' && r < utf8.RuneSelf && r != 0x7f && r != '"' && r != '#' {
			continue
		}
		_, n := utf8.DecodeRuneInString(p[i:]) // 1 for an invalid byte
		var enc strings.Builder
		for _, b := range []byte(p[i : i+n]) {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
		return fmt.Errorf("path contains %q; percent-encode it as %s", p[i:i+n], enc.String())
	}
	return nil
}
