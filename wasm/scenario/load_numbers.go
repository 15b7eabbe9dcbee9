package scenario

import (
	"strconv"
	"strings"

	"looplab/wasm/load"
	"looplab/wasm/trace"
)

// LoadNumbers lists the numbers of a load, the requests sent to the app,
// that the playground lets a learner drag, as Numbers does for code: how
// many a line sends (the 20 of "20 x"), its times (at, every, from, to)
// and the whole-segment numbers of its paths (the 2 of /delay/2). Their
// ids start with "load." and say which: load.count, load.at, load.every,
// load.from, load.to, and a path's number after the word before it,
// load.delay; a second one of a name is load.at.2. Start and End count
// UTF-16 code units of the load's text. It fails as the load does.
func LoadNumbers(src string) ([]Number, error) {
	toks, err := load.Tokens(src)
	if err != nil {
		return nil, err
	}
	var spots []spot
	for _, k := range toks {
		where := "line " + strconv.Itoa(k.Line) + ": "
		if k.Kind == "path" {
			for _, p := range pathNumbers(k.Text, true) {
				start := k.Start + p.start
				s := spot{lit: loadLiteral(src, start, k.Start+p.end), id: "load." + idPart(p.word),
					label: where + "/" + p.word + "/ in the path", seconds: isDurationName(p.word)}
				if s.seconds {
					s.label = where + "/" + p.word + "/ seconds in the path"
				}
				spots = append(spots, s)
			}
			continue
		}
		s := spot{lit: loadLiteral(src, k.Start, k.End), id: "load." + k.Kind, seconds: k.Kind != "count"}
		s.label = where + loadWhat[k.Kind]
		switch {
		case k.Kind == "count":
			s.bound = func(n *Number) { n.Max = min(n.Max, load.MaxRepeat) }
		case k.Unit == "ms":
			// Milliseconds are whole steps of their own, not seconds.
			s.seconds, s.label = false, s.label+", milliseconds"
			s.bound = func(n *Number) { n.Min, n.Step = 0, 1 }
		default:
			s.label += ", seconds"
			if s.lit.value == 0 {
				// "at 0" is a moment, not a short wait: it moves in
				// twentieths like the times beside it, not hundredths.
				s.bound = func(n *Number) { n.Step = 0.05 }
			}
		}
		if k.Kind != "count" {
			s.bound = afterBound(s.bound, func(n *Number) { n.Max = min(n.Max, maxLoadTime(k.Unit)) })
		}
		if k.Kind == "every" {
			s.bound = afterBound(s.bound, func(n *Number) { n.Min = n.Step }) // every 0 sends nothing
		}
		spots = append(spots, s)
	}
	return numbered(src, spots), nil
}

// loadWhat says what each kind of load number is.
var loadWhat = map[string]string{
	"count": "how many requests",
	"at":    "when it is sent",
	"every": "time between requests",
	"from":  "first one sent at",
	"to":    "sending ends at",
}

func loadLiteral(src string, start, end int) literal {
	raw := src[start:end]
	v, _ := strconv.ParseFloat(raw, 64) // load.Tokens has checked the digits
	return literal{start: start, end: end, raw: raw, value: v, isFloat: strings.Contains(raw, "."), tooLarge: tooLarge(v)}
}

// maxLoadTime is the latest time a load may name, in unit.
func maxLoadTime(unit string) float64 {
	s := float64(load.MaxTime / trace.Second)
	if unit == "ms" {
		return 1000 * s
	}
	return s
}

// afterBound runs b after a, either of which may be nil.
func afterBound(a, b func(*Number)) func(*Number) {
	if a == nil {
		return b
	}
	return func(n *Number) { a(n); b(n) }
}
