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
	python := livePython(t)
	p, err := Export(liveApp)
	if err != nil {
		t.Fatal(err)
	}
	serveEach(t, python, p, 1)
}

// TestLiveCompare runs both versions of a compare export, one after the
// other as its commands do: each uvicorn command must find its module
// (app_a:app, app_b:app) and answer the shared client.py.
func TestLiveCompare(t *testing.T) {
	python := livePython(t)
	b := liveApp
	b.Code = strings.Replace(b.Code, "def crunch():", "async def crunch():", 1)
	b.Settings = scenario.Settings{}
	p, err := ExportCompare(Version{liveApp, "def"}, Version{b, "async def"})
	if err != nil {
		t.Fatal(err)
	}
	serveEach(t, python, p, 2)
}

// TestLiveDebug runs an exported script that asks for asyncio's debug
// mode with the command its Run gives, PYTHONASYNCIODEBUG=1 included:
// real asyncio must log the slow step the playground warns about.
func TestLiveDebug(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a real python3; not with -short")
	}
	python := python3(t)
	code := "import asyncio\nimport time\n\n\nasync def main():\n    time.sleep(0.3)\n\n\nasyncio.run(main())\n"
	p, err := Export(scenario.Spec{Code: code, Settings: scenario.Settings{AsyncioDebug: true}})
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, p)
	env, args := commandLine(t, p.Run, func(args []string) bool { return len(args) == 2 && args[1] == "script.py" })
	cmd := exec.Command(python, args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Executing <Task") || !strings.Contains(string(out), "took 0.3") {
		t.Errorf("no slow-step warning from asyncio's debug mode:\n%s", out)
	}
}

// livePython is an interpreter with FastAPI and uvicorn, or a skip.
func livePython(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a real uvicorn; not with -short")
	}
	python := pythonWithFastAPI()
	if python == "" {
		t.Skip("no python3 with fastapi and uvicorn (Debian: apt-get install python3-fastapi python3-uvicorn)")
	}
	return python
}

func writeFiles(t *testing.T, p Program) string {
	dir := t.TempDir()
	for _, f := range p.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// serveEach starts each uvicorn command of the Run commands in turn
// (want of them) and sends the load with client.py while it runs.
func serveEach(t *testing.T, python string, p Program, want int) {
	dir := writeFiles(t, p)
	servers := 0
	for _, line := range strings.Split(p.Run, "\n") {
		cmd, _, _ := strings.Cut(line, " & ")
		env, args := splitEnv(strings.Fields(cmd))
		if len(args) < 3 || args[0] != "python3" || args[2] != "uvicorn" {
			continue
		}
		servers++
		serveOnce(t, python, dir, env, args[1:])
	}
	if servers != want {
		t.Fatalf("%d uvicorn commands in the Run commands, want %d:\n%s", servers, want, p.Run)
	}
}

// serveOnce serves the app with one uvicorn command's arguments (on a
// free port) and checks that client.py gets a 200 for every request.
func serveOnce(t *testing.T, python, dir string, env, args []string) {
	port := freePort(t)
	for i := range args {
		if args[i] == "8000" {
			args[i] = strconv.Itoa(port)
		}
	}
	server := exec.Command(python, append(args, "--host", "127.0.0.1")...)
	server.Dir, server.Env = dir, append(os.Environ(), env...)
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
		t.Fatalf("%s: client.py: %v\n%s\nserver log:\n%s", strings.Join(args, " "), err, out, log.String())
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
	t.Logf("%s; client.py:\n%s", strings.Join(args, " "), out)
}

// commandLine finds the command of the Run commands that match accepts
// (its words after the environment and "python3"), as the variables it
// sets and its arguments for python3: the test runs what a learner would.
func commandLine(t *testing.T, run string, match func(args []string) bool) (env, args []string) {
	for _, line := range strings.Split(run, "\n") {
		cmd, _, _ := strings.Cut(line, " & ")
		env, args := splitEnv(strings.Fields(cmd))
		if len(args) > 0 && args[0] == "python3" && match(args) {
			return env, args[1:]
		}
	}
	t.Fatalf("no such command in the Run commands:\n%s", run)
	return nil, nil
}

// splitEnv splits a command's words into the NAME=value words before it
// and the rest.
func splitEnv(words []string) (env, rest []string) {
	for i, w := range words {
		if name, _, ok := strings.Cut(w, "="); !ok || name == "" || strings.ContainsAny(name, "-/.") {
			return words[:i], words[i:]
		}
	}
	return words, nil
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
