package site

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"looplab/wasm/lesson"
)

var (
	figurePattern = regexp.MustCompile(`(?s)<figure class="scenario" id="scenario-(\d+)".*?</figure>`)
	svgPattern    = regexp.MustCompile(`(?s)<svg class="(pic|pic-light|pic-dark)".*?</svg>`)
	classPattern  = regexp.MustCompile(`\bclass="([^"]+)"`)
	colourAttr    = regexp.MustCompile(`\b(fill|stroke)="#`)
)

// TestEveryScenarioHasItsPicture builds the real course: every scenario
// figure of every lesson holds the picture of its run, once for both
// themes, a well-formed SVG document with a title and a description, so
// the lesson reads with its pictures before (or without) the simulator.
// The picture names its colours by classes only, and pictures.css
// colours every one of them in the light theme, and in the dark one for
// the learner's pick of dark and for the system's.
func TestEveryScenarioHasItsPicture(t *testing.T) {
	t.Parallel()
	lessons, err := lesson.CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for _, l := range lessons {
		blocks += len(l.Blocks)
	}
	out := buildInto(t, "../../content")
	page := checkPages(t, out)["index.html"]
	if !strings.Contains(page, `<link rel="stylesheet" href="pictures.css">`) {
		t.Error("index.html does not link pictures.css")
	}
	css, err := os.ReadFile(filepath.Join(out, "pictures.css"))
	if err != nil {
		t.Fatal(err)
	}
	figures := figurePattern.FindAllString(page, -1)
	if len(figures) != blocks {
		t.Fatalf("the page has %d scenario figures, the lessons %d blocks", len(figures), blocks)
	}
	classes := map[string]bool{}
	for _, f := range figures {
		id := figurePattern.FindStringSubmatch(f)[1]
		if !strings.Contains(f, `<div class="scenario-picture"`) {
			t.Errorf("scenario-%s has no picture", id)
			continue
		}
		themes := map[string]int{}
		for _, svg := range svgPattern.FindAllString(f, -1) {
			form := svgPattern.FindStringSubmatch(svg)[1]
			themes[form]++
			var doc struct {
				Title string `xml:"title"`
				Desc  string `xml:"desc"`
			}
			if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
				t.Errorf("scenario-%s: a picture is not well-formed: %v", id, err)
			}
			if strings.TrimSpace(doc.Title) == "" || strings.TrimSpace(doc.Desc) == "" {
				t.Errorf("scenario-%s: a picture lacks its title or description: %q, %q", id, doc.Title, doc.Desc)
			}
			if form != "pic" {
				continue
			}
			if m := colourAttr.FindString(svg); m != "" {
				t.Errorf("scenario-%s: the picture for both themes has a colour of one: %s", id, m)
			}
			for _, m := range classPattern.FindAllStringSubmatch(svg, -1)[1:] { // [0] is the root's
				classes[m[1]] = true
			}
		}
		// One picture, for both themes. (A picture whose themes' drawings
		// differ in more than colour is there once a theme instead, twice
		// the bytes: svg.DocumentThemes's error says where they differ.)
		if themes["pic"] != 1 || len(themes) != 1 {
			t.Errorf("scenario-%s: pictures by form %v, want one for both themes", id, themes)
		}
	}
	// Each class has its rule, its light colour the fallback of a
	// variable that both ways into the dark theme set.
	dark := map[string]bool{}
	for _, scope := range []string{"\n:root[data-theme=dark] .pic{", "\n:root:not([data-theme=light]) .pic{"} {
		i := strings.Index(string(css), scope)
		if i < 0 {
			t.Fatalf("pictures.css has no rule %s", scope)
		}
		block, _, _ := strings.Cut(string(css)[i+len(scope):], "}")
		for _, decl := range strings.Split(block, ";") {
			name, _, _ := strings.Cut(decl, ":")
			dark[scope+name] = true
		}
	}
	for c := range classes {
		if !strings.Contains(string(css), "\n.pic ."+c+"{") {
			t.Errorf("pictures.css has no rule .pic .%s", c)
		}
		for _, scope := range []string{"\n:root[data-theme=dark] .pic{", "\n:root:not([data-theme=light]) .pic{"} {
			if !dark[scope+"--"+c] {
				t.Errorf("pictures.css gives .%s no colour in %s}", c, strings.TrimSpace(scope))
			}
		}
	}
}
