package lesson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"looplab/wasm/stage/svg"
)

// KindScenario is the node kind of a scenario mount point.
var KindScenario = ast.NewNodeKind("Scenario")

// scenarioNode replaces a `scenario` fenced block: the playground mounts
// the scenario there.
type scenarioNode struct {
	ast.BaseBlock
	block *Block
}

func (n *scenarioNode) Kind() ast.NodeKind { return KindScenario }

func (n *scenarioNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Index": fmt.Sprint(n.block.Index)}, nil)
}

// scenarios is the goldmark extension. Like goldmark-mermaid, it needs no
// block parser: a transformer swaps each `scenario` fenced block for a
// scenarioNode after parsing, and a renderer writes the mount point. One
// value serves one document, and collects its blocks and errors.
type scenarios struct {
	slug     string // the lesson's, for ids unique in the page
	blocks   []*Block
	predicts []*Predict
	tries    []*Try
	errs     []error
	palette  *svg.Palette // names the colours of the pictures
}

func (e *scenarios) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform implements parser.ASTTransformer.
func (e *scenarios) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var found []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering {
			if lang := string(fb.Language(src)); lang == "scenario" || lang == "predict" || lang == "try" {
				found = append(found, fb)
			}
		}
		return ast.WalkContinue, nil
	})
	starts := lineStarts(src)
	for _, fb := range found {
		lines := make([]string, fb.Lines().Len())
		at := make([]position, len(lines))
		for i := range lines {
			seg := fb.Lines().At(i)
			lines[i] = string(seg.Value(src))
			at[i] = positionOf(starts, seg.Start)
		}
		info := ""
		if fb.Info != nil {
			info = string(fb.Info.Segment.Value(src))
		}
		if len(at) == 0 {
			// An empty block: point at its fence.
			at = []position{positionOf(starts, fb.Info.Segment.Start)}
			lines = []string{""}
		}
		if string(fb.Language(src)) == "try" {
			t, err := parseTry(info, positionOf(starts, fb.Info.Segment.Start), lines, len(e.blocks))
			if err != nil {
				e.errs = append(e.errs, err)
				continue
			}
			t.Index = len(e.tries)
			e.tries = append(e.tries, t)
			fb.Parent().ReplaceChild(fb.Parent(), fb, &tryNode{try: t})
			continue
		}
		if string(fb.Language(src)) == "predict" {
			p, err := parsePredict(info, lines, at, len(e.blocks))
			if err != nil {
				e.errs = append(e.errs, err)
				continue
			}
			p.Index = len(e.predicts)
			e.predicts = append(e.predicts, p)
			fb.Parent().ReplaceChild(fb.Parent(), fb, &predictNode{predict: p})
			continue
		}
		b, err := parseBlock(info, lines, at)
		if err != nil {
			if _, ok := err.(*posError); !ok {
				err = &posError{at[0], err.Error()}
			}
			e.errs = append(e.errs, err)
			continue
		}
		b.Index = len(e.blocks)
		e.blocks = append(e.blocks, b)
		node := &scenarioNode{block: b}
		fb.Parent().ReplaceChild(fb.Parent(), fb, node)
	}
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func positionOf(starts []int, offset int) position {
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > offset }) - 1
	return position{line: i + 1, col: offset - starts[i] + 1}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (e *scenarios) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindScenario, e.render)
	reg.Register(KindPredict, renderPredict)
	reg.Register(KindTry, renderTry)
}

// render writes the mount point: a figure that carries the scenario as
// JSON for the playground and shows its code, highlighted, so the lesson
// reads well before (or without) the wasm.
func (e *scenarios) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*scenarioNode).block
	// The texts are in the figure already, highlighted (their text is the
	// source, byte for byte: TestFigureTextIsTheCode): the page reads
	// them there rather than twice (web/src/state.js).
	page := *b
	page.Code, page.Load, page.Compare = "", "", ""
	data, err := json.Marshal(&page)
	if err != nil {
		return ast.WalkStop, err
	}
	title := b.Title
	if title == "" {
		title = "Scenario"
	}
	pic, picID, err := e.pictureOf(b)
	if err != nil {
		return ast.WalkStop, err
	}
	run, err := runAttr(pic)
	if err != nil {
		return ast.WalkStop, err
	}
	fmt.Fprintf(w, "<figure class=\"scenario\" id=\"scenario-%d\" data-scenario=\"%s\"%s>\n", b.Index, html.EscapeString(string(data)), run)
	fmt.Fprintf(w, "<figcaption><span class=\"scenario-title\">%s</span>"+
		"<button type=\"button\" class=\"scenario-show\" data-index=\"%d\">Show on the stage</button></figcaption>\n",
		html.EscapeString(title), b.Index)
	if err := highlightPython(w, b.Code); err != nil {
		return ast.WalkStop, err
	}
	renderPicture(w, pic, picID)
	if b.Load != "" {
		fmt.Fprintf(w, "<details class=\"scenario-load\"><summary>The requests</summary><pre>%s</pre></details>\n", html.EscapeString(b.Load))
	}
	if b.Compare != "" {
		fmt.Fprintf(w, "<details class=\"scenario-compare\"><summary>Compared with</summary>\n")
		if err := highlightPython(w, b.Compare); err != nil {
			return ast.WalkStop, err
		}
		fmt.Fprintf(w, "</details>\n")
	}
	fmt.Fprintf(w, "</figure>\n")
	return ast.WalkSkipChildren, nil
}

// highlightPython writes code as chroma HTML with classes, the same
// classes the playground's code panel uses.
func highlightPython(w util.BufWriter, code string) error {
	it, err := lexers.Get("python").Tokenise(nil, code)
	if err != nil {
		return err
	}
	return formatter.Format(w, styles.Get(lightStyle), it)
}

var formatter = chromahtml.New(chromahtml.WithClasses(true))

// The chroma styles of the light and dark themes.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// ChromaCSS is the stylesheet for highlighted code: the light style, and
// the dark one when the browser prefers dark.
func ChromaCSS() (string, error) {
	var buf bytes.Buffer
	if err := writeStyle(&buf, lightStyle); err != nil {
		return "", err
	}
	// The dark style applies when the learner picks dark, or when the
	// system prefers dark and the learner has not picked light.
	var dark bytes.Buffer
	// Forget the light style's colours first: a class the dark style does
	// not colour would keep a dark-on-dark light colour.
	dark.WriteString(".chroma [class] { color: inherit; background-color: transparent; }\n")
	if err := writeStyle(&dark, darkStyle); err != nil {
		return "", err
	}
	buf.WriteString(strings.ReplaceAll(dark.String(), ".chroma", ":root[data-theme=dark] .chroma"))
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	buf.WriteString(strings.ReplaceAll(dark.String(), ".chroma", ":root:not([data-theme=light]) .chroma"))
	buf.WriteString("}\n")
	return buf.String(), nil
}

func writeStyle(buf *bytes.Buffer, name string) error {
	var style *chroma.Style = styles.Get(name)
	if style == nil || style.Name != name {
		return fmt.Errorf("no chroma style %q", name)
	}
	return formatter.WriteCSS(buf, style)
}
