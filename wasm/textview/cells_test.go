package textview

import (
	"testing"

	"looplab/wasm/trace"
)

func sp(from, to trace.Time, st trace.State) trace.Span {
	return trace.Span{From: from, To: to, State: st}
}

// The cell is [100, 200) throughout: 100 units wide.
func TestPick(t *testing.T) {
	tests := []struct {
		name  string
		spans []trace.Span
		want  trace.State
	}{
		{"nothing is idle", nil, ""},
		{"span outside the cell", []trace.Span{sp(0, 100, trace.Run), sp(200, 300, trace.Run)}, ""},
		{"full cell", []trace.Span{sp(0, 300, trace.Run)}, trace.Run},
		{"majority wins", []trace.Span{sp(0, 170, trace.Run), sp(170, 300, trace.Await)}, trace.Run},
		{"majority wins, later", []trace.Span{sp(0, 130, trace.Run), sp(130, 300, trace.Await)}, trace.Await},
		{"tie goes to the later span", []trace.Span{sp(0, 150, trace.Run), sp(150, 300, trace.Await)}, trace.Await},
		{"tie goes to the later span, either order", []trace.Span{sp(150, 300, trace.Await), sp(0, 150, trace.Run)}, trace.Await},
		{"same state adds up across spans", []trace.Span{sp(100, 130, trace.Run), sp(130, 160, trace.IO), sp(160, 200, trace.Run)}, trace.Run},
		{"short span alone shows", []trace.Span{sp(150, 151, trace.Run)}, trace.Run},
		{"short span at the edge shows", []trace.Span{sp(199, 210, trace.Blocked)}, trace.Blocked},
		{"two short spans: the longer shows", []trace.Span{sp(110, 112, trace.Run), sp(150, 160, trace.Await)}, trace.Await},
		{"long span ending early loses to idle", []trace.Span{sp(0, 110, trace.Run)}, ""},
		{"long span starting late loses to idle", []trace.Span{sp(190, 500, trace.Run)}, ""},
		{"long span half in ties with idle and shows", []trace.Span{sp(0, 150, trace.Run)}, trace.Run},
		{"long span plus short span: short keeps idle away", []trace.Span{sp(0, 110, trace.Run), sp(150, 155, trace.IO)}, trace.Run},
		{"empty state is idle", []trace.Span{sp(0, 300, "")}, ""},
		{"unknown state still shows", []trace.Span{sp(0, 300, "new")}, "new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pick(tt.spans, 100, 200); got != tt.want {
				t.Errorf("pick = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBar(t *testing.T) {
	const s = trace.Second
	tests := []struct {
		name  string
		spans []trace.Span
		end   trace.Time
		cells int
		want  string
	}{
		{"one state per cell", []trace.Span{sp(0, 2*s, trace.Run), sp(2*s, 4*s, trace.Blocked), sp(6*s, 8*s, trace.Await)}, 10 * s, 5, "█▓ · "},
		{"1 µs request in 12 s still shows", []trace.Span{sp(6*s, 6*s+1, trace.Run)}, 12 * s, 12, "      █     "},
		{"cell mostly idle is idle", []trace.Span{sp(0, 3*s, trace.Run)}, 10 * s, 4, "█   "},
		{"cell mostly busy is busy", []trace.Span{sp(0, 4*s, trace.Run)}, 10 * s, 4, "██  "},
		{"more cells than microseconds", []trace.Span{sp(0, 2, trace.Run), sp(2, 4, trace.IO)}, 4, 8, "████░░░░"},
		{"span past the end is clipped", []trace.Span{sp(0, 20*s, trace.Run)}, 10 * s, 3, "███"},
		{"unsorted spans", []trace.Span{sp(5*s, 10*s, trace.IO), sp(0, 5*s, trace.Run)}, 10 * s, 2, "█░"},
		{"unknown state", []trace.Span{sp(0, 10*s, "new")}, 10 * s, 2, "??"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			drawn := map[trace.State]bool{}
			got := string(newTimeline(tt.end, tt.cells).bar(tt.spans, drawn))
			if got != tt.want {
				t.Errorf("bar = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		end          trace.Time
		cells        int
		labels, rule string
	}{
		// The end is labelled exactly; the 10 s tick gives way to it.
		{12 * trace.Second, 24, "0s        5s         12s", "├─────────┼─────────┼──┤"},
		{12 * trace.Second, 40, "0s              5s               10s 12s", "├───────────────┼────────────────┼─────┤"},
		{trace.Second, 20, "0.0s      0.5s  1.0s", "├─────────┼────────┤"},
		{3 * trace.Millisecond, 30, "0.000s    0.001s        0.003s", "├─────────┼─────────┼────────┤"},
		{8006 * trace.Millisecond, 40, "0s       2s        4s        6s   8.006s", "├────────┼─────────┼─────────┼─────────┤"},
		{5, 20, "0.000000s  0.000005s", "├───────┼───────┼──┤"}, // 5 µs: microsecond ticks
	}
	for _, tt := range tests {
		labels, rule := newTimeline(tt.end, tt.cells).header(tt.end)
		if labels = trimRight(labels); labels != tt.labels || rule != tt.rule {
			t.Errorf("header(%d, %d cells) =\n%q\n%q\nwant\n%q\n%q", tt.end, tt.cells, labels, rule, tt.labels, tt.rule)
		}
	}
}

func trimRight(s string) string {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}
