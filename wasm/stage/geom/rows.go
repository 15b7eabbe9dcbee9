package geom

import (
	"strconv"
	"strings"
	"unicode"

	"looplab/wasm/trace"
)

// A big run has more lanes than the stage has room for. Lanes that are
// alike (requests to one path sent together, tasks of one coroutine
// created together, the threads of one pool) can share a row: a group,
// drawn as how many of them are in each state, with its count in its
// label, and opened back into its lanes by a click. When that is not
// enough, requests to one path and tasks of one coroutine share a row
// whenever they were sent (a health probe every half second). Lanes a
// scenario names as its point (Options.Focus) are never shrunk below a
// labelled height.

// grouping is one way of putting alike lanes together.
type grouping struct {
	groups  []group
	groupOf []int // per lane: its group, or -1
}

// The groupings, from the lightest.
const (
	together = iota // sent or created at the same moment
	anytime         // to one path, of one coroutine, at any moment
	levels
)

// group is a set of alike lanes.
type group struct {
	name  string // "GET /export ×40"
	lanes []int  // trace lanes, in display order
}

// row is one row of the stage: a lane, or a closed group.
type row struct {
	lanes  []int
	group  int // index into Timeline.groups, -1 for a lane of its own
	open   bool
	name   string // what the row is: a lane's name, a group's name
	label  string // what is drawn in the gutter ("" when too thin)
	kind   string
	focus  bool
	y, h   float32 // device px from the top of the lanes, before scrolling
	holder int     // the GIL holder colour of a thread lane, -1 if none
}

// Row heights in CSS pixels.
const (
	rowMaxCSS   = 22 // a comfortable row
	rowLabelCSS = 14 // the least height a row keeps its label at
	rowMinCSS   = 4  // the least height of an unlabelled row
)

// alike is what makes lanes alike: the same kind of thing (a request's
// method and path, a task's coroutine, a thread's name without its
// numbers) begun at the same moment (threads: any moment).
type alike struct {
	kind, a, b string
	at         trace.Time
}

// findGroups finds the sets of alike lanes in tr, in display order, for
// a grouping level. It runs on every number change, so a 10,000-request
// run is grouped without a string or slice per lane.
func findGroups(tr *trace.Trace, order []int, level int) grouping {
	groupOf := make([]int, len(tr.Lanes))
	reqOf := make([]int32, len(tr.Lanes))
	for i := range groupOf {
		groupOf[i], reqOf[i] = -1, -1
	}
	for i, r := range tr.Requests {
		if r.Lane >= 0 && r.Lane < len(reqOf) {
			reqOf[r.Lane] = int32(i)
		}
	}
	keyOf := func(li int) (alike, bool) {
		l := &tr.Lanes[li]
		at := func(t trace.Time) trace.Time {
			if level == anytime {
				return -1
			}
			return t
		}
		if q := reqOf[li]; q >= 0 {
			r := &tr.Requests[q]
			return alike{"request", r.Method, r.Path, at(r.Sent)}, true
		}
		switch l.Kind {
		case trace.KindTask:
			if fn := coroutineOf(l.Name); fn != "" && len(l.Spans) > 0 {
				return alike{"task", fn, "", at(l.Spans[0].From)}, true
			}
		case trace.KindThread:
			return alike{"thread", lastNumberless(l.Name), "", 0}, true
		}
		return alike{}, false
	}
	index := map[alike]int{}
	var keys []alike
	var members [][]int
	for _, li := range order {
		k, ok := keyOf(li)
		if !ok {
			continue
		}
		g, seen := index[k]
		if !seen {
			g = len(keys)
			index[k] = g
			keys, members = append(keys, k), append(members, nil)
		}
		members[g] = append(members[g], li)
	}
	// Keep the groups worth a row: two requests or tasks, three threads.
	var groups []group
	for g, k := range keys {
		least := 2
		if k.kind == "thread" {
			least = 3
		}
		if len(members[g]) < least {
			continue
		}
		for _, li := range members[g] {
			groupOf[li] = len(groups)
		}
		groups = append(groups, group{
			name:  groupName(tr, k, members[g]),
			lanes: members[g],
		})
	}
	return grouping{groups, groupOf}
}

// groupName says what a group is and how many: "GET /export ×40",
// "fetch(…) ×20", "AnyIO worker thread ×40".
func groupName(tr *trace.Trace, k alike, lanes []int) string {
	n := " ×" + strconv.Itoa(len(lanes))
	switch k.kind {
	case "request":
		return k.a + " " + k.b + n
	case "task":
		return k.a + "(…)" + n
	}
	name := strings.TrimSpace(strings.TrimRight(strings.TrimSuffix(k.a, "#"), " -_"))
	if name == "" {
		name = tr.Lanes[lanes[0]].Kind
	}
	return name + n
}

// coroutineOf is the coroutine of a task lane named "Task-3 fetch('B')"
// (or "GET /a #1 › Task-3 fetch('B')", a task a request started):
// "fetch"; "" when the name says none.
func coroutineOf(name string) string {
	if i := strings.LastIndex(name, " › "); i >= 0 {
		name = name[i+len(" › "):]
	}
	_, rest, ok := strings.Cut(name, " ")
	if !ok {
		return ""
	}
	fn, _, ok := strings.Cut(rest, "(")
	if !ok || fn == "" {
		return ""
	}
	return fn
}

