package scenario

import (
	"fmt"
	"strings"
	"testing"
)

func TestLoadNumbers(t *testing.T) {
	tests := []struct {
		name, load string
		want       []string // id=raw@line:col min..max/step [s] | label
	}{
		{"a count and a time", "20 x at 0 GET /stock\n",
			[]string{"load.count=20@1:1 1..80/1 | line 1: how many requests", "load.at=0@1:9 0..10/0.05 s | line 1: when it is sent, seconds"}},
		{"every line", "every 0.5 from 0.25 to 4 GET /ping\n", []string{
			"load.every=0.5@1:7 0.05..10/0.05 s | line 1: time between requests, seconds",
			"load.from=0.25@1:16 0..10/0.05 s | line 1: first one sent at, seconds",
			"load.to=4@1:24 0..16/0.1 s | line 1: sending ends at, seconds"}},
		{"paths and repeats", "at 1 POST /publish/1/2\nat 1.5 GET /delay/2?x=3\n3x url = \"http://h:8000/sleep/0.5\"\nat 100ms GET /\n", []string{
			"load.at=1@1:4 0..10/0.05 s | line 1: when it is sent, seconds",
			"load.publish=1@1:20 1..64/1 | line 1: /publish/ in the path",
			"load.publish.2=2@1:22 1..64/1 | line 1: /publish/ in the path (2nd)",
			"load.at.2=1.5@2:4 0..10/0.05 s | line 2: when it is sent, seconds",
			"load.delay=2@2:19 0..10/0.05 s | line 2: /delay/ seconds in the path",
			"load.count=3@3:1 1..64/1 | line 3: how many requests",
			"load.sleep=0.5@3:31 0..10/0.05 s | line 3: /sleep/ seconds in the path",
			"load.at.3=100@4:4 0..400/1 | line 4: when it is sent, milliseconds"}},
		{"no load", "", nil},
		{"comments and a big count", "# é 😀\n100000 x at 2s GET /x # ü\n", []string{
			"load.count=100000@2:1 1..100000/1 | line 2: how many requests",
			"load.at=2@2:13 0..10/0.05 s | line 2: when it is sent, seconds"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nums, err := LoadNumbers(tt.load)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range nums {
				s := fmt.Sprintf("%s=%s@%d:%d %v..%v/%v", n.ID, n.Raw, n.Line, n.Col, n.Min, n.Max, n.Step)
				if n.Seconds {
					s += " s"
				}
				got = append(got, s+" | "+n.Label)
			}
			checkNumbers(t, tt.load, nums)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	if _, err := LoadNumbers("at x GET /\n"); err == nil {
		t.Error("no error for a broken load")
	}
}

// FuzzLoadNumbers: whatever the load, LoadNumbers does not panic, and
// every number is at its text, with a plain unique id, a label and a
// value in its range.
func FuzzLoadNumbers(f *testing.F) {
	f.Add("20 x at 0 GET /stock\nevery 0.5 from 0.25 to 4 GET /delay/2\n")
	f.Add("# é\n2x url = \"http://h:80/a/1/2?x#y\"\r\nat 100ms GET /sleep/.5/\n")
	f.Fuzz(func(t *testing.T, src string) {
		nums, err := LoadNumbers(src)
		if err != nil {
			return
		}
		checkNumbers(t, src, nums)
	})
}

// A long load numbers its repeats in one pass: the last of 3,000 at lines
// is load.at.3000 (each repeat used to search from .2 up).
func TestLoadNumbersManyLines(t *testing.T) {
	nums, err := LoadNumbers(strings.Repeat("at 0.5 GET /x\n", 3000))
	if err != nil || len(nums) != 3000 || nums[2999].ID != "load.at.3000" || nums[2999].Line != 3000 {
		t.Fatalf("%d numbers, the last %+v, %v", len(nums), nums[len(nums)-1], err)
	}
}

// BenchmarkLoadNumbers10kLines numbers a load of 10,000 lines, as the
// page does when it shows one.
func BenchmarkLoadNumbers10kLines(b *testing.B) {
	src := strings.Repeat("at 0.1 GET /delay/2\n", 10000)
	for range b.N {
		if _, err := LoadNumbers(src); err != nil {
			b.Fatal(err)
		}
	}
}
