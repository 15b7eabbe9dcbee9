// Package refpage writes the performance script's yardstick for load
// times: a plain static page as large as the playground's, made of the
// playground page's own text as paragraphs, with no script, no style
// sheet and no picture. How long a browser takes to show it says how
// fast the machine (and the browser on it) is at loading pages, so load
// times can be judged relative to it.
package refpage

import (
	"bytes"
	"html"
	"regexp"
	"strings"
)

var (
	// hidden are elements whose content is not the page's text.
	hidden = regexp.MustCompile(`(?is)<(script|style|svg|template|noscript)\b.*?</(script|style|svg|template|noscript)\s*>`)
	// blockEnd ends a paragraph of text.
	blockEnd = regexp.MustCompile(`(?i)</?(p|h[1-6]|li|pre|div|figure|figcaption|section|article|aside|header|footer|nav|main|blockquote|table|tr|dd|dt|br)\b[^>]*>`)
	tag      = regexp.MustCompile(`<[^>]*>`)
	space    = regexp.MustCompile(`\s+`)
)

const (
	head = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Reference page</title>\n</head>\n<body>\n"
	tail = "</body>\n</html>\n"
)

// Paragraphs is the text of an HTML page, a paragraph per block.
func Paragraphs(page []byte) []string {
	s := hidden.ReplaceAllString(string(page), "")
	s = blockEnd.ReplaceAllString(s, "\n\n")
	s = tag.ReplaceAllString(s, "")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(space.ReplaceAllString(html.UnescapeString(p), " ")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Page is a static page of exactly size bytes: page's paragraphs, in
// order and again from the first until the size is reached, then
// whitespace. A page too small for even its head comes out as the head.
func Page(page []byte, size int) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	paras := Paragraphs(page)
	for i := 0; len(paras) > 0; i++ {
		p := "<p>" + html.EscapeString(paras[i%len(paras)]) + "</p>\n"
		if b.Len()+len(p)+len(tail) > size {
			break
		}
		b.WriteString(p)
	}
	if pad := size - b.Len() - len(tail); pad > 0 {
		b.WriteString(strings.Repeat(" ", pad-1) + "\n")
	}
	b.WriteString(tail)
	return b.Bytes()
}
