//go:build browser

package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// criticalPath is what the lesson text needs before it can show: the page
// (with every lesson's text in it) and its style sheets.
var criticalPath = []string{"index.html", "style.css", "chroma.css"}

func measureTransfer(site string, t *table) error {
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
