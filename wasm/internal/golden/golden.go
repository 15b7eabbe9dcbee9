// Package golden compares a test's output with a file in testdata/, or
// rewrites that file when the test runs with -update.
package golden

import (
	"os"
	"testing"
)

// Check compares got with the file at path; with update it writes got
// there instead, to accept an intended change.
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it if the change is intended)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
