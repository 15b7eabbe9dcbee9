package refpage

import (
	"slices"
	"strings"
	"testing"
)

const sample = `<!doctype html><html><head><title>T</title><style>p{color:red}</style>
<script src="app.js"></script></head><body><h1>Loops &amp; threads</h1>
<p>One <code>await</code> at a time.</p><div class="scenario-picture"><svg><text>40 min</text></svg></div>
<ul><li>first</li><li>second</li></ul></body></html>`

func TestParagraphs(t *testing.T) {
	got := Paragraphs([]byte(sample))
	want := []string{"T", "Loops & threads", "One await at a time.", "first", "second"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPageSize(t *testing.T) {
	for _, size := range []int{len(head) + len(tail), 400, 1000, 1003, 20000} {
		p := string(Page([]byte(sample), size))
		if len(p) != size {
			t.Errorf("size %d: got %d bytes", size, len(p))
		}
		if !strings.HasPrefix(p, "<!doctype html>") || !strings.HasSuffix(p, "</html>\n") || strings.Contains(p, "<script") || strings.Contains(p, "<svg") {
			t.Errorf("size %d: not a plain page:\n%s", size, p)
		}
	}
	if p := string(Page([]byte(sample), 20000)); !strings.Contains(p, "<p>Loops &amp; threads</p>") || strings.Count(p, "<p>second</p>") < 10 {
		t.Errorf("the text is not repeated as paragraphs:\n%s", p[:400])
	}
}
