package scenario

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		name, code string
		want       []string // id=raw@line:col[s] (s: seconds)
	}{
		{"sleeps", "import asyncio, time\nasync def f():\n    await asyncio.sleep(4)\n    time.sleep(0.5)\n",
			[]string{"sleep=4@3:25s", "sleep2=0.5@4:16s"}},
		{"keywords and counts", "from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor(max_workers=2)\nN = 40\nfor i in range(N):\n    print(i, 3)\n",
			[]string{"max_workers=2@2:39", "n=40@3:5"}},
		{"wait_for timeout", "import asyncio\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(3), timeout=1.5)\n",
			[]string{"sleep=3@3:42s", "timeout=1.5@3:54s"}},
		{"not scrubbable", "from fastapi import HTTPException\nraise HTTPException(status_code=504)\nx = [1, 2]\n", nil},
		{"labelled calls and float constants", "BLOCKING = 0.01\nFPS = 30\nSTEPS = [work(\"Write code\", 2), wait(\"CI queue\", 3.5), job(\"\", 1)]\n",
			[]string{"blocking=0.01@1:12s", "fps=30@2:7", "write_code=2@3:29", "ci_queue=3.5@3:50s", "job=1@3:64"}},
		{"cpu and executor", "import asyncio\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(None, cpu, 3)\n    cpu(0.05)\n",
			[]string{"run_in_executor=3@3:65s", "cpu=0.05@4:9s"}},
		// Past 2^53 a number is not scrubbable (its range would reach
		// text that is no number, or +Inf); the others keep their ids.
		{"too large to drag", "import time\ntime.sleep(1E700)\ntime.sleep(1e300)\ntime.sleep(9223372036854775807)\ntime.sleep(9007199254740992)\nN = 9007199254740993\ntime.sleep(2)\n",
			[]string{"sleep4=9007199254740992@5:12s", "sleep5=2@7:12s"}},
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
				if tt.code[n.Start:n.End] != n.Raw { // ASCII code: UTF-16 offsets are byte offsets
					t.Errorf("%s: code[%d:%d] = %q, want %q", n.ID, n.Start, n.End, tt.code[n.Start:n.End], n.Raw)
				}
				if n.Value < n.Min || n.Value > n.Max || n.Step <= 0 {
					t.Errorf("%s: value %v outside [%v, %v] or step %v", n.ID, n.Value, n.Min, n.Max, n.Step)
				}
				if _, err := json.Marshal(n); err != nil { // the page gets them as JSON
					t.Errorf("%s: %v", n.ID, err)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestNumbersOffsetsCountUTF16(t *testing.T) {
	code := "import asyncio\n# é and 😀 before it\nasync def f():\n    await asyncio.sleep(2)\n"
	nums, err := Numbers(code)
	if err != nil || len(nums) != 1 {
		t.Fatalf("Numbers = %v, %v", nums, err)
	}
	// é is one UTF-16 unit (two bytes), 😀 is two units (four bytes): 3 fewer units than bytes.
	if byteOff := strings.Index(code, "2)"); nums[0].Start != byteOff-3 {
		t.Errorf("Start = %d, want %d", nums[0].Start, byteOff-3)
	}
}

func TestNumbersParseError(t *testing.T) {
	if _, err := Numbers("async def f(:\n"); err == nil {
		t.Fatal("no error for broken code")
	}
}
