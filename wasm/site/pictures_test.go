package site

import (
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"looplab/wasm/lesson"
)

var (
	figurePattern = regexp.MustCompile(`(?s)<figure class="scenario" id="scenario-(\d+)".*?</figure>`)
	svgPattern    = regexp.MustCompile(`(?s)<svg class="(pic-light|pic-dark)".*?</svg>`)
)

// TestEveryScenarioHasItsPicture builds the real course: every scenario
// figure of every lesson holds the picture of its run in both themes,
// each a well-formed SVG document with a title and a description, so the
// lesson reads with its pictures before (or without) the simulator.
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
	page := checkPages(t, buildInto(t, "../../content"))["index.html"]
	figures := figurePattern.FindAllString(page, -1)
	if len(figures) != blocks {
		t.Fatalf("the page has %d scenario figures, the lessons %d blocks", len(figures), blocks)
	}
	for _, f := range figures {
		id := figurePattern.FindStringSubmatch(f)[1]
		if !strings.Contains(f, `<div class="scenario-picture"`) {
			t.Errorf("scenario-%s has no picture", id)
			continue
		}
		themes := map[string]int{}
		for _, svg := range svgPattern.FindAllString(f, -1) {
			themes[svgPattern.FindStringSubmatch(svg)[1]]++
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
		}
		// A run a question asks about has its hidden picture and the run.
		if themes["pic-light"] == 0 || themes["pic-light"] != themes["pic-dark"] {
			t.Errorf("scenario-%s: pictures by theme %v, want as many light as dark, at least one", id, themes)
		}
	}
}
