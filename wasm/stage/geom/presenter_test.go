package geom

import (
	"testing"

	"looplab/wasm/trace"
)

// TestPresenterWritesEveryTextLarge: in presenter mode every text of a
// frame (axis, lane labels, bar texts, blends, prints, the playhead's
// chip, the tooltip) is at least 16 CSS px, each row's label fits in its
// row, and the rows grow with it while the time axis stays where it was.
func TestPresenterWritesEveryTextLarge(t *testing.T) {
	const scale = 2
	for _, tr := range []*trace.Trace{turns(), sample(), exports(40)} {
		normal := NewTimeline(tr, Options{})
		normal.SetView(1200, 900, scale, Light)
		big := NewTimeline(tr, Options{})
		big.SetModes(true, false)
		big.SetView(1200, 900, scale, Light)
		x0, x1, y0, _ := big.Plot()
		static, overlay := big.Frame(tr.Duration/2, (x0+x1)/2, y0+4)
		if len(overlay.Texts) < 2 {
			t.Fatalf("no tooltip and playhead chip in the overlay: %+v", overlay.Texts)
		}
		all := static
		all.Append(overlay)
		for _, l := range []List{static, overlay} {
			if l.Font < 16 && len(l.Texts) > 0 {
				t.Errorf("texts %q are %v CSS px", l.Texts[0].S, l.Font)
			}
		}
		// Each layer on its own: the tooltip's box covers the words under it.
		for _, l := range []List{static, overlay} {
			for _, bad := range Illegible(l, Light.Background, scale, 4.5) {
				t.Errorf("presenter mode: %s", bad)
			}
		}
		rep, was := big.Report("", 0), normal.Report("", 0)
		if rep.FontSize != 16 || was.FontSize != FontSize {
			t.Errorf("reported font sizes %v and %v", rep.FontSize, was.FontSize)
		}
		if rep.View != was.View || rep.Plot.X+rep.Plot.Width != was.Plot.X+was.Plot.Width {
			t.Errorf("the axis moved: %+v %+v, was %+v %+v", rep.View, rep.Plot, was.View, was.Plot)
		}
		for i, l := range rep.Lanes {
			if l.Label != "" && l.H < 16 {
				t.Errorf("row %q is %v px tall for 16 px text", l.Name, l.H)
			}
			if i < len(was.Lanes) && len(rep.Lanes) == len(was.Lanes) && l.H < was.Lanes[i].H {
				t.Errorf("row %q shrank from %v to %v px", l.Name, was.Lanes[i].H, l.H)
			}
		}
		// Texts written in the rows sit inside them; the axis' above the plot.
		for _, tx := range static.Texts {
			if size := static.Font * scale; tx.Y < y0 && tx.Y+size > y0 {
				t.Errorf("%q runs from the axis into the plot", tx.S)
			}
		}
	}
}

// TestPresenterRowsGrow: rows that fit get a third more height for the
// third larger text, and a row keeps its label only where 16 px fit.
func TestPresenterRowsGrow(t *testing.T) {
	tl := NewTimeline(sample(), Options{})
	tl.SetView(1000, 600, 1, Light)
	before := tl.Report("", 0).Lanes[0].H
	tl.SetModes(true, false)
	after := tl.Report("", 0).Lanes[0].H
	if before != rowMaxCSS || after < rowMaxCSS*16/12-0.01 {
		t.Errorf("a roomy row is %v px, then %v in presenter mode", before, after)
	}
	if got := tl.grown(rowLabelCSS); got < 16 {
		t.Errorf("a labelled row may be %v px for 16 px text", got)
	}
	tl.SetModes(false, false)
	if got := tl.Report("", 0).Lanes[0].H; got != before {
		t.Errorf("turned off, the row is %v px, want %v", got, before)
	}
	// Too many lanes for labelled rows of the larger size: they group or
	// shrink, and an unlabelled row has no text in it.
	many := NewTimeline(exports(400), Options{})
	many.SetModes(true, false)
	many.SetView(1000, 300, 1, Light)
	rep := many.Report("", 0)
	for _, l := range rep.Lanes {
		if l.Label != "" && l.H < 16-0.01 {
			t.Errorf("row %q is labelled at %v px", l.Name, l.H)
		}
	}
}
