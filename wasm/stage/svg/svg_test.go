package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"looplab/wasm/scenario"
	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs")

func run(t *testing.T, name string) *trace.Trace {
	t.Helper()
	dir := "../../scenario/testdata/golden"
	code, err := os.ReadFile(filepath.Join(dir, name+".py"))
	if err != nil {
		t.Fatal(err)
	}
	load, _ := os.ReadFile(filepath.Join(dir, name+".load"))
	tr, err := scenario.Run(scenario.Spec{File: name + ".py", Code: string(code), Load: string(load)})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// texts are the document's <text> contents, in order; parsing them also
// checks that the document is well-formed XML.
func texts(t *testing.T, doc []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out []string
	inText := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "text"
		case xml.CharData:
			if inText {
				out = append(out, string(x))
			}
		case xml.EndElement:
			inText = false
		}
	}
}

func TestTimelineMatchesGolden(t *testing.T) {
	for _, name := range []string{"blocked_loop", "three_ways"} {
		for _, th := range []geom.Theme{geom.Light, geom.Dark} {
			t.Run(name+"/"+th.Name, func(t *testing.T) {
				tr := run(t, name)
				doc := Timeline(tr, Options{Theme: th})
				if again := Timeline(run(t, name), Options{Theme: th}); !bytes.Equal(doc, again) {
					t.Fatal("the same run drew two different documents")
				}
				texts(t, doc)
				golden := filepath.Join("testdata", name+"-"+th.Name+".svg")
				if *update {
					if err := os.WriteFile(golden, doc, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(doc, want) {
					t.Errorf("%s differs (go test -update rewrites it if the change is intended)", golden)
				}
			})
		}
	}
}

// The picture says in words what the stage does: every lane's label and
// the axis, as text a reader can select and a screen reader can read.
func TestTimelineIsText(t *testing.T) {
	tr := run(t, "blocked_loop")
	got := strings.Join(texts(t, Timeline(tr, Options{})), "|")
	for _, want := range []string{"event loop", "GET /slow #1", "GET / #6", "time.sleep(4)", "ready, waits for the loop", "0 s", "12.002 s"} {
		if !strings.Contains(got, want) {
			t.Errorf("no text %q in %q", want, got)
		}
	}
	doc := string(Timeline(tr, Options{Title: "A <title> & more"}))
	if !strings.Contains(doc, "<title id=\"t\">A &lt;title&gt; &amp; more</title>") {
		t.Errorf("the title is not escaped: %.300s", doc)
	}
}
