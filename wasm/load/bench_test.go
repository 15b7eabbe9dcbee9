package load

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParse reads a 10,000-line load mixing every kind of line, so a
// slow path in any of them shows.
func BenchmarkParse(b *testing.B) {
	var src strings.Builder
	for i := range 10_000 {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&src, "url = \"http://127.0.0.1:8000/users/%d?x=1\"\n", i)
		case 1:
			fmt.Fprintf(&src, "at %d.%03d GET /slow # comment\n", i/1000, i%1000)
		case 2:
			fmt.Fprintf(&src, "2 x at %dms post /submit\n", i)
		case 3:
			src.WriteString("-X PUT\n")
		case 4:
			fmt.Fprintf(&src, "--url http://localhost/items/%d\n", i)
		}
	}
	text := src.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}
