package export

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// python3 finds the interpreter the checks run. On a developer's machine
// without one the checks are skipped; in CI (CI set) that is a failure,
// so a CI image that lost python3 cannot pass without them.
func python3(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("python3")
	if err == nil {
		return realPython(path)
	}
	const msg = "python3 is needed to check the exported programs; install it (Debian: apt-get install python3)"
	if os.Getenv("CI") == "" {
		t.Skip(msg)
	}
	t.Fatal(msg)
	return ""
}

// pythonWithFastAPI finds an interpreter that has FastAPI and uvicorn:
// python3 on the PATH, or Debian's /usr/bin/python3 with python3-fastapi
// and python3-uvicorn, which scripts/fidelity uses. "" if there is none.
func pythonWithFastAPI() string {
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import fastapi, uvicorn").Run() == nil {
			return realPython(path)
		}
	}
	return ""
}

// realPython is the interpreter behind path, which may be a wrapper (a
// pyenv shim takes a tenth of a second to start one): the checks run
// python once per file.
func realPython(path string) string {
	out, err := exec.Command(path, "-c", "import sys; print(sys.executable)").Output()
	if exe := strings.TrimSpace(string(out)); err == nil && exe != "" {
		return exe
	}
	return path
}
