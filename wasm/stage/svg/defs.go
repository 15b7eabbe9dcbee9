package svg

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"strconv"

	"looplab/wasm/stage/geom"
)

// defs are the document's <pattern>s, one per distinct tile: a pattern's
// strokes or a blend's stripes drawn once and repeated by the browser,
// in user space so that they stay anchored to the canvas as the stage's
// strokes are.
type defs struct {
	ids map[string]string // a pattern's content → its id
	out bytes.Buffer
}

// pattern is the id of t's pattern, adding it the first time (dark is
// the tile in the dark theme, as in writeList).
func (d *doc) pattern(t, dark geom.Tile) string {
	ds := &d.defs
	var body bytes.Buffer
	fmt.Fprintf(&body, `patternUnits="userSpaceOnUse" x="%s" y="%s" width="%s" height="%s">`,
		wrap(t.X, t.W), wrap(t.Y, t.H), num(t.W), num(t.H))
	// Shapes of one colour in a row are one path.
	var p path
	for i, s := range t.Shapes {
		p.to(&body, paint{ink: d.ink(s.Color, dark.Shapes[i].Color)}.attrs())
		p.poly(s.Pts)
	}
	p.flush(&body)
	key := body.String()
	if id, ok := ds.ids[key]; ok {
		return id
	}
	// A document of one theme makes the id from the content, so the same
	// tile has the same id in every document: two of them inlined in one
	// page that both define it define the same thing. A page's picture of
	// both themes has every id prefixed by the page (its title's "t"
	// too): it numbers them, shorter.
	id := "p" + strconv.Itoa(len(ds.ids))
	if d.pal == nil {
		h := fnv.New32a()
		h.Write(body.Bytes())
		id = "p" + strconv.FormatUint(uint64(h.Sum32()), 36)
	}
	if ds.ids == nil {
		ds.ids = map[string]string{}
	}
	ds.ids[key] = id
	ds.out.WriteString(`<pattern id="` + id + `" `)
	ds.out.Write(body.Bytes())
	ds.out.WriteString("</pattern>\n")
	return id
}

// write puts the patterns in a <defs>, if there are any.
func (d *defs) write(b *bytes.Buffer) {
	if d.out.Len() == 0 {
		return
	}
	b.WriteString("<defs>\n")
	b.Write(d.out.Bytes())
	b.WriteString("</defs>\n")
}

// wrap is where the first copy of a tile of size m starting at x starts
// at or after 0, in tenths: the same pattern for every x a whole number
// of tiles apart.
func wrap(x, m float32) string {
	t := max(tenths(m), 1)
	return formatTenths((tenths(x)%t + t) % t)
}
