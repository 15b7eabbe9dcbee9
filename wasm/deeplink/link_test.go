package deeplink

import (
	"fmt"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		fragment string
		slug     string
		scenario int
		numbers  string // "id=value id=value"
		ignored  []string
	}{
		{"", "", 0, "", nil},
		{"#", "", 0, "", nil},
		{"#/", "", 0, "", nil},
		{"#/gil", "gil", 0, "", nil},
		{"/gil", "gil", 0, "", nil},
		{"gil", "gil", 0, "", nil},
		{"#/event-loop?s=2", "event-loop", 2, "", nil},
		{"#/gil?s=1&sleep=2&max_workers=8", "gil", 1, "sleep=2 max_workers=8", nil},
		{"#/gil?sleep=0.25&sleep2=1e1&cpu=.5", "gil", 0, "sleep=0.25 sleep2=10 cpu=0.5", nil},
		{"#/gil?sleep=%32&c%70u=+3", "gil", 0, "sleep=2 cpu=3", nil},
		{"#/gil?&&sleep=1&", "gil", 0, "sleep=1", nil},
		{"#/gil?s=1&s=2", "gil", 1, "", []string{`"s=2": the scenario is already given as s=1`}},
		{"#/gil?s=x", "gil", 0, "", []string{`"s=x": not a scenario number`}},
		{"#/gil?s=-1&s=1.5&s=&s=99999999999", "gil", 0, "", []string{
			`"s=-1": not a scenario number`, `"s=1.5": not a scenario number`,
			`"s=": not a scenario number`, `"s=99999999999": not a scenario number`}},
		{"#/gil?sleep=abc&=3&cpu&n=0x10&m=1_000&k=Infinity&j=NaN", "gil", 0, "", []string{
			`"sleep=abc": not a number`, `"=3": no name`, `"cpu": no value`, `"n=0x10": not a number`,
			`"m=1_000": not a number`, `"k=Infinity": not a number`, `"j=NaN": not a number`}},
		{"#/gil?sleep=1e999&cpu=-1e999", "gil", 0, "", []string{
			`"sleep=1e999": not a finite number`, `"cpu=-1e999": not a finite number`}},
		{"#/gil?sleep=%zz&%=1", "gil", 0, "", []string{`"sleep=%zz": bad %-encoding`, `"%=1": bad %-encoding`}},
		{"#/Not A Slug?sleep=1", "", 0, "sleep=1", []string{`"Not A Slug": not a lesson name`}},
		{"#/%E2%9C%93", "", 0, "", []string{`"✓": not a lesson name`}},
		{"#/gil/extra", "", 0, "", []string{`"gil/extra": not a lesson name`}},
		{"#/%zz", "", 0, "", []string{`"%zz": bad %-encoding`}},
		{"#/gil?sleep=-2", "gil", 0, "sleep=-2", nil},
		{"#/gil?sleep=\x00\xff", "gil", 0, "", []string{`"sleep=\x00\xff": not a number`}},
		{"#/gil?x=" + strings.Repeat("9", 400), "gil", 0, "", []string{
			`"x=` + strings.Repeat("9", 38) + `…": not a finite number`}},
	}
	for _, tt := range tests {
		t.Run(tt.fragment, func(t *testing.T) {
			l := Parse(tt.fragment)
			var nums []string
			for _, n := range l.Numbers {
				nums = append(nums, fmt.Sprintf("%s=%v", n.ID, n.Value))
			}
			if l.Slug != tt.slug || l.Scenario != tt.scenario || strings.Join(nums, " ") != tt.numbers ||
				strings.Join(l.Ignored, "\n") != strings.Join(tt.ignored, "\n") {
				t.Errorf("Parse(%q) = slug %q, s %d, numbers %q, ignored\n%s\nwant slug %q, s %d, numbers %q, ignored\n%s",
					tt.fragment, l.Slug, l.Scenario, strings.Join(nums, " "), strings.Join(l.Ignored, "\n"),
					tt.slug, tt.scenario, tt.numbers, strings.Join(tt.ignored, "\n"))
			}
		})
	}
}

// Past MaxPairs pairs and MaxFragment bytes the rest is dropped, whole
// pairs only, and a note says so.
func TestParseCaps(t *testing.T) {
	var b strings.Builder
	b.WriteString("#/gil?s=1")
	for i := range 100 {
		fmt.Fprintf(&b, "&n%d=%d", i, i)
	}
	l := Parse(b.String())
	if len(l.Numbers) != MaxPairs-1 || l.Scenario != 1 || len(l.Ignored) != 1 ||
		l.Ignored[0] != "the address has more than 64 settings; the rest are ignored" {
		t.Errorf("%d numbers, s=%d, ignored %q", len(l.Numbers), l.Scenario, l.Ignored)
	}

	long := "#/gil?s=1&sleep=" + strings.Repeat("1", MaxFragment)
	l = Parse(long)
	if l.Slug != "gil" || l.Scenario != 1 || len(l.Numbers) != 0 || len(l.Ignored) != 1 ||
		!strings.Contains(l.Ignored[0], "longer than 4096 characters") {
		t.Errorf("long link: %+v", l)
	}
	long = "#/gil?sleep=2&" + strings.Repeat("x", 2*MaxFragment)
	if l = Parse(long); len(l.Numbers) != 1 || l.Numbers[0].Value != 2 {
		t.Errorf("long link keeps the whole pairs before the cut: %+v", l)
	}
	long = "#/" + strings.Repeat("a", 2*MaxFragment) + "?sleep=2"
	if l = Parse(long); l.Slug != "" || len(l.Numbers) != 0 || len(l.Ignored) != 1 {
		t.Errorf("long slug: %+v", l)
	}
}

// FuzzParse: Parse never panics and keeps what it promises.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "#/gil?s=1&sleep=2", "#/a?=&&=&s=s&x=1e309", "%", "#/?%zz=%zz", "#/gil?s=01&s=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fragment string) {
		l := Parse(fragment)
		if l.Scenario < 0 || len(l.Numbers) > MaxPairs {
			t.Fatalf("scenario %d, %d numbers", l.Scenario, len(l.Numbers))
		}
		if l.Slug != "" && !slugPattern.MatchString(l.Slug) {
			t.Fatalf("slug %q", l.Slug)
		}
		for _, n := range l.Numbers {
			if n.ID == "" || n.ID == "s" || !finite(n.Value) {
				t.Fatalf("number %+v", n)
			}
		}
		for _, s := range l.Ignored {
			if s == "" || len(s) > 300 {
				t.Fatalf("note %q", s)
			}
		}
	})
}
