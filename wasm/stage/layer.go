package stage

import (
	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/stage/geom"
)

// layer keeps what does not move with the playhead (a timeline's bars,
// labels and axis) painted in an image while it stays the same, so a frame
// of a 1,000-request run copies one image and paints only the playhead,
// the fade and the tooltip.
type layer struct {
	img *ebiten.Image
	key layerKey
}

// layerKey names one layout of one timeline.
type layerKey struct {
	owner   any
	version int
}

// staticLayer is shared by the scenes, which are drawn one at a time, so
// a new run reuses the image instead of leaving one behind for the GC.
var staticLayer layer

func (l *layer) draw(dst *ebiten.Image, v View, key layerKey, list func() geom.List) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	if l.img != nil && (l.img.Bounds().Dx() != w || l.img.Bounds().Dy() != h) {
		l.img.Deallocate()
		l.img = nil
	}
	if l.img == nil {
		l.img = ebiten.NewImage(w, h)
		l.key = layerKey{}
	}
	if l.key != key {
		l.img.Fill(rgba(v.Theme.Background))
		paint(l.img, v.Scale, list())
		l.key = key
	}
	dst.DrawImage(l.img, nil)
}
