package pipeline

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"testing"

	"looplab/wasm/trace"
)

func work(name string, min float64) Step {
	return Step{Work, name, trace.Time(min * float64(Minute))}
}

func wait(name string, min float64) Step {
	return Step{Wait, name, trace.Time(min * float64(Minute))}
}

// TestRunTotals checks totals computed by hand, minutes per lane.
func TestRunTotals(t *testing.T) {
	for _, tc := range []struct {
		name    string
		plan    Plan
		totals  [3]float64 // blocking, async, parallel
		util    [3]float64
		fastest [3]bool
	}{
		{"the brief's example", Plan{2, 2, []Step{work("w", 1), wait("v", 2)}},
			[3]float64{6, 4, 3}, [3]float64{2.0 / 6, 2.0 / 4, 2.0 / 6}, [3]bool{false, false, true}},
		{"one feature: nobody helps", Plan{1, 3, []Step{work("w", 1), wait("v", 2)}},
			[3]float64{3, 3, 3}, [3]float64{1.0 / 3, 1.0 / 3, 1.0 / 9}, [3]bool{true, true, true}},
		// Mostly work: async saves only the waits' tail, machines halve it.
		{"cpu heavy", Plan{4, 2, []Step{work("w", 3), wait("v", 1)}},
			[3]float64{16, 13, 8}, [3]float64{12.0 / 16, 12.0 / 13, 12.0 / 16}, [3]bool{false, false, true}},
		// Mostly waiting: async beats two machines.
		{"wait heavy", Plan{4, 2, []Step{work("w", 1), wait("v", 5)}},
			[3]float64{24, 9, 12}, [3]float64{4.0 / 24, 4.0 / 9, 4.0 / 24}, [3]bool{false, true, false}},
		// Waits first run together; all wake at 2 and queue in feature order.
		{"wait first", Plan{3, 1, []Step{wait("v", 2), work("w", 1)}},
			[3]float64{9, 5, 9}, [3]float64{3.0 / 9, 3.0 / 5, 3.0 / 9}, [3]bool{false, true, false}},
		// A wait right after a wait starts when the first ends, worker or not.
		{"two waits in a row", Plan{2, 3, []Step{work("w", 1), wait("a", 1), wait("b", 1)}},
			[3]float64{6, 4, 3}, [3]float64{2.0 / 6, 2.0 / 4, 2.0 / 9}, [3]bool{false, false, true}},
		{"no waits: async is blocking", Plan{3, 3, []Step{work("a", 1), work("b", 0.5)}},
			[3]float64{4.5, 4.5, 1.5}, [3]float64{1, 1, 1}, [3]bool{false, false, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Run(tc.plan)
			for i, l := range r.Lanes {
				if got := l.Total.Seconds(); got != tc.totals[i] {
					t.Errorf("%s: total %v min, want %v", l.Name, got, tc.totals[i])
				}
				if d := l.Utilisation - tc.util[i]; d > 1e-9 || d < -1e-9 {
					t.Errorf("%s: utilisation %v, want %v", l.Name, l.Utilisation, tc.util[i])
				}
				if l.Fastest != tc.fastest[i] {
					t.Errorf("%s: fastest %v, want %v", l.Name, l.Fastest, tc.fastest[i])
				}
			}
			if want := trace.Time(max(tc.totals[0], tc.totals[1], tc.totals[2]) * float64(Minute)); r.Duration != want {
				t.Errorf("duration %v, want %v", r.Duration, want)
			}
		})
	}
}

// TestAsyncQueueIsFIFO follows three features through an event loop: a
// feature back from a wait queues behind those already ready.
func TestAsyncQueueIsFIFO(t *testing.T) {
	r := Run(Plan{3, 1, []Step{work("a", 1), wait("v", 1), work("b", 1)}})
	l := r.Lanes[1]
	var order []int
	for _, sp := range l.Rows[0].Spans {
		order = append(order, sp.Feature)
	}
	if want := []int{1, 2, 3, 1, 2, 3}; !slices.Equal(order, want) {
		t.Errorf("worker runs features %v, want %v", order, want)
	}
	if want := []trace.Time{4 * Minute, 5 * Minute, 6 * Minute}; !slices.Equal(l.Finish, want) {
		t.Errorf("finish %v, want %v", l.Finish, want)
	}
	// At most one feature waited at a time here, so one waits row.
	if len(l.Rows) != 2 || !l.Rows[1].Waits {
		t.Errorf("rows %+v, want a worker and one row of waits", l.Rows)
	}
}

// TestAsyncTiesGoByFeature: waits that end together queue in feature order.
func TestAsyncTiesGoByFeature(t *testing.T) {
	r := Run(Plan{3, 1, []Step{wait("v", 2), work("w", 1)}})
	if want := []trace.Time{3 * Minute, 4 * Minute, 5 * Minute}; !slices.Equal(r.Lanes[1].Finish, want) {
		t.Errorf("finish %v, want %v", r.Lanes[1].Finish, want)
	}
	// All three wait at once: three rows of waits.
	if n := len(r.Lanes[1].Rows); n != 4 {
		t.Errorf("%d rows, want the worker and 3 of waits", n)
	}
}

