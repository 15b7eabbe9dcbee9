package deeplink

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"looplab/wasm/scenario"
)

const sleepy = `import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor(max_workers=2)
DELAY = 0.25


async def main():
    await asyncio.sleep(4)
    time.sleep(0.05)
    cpu(0.8)
`

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		nums  []Number
		want  string // the code's changed lines, or the whole code when short
		notes []string
	}{
		{"nothing", sleepy, nil, sleepy, nil},
		{"one number", sleepy, []Number{{"main.sleep", 2}},
			strings.Replace(sleepy, "sleep(4)", "sleep(2)", 1), nil},
		{"every kind", sleepy, []Number{{"pool.max_workers", 8.4}, {"delay", 0.5}, {"main.sleep", 1.25}, {"main.sleep.2", 0.12}, {"main.cpu", 0.06}},
			strings.NewReplacer("max_workers=2", "max_workers=8", "DELAY = 0.25", "DELAY = 0.5",
				"sleep(4)", "sleep(1.3)", "sleep(0.05)", "sleep(0.12)", "cpu(0.8)", "cpu(0.05)").Replace(sleepy),
			[]string{"pool.max_workers=8.4 is between its steps of 1; using 8", "main.sleep=1.25 is between its steps of 0.1; using 1.3",
				"main.cpu=0.06 is between its steps of 0.05; using 0.05"}},
		{"clamped", sleepy, []Number{{"main.sleep", 900}, {"pool.max_workers", -3}},
			strings.NewReplacer("sleep(4)", "sleep(16)", "max_workers=2", "max_workers=1").Replace(sleepy),
			[]string{"main.sleep=900 is above its range 0–16; using 16", "pool.max_workers=-3 is below its range 1–64; using 1"}},
		{"unknown and not finite", sleepy, []Number{{"sleep9", 1}, {"Sleep Now", 1}, {"main.sleep", math.NaN()}, {"main.cpu", math.Inf(1)}},
			sleepy, []string{"sleep9: this scenario has no such number", `"Sleep Now": this scenario has no such number`,
				"main.sleep=NaN: not a finite number", "main.cpu=+Inf: not a finite number"}},
		{"twice: the last wins", sleepy, []Number{{"main.sleep", 2}, {"main.sleep", 3}},
			strings.Replace(sleepy, "sleep(4)", "sleep(3)", 1), []string{"main.sleep is given more than once; using the last"}},
		{"same value keeps the text", "import time\ntime.sleep(4.0)\n", []Number{{"main.sleep", 4}}, "import time\ntime.sleep(4.0)\n", nil},
		{"own value off the grid is kept", "WORK = 0.008\n", []Number{{"work", 0.008}}, "WORK = 0.008\n", nil},
		{"broken code", "def f(:\n    time.sleep(1)\n", []Number{{"main.sleep", 2}}, "def f(:\n    time.sleep(1)\n",
			[]string{"the numbers in the address are not set: the code does not parse"}},
		{"non-ASCII before and between", "# é 😀\nimport time\ntime.sleep(4)  # ünï\ntime.sleep(0.5)\n",
			[]Number{{"main.sleep", 6}, {"main.sleep.2", 0.75}},
			"# é 😀\nimport time\ntime.sleep(6)  # ünï\ntime.sleep(0.75)\n", nil},
		// Literals too large to drag have no number, so no range that
		// reaches +Inf (1e308 * 4) or text that is no number. (sleep,
		// sleep2 and sleep3 are their ids in old links.)
		{"too large to drag", "import time\ntime.sleep(1E700)\ntime.sleep(1e308)\ntime.sleep(1)\n",
			[]Number{{"sleep", -1}, {"sleep2", 1e300}, {"sleep3", -1}},
			"import time\ntime.sleep(1E700)\ntime.sleep(1e308)\ntime.sleep(0)\n",
			[]string{"sleep: this scenario has no such number", "sleep2: this scenario has no such number",
				"sleep3=-1 is below its range 0–10; using 0"}},
		{"digits in a URL", "import requests\ndef download():\n    requests.get(\"http://upstream/delay/2\")\n",
			[]Number{{"download.delay", 0.5}}, "import requests\ndef download():\n    requests.get(\"http://upstream/delay/0.5\")\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, notes := Apply(tt.code, "", tt.nums)
			if got != tt.want {
				t.Errorf("code:\n%s\nwant:\n%s", got, tt.want)
			}
			if strings.Join(notes, "\n") != strings.Join(tt.notes, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(tt.notes, "\n"))
			}
		})
	}
}

