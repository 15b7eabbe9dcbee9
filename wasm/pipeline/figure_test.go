package pipeline

import (
	"strings"
	"testing"
)

func TestFigure(t *testing.T) {
	r := Run(Plan{2, 2, []Step{work("w", 1), wait("v", 2)}}) // 6, 4 and 3 minutes
	for _, tc := range []struct {
		name string
		want float64
		err  string
	}{
		{"total:blocking", 6, ""},
		{"total:async", 4, ""},
		{"total:parallel", 3, ""},
		{"total", 6, ""},
		{"total:machines", 0, `unknown measure "total:machines" for the pipeline (known: total:blocking`},
		{"latency:1", 0, "unknown measure"},
	} {
		got, err := r.Figure(tc.name)
		switch {
		case tc.err != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("%s = %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
}
