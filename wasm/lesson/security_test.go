package lesson

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// hostile is a lesson written to smuggle script and style into the page:
// raw HTML blocks and inline tags, event handlers, dangerous link
// targets, and markup in a scenario's title, code and question.
const hostile = "---\ntitle: t\nsummary: s\n---\n\n" +
	"# Heading <b onclick=\"alert(1)\">bold</b> {onclick=\"alert(2)\"}\n\n" +
	"<script>alert(1)</script>\n\n" +
	"<img src=x onerror=alert(1)>\n\n" +
	"Inline <b onclick=\"alert(3)\">bold</b>, <span style=\"color:red\">red</span>, <a href=\"javascript:alert(0)\">a</a>.\n\n" +
	"<div onmouseover=\"alert(4)\">block</div>\n\n" +
	"<style>body{display:none}</style>\n\n" +
	"<iframe srcdoc=\"<script>alert(5)</script>\"></iframe>\n\n" +
	"[plain](javascript:alert(6)) [upper](JAVASCRIPT:alert(7)) [entity](&#106;avascript:alert(8))\n" +
	"[angle](<javascript:alert(9)>) [tab](java&#x09;script:alert(10)) [vb](vbscript:msgbox(1))\n" +
	"[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [file](file:///etc/passwd)\n" +
	"[ref][r] <javascript:alert(11)> ![img](javascript:alert(12)) [ok](https://example.com/)\n\n" +
	"[r]: javascript:alert(13)\n\n" +
	"| left | right |\n| :--- | ---: |\n| 1 | 2 |\n\n" +
	"```scenario \"<img src=x onerror=alert(14)>\"\n" + sleepyApp +
	"# <script>alert(15)</script>\nprint(\"<img src=x onerror=alert(16)>\")\n-- load --\nat 0 GET /\n```\n\n" +
	"```predict measure=total\nHow long <img src=x onerror=alert(17)>?\n-- why --\n<script>alert(18)</script>\n```\n\n" +
	"```try set=root.sleep:1 measure=total expect=1\nDrag <img src=x onerror=alert(20)> [now](javascript:alert(21)) `<b>`.\n```\n\n" +
	"```python\nprint(\"<script>alert(19)</script>\")\n```\n"

var (
	tagPattern  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>`)
	attrPattern = regexp.MustCompile(`([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?`)
)

var (
	urlSpace     = strings.NewReplacer("\t", "", "\n", "", "\r", "")
	schemePrefix = regexp.MustCompile(`^([a-z][a-z0-9+.-]*):`)
	safeScheme   = map[string]bool{"": true, "http": true, "https": true, "mailto": true}
)

// scheme is a URL's scheme as a browser reads it (tabs and newlines
// removed, case folded), or "" for a relative URL: "java%09script:x" has
// none, as a percent sign cannot be part of a scheme.
func scheme(url string) string {
	m := schemePrefix.FindStringSubmatch(strings.ToLower(urlSpace.Replace(strings.TrimSpace(url))))
	if m == nil {
		return ""
	}
	return m[1]
}

// TestRawHTMLIsNotPassedThrough: the renderer omits raw HTML, drops
// dangerous link targets and writes no attribute the site's CSP refuses.
func TestRawHTMLIsNotPassedThrough(t *testing.T) {
	l, err := Compile("01-hostile.md", []byte(hostile))
	if err != nil {
		t.Fatal(err)
	}
	out := l.HTML
	allowed := map[string]bool{"h1": true, "p": true, "a": true, "img": true, "table": true, "thead": true, "tbody": true,
		"tr": true, "th": true, "td": true, "figure": true, "figcaption": true, "span": true, "button": true, "pre": true,
		"code": true, "details": true, "summary": true, "aside": true, "strong": true, "form": true, "input": true, "label": true,
		"div": true,
		// the pictures of the runs, drawn at build time (wasm/stage/svg)
		"svg": true, "title": true, "desc": true, "g": true, "rect": true, "path": true, "line": true, "text": true,
		"defs": true, "pattern": true}
	for _, m := range tagPattern.FindAllStringSubmatch(out, -1) {
		tag, attrs := strings.ToLower(m[1]), m[2]
		if !allowed[tag] {
			t.Errorf("the lesson made a <%s> element: %s", tag, m[0])
		}
		for _, a := range attrPattern.FindAllStringSubmatch(attrs, -1) {
			name := strings.ToLower(a[1])
			value := strings.ToLower(strings.TrimSpace(html.UnescapeString(strings.Trim(a[2], `"'`))))
			switch {
			case strings.HasPrefix(name, "on"):
				t.Errorf("event handler attribute: %s", m[0])
			case name == "style" || name == "srcdoc":
				t.Errorf("%s attribute: %s", name, m[0])
			case (name == "href" || name == "src") && !safeScheme[scheme(value)]:
				t.Errorf("link to %q: %s", value, m[0])
			}
		}
	}
	for _, want := range []string{
		"<!-- raw HTML omitted -->",
		`<a href="https://example.com/">ok</a>`,
		`<th align="left">left</th>`, `<td align="right">2</td>`,
		`&lt;img src=x onerror=alert(14)&gt;`, // the scenario's title, as text
		`# &lt;script&gt;alert(15)&lt;/script&gt;`,
		`How long &lt;img src=x onerror=alert(17)&gt;?`,
		`&lt;script&gt;alert(19)&lt;/script&gt;`,
		`<code>&lt;b&gt;</code>`, // the try step's text
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	if n := strings.Count(out, "<!-- raw HTML omitted -->"); n < 10 {
		t.Errorf("raw HTML omitted %d times, want every tag (at least 10)", n)
	}
	if t.Failed() {
		t.Logf("HTML:\n%s", out)
	}
}
