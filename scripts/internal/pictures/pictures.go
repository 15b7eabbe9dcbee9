// Package pictures finds the static pictures the build draws into the
// page (each scenario's <div class="scenario-picture">), so the
// performance script can say what they add to the page's size.
package pictures

import (
	"bytes"
	"fmt"
	"regexp"
)

// opening is a picture div's start tag: a div whose class list holds
// scenario-picture, the class first or not.
var opening = regexp.MustCompile(`(?i)<div\s[^>]*\bclass="(?:[^"]*\s)?scenario-picture(?:\s[^"]*)?"[^>]*>`)

// Strip returns page without its picture divs, each up to the </div> that
// closes it (divs nested in a picture are counted, comments skipped), and
// how many it removed. A picture div that is never closed is an error.
func Strip(page []byte) ([]byte, int, error) {
	var out bytes.Buffer
	n, done := 0, 0 // pictures removed, bytes of page consumed
	for {
		loc := opening.FindIndex(page)
		if loc == nil {
			out.Write(page)
			return out.Bytes(), n, nil
		}
		end, err := closing(page, loc[1])
		if err != nil {
			return nil, n, fmt.Errorf("picture div at byte %d: %w", done+loc[0], err)
		}
		out.Write(page[:loc[0]])
		page, done = page[end:], done+end
		n++
	}
}

// closing returns the offset just past the </div> that closes a div whose
// start tag ends at from.
func closing(page []byte, from int) (int, error) {
	depth := 1
	for i := from; i < len(page); i++ {
		if page[i] != '<' {
			continue
		}
		switch rest := page[i:]; {
		case bytes.HasPrefix(rest, []byte("<!--")):
			e := bytes.Index(rest[4:], []byte("-->"))
			if e < 0 {
				return 0, fmt.Errorf("a comment in it is not closed")
			}
			i += 4 + e + 2
		case tagIs(rest, "</div"):
			depth--
			if depth == 0 {
				e := bytes.IndexByte(rest, '>')
				if e < 0 {
					return 0, fmt.Errorf("its end tag is cut off")
				}
				return i + e + 1, nil
			}
		case tagIs(rest, "<div"):
			depth++
		}
	}
	return 0, fmt.Errorf("it is not closed")
}

// tagIs reports whether b starts with the tag name prefix (ASCII, any
// case) followed by the end of the name.
func tagIs(b []byte, prefix string) bool {
	if len(b) <= len(prefix) || !bytes.EqualFold(b[:len(prefix)], []byte(prefix)) {
		return false
	}
	switch b[len(prefix)] {
	case ' ', '\t', '\n', '\r', '\f', '>', '/':
		return true
	}
	return false
}
