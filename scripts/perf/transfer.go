//go:build browser

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// criticalPath is what the lesson text needs before it can show: the page
// (with every lesson's text in it) and its style sheets.
var criticalPath = []string{"index.html", "style.css", "chroma.css"}

// measureTransfer reads the site's compressed sizes. floor, when given, is
// the least Ebitengine program built with the playground's flags
// (scripts/perf/floor): its size, compressed as the site compresses the
// wasm, is the part of the wasm LoopLab's own code cannot shrink.
func measureTransfer(site, floor string, t *table) error {
	size := func(name string) (int64, error) {
		st, err := os.Stat(filepath.Join(site, name))
		if err != nil {
			return 0, err
		}
		return st.Size(), nil
	}
	raw, err := size("looplab.wasm")
	if err != nil {
		return err
	}
	br, err := size("looplab.wasm.br")
	if err != nil {
		return err
	}
	t.add("simulation wasm, brotli", fmt.Sprintf("%.2f MB (%.2f MB raw)", mb(br), mb(raw)), "≤ 2.5 MB (stretch 2.0 MB)", mb(br) <= 2.5)
	if floor != "" {
		fl, err := brotliSize(floor)
		if err != nil {
			return err
		}
		t.note("… of which Ebitengine's least program (a game that fills its screen), same flags, brotli", fmt.Sprintf("%.2f MB (LoopLab's own: %.2f MB)", mb(fl), mb(br-fl)))
	}
	var crit int64
	for _, name := range criticalPath {
		n, err := size(name + ".br")
		if err != nil {
			return err
		}
		crit += n
	}
	t.add("lesson critical path (HTML + CSS), brotli", fmt.Sprintf("%.1f KB", float64(crit)/1000), "≤ 60 KB", crit <= 60_000)
	// The code editor arrives when the learner first edits, not with
	// the page.
	ed, err := size("editor.js.br")
	if err != nil {
		return err
	}
	edRaw, err := size("editor.js")
	if err != nil {
		return err
	}
	t.add("code editor (editor.js), brotli", fmt.Sprintf("%.1f KB (%.1f KB raw)", float64(ed)/1000, float64(edRaw)/1000), "≤ 150 KB", ed <= 150_000)
	return nil
}

func mb(n int64) float64 { return float64(n) / 1e6 }

// brotliSize compresses a file as the site build compresses the wasm
// (best quality, a 16 MB window) and says how large it came out.
func brotliSize(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return brotliLen(b)
}

// brotliLen is how large b comes out compressed as the site build
// compresses its files.
func brotliLen(b []byte) (int64, error) { return brotliTo(io.Discard, b) }

// brotliTo writes b to w compressed as the site build compresses its
// files and returns the compressed size.
func brotliTo(w io.Writer, b []byte) (int64, error) {
	c := &counter{w: w}
	bw := brotli.NewWriterOptions(c, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := bw.Write(b); err != nil {
		return 0, err
	}
	if err := bw.Close(); err != nil {
		return 0, err
	}
	return c.n, nil
}

// counter counts what goes through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
