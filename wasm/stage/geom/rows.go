package geom

import (
	"sort"
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
	groupOf []int32 // per lane: its group, or -1
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
	pos   int32  // the first lane's place in the display order
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
	// drawnTo is the latest moment a bar of the last layout reaches (0:
	// none drawn), for the report.
	drawnTo trace.Time
}

// Row heights in CSS pixels, at FontSize: a row with a label grows with
// it in presenter mode (Timeline.grown).
const (
	rowMaxCSS   = 22 // a comfortable row
	rowLabelCSS = 14 // the least height a row keeps its label at
	rowMinCSS   = 4  // the least height of an unlabelled row
)

// findGroups finds the sets of alike lanes in tr, in display order, for
// both grouping levels: lanes are alike when they are the same kind of
// thing (a request's method and path, a task's coroutine, a thread's name
// without its number) begun at the same moment (threads, and every lane
// at the anytime level: at any moment). It runs on every number change,
// so a 10,000-request run is grouped by a counting sort of small keys,
// without a map entry, a string or a slice per lane: only the groups it
// keeps get slices.
func findGroups(tr *trace.Trace, order []int) [levels]grouping {
	n := len(tr.Lanes)
	reqOf := make([]int32, n)
	for i := range reqOf {
		reqOf[i] = -1
	}
	for i, r := range tr.Requests {
		if r.Lane >= 0 && r.Lane < n {
			reqOf[r.Lane] = int32(i)
		}
	}
	// Each lane's key, as small numbers: what it is, by an id, and when it
	// began.
	type key struct {
		what int32
		pos  int32 // display order
		at   trace.Time
		lane int32
		kind uint8 // 1 request, 2 task, 3 thread
	}
	ids := map[[2]string]int32{}
	var recent [2]struct {
		k  [2]string
		id int32
	} // loads alternate between a few paths: most lookups stop here
	id := func(a, b string) int32 {
		k := [2]string{a, b}
		for _, r := range recent {
			if r.k == k {
				return r.id
			}
		}
		v, ok := ids[k]
		if !ok {
			v = int32(len(ids))
			ids[k] = v
		}
		recent[1], recent[0].k, recent[0].id = recent[0], k, v
		return v
	}
	keys := make([]key, 0, len(order))
	for p, li := range order {
		l := &tr.Lanes[li]
		k := key{pos: int32(p), lane: int32(li)}
		switch {
		case reqOf[li] >= 0:
			r := &tr.Requests[reqOf[li]]
			k.kind, k.what, k.at = 1, id(r.Method, r.Path), r.Sent
		case l.Kind == trace.KindTask:
			fn := coroutineOf(l.Name)
			if fn == "" || len(l.Spans) == 0 {
				continue
			}
			k.kind, k.what, k.at = 2, id("task", fn), l.Spans[0].From
		case l.Kind == trace.KindThread:
			k.kind, k.what, k.at = 3, id("thread", lastNumberless(l.Name)), -1
		default:
			continue
		}
		keys = append(keys, k)
	}
	// A counting sort by what (ids are few and dense) keeps the display
	// order within each: the anytime level's groups are its runs.
	start := make([]int32, len(ids)+1)
	for _, k := range keys {
		start[k.what+1]++
	}
	for i := range len(ids) {
		start[i+1] += start[i]
	}
	sorted := make([]key, len(keys))
	next := append([]int32(nil), start[:len(ids)]...)
	for _, k := range keys {
		sorted[next[k.what]] = k
		next[k.what]++
	}
	var out [levels]grouping
	out[anytime] = groupRuns(tr, reqOf, sorted, func(a, b key) bool { return a.what == b.what },
		func(k key) int32 { return k.pos }, func(k key) int32 { return k.lane }, func(k key) bool { return k.kind == 3 })
	// Sent together: within each what, by when. The lanes of one path were
	// mostly sent in display order, so that rarely needs sorting.
	for w := range len(ids) {
		part := sorted[start[w]:start[w+1]]
		before := func(a, b int) bool {
			return part[a].at < part[b].at || part[a].at == part[b].at && part[a].pos < part[b].pos
		}
		if !sort.SliceIsSorted(part, before) {
			sort.Slice(part, before) // sort.Slice: one sort for every type keeps the wasm smaller
		}
	}
	out[together] = groupRuns(tr, reqOf, sorted, func(a, b key) bool { return a.what == b.what && a.at == b.at },
		func(k key) int32 { return k.pos }, func(k key) int32 { return k.lane }, func(k key) bool { return k.kind == 3 })
	return out
}

