//go:build unix

package export

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"looplab/wasm/scenario"
)

// liveApp is small and quick (under a second of load), and uses what an
// export adds: cpu(), a POST, a query, and --workers.
var liveApp = scenario.Spec{
	Code: `import asyncio
from fastapi import FastAPI

app = FastAPI()


@app.get("/sleep")
async def sleep(ms: int = 200):
    await asyncio.sleep(ms / 1000)
    return {"ok": True}


@app.post("/crunch")
def crunch():
    cpu(0.05)
    return {"ok": True}
`,
	Load:     "3 x at 0 GET /sleep?ms=300\nevery 0.1 from 0 to 0.5 POST /crunch\n",
	Settings: scenario.Settings{Workers: 2},
}

// TestLive serves one exported app with real uvicorn, the way its Run
// commands say, and sends its load with its client.py: every request
// must get a line. It needs FastAPI and uvicorn, and takes a few seconds.
func TestLive(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real uvicorn; not with -short")
	}
	python := pythonWithFastAPI()
	if python == "" {
		t.Skip("no python3 with fastapi and uvicorn (Debian: apt-get install python3-fastapi python3-uvicorn)")
	}
	p, err := Export(liveApp)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range p.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	port := freePort(t)
	server := exec.Command(python, serverArgs(t, p.Run, port)...)
	server.Dir = dir
	var log bytes.Buffer
	server.Stdout, server.Stderr = &log, &log
	// Its own process group, so stopping it by its pid also stops the
	// worker processes that --workers starts.
	server.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	defer stopServer(t, server)

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	client := exec.CommandContext(ctx, python, clientFile, "http://127.0.0.1:"+strconv.Itoa(port))
	client.Dir = dir
	out, err := client.Output()
	if err != nil {
		t.Fatalf("client.py: %v\n%s\nserver log:\n%s", err, out, log.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 8 {
		t.Fatalf("client.py printed %d lines, want one for each of the 8 requests:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if !strings.Contains(l, "-> 200 in ") {
			t.Errorf("not a 200 response: %q", l)
		}
	}
	t.Logf("client.py:\n%s", out)
}

// serverArgs is the uvicorn command of the Run commands, on port, with
// python3 left to the caller: the test runs what a learner would.
func serverArgs(t *testing.T, run string, port int) []string {
	for _, line := range strings.Split(run, "\n") {
		cmd, _, _ := strings.Cut(line, " & ")
		args := strings.Fields(cmd)
		if len(args) < 3 || args[0] != "python3" || args[2] != "uvicorn" {
			continue
		}
		for i := range args {
			if args[i] == "8000" {
				args[i] = strconv.Itoa(port)
			}
		}
		return append(args[1:], "--host", "127.0.0.1")
	}
	t.Fatalf("no uvicorn command in the Run commands:\n%s", run)
	return nil
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// stopServer ends the server's process group by its pid: SIGTERM, which
// uvicorn handles by shutting down its workers, then SIGKILL if it lingers.
func stopServer(t *testing.T, cmd *exec.Cmd) {
	pid := cmd.Process.Pid
	_ = syscall.Kill(-pid, syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pid, syscall.SIGKILL)
		<-done
		t.Log("uvicorn did not stop on SIGTERM; killed it")
	}
}
