package lesson

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// KindPredict is the node kind of a predict-then-check question.
var KindPredict = ast.NewNodeKind("Predict")

type predictNode struct {
	ast.BaseBlock
	predict *Predict
}

func (n *predictNode) Kind() ast.NodeKind { return KindPredict }

func (n *predictNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Index": fmt.Sprint(n.predict.Index)}, nil)
}

var inlineCode = regexp.MustCompile("`([^`]+)`")

// inline escapes text and keeps `code` spans, the only markup a question
// needs.
func inline(s string) string {
	return inlineCode.ReplaceAllString(html.EscapeString(s), "<code>$1</code>")
}

// renderPredict writes the question as a form the page brings to life:
// choices or a number, a commit button, and the hidden reveal. The answer
// travels in data-predict, as the scenario's code does: the page is
// static, and a learner who reads the source has not cheated anyone.
func renderPredict(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	p := n.(*predictNode).predict
	data, err := json.Marshal(p)
	if err != nil {
		return ast.WalkStop, err
	}
	fmt.Fprintf(w, "<aside class=\"predict\" id=\"predict-%d\" data-predict=\"%s\">\n", p.Index, html.EscapeString(string(data)))
	fmt.Fprintf(w, "<p class=\"predict-q\"><strong>Predict.</strong> %s</p>\n<form class=\"predict-form\">\n", inline(p.Question))
	if len(p.Choices) > 0 {
		for i, c := range p.Choices {
			fmt.Fprintf(w, "<label><input type=\"radio\" name=\"predict-%d\" value=\"%d\"> %s</label>\n", p.Index, i, inline(c))
		}
	} else {
		fmt.Fprintf(w, "<label>Your answer <input type=\"number\" step=\"any\" min=\"0\" name=\"predict-%d\" inputmode=\"decimal\"> s</label>\n", p.Index)
	}
	fmt.Fprintf(w, "<button type=\"submit\">Commit my answer and run it</button>\n</form>\n")
	fmt.Fprintf(w, "<p class=\"predict-reveal\" role=\"status\" hidden></p>\n</aside>\n")
	return ast.WalkSkipChildren, nil
}
