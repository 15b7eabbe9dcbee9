// Package lesson compiles the course at build time: Markdown files named
// content/NN-slug.md, with front matter (title, summary) and `scenario`
// fenced blocks, become HTML with mount points that carry each scenario to
// the playground. Every scenario is simulated while compiling, so a lesson
// whose scenario does not parse or run fails the build with its place.
package lesson

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"looplab/wasm/stage/svg"
)

// Lesson is one compiled lesson.
type Lesson struct {
	File    string   `json:"file"` // as given, "content/01-jobs.md"
	Slug    string   `json:"slug"` // "jobs"
	Title   string   `json:"title"`
	Summary string   `json:"summary"`
	HTML    string   `json:"-"`
	Blocks  []*Block `json:"scenarios"`
	// Predicts are the lesson's predict-then-check questions.
	Predicts []*Predict `json:"predicts,omitempty"`
	// Tries are the lesson's try steps: numbers to set and what follows.
	Tries []*Try `json:"tries,omitempty"`
	// palette names the colours of the lesson's pictures; lessons
	// compiled together share it (PicturesCSS).
	palette *svg.Palette
}

var fileName = regexp.MustCompile(`^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$`)

// Compile compiles one lesson; file names it in errors. Its pictures'
// colours are classes of a palette of its own (PicturesCSS).
func Compile(file string, src []byte) (*Lesson, error) {
	return compile(file, src, newPalette())
}

// compile compiles one lesson whose pictures name their colours in pal.
func compile(file string, src []byte, pal *svg.Palette) (*Lesson, error) {
	m := fileName.FindStringSubmatch(filepath.Base(file))
	if m == nil {
		return nil, fmt.Errorf("%s: a lesson's file name must look like 01-some-slug.md", file)
	}
	ext := &scenarios{slug: m[2], palette: pal}
	// The renderer keeps goldmark's safe default: raw HTML is omitted and
	// javascript:, vbscript:, file: and data: links lose their target
	// (html.WithUnsafe would pass both through). GFM is spelled out so
	// that a table's column alignment is an align attribute: the default,
	// a style attribute, is refused by the site's style-src 'self'.
	md := goldmark.New(
		goldmark.WithExtensions(
			meta.Meta,
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.TaskList,
			ext,
			highlighting.NewHighlighting(
				highlighting.WithStyle(lightStyle),
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
			),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	ctx := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	if len(ext.errs) > 0 {
		return nil, fmt.Errorf("%s:%w", file, ext.errs[0])
	}
	front, err := meta.TryGet(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s:1:1: front matter: %v", file, err)
	}
	l := &Lesson{File: file, Slug: m[2], Blocks: ext.blocks, Predicts: ext.predicts, Tries: ext.tries, palette: pal}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"title", &l.Title}, {"summary", &l.Summary}} {
		v, _ := front[f.name].(string)
		if strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("%s:1:1: the front matter needs a %s", file, f.name)
		}
		*f.dst = strings.TrimSpace(v)
	}
	if len(l.Blocks) == 0 {
		return nil, fmt.Errorf("%s:1:1: a lesson needs at least one scenario block", file)
	}
	for _, b := range l.Blocks {
		if err := b.Check(); err != nil {
			return nil, fmt.Errorf("%s:%w", file, err)
		}
		b.findNumbers()
	}
	for _, p := range l.Predicts {
		if err := p.resolve(l.Blocks, (*Block).run); err != nil {
			return nil, fmt.Errorf("%s:%w", file, err)
		}
	}
	for _, t := range l.Tries {
		if err := t.resolve(l.Blocks); err != nil {
			return nil, fmt.Errorf("%s:%w", file, err)
		}
		t.slug = l.Slug
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	l.HTML = buf.String()
	return l, nil
}

// CompileDir compiles every NN-slug.md in dir, in file-name order, and
// checks that slugs are unique. It reports every broken lesson, not just
// the first. The lessons share one palette: a page of all of them needs
// one style sheet for their pictures (PicturesCSS).
func CompileDir(dir string) ([]*Lesson, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*Lesson
	var errs []error
	seen := map[string]string{}
	pal := newPalette()
	for _, name := range names {
		if filepath.Base(name) == "README.md" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l, err := compile(name, src, pal)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := seen[l.Slug]; ok {
			errs = append(errs, fmt.Errorf("%s:1:1: slug %q is already used by %s", name, l.Slug, prev))
			continue
		}
		seen[l.Slug] = name
		out = append(out, l)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no lessons (files named NN-slug.md)", dir)
	}
	return out, nil
}
