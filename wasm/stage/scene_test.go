package stage

import (
	"slices"
	"testing"

	"looplab/wasm/trace"
)

func TestEventTimes(t *testing.T) {
	run := func(ts ...trace.Time) *trace.Trace {
		tr := &trace.Trace{}
		for _, at := range ts {
			tr.Events = append(tr.Events, trace.Event{T: at})
		}
		return tr
	}
	for _, tt := range []struct {
		trs  []*trace.Trace
		want []trace.Time
	}{
		{[]*trace.Trace{run()}, nil},
		{[]*trace.Trace{run(1, 1, 2, 5, 5, 5, 7)}, []trace.Time{1, 2, 5, 7}},
		{[]*trace.Trace{run(3, 1, 3, 2)}, []trace.Time{1, 2, 3}},
		{[]*trace.Trace{run(1, 4, 4), run(0, 4, 6)}, []trace.Time{0, 1, 4, 6}},
	} {
		if got := eventTimes(tt.trs...); !slices.Equal(got, tt.want) {
			t.Errorf("eventTimes = %v, want %v", got, tt.want)
		}
	}
}
