package trace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// MarshalJSON writes a time in seconds, the unit learners read; a negative
// time (never happened) is null.
func (t Time) MarshalJSON() ([]byte, error) {
	if t < 0 {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, t.Seconds(), 'f', -1, 64), nil
}

// UnmarshalJSON reads seconds back into microseconds.
func (t *Time) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*t = -1
		return nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	if f < 0 {
		*t = Time(f*float64(Second) - 0.5)
	} else {
		*t = Time(f*float64(Second) + 0.5)
	}
	return nil
}

// JSON encodes the trace deterministically, indented for diffs.
func (tr *Trace) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(tr, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// MarshalJSON writes an event kind by name.
func (k EventKind) MarshalJSON() ([]byte, error) { return json.Marshal(k.String()) }

// UnmarshalJSON reads an event kind by name. The name is a JSON string
// of plain letters; strconv reads it, so the wasm, which keeps this method
// for its interfaces, links no JSON decoder for it.
func (k *EventKind) UnmarshalJSON(b []byte) error {
	name, err := strconv.Unquote(string(b))
	if err != nil || len(b) == 0 || b[0] != '"' {
		return fmt.Errorf("event kind %s is not a JSON string", b)
	}
	for i, n := range eventNames {
		if n == name && i > 0 {
			*k = EventKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown event kind %q", name)
}
