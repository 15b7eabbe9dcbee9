package scenario

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		name, code string
		want       []string // id=raw@line:col[s] (s: seconds)
	}{
		{"sleeps", "import asyncio, time\nasync def f():\n    await asyncio.sleep(4)\n    time.sleep(0.5)\n",
			[]string{"f.sleep=4@3:25s", "f.sleep.2=0.5@4:16s"}},
		{"keywords and counts", "from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor(max_workers=2)\nN = 40\nfor i in range(N):\n    print(i, 3)\n",
			[]string{"pool.max_workers=2@2:39", "n=40@3:5"}},
		{"wait_for timeout", "import asyncio\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(3), timeout=1.5)\n",
			[]string{"main.sleep=3@3:42s", "main.timeout=1.5@3:54s"}},
		{"not scrubbable", "from fastapi import HTTPException\nraise HTTPException(status_code=504)\nx = [1, 2]\n", nil},
		{"labelled calls and float constants", "BLOCKING = 0.01\nFPS = 30\nSTEPS = [work(\"Write code\", 2), wait(\"CI queue\", 3.5), job(\"\", 1)]\n",
			[]string{"blocking=0.01@1:12s", "fps=30@2:7", "steps.work.write_code=2@3:29s", "steps.wait.ci_queue=3.5@3:50s", "steps.job=1@3:64"}},
		{"cpu through an executor", "import asyncio\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(None, cpu, 3)\n    cpu(0.05)\n",
			[]string{"f.cpu=3@3:65s", "f.cpu.2=0.05@4:9s"}},
		{"module level and main share a scope", "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\nasyncio.sleep(2)\n",
			[]string{"main.sleep=1@3:25s", "main.sleep.2=2@5:15s"}},
		{"constants: named or used as durations", "import asyncio\nDELAY = 2\nTIMEOUT_S = 3\nWAIT_FOR = 1\nORDER_ID = 7\nasync def f():\n    await asyncio.sleep(WAIT_FOR)\n",
			[]string{"delay=2@2:9s", "timeout_s=3@3:13s", "wait_for=1@4:12s"}},
		// A module function's parameter says what its arguments are.
		{"ids and labels are not numbers", `import asyncio
def log(order_id):
    pass
async def handle(order_id, arrives, n, note, tries):
    await asyncio.sleep(arrives)
    print(f"order {order_id} {note}")
    log(order_id)
    for _ in range(tries):
        pass
    return n * 2
async def main():
    await handle(1, 1.2, 3, 4, 5)
    await handle(2, arrives=1.3, n=1, note=1, tries=2)
`, []string{"main.handle.arrives=1.2@12:21s", "main.handle.n=3@12:26", "main.handle.tries=5@12:32",
			"main.handle.arrives.2=1.3@13:29s", "main.handle.n.2=1@13:36", "main.handle.tries.2=2@13:53"}},
		{"a parameter passed on keeps its meaning", "import asyncio\nasync def inner(wait):\n    await asyncio.sleep(wait)\nasync def outer(x):\n    await inner(x)\nasync def main():\n    await outer(2)\n",
			[]string{"main.outer=2@7:17s"}},
		{"recursion settles", "def f(x):\n    return f(x)\nf(3)\n", nil},
		{"a string names the call", "import asyncio\nasync def fetch(name, seconds):\n    await asyncio.sleep(seconds)\nasync def main():\n    await fetch(\"B\", 2)\n",
			[]string{"main.fetch.b=2@5:22s"}},
		{"to_thread passes to the function", "import asyncio\ndef crunch(name, seconds):\n    cpu(seconds)\nasync def main():\n    await asyncio.to_thread(crunch, \"B\", 1)\n",
			[]string{"main.crunch.b=1@5:42s"}},
		{"urls", "import requests, httpx\nBASE = \"http://upstream\"\ndef a():\n    requests.get(\"http://upstream/delay/2\")\n    requests.get(f\"{BASE}/delay/0.5?x=3\")\n    requests.get(\"http://127.0.0.1:8001/sleep/1.5/\")\n    requests.get(\"/users/3\")\n",
			[]string{"a.delay=2@4:41s", "a.delay.2=0.5@5:33s", "a.sleep=1.5@6:47s", "a.users=3@7:26"}},
		{"not urls or not whole segments", "import requests\ndef a(n):\n    print(\"GET /delay/2\")\n    requests.get(f\"http://x/delay/{n}2\")\n    requests.get(\"delay/2\")\n    requests.get(\"http://x:8000\")\n    requests.get(\"http://x/delay/2\\n\")\n",
			nil},
		// Past 2^53 a number is not scrubbable (its range would reach
		// text that is no number, or +Inf); the others keep their ids.
		{"too large to drag", "import time\ntime.sleep(1E700)\ntime.sleep(1e300)\ntime.sleep(9223372036854775807)\ntime.sleep(9007199254740992)\nN = 9007199254740993\ntime.sleep(2)\nrequests.get(\"http://x/delay/99999999999999999999\")\n",
			[]string{"main.sleep.4=9007199254740992@5:12s", "main.sleep.5=2@7:12s"}},
		{"load is the load's", "import asyncio\nasync def load():\n    await asyncio.sleep(1)\nload = 2\n",
			[]string{"load_.sleep=1@3:25s", "load=2@4:8"}},
		{"routes are not urls", "from fastapi import FastAPI\napp = FastAPI()\n@app.get(\"/delay/2\")\nasync def d():\n    return {}\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nums, err := Numbers(tt.code)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range nums {
				s := fmt.Sprintf("%s=%s@%d:%d", n.ID, n.Raw, n.Line, n.Col)
				if n.Seconds {
					s += "s"
				}
				got = append(got, s)
			}
			checkNumbers(t, tt.code, nums)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

// validID is what a link carries without escaping.
var validID = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)*$`)

// checkNumbers checks what holds for every number: it is at its text, its
// id is unique and plain, its label is there, its value in its range.
func checkNumbers(t *testing.T, text string, nums []Number) {
	t.Helper()
	units := utf16.Encode([]rune(text))
	ids := map[string]bool{}
	for _, n := range nums {
		if n.Start < 0 || n.End > len(units) || n.Start > n.End || string(utf16.Decode(units[n.Start:n.End])) != n.Raw {
			t.Errorf("%s: [%d:%d] is not %q", n.ID, n.Start, n.End, n.Raw)
		}
		if !validID.MatchString(n.ID) || ids[n.ID] {
			t.Errorf("id %q is not plain or not unique", n.ID)
		}
		ids[n.ID] = true
		if n.Label == "" {
			t.Errorf("%s has no label", n.ID)
		}
		if n.Value < n.Min || n.Value > n.Max || n.Step <= 0 {
			t.Errorf("%s: value %v outside [%v, %v] or step %v", n.ID, n.Value, n.Min, n.Max, n.Step)
		}
		if _, err := json.Marshal(n); err != nil { // the page gets them as JSON
			t.Errorf("%s: %v", n.ID, err)
		}
	}
}

func TestNumberLabels(t *testing.T) {
	code := `import asyncio, time
