package load

import (
	"testing"

	"looplab/wasm/trace"
)

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want trace.Time
		err  string
	}{
		{"0", 0, ""},
		{"1", trace.Second, ""},
		{"0.25", 250_000, ""},
		{"0.1", 100_000, ""}, // float64(0.1)*1e6 is 100000.00000000001
		{"0.3", 300_000, ""},
		{"2.675", 2_675_000, ""},
		{".5", 500_000, ""},
		{"5.", 5 * trace.Second, ""},
		{"000.000001", 1, ""},
		{"2.5s", 2_500_000, ""},
		{"100ms", 100_000, ""},
		{"1.5ms", 1_500, ""},
		{"0.001ms", 1, ""},
		{"1000000", MaxTime, ""},
		{"1000000000ms", MaxTime, ""},
		{"1000000.000001", 0, `time must be at most 1000000 s, found "1000000.000001"`},
		{"1000000001ms", 0, `time must be at most 1000000 s, found "1000000001ms"`},
		{"1234567890123456789", 0, `time must be at most 1000000 s, found "1234567890123456789"`},
		{"0.0000001", 0, "time has more than 6 decimals"},
		{"0.0001ms", 0, "time in ms has more than 3 decimals"},
		{"-1", 0, `time must not be negative, found "-1"`},
		{"-.5ms", 0, `time must not be negative, found "-.5ms"`},
		{"--1", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "--1"`},
		{"-x", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "-x"`},
		{".", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "."`},
		{"s", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "s"`},
		{"1e3", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "1e3"`},
		{"+1", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "+1"`},
		{"1_000", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "1_000"`},
		{"1sms", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "1sms"`},
		{"١", 0, `expected a time in seconds (like 0.25, 2s or 100ms), found "١"`}, // Arabic-Indic one
	}
	for _, tt := range tests {
		got, err := parseTime(tt.in)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("parseTime(%q) = %d, %v; want error %s", tt.in, got, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("parseTime(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestFormatTime(t *testing.T) {
	tests := []struct {
		in   trace.Time
		want string
	}{
		{0, "0"},
		{1, "0.000001"},
		{250_000, "0.25"},
		{trace.Second, "1"},
		{12_000_010, "12.00001"},
		{MaxTime, "1000000"},
		{-1_500_000, "-1.5"},
	}
	for _, tt := range tests {
		got := formatTime(tt.in)
		if got != tt.want {
			t.Errorf("formatTime(%d) = %q, want %q", tt.in, got, tt.want)
		}
		if tt.in >= 0 {
			if back, err := parseTime(got); err != nil || back != tt.in {
				t.Errorf("parseTime(formatTime(%d)) = %d, %v", tt.in, back, err)
			}
		}
	}
}
