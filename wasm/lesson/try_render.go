package lesson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// KindTry is the node kind of a try step.
var KindTry = ast.NewNodeKind("Try")

type tryNode struct {
	ast.BaseBlock
	try *Try
}

func (n *tryNode) Kind() ast.NodeKind { return KindTry }

func (n *tryNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Index": fmt.Sprint(n.try.Index)}, nil)
}

// MarshalJSON writes the settings as one object, {"sleep": 1}, in the
// order the lesson gives them (the order the page sets them in).
func (s Settings) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, x := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		id, err := json.Marshal(x.ID)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(x.Value)
		if err != nil {
			return nil, err
		}
		b.Write(id)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// prose renders a try step's text. It is goldmark with its safe
// defaults, as the lesson is: raw HTML is omitted and dangerous link
// targets dropped.
var prose = goldmark.New()

// renderTry writes the step as an aside: the text, which reads on its
// own without script, then a button the page brings to life (it puts the
// scenario on the stage, sets the numbers, runs it and shows the figure
// in the status line). The button says "Try it"; the text it performs is
// its description, for a screen reader, so numbers' ids stay out of
// what a learner reads.
func renderTry(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	t := n.(*tryNode).try
	data, err := json.Marshal(t)
	if err != nil {
		return ast.WalkStop, err
	}
	var text bytes.Buffer
	if err := prose.Convert([]byte(t.Text), &text); err != nil {
		return ast.WalkStop, err
	}
	fmt.Fprintf(w, "<aside class=\"try\" id=\"try-%d\" data-try=\"%s\">\n", t.Index, html.EscapeString(string(data)))
	// Every lesson is on the one page: the text's id carries the slug.
	textID := html.EscapeString(fmt.Sprintf("%s-try-%d-text", t.slug, t.Index))
	fmt.Fprintf(w, "<div class=\"try-text\" id=\"%s\">\n", textID)
	w.Write(text.Bytes())
	fmt.Fprintf(w, "</div>\n<button type=\"button\" class=\"try-run\" aria-describedby=\"%s\">Try it</button>\n", textID)
	fmt.Fprintf(w, "<p class=\"try-result\" role=\"status\" hidden></p>\n</aside>\n")
	return ast.WalkSkipChildren, nil
}
