package export

import "strings"

// PictureFile is the name of the predicted timeline among the files.
const PictureFile = "predicted.svg"

// WithPicture adds the playground's picture of the run (an SVG document)
// to the program's files, and says in the README what it is for: the
// prediction to hold the real run against.
func WithPicture(p Program, svg string) Program {
	if svg == "" {
		return p
	}
	files := append([]File(nil), p.Files...)
	for i, f := range files {
		if f.Name == readmeFile {
			files[i].Text = strings.TrimRight(f.Text, "\n") + "\n\n## The prediction\n\n" +
				"`" + PictureFile + "` is the timeline LoopLab predicted for this run, as its stage drew it " +
				"(open it in a browser). Hold what the real run prints, and when, against it.\n"
		}
	}
	p.Files = append(files, File{Name: PictureFile, Text: svg})
	return p
}
