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

// id is the id of t's pattern, adding it the first time. It is made from
// the content, so the same tile has the same id in every document: two
// pictures inlined in one page that both define it define the same thing.
func (d *defs) id(t geom.Tile) string {
	var body bytes.Buffer
	fmt.Fprintf(&body, `patternUnits="userSpaceOnUse" x="%s" y="%s" width="%s" height="%s">`,
		wrap(t.X, t.W), wrap(t.Y, t.H), num(t.W), num(t.H))
	// Shapes of one colour in a row are one path.
	var p path
	for _, s := range t.Shapes {
		p.to(&body, fill(s.Color))
		p.poly(s.Pts)
	}
	p.flush(&body)
	key := body.String()
	if id, ok := d.ids[key]; ok {
		return id
	}
	h := fnv.New32a()
	h.Write(body.Bytes())
	id := "p" + strconv.FormatUint(uint64(h.Sum32()), 36)
	if d.ids == nil {
		d.ids = map[string]string{}
	}
	d.ids[key] = id
	d.out.WriteString(`<pattern id="` + id + `" `)
	d.out.Write(body.Bytes())
	d.out.WriteString("</pattern>\n")
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
