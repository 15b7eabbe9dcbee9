package textview

import (
	"reflect"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

func TestLatencySummary(t *testing.T) {
	const s = trace.Second
	done := func(sent, end trace.Time) trace.Request { return trace.Request{Sent: sent, Start: sent, End: end} }
	never := trace.Request{Start: -1, End: -1}
	tests := []struct {
		name string
		reqs []trace.Request
		dur  trace.Time
		want string
	}{
		{"no requests", nil, 0, "— (no requests) · total 0.000 s"},
		{"none finished", []trace.Request{never, never}, 5 * s, "— (no request finished) · total 5.000 s"},
		{"one", []trace.Request{done(0, 4*s)}, 4 * s, "min 4.000 s · median 4.000 s · max 4.000 s · total 4.000 s"},
		{"latency is end minus sent", []trace.Request{done(2*s, 3*s)}, 3 * s, "min 1.000 s · median 1.000 s · max 1.000 s · total 3.000 s"},
		{"odd count: the middle", []trace.Request{done(0, 12*s), done(0, 4*s), done(0, 8*s)}, 12 * s,
			"min 4.000 s · median 8.000 s · max 12.000 s · total 12.000 s"},
		{"even count: mean of the middle two", []trace.Request{done(0, 4*s), done(0, 12*s), done(0, 12*s), done(0, 5*s)}, 12 * s,
			"min 4.000 s · median 8.500 s · max 12.000 s · total 12.000 s"},
		{"unfinished are counted apart", []trace.Request{done(0, s), never, done(0, 3*s)}, 10 * s,
			"min 1.000 s · median 2.000 s · max 3.000 s · total 10.000 s · 1 unfinished"},
		{"rounds to the millisecond", []trace.Request{done(0, 1499), done(0, 1500)}, 1500,
			"min 0.001 s · median 0.001 s · max 0.002 s · total 0.002 s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(latencySummary(tt.reqs, tt.dur), " · "); got != tt.want {
				t.Errorf("latencySummary =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSecs(t *testing.T) {
	tests := []struct {
		in   trace.Time
		want string
	}{
		{-1, "—"}, {0, "0.000"}, {499, "0.000"}, {500, "0.001"}, {4_000_000, "4.000"}, {12_345_678, "12.346"}, {999_999, "1.000"},
	}
	for _, tt := range tests {
		if got := secs(tt.in); got != tt.want {
			t.Errorf("secs(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrapWords(t *testing.T) {
	tests := []struct {
		text, indent string
		width        int
		want         []string
	}{
		{"fits", "  ", 10, []string{"fits"}},
		{"one two three four", "  ", 10, []string{"one two", "  three", "  four"}},
		{"  0.000  keep  double  spaces", "         ", 21, []string{"  0.000  keep  double", "         spaces"}},
		{"abcdefghijklmnop", "  ", 6, []string{"abcdef", "  ghij", "  klmn", "  op"}},
		{"a abcdefghij", "", 5, []string{"a", "abcde", "fghij"}},
	}
	for _, tt := range tests {
		got := wrapWords(tt.text, tt.indent, tt.width)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrapWords(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for _, l := range got {
			if runeLen(l) > tt.width {
				t.Errorf("wrapWords(%q, %d): line %q too long", tt.text, tt.width, l)
			}
		}
	}
}

func TestRowsCutsRequestLanes(t *testing.T) {
	tests := []struct {
		requests, want int // want: request lanes drawn
		note           string
	}{
		{60, 60, ""},
		{61, 40, "… 21 more requests"},
		{1000, 40, "… 960 more requests"},
	}
	for _, tt := range tests {
		tr := manyRequests(tt.requests)
		tr.Lanes = append(tr.Lanes, trace.Lane{Name: "GIL", Kind: trace.KindGIL, Spans: []trace.Span{sp(0, 1, trace.Held)}},
			trace.Lane{Name: "empty", Kind: trace.KindRequest})
		var lanes []string
		note := ""
		for _, r := range rows(tr) {
			if r.lane == nil {
				note = r.note
				continue
			}
			lanes = append(lanes, r.lane.Kind)
		}
		n := strings.Count(strings.Join(lanes, " "), trace.KindRequest)
		if n != tt.want || note != tt.note || lanes[0] != trace.KindLoop || lanes[len(lanes)-1] != trace.KindGIL {
			t.Errorf("%d requests: drew %d request lanes, note %q, kinds %v", tt.requests, n, note, lanes)
		}
	}
}
