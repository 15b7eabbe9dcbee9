package scenario

import (
	"testing"

	"looplab/wasm/trace"
)

func TestParseSettings(t *testing.T) {
	tests := []struct {
		text string
		want Settings
		err  string
	}{
		{"", Settings{}, ""},
		{"cores = 2\nworkers: 3  # a comment\n\nlatency = 0.25s", Settings{Cores: 2, Workers: 3, Latency: 250 * trace.Millisecond}, ""},
		{"file_latency = 0.05", Settings{FileLatency: 50 * trace.Millisecond}, ""},
		{"free_threaded = yes\nasyncio_debug = true", Settings{FreeThreaded: true, AsyncioDebug: true}, ""},
		{"asyncio_debug = 0", Settings{}, ""},
		{"asyncio_debug = on", Settings{}, `:1:1: asyncio_debug must be true or false, got "on"`},
		{"cores = 2\ndebug = true", Settings{Cores: 2}, `:2:1: unknown setting "debug" (known: cores, workers, switch_interval, latency, file_latency, free_threaded, asyncio_debug, seed)`},
		{"workers", Settings{}, `:1:1: expected 'name = value', got "workers"`},
	}
	for _, tt := range tests {
		got, err := ParseSettings(tt.text)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if msg != tt.err || (err == nil && got != tt.want) {
			t.Errorf("ParseSettings(%q) = %+v, %q; want %+v, %q", tt.text, got, msg, tt.want, tt.err)
		}
	}
}
