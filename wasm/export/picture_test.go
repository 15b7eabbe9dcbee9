package export

import (
	"strings"
	"testing"
)

func TestWithPicture(t *testing.T) {
	p := Program{Files: []File{{Name: "app.py", Text: "x"}, {Name: readmeFile, Text: "# A scenario\n"}}}
	got := WithPicture(p, "<svg/>")
	if len(got.Files) != 3 || got.Files[2].Name != PictureFile || got.Files[2].Text != "<svg/>" {
		t.Fatalf("files %+v, want the picture last", got.Files)
	}
	if !strings.Contains(got.Files[1].Text, "## The prediction") || !strings.Contains(got.Files[1].Text, PictureFile) {
		t.Errorf("the README does not say what the picture is:\n%s", got.Files[1].Text)
	}
	if strings.Contains(p.Files[1].Text, "prediction") {
		t.Error("WithPicture changed the program it was given")
	}
	if again := WithPicture(p, ""); len(again.Files) != 2 {
		t.Errorf("no picture: %d files, want the 2 given", len(again.Files))
	}
}