from concurrent.futures import ThreadPoolExecutor
SERVICE_DELAY = 1.0
pool = ThreadPoolExecutor(max_workers=2)
STEPS = [wait("CI queue", 3)]


async def rude():
    time.sleep(4)
    time.sleep(1)
    await asyncio.wait_for(asyncio.sleep(3), timeout=1.5)
    await asyncio.to_thread(crunch, "B", 1)
    requests.get("http://upstream/delay/2")


def crunch(name, seconds):
    for _ in range(3):
        cpu(seconds)
`
	want := []string{
		"service_delay: SERVICE_DELAY seconds",
		"pool.max_workers: ThreadPoolExecutor max_workers in pool",
		`steps.wait.ci_queue: wait("CI queue") minutes in STEPS`,
		"rude.sleep: time.sleep seconds in rude()",
		"rude.sleep.2: time.sleep seconds in rude() (2nd)",
		"rude.sleep.3: asyncio.sleep seconds in rude()",
		"rude.timeout: asyncio.wait_for timeout seconds in rude()",
		`rude.crunch.b: crunch("B") seconds in rude(), run by asyncio.to_thread`,
		"rude.delay: URL /delay/ seconds in rude()",
		"crunch.range: range in crunch()",
	}
	nums, err := Numbers(code)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range nums {
		got = append(got, n.ID+": "+n.Label)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Steps: a duration reaches any fraction, whatever it is written as.
func TestNumberSteps(t *testing.T) {
	tests := []struct {
		code          string
		min, max, stp float64
	}{
		{"time.sleep(3)\n", 0, 12, 0.1},
		{"time.sleep(1.5)\n", 0, 10, 0.05}, // reaches 0.05
		{"time.sleep(0.45)\n", 0, 10, 0.05},
		{"time.sleep(2.25)\n", 0, 10, 0.05},
		{"time.sleep(0.33)\n", 0, 10, 0.01},
		{"time.sleep(0.05)\n", 0, 10, 0.01},
		{"X = 0.0\n", 0, 10, 0.01},
		{"wait(\"review\", 4)\n", 0, 16, 0.1},
		{"asyncio.Semaphore(3)\n", 1, 64, 1},
		{"range(0)\n", 0, 64, 1},
		{"f(1.25)\n", 0, 10, 0.01}, // a quantity steps by its last decimal
		{"f(1.2)\n", 0, 10, 0.1},
	}
	for _, tt := range tests {
		nums, err := Numbers(tt.code)
		if err != nil || len(nums) != 1 {
			t.Fatalf("%q: %v, %v", tt.code, nums, err)
		}
		if n := nums[0]; n.Min != tt.min || n.Max != tt.max || n.Step != tt.stp {
			t.Errorf("%q: %v..%v step %v, want %v..%v step %v", tt.code, n.Min, n.Max, n.Step, tt.min, tt.max, tt.stp)
		}
	}
}

func TestNumbersOffsetsCountUTF16(t *testing.T) {
	code := "import asyncio\n# é and 😀 before it\nasync def f():\n    await asyncio.sleep(2)\n    requests.get(\"http://é/delay/3\")\n"
	nums, err := Numbers(code)
	if err != nil || len(nums) != 2 {
		t.Fatalf("Numbers = %v, %v", nums, err)
	}
	// é is one UTF-16 unit (two bytes), 😀 is two units (four bytes): 3 fewer units than bytes.
	if byteOff := strings.Index(code, "2)"); nums[0].Start != byteOff-3 {
		t.Errorf("Start = %d, want %d", nums[0].Start, byteOff-3)
	}
	if byteOff := strings.Index(code, "3\""); nums[1].Start != byteOff-4 {
		t.Errorf("Start = %d, want %d", nums[1].Start, byteOff-4)
	}
	checkNumbers(t, code, nums)
}

func TestNumbersParseError(t *testing.T) {
	if _, err := Numbers("async def f(:\n"); err == nil {
		t.Fatal("no error for broken code")
	}
}

// The old ids, which old links carry, name the numbers they named then.
func TestLegacyIDs(t *testing.T) {
	code := "import asyncio, time\nBLOCKING = 0.5\nasync def f():\n    await asyncio.wait_for(asyncio.sleep(3), timeout=1.5)\n    time.sleep(4)\n    await handle_order(1, 1.2)\n"
	want := map[string]string{"blocking": "0.5", "wait_for": "", "sleep": "3", "timeout": "1.5", "sleep2": "4", "handle_order": "1", "handle_order2": "1.2"}
	ids := LegacyIDs(code)
	units := utf16.Encode([]rune(code))
	for id, raw := range want {
		start, ok := ids[id]
		if raw == "" {
			if ok {
				t.Errorf("%s is an old id", id)
			}
			continue
		}
		if !ok || !strings.HasPrefix(string(utf16.Decode(units[start:])), raw) {
			t.Errorf("%s: at %d, want %q there", id, start, raw)
		}
	}
	if len(ids) != len(want)-1 {
		t.Errorf("old ids %v", ids)
	}
	if LegacyIDs("def f(:\n") != nil {
		t.Error("old ids of code that does not parse")
	}
}

// FuzzNumbers: whatever the code, Numbers does not panic, and every
// number it finds is at its text, with a plain unique id, a label and a
// value in its range.
func FuzzNumbers(f *testing.F) {
	f.Add("import asyncio\nasync def f(x):\n    await asyncio.sleep(x)\nasyncio.run(f(2))\n")
	f.Add("requests.get(f\"{BASE}/delay/2?x={y}&z=3\")\nrequests.get('''/a/1/2''' \"/3\")\n")
	f.Add("X: float = 1e308\nwork(\"é😀\", 2)\nasyncio.to_thread(g, *a, 3)\n")
	f.Fuzz(func(t *testing.T, code string) {
		if len(code) > 8<<10 {
			return
		}
		nums, err := Numbers(code)
		if err != nil {
			return
		}
		checkNumbers(t, code, nums)
	})
}