// groupRuns makes the groups of sorted keys' runs that same says are one,
// keeping those worth a row (two requests or tasks, three threads), in
// display order.
func groupRuns[K any](tr *trace.Trace, reqOf []int32, keys []K, same func(a, b K) bool,
	pos, lane func(K) int32, thread func(K) bool) grouping {
	groupOf := make([]int32, len(tr.Lanes))
	for i := range groupOf {
		groupOf[i] = -1
	}
	var groups []group
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && same(keys[j], keys[i]) {
			j++
		}
		least := 2
		if thread(keys[i]) {
			least = 3
		}
		if j-i >= least {
			lanes := make([]int, j-i)
			for m, k := range keys[i:j] {
				lanes[m] = int(lane(k)) // in display order: the sort kept it
			}
			groups = append(groups, group{name: groupName(tr, reqOf, lanes[0], j-i), lanes: lanes, pos: pos(keys[i])})
		}
		i = j
	}
	sort.Slice(groups, func(a, b int) bool { return groups[a].pos < groups[b].pos })
	for g, gr := range groups {
		for _, li := range gr.lanes {
			groupOf[li] = int32(g)
		}
	}
	return grouping{groups, groupOf}
}

// groupName says what a group is and how many, from its first lane:
// "GET /export ×40", "fetch(…) ×20", "threadpool thread ×40".
func groupName(tr *trace.Trace, reqOf []int32, first, count int) string {
	n := " ×" + strconv.Itoa(count)
	l := &tr.Lanes[first]
	if q := reqOf[first]; q >= 0 {
		return tr.Requests[q].Method + " " + tr.Requests[q].Path + n
	}
	if l.Kind == trace.KindTask {
		return coroutineOf(l.Name) + "(…)" + n
	}
	name := strings.TrimSpace(strings.TrimRight(strings.TrimSuffix(lastNumberless(l.Name), "#"), " -_"))
	if name == "" {
		name = l.Kind
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
// A lane on its own row takes its one-lane slice from the order, so ten
// thousand rows are one allocation.
func (tl *Timeline) buildRows(level int) []row {
	var gr grouping
	if level >= 0 {
		gr = tl.levels[level]
	}
	rows := make([]row, 0, tl.rowCount(level))
	done := make([]bool, len(gr.groups))
	for p, li := range tl.order {
		g := -1
		if level >= 0 {
			g = int(gr.groupOf[li])
		}
		lane := &tl.tr.Lanes[li]
		if g >= 0 && !tl.opened[li] {
			if done[g] {
				continue
			}
			done[g] = true
			rows = append(rows, row{lanes: gr.groups[g].lanes, group: g, name: gr.groups[g].name, kind: lane.Kind, holder: -1})
			continue
		}
		rows = append(rows, row{lanes: tl.order[p : p+1], group: g, open: g >= 0, name: lane.Name, kind: lane.Kind, holder: tl.holderOf[li]})
	}
	if len(tl.opts.Focus) > 0 {
		for i := range rows {
			rows[i].focus = matchesFocus(rows[i].name, tl.opts.Focus)
		}
	}
	return rows
}

// rowCount is how many rows a grouping level (-1: none) makes.
func (tl *Timeline) rowCount(level int) int {
	n := len(tl.order)
	if level < 0 {
		return n
	}
	for _, g := range tl.levels[level].groups {
		shut := 0
		for _, li := range g.lanes {
			if !tl.opened[li] {
				shut++
			}
		}
		if shut > 0 {
			n -= shut - 1
		}
	}
	return n
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
	label := tl.grown(rowLabelCSS)
	fits := func(n int) bool { return float32(n)*label <= avail }
	tl.level = -1
	for level := range levels {
		if fits(tl.rowCount(tl.level)) {
			break
		}
		if len(tl.levels[level].groups) > 0 {
			tl.level = level
		}
	}
	rows := tl.buildRows(tl.level)
	tl.grouping = tl.level >= 0
	n := float32(len(rows))
	h := min(max(avail/max(n, 1), px(rowMinCSS)), tl.grown(rowMaxCSS))
	heights := make([]float32, len(rows))
	for i := range heights {
		heights[i] = h
	}
	if !fits(len(rows)) {
		// Too many even grouped: every row starts labelled, then the
		// lanes of groups the learner opened shrink, then the other rows
		// that are not the scenario's focus; past that the lanes scroll.
		for i := range heights {
			heights[i] = label
		}
		excess := float32(len(rows))*label - avail
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
			give := min(excess/float32(len(idx)), label-px(rowMinCSS))
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
