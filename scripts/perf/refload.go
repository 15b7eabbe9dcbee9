//go:build browser

package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"

	"looplab/scripts/internal/headless"
	"looplab/scripts/internal/refpage"
)

// serveReference serves the load-time yardstick: a plain static page as
// large as the site's index.html, of its text (refpage), alone in a
// folder, compressed and served as the site is.
func serveReference(site string) (url string, stop func(), err error) {
	index, err := os.ReadFile(filepath.Join(site, "index.html"))
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "looplab-perf-reference-")
	if err != nil {
		return "", nil, err
	}
	page := refpage.Page(index, len(index))
	if err := writeCompressed(filepath.Join(dir, "index.html"), page); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	url, stopServer, err := headless.Serve(dir)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return url, func() { stopServer(); os.RemoveAll(dir) }, nil
}

// writeCompressed writes b to path, and its brotli and gzip copies beside
// it, as the site build does.
func writeCompressed(path string, b []byte) error {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	var br bytes.Buffer
	if _, err := brotliTo(&br, b); err != nil {
		return err
	}
	if err := os.WriteFile(path+".br", br.Bytes(), 0o644); err != nil {
		return err
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := w.Write(b); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return os.WriteFile(path+".gz", gz.Bytes(), 0o644)
}

// loadReference loads the yardstick page cold (a fresh browser and
// profile, as the site's cold loads) and returns its first contentful
// paint, ms since navigation.
func loadReference(url string) (float64, error) {
	dir, err := os.MkdirTemp("", "looplab-perf-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel, err := headless.Browser(dir, 1400, 1000)
	if err != nil {
		return 0, err
	}
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	return eval[float64](ctx, `new Promise((resolve) => {
		const fcp = () => performance.getEntriesByName("first-contentful-paint")[0];
		const t0 = performance.now();
		const check = () => fcp() || performance.now() - t0 > 10000 ? resolve(fcp()?.startTime ?? -1) : setTimeout(check, 20);
		check();
	})`), nil
}
