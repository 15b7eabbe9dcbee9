package scenario

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"looplab/wasm/trace"
)

// ParseSettings reads settings written one per line as "name = value" (or
// "name: value"); blank lines and # comments are skipped. Errors name the
// line: "line 2: workers must be a whole number from 1 to 64".
func ParseSettings(text string) (Settings, error) {
	var set Settings
	for i, line := range strings.Split(text, "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			name, value, ok = strings.Cut(line, ":")
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || value == "" {
			return set, &Error{Line: i + 1, Col: 1, Msg: fmt.Sprintf("expected 'name = value', got %q", line)}
		}
		if err := set.set(name, value); err != nil {
			return set, &Error{Line: i + 1, Col: 1, Msg: err.Error()}
		}
	}
	return set, nil
}

func (set *Settings) set(name, value string) error {
	switch name {
	case "cores":
		return setInt(&set.Cores, name, value, 1, 256)
	case "workers":
		return setInt(&set.Workers, name, value, 1, 64)
	case "seed":
		n, err := strconv.ParseUint(value, 10, 64)
		if err != nil {
			return fmt.Errorf("seed must be a whole number, got %q", value)
		}
		set.Seed = n
	case "switch_interval":
		return setSeconds(&set.SwitchInterval, name, value, 0.0001, 1)
	case "latency":
		return setSeconds(&set.Latency, name, value, 0, 60)
	case "file_latency":
		return setSeconds(&set.FileLatency, name, value, 0, 60)
	case "free_threaded":
		return setBool(&set.FreeThreaded, name, value)
	case "asyncio_debug":
		return setBool(&set.AsyncioDebug, name, value)
	default:
		return fmt.Errorf("unknown setting %q (known: cores, workers, switch_interval, latency, file_latency, free_threaded, asyncio_debug, seed)", name)
	}
	return nil
}

func setBool(dst *bool, name, value string) error {
	switch strings.ToLower(value) {
	case "true", "yes", "1":
		*dst = true
	case "false", "no", "0":
		*dst = false
	default:
		return fmt.Errorf("%s must be true or false, got %q", name, value)
	}
	return nil
}

func setInt(dst *int, name, value string, lo, hi int) error {
	n, err := strconv.Atoi(value)
	if err != nil || n < lo || n > hi {
		return fmt.Errorf("%s must be a whole number from %d to %d, got %q", name, lo, hi, value)
	}
	*dst = n
	return nil
}

func setSeconds(dst *trace.Time, name, value string, lo, hi float64) error {
	v, err := strconv.ParseFloat(strings.TrimSuffix(value, "s"), 64)
	if err != nil || math.IsNaN(v) || v < lo || v > hi {
		return fmt.Errorf("%s must be seconds from %g to %g, got %q", name, lo, hi, value)
	}
	*dst = trace.Time(math.Round(v * float64(trace.Second)))
	if *dst == 0 && v > 0 {
		*dst = 1
	}
	return nil
}