// digitless is name with every run of digits replaced by "#", so that
// "AnyIO worker thread 12" and "... 13" are alike.
func digitless(name string) string {
	var b strings.Builder
	digits := false
	for _, r := range name {
		if unicode.IsDigit(r) {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

// MatchesFocus reports whether the focus word w names a lane called name.
func MatchesFocus(name, w string) bool { return matchesFocus(name, []string{w}) }

// lastNumberless is name with its last number replaced by "#": the
// threads of one pool ("pool 1 thread 3", "pool 1 thread 4") are alike,
// those of two pools are not.
func lastNumberless(name string) string {
	end := len(name)
	for end > 0 && (name[end-1] < '0' || name[end-1] > '9') {
		end--
	}
	start := end
	for start > 0 && name[start-1] >= '0' && name[start-1] <= '9' {
		start--
	}
	if start == end {
		return name
	}
	return name[:start] + "#" + name[end:]
}

// matchesFocus reports whether a focus word stands as a whole word in s:
// "/ping" is in "GET /ping #4" and "/ping ×3", not in "/pings" or
// "/ping/2".
func matchesFocus(s string, words []string) bool {
	for _, w := range words {
		for from := 0; w != "" && from < len(s); {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			end := i + len(w)
			if (i == 0 || !wordByte(s[i-1])) && (end == len(s) || !wordByte(s[end])) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

func wordByte(b byte) bool {
	return b == '_' || b == '/' || b == '-' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// buildRows lists the rows for the lanes in order, closing the groups of
// a grouping level (-1: none), except for the lanes the learner opened.
func (tl *Timeline) buildRows(level int) []row {
	var rows []row
	var gr grouping
	if level >= 0 {
		gr = tl.levels[level]
	}
	done := make([]bool, len(gr.groups))
	for _, li := range tl.order {
		g := -1
		if level >= 0 {
			g = gr.groupOf[li]
		}
		lane := tl.tr.Lanes[li]
		if g >= 0 && !tl.opened[li] {
			if done[g] {
				continue
			}
			done[g] = true
			rows = append(rows, row{lanes: gr.groups[g].lanes, group: g, name: gr.groups[g].name, kind: lane.Kind, holder: -1})
			continue
		}
		rows = append(rows, row{lanes: []int{li}, group: g, open: g >= 0, name: lane.Name, kind: lane.Kind, holder: tl.holderOf[li]})
	}
	for i := range rows {
		rows[i].focus = len(tl.opts.Focus) > 0 && matchesFocus(rows[i].name, tl.opts.Focus)
	}
	return rows
}

// group is row r's group (r.group >= 0).
func (tl *Timeline) group(r *row) *group { return &tl.levels[tl.level].groups[r.group] }

// GroupedRows is how many rows the timeline needs with every group of
// the heaviest grouping closed: the page sizes the stage between that and
// one row a lane.
func (tl *Timeline) GroupedRows() int {
	n := len(tl.order)
	for _, gr := range tl.levels {
		m := len(tl.order)
		for _, g := range gr.groups {
			m -= len(g.lanes) - 1
		}
		n = min(n, m)
	}
	return n
}

// placeRows sizes the rows to the height avail (device px): every row
// gets up to rowMaxCSS; when they do not all fit at rowLabelCSS the
// groups close, the lightest grouping first (those the learner opened
// stay open); when they still do not fit, rows that are not the
// scenario's focus shrink down to rowMinCSS, and past that the lanes
// scroll.
func (tl *Timeline) placeRows(avail float32) []row {
	px := tl.px
	fits := func(n int) bool { return float32(n)*px(rowLabelCSS) <= avail }
	rows := tl.buildRows(-1)
	tl.level = -1
	for level := range levels {
		gr := tl.levels[level]
		if fits(len(rows)) {
			break
		}
		if len(gr.groups) == 0 {
			continue
		}
		rows = tl.buildRows(level)
		tl.level = level
	}
	tl.grouping = tl.level >= 0
	n := float32(len(rows))
	h := min(max(avail/max(n, 1), px(rowMinCSS)), px(rowMaxCSS))
	heights := make([]float32, len(rows))
	for i := range heights {
		heights[i] = h
	}
	if !fits(len(rows)) {
		// Too many even grouped: every row starts labelled, then the
		// lanes of groups the learner opened shrink, then the other rows
		// that are not the scenario's focus; past that the lanes scroll.
		for i := range heights {
			heights[i] = px(rowLabelCSS)
		}
		excess := float32(len(rows))*px(rowLabelCSS) - avail
		for _, tier := range []func(r row) bool{
			func(r row) bool { return r.open && !r.focus },
			func(r row) bool { return !r.open && !r.focus },
		} {
			var idx []int
			for i, r := range rows {
				if tier(r) {
					idx = append(idx, i)
				}
			}
			if len(idx) == 0 || excess <= 0 {
				continue
			}
			give := min(excess/float32(len(idx)), px(rowLabelCSS)-px(rowMinCSS))
			for _, i := range idx {
				heights[i] -= give
			}
			excess -= give * float32(len(idx))
		}
	}
	y := float32(0)
	for i := range rows {
		rows[i].y, rows[i].h = y, heights[i]
		y += heights[i]
	}
	return rows
}

// HasFocus reports whether a lane of tr, or a group of alike lanes, is
// called by the focus word w.
func HasFocus(tr *trace.Trace, w string) bool {
	words := []string{w}
	for _, l := range tr.Lanes {
		if matchesFocus(l.Name, words) {
			return true
		}
	}
	tl := NewTimeline(tr, Options{})
	for _, gr := range tl.levels {
		for _, g := range gr.groups {
			if matchesFocus(g.name, words) {
				return true
			}
		}
	}
	return false
}
