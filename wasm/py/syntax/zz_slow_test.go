package syntax

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowCorpus(t *testing.T) {
	dir := os.Getenv("CORPUS")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		lines := strings.SplitN(string(b), "\n", 2)
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(lines[1]), "[]byte("), ")"))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		for range 100 {
			Parse([]byte(s))
		}
		if d := time.Since(start) / 100; d > 200*time.Microsecond {
			t.Logf("%s: %v len %d", filepath.Base(f), d, len(s))
		}
	}
}