// Links made before numbers were named after where they are keep working:
// each old id sets the number it named then.
func TestApplyOldIDs(t *testing.T) {
	const orders = `import asyncio
import time


def write_audit_log(order_id):
    time.sleep(1.5)


async def handle_order(order_id, arrives):
    await asyncio.sleep(arrives)
    write_audit_log(order_id)


async def main():
    await asyncio.gather(handle_order(1, 1.2), handle_order(2, 1.3))
`
	tests := []struct {
		link  string
		want  string // the changed line
		notes []string
	}{
		{"sleep=0.5", "    time.sleep(0.5)", nil},
		{"handle_order2=2", "handle_order(1, 2), handle_order(2, 1.3)", nil},
		{"handle_order4=3.5", "handle_order(1, 1.2), handle_order(2, 3.5)", nil},
		{"main.handle_order.arrives.2=3.5", "handle_order(1, 1.2), handle_order(2, 3.5)", nil},
		// The order ids had ids then; they are no longer numbers to drag.
		{"handle_order=5", "", []string{"handle_order: this scenario has no such number"}},
		// Old and new names of one number: the last wins.
		{"sleep=0.5&write_audit_log.sleep=0.2", "    time.sleep(0.2)", []string{"write_audit_log.sleep is given more than once; using the last"}},
	}
	for _, tt := range tests {
		t.Run(tt.link, func(t *testing.T) {
			l := Parse("#/all-the-way-down?" + tt.link)
			got, _, notes := Apply(orders, "", l.Numbers)
			if tt.want != "" && !strings.Contains(got, tt.want) || tt.want == "" && got != orders {
				t.Errorf("code:\n%s\nwant a line with %q", got, tt.want)
			}
			if strings.Join(notes, "\n") != strings.Join(tt.notes, "\n") {
				t.Errorf("notes %q, want %q", notes, tt.notes)
			}
		})
	}
}

// Ids that start with "load." set the load's numbers.
func TestApplyLoad(t *testing.T) {
	const load = "20 x at 0 GET /stock\nat 1.5 GET /delay/2\n"
	tests := []struct {
		link       string
		code, load string
		notes      []string
	}{
		{"load.count=50&main.sleep=2", strings.Replace(sleepy, "sleep(4)", "sleep(2)", 1),
			"50 x at 0 GET /stock\nat 1.5 GET /delay/2\n", nil},
		{"load.at.2=3&load.delay=0.5", sleepy, "20 x at 0 GET /stock\nat 3 GET /delay/0.5\n", nil},
		{"load.count=1e9&load.at=0.123", sleepy, "80 x at 0.1 GET /stock\nat 1.5 GET /delay/2\n",
			[]string{"load.count=1000000000 is above its range 1–80; using 80", "load.at=0.123 is between its steps of 0.05; using 0.1"}},
		{"load.nope=1", sleepy, load, []string{"load.nope: this scenario has no such number"}},
	}
	for _, tt := range tests {
		code, gotLoad, notes := Apply(sleepy, load, Parse("#/x?"+tt.link).Numbers)
		if code != tt.code || gotLoad != tt.load {
			t.Errorf("%s: code\n%s\nload\n%s", tt.link, code, gotLoad)
		}
		if strings.Join(notes, "\n") != strings.Join(tt.notes, "\n") {
			t.Errorf("%s: notes %q, want %q", tt.link, notes, tt.notes)
		}
	}
	if _, got, notes := Apply(sleepy, "at x GET /\n", []Number{{"load.at", 1}}); got != "at x GET /\n" || len(notes) != 1 {
		t.Errorf("a load that does not parse: %q, %q", got, notes)
	}
}

// A link read by Parse and set by Apply: the page's round trip.
func TestParseThenApply(t *testing.T) {
	l := Parse("#/gil?s=1&main.sleep=2.5&pool.max_workers=abc&nope=1")
	code, _, notes := Apply(sleepy, "", l.Numbers)
	if !strings.Contains(code, "asyncio.sleep(2.5)") || l.Scenario != 1 {
		t.Errorf("code:\n%s", code)
	}
	all := append(l.Ignored, notes...)
	if want := `"pool.max_workers=abc": not a number` + "\n" + "nope: this scenario has no such number"; strings.Join(all, "\n") != want {
		t.Errorf("notes %q", all)
	}
}

