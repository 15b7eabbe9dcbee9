package pictures

import (
	"strings"
	"testing"
)

func TestStrip(t *testing.T) {
	for _, c := range []struct {
		name, page, want string
		n                int
	}{
		{"none", `<p>text</p>`, `<p>text</p>`, 0},
		{"one", `<figure><div class="scenario-picture" tabindex="0"><svg><text>a</text></svg></div></figure>`, `<figure></figure>`, 1},
		{"nested divs", `a<div class="scenario-picture"><div><div>x</div></div><svg/></div>b`, `ab`, 1},
		{"two, text between", `<div class="scenario-picture">1</div><p>keep</p><div class="scenario-picture">2</div>`, `<p>keep</p>`, 2},
		{"other divs kept", `<div class="scenario">k<div class="scenario-picture">x</div></div>`, `<div class="scenario">k</div>`, 1},
		{"class among others, attribute first", `<DIV data-run="{}" class="wide scenario-picture">x</DIV >y`, `y`, 1},
		{"not the class", `<div class="scenario-pictures">x</div>`, `<div class="scenario-pictures">x</div>`, 0},
		{"comment with an end tag", `<div class="scenario-picture"><!-- </div> -->x</div>y`, `y`, 1},
		{"a tag that only starts like div", `<div class="scenario-picture"><divider></divider>x</div>y`, `y`, 1},
	} {
		got, n, err := Strip([]byte(c.page))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want || n != c.n {
			t.Errorf("%s: got %q (%d), want %q (%d)", c.name, got, n, c.want, c.n)
		}
	}
}

func TestStripUnclosed(t *testing.T) {
	for _, page := range []string{
		`<div class="scenario-picture"><div>x</div>`,
		`<div class="scenario-picture"><!-- x</div>`,
		`<div class="scenario-picture">x</div`,
	} {
		if _, _, err := Strip([]byte(page)); err == nil || !strings.Contains(err.Error(), "picture div") {
			t.Errorf("%q: got %v, want an error", page, err)
		}
	}
}
