package lesson

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"looplab/wasm/scenario"
)

// lessonNumber is a number a lesson's text tells the learner to drag, and
// a value the text names for it.
type lessonNumber struct {
	slug    string
	block   int
	id      string
	value   float64
	seconds bool
}

// namedInLessons are the numbers the lessons tell the learner to drag, with
// the values they name: each must be there, and each value inside its
// range and on its steps, or the learner cannot do what the text says.
// Ids that start with "load." are the load's.
var namedInLessons = []lessonNumber{
	{"async-or-parallel", 0, "steps.wait.review", 0.5, true},
	{"async-or-parallel", 0, "steps.wait.ci_queue", 0.5, true},
	{"async-or-parallel", 0, "steps.work.write_code", 6, true},
	{"async-or-parallel", 0, "steps.wait.ci_queue", 3, true},
	{"async-or-parallel", 0, "steps.wait.review", 4, true},
	{"game-loop", 0, "blocking", 0.05, true},
	{"game-loop", 1, "chores.sleep.2", 0.6, true},
	{"three-ways", 0, "polite_job.sleep", 3, true},
	{"three-ways", 0, "blocking_job.sleep", 3, true},
	{"three-ways", 1, "main.sleep", 3, true},
	{"three-ways", 2, "main.fetch.b", 3, true},
	{"three-ways", 2, "main.fetch.a", 0.5, true},
	{"all-the-way-down", 0, "write_audit_log.sleep", 0.2, true},
	{"all-the-way-down", 0, "main.handle_order.arrives.2", 3.5, true},
	{"gil", 0, "main.crunch.b", 0.2, true},
	{"gil", 1, "download.delay", 0.5, true},
	{"gil", 1, "download.delay", 4, true},
	{"gil", 1, "crunch.cpu", 2, true},
	{"event-loop", 0, "stock.sleep", 3, true},
	{"event-loop", 0, "load.count", 50, false},
	{"event-loop", 2, "load.count", 40, false},
	{"event-loop", 1, "stock.cpu", 0.2, true},
	{"fastapi-blocking", 0, "rude.sleep", 1, true},
	{"fastapi-blocking", 0, "rude.sleep", 6, true},
	{"fastapi-blocking", 1, "wait.sleep", 3, true},
	{"fastapi-blocking", 2, "partner_delay", 2, true},
	{"threadpool", 0, "report.sleep", 3, true},
	{"threadpool-exhaustion", 0, "partner_delay", 6, true},
	{"threadpool-exhaustion", 0, "load.count", 39, false},
	{"threadpool-exhaustion", 1, "export_pool.max_workers", 40, false},
	{"threadpool-exhaustion", 1, "export_pool.max_workers", 10, false},
	{"async-libraries", 0, "pricing_delay", 2, true},
	{"cpu-bound", 0, "factorize_number.cpu", 3, true},
	{"fan-out", 0, "dashboard.delay.3", 1, true},
	{"fan-out", 1, "supplier_slots.semaphore", 5, false},
	{"fan-out", 1, "supplier_slots.semaphore", 10, false},
	{"fan-out", 1, "restock.range", 20, false},
	{"fan-out", 2, "report.sleep", 1, true},
	{"after-the-response", 0, "mail_delay", 5, true},
	{"after-the-response", 1, "report_delay", 1, true},
	{"after-the-response", 2, "accounts_delay", 2, true},
	{"subscribers", 0, "on_message.sleep", 2.5, true},
	{"finding-the-blockage", 0, "render_invoice.cpu", 0.05, true},
	{"finding-the-blockage", 1, "main.range", 5, false},
	{"finding-the-blockage", 1, "validate_payload.cpu", 0.15, true},
	{"cheat-sheet", 0, "service_delay", 0.1, true},
}

// notNumbers are literals in the lessons' code that look draggable but
// mean nothing to drag: the order ids of handle_order(1, 1.2).
var notNumbers = []struct {
	slug  string
	block int
	text  string // the code around it
}{
	{"all-the-way-down", 0, "handle_order(1, "},
	{"all-the-way-down", 0, "handle_order(2, "},
}