func TestLaneNames(t *testing.T) {
	for _, tc := range []struct {
		machines int
		want     []string
	}{
		{3, []string{"one worker, blocking", "one worker, async", "3 machines, parallel"}},
		{1, []string{"one worker, blocking", "one worker, async", "1 machine, parallel"}},
	} {
		r := Run(Plan{2, tc.machines, []Step{work("a", 1)}})
		var got []string
		for _, l := range r.Lanes {
			got = append(got, l.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("names %q, want %q", got, tc.want)
		}
		if n := len(r.Lanes[2].Rows); n != tc.machines || r.Lanes[2].Rows[0].Name != "machine 1" {
			t.Errorf("parallel rows %+v, want %d machines", r.Lanes[2].Rows, tc.machines)
		}
	}
}

// plans are the lesson's plan and many made up, for the invariants.
func plans(t *testing.T) []Plan {
	code, err := os.ReadFile("testdata/lesson.py")
	if err != nil {
		t.Fatal(err)
	}
	lesson, err := Parse(string(code))
	if err != nil {
		t.Fatal(err)
	}
	out := []Plan{lesson}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		p := Plan{Features: 1 + rng.IntN(maxFeatures), Machines: 1 + rng.IntN(maxMachines)}
		for i := range 1 + rng.IntN(maxSteps) {
			k := Work
			if rng.IntN(2) == 0 {
				k = Wait
			}
			// Whole minutes often, so that ties happen.
			d := trace.Time(1+rng.IntN(5)) * Minute
			if rng.IntN(3) == 0 {
				d = trace.Time(1+rng.IntN(5000)) * ms
			}
			p.Steps = append(p.Steps, Step{k, fmt.Sprintf("step %d", i), d})
		}
		out = append(out, p)
	}
	return out
}

func TestRunInvariants(t *testing.T) {
	for pi, p := range plans(t) {
		r := Run(p)
		if again := Run(p); !reflect.DeepEqual(r, again) {
			t.Fatalf("plan %d: two runs differ", pi)
		}
		var workPerFeature trace.Time
		for _, s := range p.Steps {
			if s.Kind == Work {
				workPerFeature += s.Dur
			}
		}
		var longest trace.Time
		for _, l := range r.Lanes {
			where := fmt.Sprintf("plan %d, %s", pi, l.Name)
			longest = max(longest, l.Total)
			checkRows(t, where, l)
			checkFeatures(t, where, p, l)
			if l.Work != trace.Time(p.Features)*workPerFeature {
				t.Errorf("%s: work %v, want %v", where, l.Work, trace.Time(p.Features)*workPerFeature)
			}
			if workPerFeature > 0 && !(l.Utilisation > 0 && l.Utilisation <= 1) {
				t.Errorf("%s: utilisation %v outside (0, 1]", where, l.Utilisation)
			}
			if l.Total > r.Lanes[0].Total {
				t.Errorf("%s: total %v slower than blocking %v", where, l.Total, r.Lanes[0].Total)
			}
		}
		if r.Duration != longest {
			t.Errorf("plan %d: duration %v, want %v", pi, r.Duration, longest)
		}
	}
}

// checkRows: no two spans overlap on a row, workers never hold a wait and
// the async lane never works on two things at once.
func checkRows(t *testing.T, where string, l Lane) {
	t.Helper()
	var work []Span
	for _, row := range l.Rows {
		for i, sp := range row.Spans {
			if sp.From >= sp.To {
				t.Errorf("%s, %s: empty span %+v", where, row.Name, sp)
			}
			if i > 0 && sp.From < row.Spans[i-1].To {
				t.Errorf("%s, %s: %+v overlaps %+v", where, row.Name, sp, row.Spans[i-1])
			}
			if row.Waits != (sp.Kind == Wait) {
				t.Errorf("%s, %s: a %s span on a row with waits=%v", where, row.Name, sp.Kind, row.Waits)
			}
			if sp.Kind == Work {
				work = append(work, sp)
			}
		}
	}
	if l.Workers != 1 {
		return
	}
	slices.SortFunc(work, func(a, b Span) int { return int(a.From - b.From) })
	for i := 1; i < len(work); i++ {
		if work[i].From < work[i-1].To {
			t.Errorf("%s: one worker works on two things: %+v and %+v", where, work[i-1], work[i])
		}
	}
}

// checkFeatures: every feature does every step, in order, for its full
// duration, and ships when its last step ends.
func checkFeatures(t *testing.T, where string, p Plan, l Lane) {
	t.Helper()
	byFeature := make([][]Span, p.Features)
	for _, row := range l.Rows {
		for _, sp := range row.Spans {
			byFeature[sp.Feature-1] = append(byFeature[sp.Feature-1], sp)
		}
	}
	var total trace.Time
	for f, spans := range byFeature {
		slices.SortFunc(spans, func(a, b Span) int { return int(a.From - b.From) })
		if len(spans) != len(p.Steps) {
			t.Errorf("%s: feature %d has %d spans, want %d", where, f+1, len(spans), len(p.Steps))
			continue
		}
		for i, sp := range spans {
			s := p.Steps[i]
			wantKind := s.Kind
			if s.Kind == Wait && l.Name != "one worker, async" {
				wantKind = Blocked
			}
			if sp.Step != s.Name || sp.Kind != wantKind || sp.To-sp.From != s.Dur {
				t.Errorf("%s: feature %d step %d is %+v, want %+v", where, f+1, i, sp, s)
			}
			if i > 0 && sp.From < spans[i-1].To {
				t.Errorf("%s: feature %d starts %q before %q ends", where, f+1, sp.Step, spans[i-1].Step)
			}
		}
		if end := spans[len(spans)-1].To; l.Finish[f] != end {
			t.Errorf("%s: feature %d finishes at %v, its last step ends at %v", where, f+1, l.Finish[f], end)
		}
		total = max(total, l.Finish[f])
	}
	if l.Total != total {
		t.Errorf("%s: total %v, want %v", where, l.Total, total)
	}
}
