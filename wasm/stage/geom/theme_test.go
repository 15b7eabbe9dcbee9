package geom

import (
	"math"
	"testing"

	"looplab/wasm/trace"
)

// The colour-vision check: every colour is passed through Machado, Oliveira
// and Fernandes' 2009 simulation of full protanopia, deuteranopia and
// tritanopia (their severity-1.0 matrices, applied in linear sRGB), and
// any two states that share a pattern must stay at least minDeltaE apart
// (CIEDE2000) for normal vision and for each simulation.

const minDeltaE = 10

var visions = []struct {
	name string
	m    [3][3]float64
}{
	{"normal", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
}

// lab is c seen through m, in CIELAB (D65).
func lab(c Color, m [3][3]float64) [3]float64 {
	in := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var rgb [3]float64
	for i := range 3 {
		rgb[i] = min(max(m[i][0]*in[0]+m[i][1]*in[1]+m[i][2]*in[2], 0), 1)
	}
	x := (0.4124*rgb[0] + 0.3576*rgb[1] + 0.1805*rgb[2]) / 0.95047
	y := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	z := (0.0193*rgb[0] + 0.1192*rgb[1] + 0.9505*rgb[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// deltaE2000 is the CIEDE2000 colour difference (Sharma, Wu and Dalal's
// formulation).
func deltaE2000(p, q [3]float64) float64 {
	rad := math.Pi / 180
	c1, c2 := math.Hypot(p[1], p[2]), math.Hypot(q[1], q[2])
	cb := (c1 + c2) / 2
	g := 0.5 * (1 - math.Sqrt(math.Pow(cb, 7)/(math.Pow(cb, 7)+math.Pow(25, 7))))
	a1, a2 := (1+g)*p[1], (1+g)*q[1]
	c1p, c2p := math.Hypot(a1, p[2]), math.Hypot(a2, q[2])
	hue := func(b, a float64) float64 {
		if a == 0 && b == 0 {
			return 0
		}
		return math.Mod(math.Atan2(b, a)/rad+360, 360)
	}
	h1, h2 := hue(p[2], a1), hue(q[2], a2)
	dl, dc := q[0]-p[0], c2p-c1p
	dh := 0.0
	if c1p*c2p != 0 {
		dh = h2 - h1
		if dh > 180 {
			dh -= 360
		} else if dh < -180 {
			dh += 360
		}
	}
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh/2*rad)
	lb, cbp := (p[0]+q[0])/2, (c1p+c2p)/2
	hb := h1 + h2
	if c1p*c2p != 0 {
		switch {
		case math.Abs(h1-h2) <= 180:
			hb = (h1 + h2) / 2
		case h1+h2 < 360:
			hb = (h1 + h2 + 360) / 2
		default:
			hb = (h1 + h2 - 360) / 2
		}
	}
	t := 1 - 0.17*math.Cos((hb-30)*rad) + 0.24*math.Cos(2*hb*rad) + 0.32*math.Cos((3*hb+6)*rad) - 0.20*math.Cos((4*hb-63)*rad)
	dth := 30 * math.Exp(-math.Pow((hb-275)/25, 2))
	rc := 2 * math.Sqrt(math.Pow(cbp, 7)/(math.Pow(cbp, 7)+math.Pow(25, 7)))
	sl := 1 + 0.015*(lb-50)*(lb-50)/math.Sqrt(20+(lb-50)*(lb-50))
	sc, sh := 1+0.045*cbp, 1+0.015*cbp*t
	rt := -math.Sin(2*dth*rad) * rc
	return math.Sqrt(math.Pow(dl/sl, 2) + math.Pow(dc/sc, 2) + math.Pow(dH/sh, 2) + rt*(dc/sc)*(dH/sh))
}

func TestDeltaE2000MatchesPublishedPairs(t *testing.T) {
	// From Sharma, Wu and Dalal's test data.
	for _, c := range []struct {
		p, q [3]float64
		want float64
	}{
		{[3]float64{50, 2.6772, -79.7751}, [3]float64{50, 0, -82.7485}, 2.0425},
		{[3]float64{50, -1, 2}, [3]float64{50, 0, 0}, 2.3669},
		{[3]float64{60.2574, -34.0099, 36.2677}, [3]float64{60.4626, -34.1751, 39.4387}, 1.2644},
		{[3]float64{22.7233, 20.0904, -46.6940}, [3]float64{23.0331, 14.9730, -42.5619}, 2.0373},
	} {
		if got := deltaE2000(c.p, c.q); math.Abs(got-c.want) > 1e-3 {
			t.Errorf("deltaE2000(%v, %v) = %.4f, want %.4f", c.p, c.q, got, c.want)
		}
	}
}

func TestContrastMatchesWCAG(t *testing.T) {
	if got := Contrast(rgb(0x000000), rgb(0xffffff)); math.Abs(got-21) > 1e-9 {
		t.Errorf("black on white = %v, want 21", got)
	}
	if got := Contrast(rgb(0x777777), rgb(0xffffff)); math.Abs(got-4.48) > 0.01 {
		t.Errorf("#777 on white = %.3f, want 4.48", got)
	}
}

// legendStates are the states a lane can show, the loop's stall included.
func legendStates() []trace.State {
	var out []trace.State
	for _, e := range legendText {
		if e.state != trace.Held {
			out = append(out, e.state)
		}
	}
	return out
}

func TestStatesStayApartForEveryColourVision(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		states := legendStates()
		for i, a := range states {
			for _, b := range states[i+1:] {
				if patterns[a] != patterns[b] {
					continue
				}
				for _, v := range visions {
					if d := deltaE2000(lab(th.color(a), v.m), lab(th.color(b), v.m)); d < minDeltaE {
						t.Errorf("%s theme, %s: %q and %q are %.1f apart, want %d or more (or different patterns)", th.Name, v.name, a, b, d, minDeltaE)
					}
				}
			}
		}
		// The GIL lane's holders sit side by side when threads take turns.
		for i, a := range th.Holders {
			for _, b := range th.Holders[i+1:] {
				for _, v := range visions {
					if d := deltaE2000(lab(a, v.m), lab(b, v.m)); d < minDeltaE {
						t.Errorf("%s theme, %s: holders %s and %s are %.1f apart", th.Name, v.name, a.CSS(), b.CSS(), d)
					}
				}
			}
		}
	}
}

func TestEveryTextOnTheCanvasReads(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		for _, st := range legendStates() {
			c := th.color(st)
			if r := Contrast(th.Ink(c), c); r < 4.5 {
				t.Errorf("%s theme: a label on %q (%s) has contrast %.2f, want 4.5", th.Name, st, c.CSS(), r)
			}
		}
		for _, c := range th.Holders {
			if r := Contrast(th.Ink(c), c); r < 4.5 {
				t.Errorf("%s theme: a label on holder %s has contrast %.2f", th.Name, c.CSS(), r)
			}
		}
		for name, c := range map[string]Color{"text": th.Text, "muted": th.Muted, "playhead": th.Playhead, "bad": th.Bad, "warn": th.Warn} {
			if r := Contrast(c, th.Background); r < 4.5 {
				t.Errorf("%s theme: %s text on the background has contrast %.2f", th.Name, name, r)
			}
		}
		if r := Contrast(th.Ink(th.Playhead), th.Playhead); r < 4.5 {
			t.Errorf("%s theme: the playhead's time label has contrast %.2f", th.Name, r)
		}
	}
}

func TestLegendCarriesPatterns(t *testing.T) {
	for _, e := range Dark.Legend() {
		want := patterns[trace.State(e.State)].String()
		if e.Pattern != want {
			t.Errorf("%s: pattern %q, want %q", e.State, e.Pattern, want)
		}
	}
}

func TestHoldersDoNotLookLikeStates(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		for _, h := range th.Holders[1:] {
			for _, st := range legendStates() {
				if d := deltaE2000(lab(h, visions[0].m), lab(th.color(st), visions[0].m)); d < 15 {
					t.Errorf("%s theme: holder %s looks like %q (%.1f apart)", th.Name, h.CSS(), st, d)
				}
			}
		}
	}
}
