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
// label, and opened back into its lanes by a click. Lanes a scenario
// names as its point (Options.Focus) are never shrunk below a labelled
// height.

// group is a set of alike lanes.
type group struct {
	key   string // kind, what and when: which group the learner opened
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

// findGroups finds the sets of alike lanes in tr, in display order. It
// runs on every number change, so a 10,000-request run is grouped
// without a string or slice per lane.
func findGroups(tr *trace.Trace, order []int) (groups []group, groupOf []int) {
	groupOf = make([]int, len(tr.Lanes))
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
		if q := reqOf[li]; q >= 0 {
			r := &tr.Requests[q]
			return alike{"request", r.Method, r.Path, r.Sent}, true
		}
		switch l.Kind {
		case trace.KindTask:
			if fn := coroutineOf(l.Name); fn != "" && len(l.Spans) > 0 {
				return alike{"task", fn, "", l.Spans[0].From}, true
			}
		case trace.KindThread:
			return alike{"thread", digitless(l.Name), "", 0}, true
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
			key:   k.kind + "\x00" + k.a + "\x00" + k.b + "\x00" + strconv.FormatInt(int64(k.at), 10),
			name:  groupName(tr, k, members[g]),
			lanes: members[g],
		})
	}
	return groups, groupOf
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
	name := strings.TrimSpace(strings.TrimRight(strings.ReplaceAll(k.a, "#", ""), " -_"))
	if name == "" {
		name = tr.Lanes[lanes[0]].Kind
	}
	return name + n
}

// coroutineOf is the coroutine of a task lane named "Task-3 fetch('B')":
// "fetch"; "" when the name says none.
func coroutineOf(name string) string {
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

// buildRows lists the rows for the lanes in order, closing the groups
// whose key closed says (nil: none).
func (tl *Timeline) buildRows(closed func(g int) bool) []row {
	var rows []row
	done := make([]bool, len(tl.groups))
	for _, li := range tl.order {
		g := tl.groupOf[li]
		lane := tl.tr.Lanes[li]
		if g >= 0 && closed(g) {
			if done[g] {
				continue
			}
			done[g] = true
			rows = append(rows, row{lanes: tl.groups[g].lanes, group: g, name: tl.groups[g].name, kind: lane.Kind, holder: -1})
			continue
		}
		r := row{lanes: []int{li}, group: g, open: g >= 0, name: lane.Name, kind: lane.Kind, holder: tl.holderOf[li]}
		rows = append(rows, r)
	}
	for i := range rows {
		rows[i].focus = len(tl.opts.Focus) > 0 && matchesFocus(rows[i].name, tl.opts.Focus)
	}
	return rows
}

// GroupedRows is how many rows the timeline needs with every group
// closed: the page sizes the stage between that and one row a lane.
func (tl *Timeline) GroupedRows() int {
	n := len(tl.order)
	for _, g := range tl.groups {
		n -= len(g.lanes) - 1
	}
	return n
}

// placeRows sizes the rows to the height avail (device px): every row
// gets up to rowMaxCSS; when they do not all fit at rowLabelCSS the
// groups close (those the learner opened stay open); when they still do
// not fit, rows that are not the scenario's focus shrink down to
// rowMinCSS, and past that the lanes scroll.
func (tl *Timeline) placeRows(avail float32) []row {
	px := tl.px
	fits := func(n int) bool { return float32(n)*px(rowLabelCSS) <= avail }
	rows := tl.buildRows(func(int) bool { return false })
	tl.grouping = false
	if !fits(len(rows)) && len(tl.groups) > 0 {
		rows = tl.buildRows(func(g int) bool { return !tl.opened[tl.groups[g].key] })
		tl.grouping = true
	}
	n := float32(len(rows))
	h := min(max(avail/max(n, 1), px(rowMinCSS)), px(rowMaxCSS))
	heights := make([]float32, len(rows))
	for i := range heights {
		heights[i] = h
	}
	if !fits(len(rows)) {
		focus := 0
		for _, r := range rows {
			if r.focus {
				focus++
			}
		}
		rest := float32(len(rows) - focus)
		other := max((avail-float32(focus)*px(rowLabelCSS))/max(rest, 1), px(rowMinCSS))
		for i, r := range rows {
			heights[i] = min(other, px(rowLabelCSS))
			if r.focus {
				heights[i] = px(rowLabelCSS)
			}
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
	for _, g := range tl.groups {
		if matchesFocus(g.name, words) {
			return true
		}
	}
	return false
}