func TestLessonNumbers(t *testing.T) {
	lessons, err := CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string][]*Block{}
	for _, l := range lessons {
		blocks[l.Slug] = l.Blocks
	}
	numbersOf := func(slug string, block int) []scenario.Number {
		t.Helper()
		bs := blocks[slug]
		if block >= len(bs) {
			t.Fatalf("%s has no scenario %d", slug, block)
		}
		nums, err := scenario.Numbers(bs[block].Code)
		if err != nil {
			t.Fatalf("%s #%d: %v", slug, block, err)
		}
		return nums
	}
	for _, tt := range namedInLessons {
		nums := numbersOf(tt.slug, tt.block)
		if strings.HasPrefix(tt.id, "load.") {
			nums, err = scenario.LoadNumbers(blocks[tt.slug][tt.block].Load)
			if err != nil {
				t.Fatalf("%s #%d: %v", tt.slug, tt.block, err)
			}
		}
		var n *scenario.Number
		for _, x := range nums {
			if x.ID == tt.id {
				n = &x
			}
		}
		switch {
		case n == nil:
			t.Errorf("%s #%d: no number %s", tt.slug, tt.block, tt.id)
		case tt.value < n.Min || tt.value > n.Max || !scenario.OnGrid(tt.value, n.Step):
			t.Errorf("%s #%d: %s cannot be dragged to %v: %v to %v in steps of %v", tt.slug, tt.block, tt.id, tt.value, n.Min, n.Max, n.Step)
		case n.Seconds != tt.seconds:
			t.Errorf("%s #%d: %s seconds=%v, want %v", tt.slug, tt.block, tt.id, n.Seconds, tt.seconds)
		}
	}
	for _, tt := range notNumbers {
		code := blocks[tt.slug][tt.block].Code
		at := strings.Index(code, tt.text) + len(tt.text) - 3 // the digit
		for _, n := range numbersOf(tt.slug, tt.block) {
			if n.Start == at { // the code is ASCII: UTF-16 offsets are byte offsets
				t.Errorf("%s #%d: %s in %q is draggable", tt.slug, tt.block, n.ID, tt.text)
			}
		}
	}
}

// idLike is an id whose last name says it names a thing, not an amount.
var idLike = regexp.MustCompile(`(^|\.)(id|[a-z0-9_]+_id|i|idx|index|name)(\.[0-9]+)?$`)

// Every number of every scenario, in either version and in its load, has
// a readable id and a label, and none is an id; a compared version's
// numbers are the first version's, so that dragging one drags both.
func TestLessonNumbersAreNamed(t *testing.T) {
	lessons, err := CompileDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	readable := regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)
	for _, l := range lessons {
		for _, b := range l.Blocks {
			ids := map[string]float64{}
			for version, code := range []string{b.Code, b.Compare, b.Load} {
				if code == "" {
					continue
				}
				nums, err := scenario.Numbers(code)
				if version == 2 {
					nums, err = scenario.LoadNumbers(code)
				}
				if err != nil {
					t.Fatalf("%s #%d: %v", l.Slug, b.Index, err)
				}
				for _, n := range nums {
					where := fmt.Sprintf("%s #%d %s", l.Slug, b.Index, []string{"A", "B", "load"}[version])
					if !readable.MatchString(n.ID) || idLike.MatchString(n.ID) || len(n.ID) > 40 {
						t.Errorf("%s: id %q", where, n.ID)
					}
					if len(n.Label) < len(n.ID)/2 || strings.ContainsAny(n.Label, "\n\x00") {
						t.Errorf("%s: %s has the label %q", where, n.ID, n.Label)
					}
					switch version {
					case 0:
						ids[n.ID] = n.Value
					case 1:
						if v, ok := ids[n.ID]; !ok || v != n.Value {
							t.Errorf("%s: %s=%v is not the first version's number", where, n.ID, n.Value)
						}
					case 2:
						if !strings.HasPrefix(n.ID, "load.") {
							t.Errorf("%s: the load's %s does not start with load.", where, n.ID)
						}
					}
				}
			}
		}
	}
}
