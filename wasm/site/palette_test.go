package site

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// luminance is WCAG 2's relative luminance of #rrggbb.
func luminance(hex string) (float64, error) {
	if len(hex) != 7 || hex[0] != '#' {
		return 0, fmt.Errorf("%q is not #rrggbb", hex)
	}
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 0, err
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l, nil
}

func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	la, err1 := luminance(a)
	lb, err2 := luminance(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("%v %v", err1, err2)
	}
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestContrastFormula(t *testing.T) {
	if c := contrast(t, "#000000", "#ffffff"); math.Abs(c-21) > 1e-9 {
		t.Errorf("black on white: %v, want 21", c)
	}
	if c := contrast(t, "#777777", "#ffffff"); c < 4.47 || c > 4.48 {
		t.Errorf("#777 on white: %v, want 4.48", c)
	}
}

// pageColours reads a theme's custom properties from the page's style
// sheet: the block that opens with selector.
func pageColours(t *testing.T, css, selector string) map[string]string {
	t.Helper()
	block := regexp.MustCompile(regexp.QuoteMeta(selector) + `\s*\{([^}]*)\}`).FindStringSubmatch(css)
	if block == nil {
		t.Fatalf("web/style.css has no %s block: the editor's palette (web/editor/palette.json) is checked against its --bg, --fg and --panel; point this test at the page's new colours", selector)
	}
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z]+):\s*(#[0-9a-fA-F]{6})`).FindAllStringSubmatch(block[1], -1) {
		vars[m[1]] = m[2]
	}
	return vars
}

// TestEditorPaletteContrast: every syntax colour of the editor reads at
// 4.5:1 or better (WCAG AA for text) on the page's background and on the
// active line (--panel), in both themes, and the text on a selection too.
func TestEditorPaletteContrast(t *testing.T) {
	b, err := os.ReadFile("../../web/editor/palette.json")
	if err != nil {
		t.Fatal(err)
	}
	var palette map[string]json.RawMessage
	if err := json.Unmarshal(b, &palette); err != nil {
		t.Fatal(err)
	}
	css, err := os.ReadFile("../../web/style.css")
	if err != nil {
		t.Fatal(err)
	}
	for theme, selector := range map[string]string{"light": ":root", "dark": ":root[data-theme=dark]"} {
		page := pageColours(t, string(css), selector)
		var colours map[string]string
		if err := json.Unmarshal(palette[theme], &colours); err != nil {
			t.Fatalf("%s: %v", theme, err)
		}
		if len(colours) < 8 {
			t.Fatalf("%s palette has %d colours", theme, len(colours))
		}
		for _, bg := range []string{"bg", "panel"} {
			if page[bg] == "" || page["fg"] == "" {
				t.Fatalf("%s: the page defines no --%s or --fg: %v", theme, bg, page)
			}
			for name, c := range colours {
				if name == "selection" {
					continue
				}
				if r := contrast(t, c, page[bg]); r < 4.5 {
					t.Errorf("%s %s %s on --%s %s: %.2f:1, want 4.5:1", theme, name, c, bg, page[bg], r)
				}
			}
		}
		if r := contrast(t, page["fg"], colours["selection"]); r < 4.5 {
			t.Errorf("%s: --fg %s on the selection %s: %.2f:1, want 4.5:1", theme, page["fg"], colours["selection"], r)
		}
	}
}
