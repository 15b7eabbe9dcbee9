// Package site assembles the playground's static site and serves it: the
// compiled lessons inside the page template, the web assets, the wasm and
// wasm_exec.js, each file also precompressed with brotli and gzip.
package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"

	"looplab/wasm/lesson"
	"looplab/wasm/stage/geom"
)

// Options say where a build reads from and writes to.
type Options struct {
	Content  string // lessons: content/
	Web      string // assets: web/
	Index    string // the page template: index.html
	WasmExec string // wasm_exec.js of the Go that built the wasm
	Wasm     string // the playground, built for js/wasm
	Out      string // output directory
	// NodeModules holds the npm packages the code editor is bundled
	// from (npm ci installs them); empty builds the site without
	// editor.js.
	NodeModules string
}

// page is what the page template sees.
type page struct {
	Lessons []pageLesson
	First   pageLesson
	// The legend's entries in each theme, as the simulator gives them,
	// for the page to explain the build's pictures before it has started.
	LegendLight, LegendDark string
	// Embed writes the embed page (embed.html): one scenario, no lesson.
	Embed bool
}

type pageLesson struct {
	*lesson.Lesson
	Number int
	Body   template.HTML
}

// Build compiles the lessons and writes the site into o.Out.
func Build(o Options) error {
	lessons, err := lesson.CompileDir(o.Content)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	tmpl, err := template.ParseFiles(o.Index)
	if err != nil {
		return err
	}
	var p page
	for i, l := range lessons {
		p.Lessons = append(p.Lessons, pageLesson{Lesson: l, Number: i + 1, Body: template.HTML(l.HTML)})
	}
	p.First = p.Lessons[0]
	for _, l := range []struct {
		dst   *string
		theme geom.Theme
	}{{&p.LegendLight, geom.Light}, {&p.LegendDark, geom.Dark}} {
		b, err := json.Marshal(l.theme.Legend())
		if err != nil {
			return err
		}
		*l.dst = string(b)
	}
	var html, embed bytes.Buffer
	if err := tmpl.Execute(&html, p); err != nil {
		return err
	}
	// The embed page is the same page showing one scenario: its code,
	// numbers and stage, for a frame in a blog post or a slide.
	p.Embed = true
	if err := tmpl.Execute(&embed, p); err != nil {
		return err
	}
	toc, err := json.MarshalIndent(lessons, "", " ")
	if err != nil {
		return err
	}
	css, err := lesson.ChromaCSS()
	if err != nil {
		return err
	}
	// The pictures' colours, for the whole page: the lessons' pictures
	// are each written once for both themes, their colours named by
	// classes this sheet colours for the theme in effect.
	pictures, err := lesson.PicturesCSS(lessons)
	if err != nil {
		return err
	}
	runs, err := renderRuns()
	if err != nil {
		return err
	}
	files := map[string][]byte{"index.html": html.Bytes(), "embed.html": embed.Bytes(), "runs.html": runs, "lessons.json": toc, "chroma.css": []byte(css), "pictures.css": []byte(pictures)}
	if files["wasm_exec.js"], err = os.ReadFile(o.WasmExec); err != nil {
		return err
	}
	if files["looplab.wasm"], err = os.ReadFile(o.Wasm); err != nil {
		return err
	}
	err = filepath.WalkDir(o.Web, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(o.Web, path)
		if d.IsDir() && bundled[filepath.ToSlash(rel)] {
			return fs.SkipDir // modules: the site gets their bundles
		}
		if d.IsDir() || strings.HasSuffix(path, ".md") {
			return nil
		}
		files[filepath.ToSlash(rel)], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		return err
	}
	if err := bundleScripts(o, files); err != nil {
		return err
	}
	for name, b := range files {
		dst := filepath.Join(o.Out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, b) {
			continue // unchanged: keep its compressed copies
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	return Precompress(o.Out)
}

// bundled are the folders of web/ whose modules reach the site only
// bundled (bundle.go), never as files of their own.
var bundled = map[string]bool{"src": true, "editor": true}

// compressible are the extensions worth precompressing.
var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".json": true, ".wasm": true, ".svg": true}

// Precompress writes NAME.br and NAME.gz beside every compressible file in
// dir, so the server never compresses on the fly.
func Precompress(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[filepath.Ext(path)] {
			return err
		}
		if fresh(path, path+".br") && fresh(path, path+".gz") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := writeCompressed(path+".br", b, func(w io.Writer) io.WriteCloser {
			// The largest window brotli allows (16 MB, which every
			// decoder accepts) rather than the 4 MB default: the wasm is
			// larger than 4 MB, and the wider window finds more repeats
			// in it (27 KB less).
			return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
		}); err != nil {
			return err
		}
		return writeCompressed(path+".gz", b, func(w io.Writer) io.WriteCloser {
			zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
			return zw
		})
	})
}

// fresh reports whether derived exists and was written no earlier than
// src, so a rebuild compresses only what changed (brotli at its best
// level takes a while on the wasm). A copy written just after its source
// often has the very same time (the file system's clock ticks every few
// milliseconds), and it is still the source's copy.
func fresh(src, derived string) bool {
	a, err1 := os.Stat(src)
	b, err2 := os.Stat(derived)
	return err1 == nil && err2 == nil && !b.ModTime().Before(a.ModTime())
}

func writeCompressed(path string, b []byte, wrap func(io.Writer) io.WriteCloser) error {
	var buf bytes.Buffer
	w := wrap(&buf)
	if _, err := w.Write(b); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("compressing %s: %v", path, err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
