package load

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// parseTime reads a non-negative decimal number of seconds ("0.25", "2.5s")
// or milliseconds ("100ms") into microseconds. It reads the digits itself
// rather than through a float64, so "0.1" is exactly 100000 µs and times
// written in a load compare equal to the same times in the trace.
func parseTime(w string) (trace.Time, error) {
	num, decimals := w, 6
	switch {
	case strings.HasSuffix(num, "ms"):
		num, decimals = num[:len(num)-2], 3
	case strings.HasSuffix(num, "s"):
		num = num[:len(num)-1]
	}
	whole, frac, _ := strings.Cut(num, ".")
	if whole == "" && frac == "" || whole != "" && !allDigits(whole) || frac != "" && !allDigits(frac) {
		if rest, neg := strings.CutPrefix(w, "-"); neg {
			if _, err := parseTime(rest); err == nil {
				return 0, fmt.Errorf("time must not be negative, found %q", w)
			}
		}
		return 0, fmt.Errorf("expected a time in seconds (like 0.25, 2s or 100ms), found %q", w)
	}
	if len(frac) > decimals {
		if decimals == 3 {
			return 0, errors.New("time in ms has more than 3 decimals")
		}
		return 0, errors.New("time has more than 6 decimals")
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 12 { // more digits than MaxTime in any unit; ParseInt would overflow
		return 0, tooLarge(w)
	}
	// Padding the fraction to exactly `decimals` digits gives microseconds
	// in both units, so the digits are the answer.
	n, _ := strconv.ParseInt("0"+whole+frac+strings.Repeat("0", decimals-len(frac)), 10, 64)
	t := trace.Time(n)
	if t > MaxTime {
		return 0, tooLarge(w)
	}
	return t, nil
}

func tooLarge(w string) error {
	return fmt.Errorf("time must be at most %d s, found %q", MaxTime/trace.Second, w)
}

// formatTime writes microseconds as seconds, with no more decimals than it
// needs: 0, 0.25, 1.000001. parseTime reads it back exactly.
func formatTime(t trace.Time) string {
	sign := ""
	u := uint64(t)
	if t < 0 {
		sign, u = "-", -u
	}
	sec, frac := u/uint64(trace.Second), u%uint64(trace.Second)
	if frac == 0 {
		return sign + strconv.FormatUint(sec, 10)
	}
	return strings.TrimRight(fmt.Sprintf("%s%d.%06d", sign, sec, frac), "0")
}