func TestJSNumbers(t *testing.T) {
	// What String(Number(v.toFixed(d))) and String(Math.round(v)) give in
	// a browser.
	tests := []struct {
		v      float64
		digits int
		want   string
	}{
		{0.125, 2, "0.13"}, // an exact tie goes up
		{1.005, 2, "1"},    // 1.005 is 1.00499999999999989...
		{2.5, 0, "3"},
		{0.49999999999999994, 0, "0"},
		{1.25, 1, "1.3"},
		{1.35, 1, "1.4"}, // 1.350000000000000088...
		{10, 1, "10"},
		{0.1 + 0.2, 2, "0.3"},
		{-0.001, 2, "0"},
		{1e21, 2, "1e+21"},
		{4e300, 0, "4e+300"},
		{123456789012345678901, 0, "123456789012345680000"},
		{0.000001, 2, "0"},
	}
	for _, tt := range tests {
		if got := jsString(jsToFixed(tt.v, tt.digits)); got != tt.want {
			t.Errorf("%v to %d digits: %q, want %q", tt.v, tt.digits, got, tt.want)
		}
	}
	for v, want := range map[float64]string{1e-7: "1e-7", 1.5e-7: "1.5e-7", 1e-6: "0.000001", 0.30000000000000004: "0.30000000000000004", 2.5e25: "2.5e+25", math.Copysign(0, -1): "0"} {
		if got := jsString(v); got != want {
			t.Errorf("jsString(%v) = %q, want %q", v, got, want)
		}
	}
}

// FuzzApply: whatever the numbers, Apply does not panic, code that parsed
// still parses with the same numbers, each number it set is in range, and
// the numbers can go to the page as JSON (no ±Inf in a range).
func FuzzApply(f *testing.F) {
	f.Add(sleepy, "sleep", 2.0, "cpu", 1e300)
	f.Add("N = 40\nfor i in range(N):\n    print(i)\n", "n", -1.0, "n", 0.5)
	f.Add("# é\nimport time\ntime.sleep(1e308)\n", "sleep", 1.7e308, "sleep2", 0.0)
	f.Add("import requests\nrequests.get(f\"{BASE}/delay/2?x=1\")\n", "main.delay", 0.33, "delay", 7.0)
	f.Add("x = (", "x", 1.0, "", 0.0)
	f.Fuzz(func(t *testing.T, code, id1 string, v1 float64, id2 string, v2 float64) {
		if len(code) > 8<<10 {
			return
		}
		before, err := scenario.Numbers(code)
		out, _, notes := Apply(code, "", []Number{{id1, v1}, {id2, v2}})
		if err != nil {
			if out != code {
				t.Fatal("code that does not parse changed")
			}
			return
		}
		if _, err := json.Marshal(before); err != nil {
			t.Fatalf("the numbers cannot go to the page: %v", err)
		}
		after, err := scenario.Numbers(out)
		if err != nil {
			t.Fatalf("Apply made code that does not parse: %v\n%s", err, out)
		}
		if len(after) != len(before) {
			t.Fatalf("%d numbers before, %d after:\n%s", len(before), len(after), out)
		}
		for i, a := range after {
			b := before[i]
			if a.ID != b.ID {
				t.Fatalf("number %d: id %q became %q", i, b.ID, a.ID)
			}
			if a.Raw != b.Raw && (a.Value < b.Min-b.Step || a.Value > b.Max+b.Step) {
				t.Fatalf("%s set to %v, outside %v–%v", a.ID, a.Value, b.Min, b.Max)
			}
			if a.Raw != b.Raw && a.Value < 1e12 && !scenario.OnGrid(a.Value, b.Step) && a.Value != b.Min && a.Value != b.Max {
				t.Fatalf("%s set to %v, between its steps of %v", a.ID, a.Value, b.Step)
			}
		}
		for _, n := range notes {
			if n == "" {
				t.Fatal("empty note")
			}
		}
	})
}

// FuzzApplyLoad: whatever the load and the link, Apply does not panic and
// a load that parsed still parses with the same numbers.
func FuzzApplyLoad(f *testing.F) {
	f.Add("20 x at 0 GET /stock\nevery 0.5 from 0.25 to 4 GET /delay/2\n", "load.count", 1e9, "load.every", 0.0)
	f.Add("# é\nat 100ms GET /publish/1/2\n", "load.at", 0.5, "load.publish.2", -1.0)
	f.Fuzz(func(t *testing.T, load, id1 string, v1 float64, id2 string, v2 float64) {
		if len(load) > 8<<10 {
			return
		}
		before, err := scenario.LoadNumbers(load)
		_, out, _ := Apply("", load, []Number{{id1, v1}, {id2, v2}})
		if err != nil {
			if out != load {
				t.Fatal("a load that does not parse changed")
			}
			return
		}
		after, err := scenario.LoadNumbers(out)
		if err != nil {
			// Numbers may be set each in range but not together:
			// "every" ending before it starts, or more requests in all
			// than the limit.
			if !strings.Contains(err.Error(), "end time") && !strings.Contains(err.Error(), "request limit") {
				t.Fatalf("Apply made a load that does not parse: %v\n%s", err, out)
			}
			return
		}
		if len(after) != len(before) {
			t.Fatalf("%d numbers before, %d after:\n%s", len(before), len(after), out)
		}
	})
}
