package gameloop

import (
	"errors"
	"strings"
	"testing"

	"looplab/wasm/trace"
)

const lessonCode = `import time

FPS = 30            # the frame budget is 1/FPS seconds
WORK = 0.008        # reading input, updating and drawing the world
BLOCKING = 0.0      # blocking work inside every frame (seconds)
STALL = 0.5         # now and then one long blocking call...
STALL_EVERY = 4.0   # ...this many seconds apart (0: never)

def game_loop(game):
    while game.running:
        started = time.monotonic()
        game.read_input()
        game.update()
        blocking_work(BLOCKING)
        game.render()
        time.sleep(max(0, 1 / FPS - (time.monotonic() - started)))
`

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		want       Params
	}{
		{"lesson", lessonCode, Params{FPS: 30, Work: ms(8), Stall: ms(500), StallEvery: 4 * trace.Second}},
		{"defaults", "import time\n", Defaults},
		{"empty", "", Defaults},
		{"ints and signs", "FPS = 60\nWORK = +0.002\nBLOCKING = 1\n", Params{FPS: 60, Work: ms(2), Blocking: trace.Second}},
		{"arithmetic", "BLOCKING = 1 / 20\nFPS = 2 * 30.0\n", Params{FPS: 60, Work: ms(8), Blocking: ms(50)}},
		{"last wins, chains, annotations", "FPS = 10\nFPS = WORK_X = 20\nWORK: float = 0.01\n", Params{FPS: 20, Work: ms(10)}},
		{"inside a def is not a constant", "def f():\n    FPS = 'x'\n", Defaults},
		{"unknown names are free", "SPEED = 'fast'\nx, y = 1, 2\n", Defaults},
		{"refused constructs are skipped", "class Game: pass\nwhile True:\n    FPS = 1\nFPS = (\n    60)\nJUNK = [a for a in b for c in d]\n", Params{FPS: 60, Work: ms(8)}},
		{"zero work", "WORK = 0\nFPS = 240\n", Params{FPS: 240}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.code)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{"FPS = 0\n", "1:7: FPS must be from 1 to 240, not 0"},
		{"FPS = 241", "1:7: FPS must be from 1 to 240, not 241"},
		{"FPS = 29.5", "1:7: FPS must be a whole number"},
		{"FPS = 'thirty'", "1:7: FPS must be a whole number"},
		{"import time\n\nBLOCKING = -0.1", "3:12: BLOCKING must be from 0 to 10 seconds, not -0.1"},
		{"WORK = 11", "1:8: WORK must be from 0 to 10 seconds, not 11"},
		{"STALL = time.sleep", "1:9: STALL must be a number of seconds"},
		{"STALL_EVERY = 1 / 0", "1:15: STALL_EVERY must be a number of seconds"},
		{"STALL = 1e400 - 1e400", "1:9: STALL must be from 0 to 10 seconds"},
		{"FPS = (30", "1:"},
		{"while True:\n    pass\n\nFPS = 0", "4:7: FPS must be from 1 to 240"},
		{"while True:\n    pass\nWORK = (1,", "3:"}, // the parser's own error, with its position
	} {
		_, err := Parse(tc.code)
		var e *Error
		if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), tc.want) || e.Line < 1 || e.Col < 1 {
			t.Errorf("Parse(%q) = %v, want %q…", tc.code, err, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{lessonCode, "", "FPS = 240", "FPS = -1", "WORK = 1 / 3 * 2 - 0.1", "BLOCKING = (", "FPS: int = 5.0", "STALL = 1e308 * 10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		p, err := Parse(code)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 || e.Col < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		if p.FPS < 1 || p.FPS > maxFPS {
			t.Fatalf("FPS %d", p.FPS)
		}
		for _, d := range []trace.Time{p.Work, p.Blocking, p.Stall, p.StallEvery} {
			if d < 0 || d > 10*trace.Second {
				t.Fatalf("time %v out of range: %+v", d, p)
			}
		}
		// Whatever parses runs: a second of play stays bounded.
		g := New(p)
		for range 20 {
			g.Advance(50*trace.Millisecond, Input{Right: true})
		}
		if s := g.Stats(); s.FPS > maxFPS+1 {
			t.Fatalf("FPS %d", s.FPS)
		}
	})
}
