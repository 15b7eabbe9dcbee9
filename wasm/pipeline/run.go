package pipeline

import (
	"fmt"
	"slices"

	"looplab/wasm/trace"
)

// Span is one stretch of a row: a feature doing (or waiting in) a step.
type Span struct {
	From, To trace.Time
	Feature  int // from 1
	Step     string
	Kind     Kind
}

// Row is one line of bars: a worker, or (in the async lane) one slot of
// the waits in flight, which run without the worker.
type Row struct {
	Name  string
	Waits bool
	Spans []Span
}

// Lane is one crew doing every feature.
type Lane struct {
	Name        string
	Workers     int
	Rows        []Row
	Total       trace.Time   // when the last feature shipped
	Work        trace.Time   // worker time spent working, summed over workers
	Utilisation float64      // Work / (Workers × Total)
	Finish      []trace.Time // per feature, index feature-1
	Fastest     bool         // no lane finished sooner
}

// Result is the three lanes of one plan.
type Result struct {
	Plan     Plan
	Lanes    []Lane     // blocking, async, parallel
	Duration trace.Time // the longest lane's total
}

// Run simulates the three lanes. Everything is integer time and ordered
// loops, so the same plan always draws the same picture.
func Run(p Plan) Result {
	r := Result{Plan: p, Lanes: []Lane{blocking(p), async(p), parallel(p)}}
	best := r.Lanes[0].Total
	for _, l := range r.Lanes {
		best = min(best, l.Total)
		r.Duration = max(r.Duration, l.Total)
	}
	for i := range r.Lanes {
		r.Lanes[i].Fastest = r.Lanes[i].Total == best
	}
	return r
}

// doFeature runs every step of one feature on one worker from t, the
// worker sitting blocked through the waits; it returns when the feature
// ships.
func doFeature(p Plan, row *Row, f int, t trace.Time) trace.Time {
	for _, s := range p.Steps {
		kind := s.Kind
		if kind == Wait {
			kind = Blocked
		}
		row.Spans = append(row.Spans, Span{From: t, To: t + s.Dur, Feature: f, Step: s.Name, Kind: kind})
		t += s.Dur
	}
	return t
}

// blocking is one worker taking each feature through to the end.
func blocking(p Plan) Lane {
	l := newLane("one worker, blocking", p, 1)
	var t trace.Time
	for f := 1; f <= p.Features; f++ {
		t = doFeature(p, &l.Rows[0], f, t)
		l.Finish[f-1] = t
	}
	return l.finish()
}

// parallel is p.Machines workers, each blocking; a free machine takes the
// next feature not yet started, the lowest-numbered machine first on a tie.
func parallel(p Plan) Lane {
	name := fmt.Sprintf("%d machines, parallel", p.Machines)
	if p.Machines == 1 {
		name = "1 machine, parallel"
	}
	l := newLane(name, p, p.Machines)
	for i := range l.Rows {
		l.Rows[i].Name = fmt.Sprintf("machine %d", i+1)
	}
	free := make([]trace.Time, p.Machines)
	for f := 1; f <= p.Features; f++ {
		m := 0
		for i := range free {
			if free[i] < free[m] {
				m = i
			}
		}
		free[m] = doFeature(p, &l.Rows[m], f, free[m])
		l.Finish[f-1] = free[m]
	}
	return l.finish()
}

// async is one worker running an event loop. A feature holds the worker
// through consecutive work steps (code between awaits runs to the next
// await) and lets go at a wait, which then runs without the worker; when
// the wait ends the feature joins the back of a FIFO ready queue. Waits
// ending at the same time join in feature order.
func async(p Plan) Lane {
	l := newLane("one worker, async", p, 1)
	next := make([]int, p.Features)           // per feature, its next step
	waitEnd := make([]trace.Time, p.Features) // per feature, when its wait ends; -1 when not waiting
	var ready []int                           // features, 0-based, whose next step is work
	var waits []Span
	done := 0
	// advance moves feature f on at time t: through waits (which need no
	// worker) until it needs the worker or has shipped.
	advance := func(f int, t trace.Time) {
		waitEnd[f] = -1
		if next[f] == len(p.Steps) {
			l.Finish[f] = t
			done++
			return
		}
		s := p.Steps[next[f]]
		if s.Kind == Work {
			ready = append(ready, f)
			return
		}
		waits = append(waits, Span{From: t, To: t + s.Dur, Feature: f + 1, Step: s.Name, Kind: Wait})
		next[f]++
		waitEnd[f] = t + s.Dur
	}
	// wake ends, in time then feature order, every wait that is over by t.
	wake := func(t trace.Time) {
		for {
			f := -1
			for i, e := range waitEnd {
				if e >= 0 && e <= t && (f < 0 || e < waitEnd[f]) {
					f = i
				}
			}
			if f < 0 {
				return
			}
			advance(f, waitEnd[f])
		}
	}
	for f := range p.Features {
		advance(f, 0)
	}
	var t trace.Time
	for done < p.Features {
		wake(t)
		if len(ready) == 0 {
			// Nothing to do: the worker idles until the next wait ends.
			soonest := trace.Time(-1)
			for _, e := range waitEnd {
				if e >= 0 && (soonest < 0 || e < soonest) {
					soonest = e
				}
			}
			if soonest < 0 {
				break // cannot happen: a feature not done is ready or waiting
			}
			t = max(t, soonest)
			continue
		}
		f := ready[0]
		ready = ready[1:]
		for next[f] < len(p.Steps) && p.Steps[next[f]].Kind == Work {
			s := p.Steps[next[f]]
			l.Rows[0].Spans = append(l.Rows[0].Spans, Span{From: t, To: t + s.Dur, Feature: f + 1, Step: s.Name, Kind: Work})
			t += s.Dur
			next[f]++
		}
		advance(f, t)
	}
	l.Rows = append(l.Rows, packWaits(waits)...)
	return l.finish()
}

// packWaits puts the waits in flight on as few rows as they need, each in
// the first row free when it starts, so the rows show how many features
// wait at once.
func packWaits(waits []Span) []Row {
	slices.SortFunc(waits, func(a, b Span) int {
		if a.From != b.From {
			return int(a.From - b.From)
		}
		return a.Feature - b.Feature
	})
	var rows []Row
	for _, w := range waits {
		i := 0
		for i < len(rows) && rows[i].Spans[len(rows[i].Spans)-1].To > w.From {
			i++
		}
		if i == len(rows) {
			rows = append(rows, Row{Name: "waiting", Waits: true})
		}
		rows[i].Spans = append(rows[i].Spans, w)
	}
	return rows
}

func newLane(name string, p Plan, workers int) Lane {
	l := Lane{Name: name, Workers: workers, Finish: make([]trace.Time, p.Features)}
	for range workers {
		l.Rows = append(l.Rows, Row{Name: "worker"})
	}
	return l
}

// finish sums what the rows show.
func (l Lane) finish() Lane {
	for _, f := range l.Finish {
		l.Total = max(l.Total, f)
	}
	for _, r := range l.Rows {
		for _, s := range r.Spans {
			if s.Kind == Work {
				l.Work += s.To - s.From
			}
		}
	}
	if l.Total > 0 {
		l.Utilisation = float64(l.Work) / (float64(l.Workers) * float64(l.Total))
	}
	return l
}
