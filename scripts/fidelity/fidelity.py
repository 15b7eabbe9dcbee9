#!/usr/bin/env python3
"""Measures LoopLab's fidelity corpus on real CPython, FastAPI and uvicorn.

For every scenario in wasm/scenario/testdata/fidelity (NAME.py, and
NAME.load for an app), this starts the real thing on 127.0.0.1 and records
when things happen:

- an app is served by `python3 -m uvicorn` (Debian's python3 with
  python3-fastapi and python3-uvicorn); its load is sent over connections
  opened before the run (or at send time, for scenarios that say
  `# connect: at-send`, where which uvicorn worker accepts matters), each
  request at its scheduled offset and in load order, and the harness
  records when each response has fully arrived;
- a script is run with `python3`, and every print is timed.

A scenario's first comment lines may say how to run it:
`# settings: workers=2 latency=0.2 switch_interval=0.001` (uvicorn's
--workers; how long the upstream stand-in takes to answer calls without
/delay/N, default 0.1 s; sys.setswitchinterval, applied by the prelude in
every process), `# connect: at-send`, `# compare: latency-distribution`
and `# runs: 30` (for a scenario whose latencies spread widely, more runs
than the default).

Each scenario runs --runs times (default 5, or as its `# runs:` says) on a
fresh server; the medians and spreads go to
wasm/scenario/testdata/fidelity/measured.json with the machine's facts.
Identical requests finish in no fixed order, so they are recorded as sorted
lists of latencies; a scenario that says `# compare: latency-distribution`
records each path's latencies that way, for latencies that depend on which
thread the OS wakes. The Go test in wasm/scenario replays the corpus through
the simulator and compares against that file; `make fidelity` runs this
script.

While measuring, one idle-priority spinner per CPU (chrt -i 0) keeps the
CPUs awake: waking an idle vCPU costs milliseconds on virtual machines,
which would otherwise show up in every latency.

Usage: scripts/fidelity/fidelity.py [--runs N] [--python PATH] [NAME ...]
"""
import argparse
import ast
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
# cpu() and the upstream server are the ones the playground exports, so a
# learner who runs an export runs what the harness measured.
SHARED = os.path.join(ROOT, "wasm", "export", "python")
CORPUS = os.path.join(ROOT, "wasm", "scenario", "testdata", "fidelity")
PACKAGES = ["python3-fastapi", "python3-uvicorn", "python3-httpx", "python3-requests"]
DEFAULT_RUNS = 5
MAX_REQUESTS = 500  # per scenario: bounded load, always
DEFAULT_LATENCY = 0.1  # the simulator's default for calls without /delay/N
SETTINGS = {"workers", "latency", "switch_interval"}  # what the harness can reproduce


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def ensure_packages(python):
    probe = [python, "-c", "import fastapi, uvicorn, httpx, requests"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return
    if os.geteuid() != 0:
        sys.exit("fidelity: %s lacks fastapi/uvicorn/httpx/requests; install Debian's %s (as root: apt-get install %s)"
                 % (python, ", ".join(PACKAGES), " ".join(PACKAGES)))
    log("installing", " ".join(PACKAGES))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq"] + PACKAGES, check=True, env=env)


def machine_facts(python):
    code = ("import sys, json; from importlib.metadata import version as v;"
            "print(json.dumps({'python': sys.version.split()[0], 'fastapi': v('fastapi'),"
            " 'uvicorn': v('uvicorn'), 'anyio': v('anyio'), 'starlette': v('starlette')}))")
    facts = json.loads(subprocess.check_output([python, "-c", code]))
    facts["cores"] = os.cpu_count()
    facts["machine"] = platform.machine()
    facts["kernel"] = platform.release()
    facts["date"] = time.strftime("%Y-%m-%d")
    return facts


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited with %s" % proc.returncode)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not listen on %d within %d s" % (port, timeout))


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Scenario:
    def __init__(self, name):
        self.name = name
        self.code = open(os.path.join(CORPUS, name + ".py"), encoding="utf-8").read()
        self.load_path = os.path.join(CORPUS, name + ".load")
        self.is_app = os.path.exists(self.load_path)
        self.settings = {}
        self.connect_at_send = False
        self.by_path = False
        self.runs = None
        for line in self.code.splitlines():
            if line.startswith("# settings:"):
                for kv in line.split(":", 1)[1].split():
                    k, v = kv.split("=")
                    self.settings[k] = v
            if line.strip() == "# connect: at-send":
                self.connect_at_send = True
            if line.strip() == "# compare: latency-distribution":
                self.by_path = True
            if line.startswith("# runs:"):
                self.runs = int(line.split(":", 1)[1])
        unknown = set(self.settings) - SETTINGS
        if unknown:
            raise RuntimeError("%s: the harness cannot apply settings %s" % (name, ", ".join(sorted(unknown))))
        self.workers = int(self.settings.get("workers", "1"))
        self.latency = float(self.settings.get("latency", DEFAULT_LATENCY))
        self.app = app_name(self.code) if self.is_app else None

    def env(self, env):
        """The environment to run the scenario in: the prelude applies the
        switch interval in every process that imports the scenario."""
        if "switch_interval" in self.settings:
            env = dict(env, LOOPLAB_SWITCH_INTERVAL=self.settings["switch_interval"])
        return env

    def prepare(self, workdir, upstream_port):
        shutil.copy(os.path.join(HERE, "looplab_prelude.py"), workdir)
        shutil.copy(os.path.join(SHARED, "looplab_cpu.py"), workdir)
        code = self.code.replace("http://upstream", "http://127.0.0.1:%d" % upstream_port)
        # The prelude comes first, on the same line as nothing else, so the
        # scenario's own line numbers move by one only.
        path = os.path.join(workdir, "app.py" if self.is_app else "script.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write("from looplab_prelude import cpu  # noqa: added by the fidelity harness\n" + code)


def app_name(code):
    """The app uvicorn serves, found as the simulator finds it: the global
    named app if there is one, else the first assigned FastAPI() or
    Starlette()."""
    names = []
    for st in ast.parse(code).body:
        if isinstance(st, ast.Assign) and isinstance(st.value, ast.Call):
            func = st.value.func
            if getattr(func, "id", None) in ("FastAPI", "Starlette") or getattr(func, "attr", None) in ("FastAPI", "Starlette"):
                names += [t.id for t in st.targets if isinstance(t, ast.Name)]
    return "app" if "app" in names or not names else names[0]


def read_load(looplab, path):
    reqs = json.loads(subprocess.check_output([looplab, "load", path]))
    if len(reqs) > MAX_REQUESTS:
        raise RuntimeError("%s has %d requests; the harness sends at most %d" % (path, len(reqs), MAX_REQUESTS))
    return reqs


def read_response(sock):
    """Reads one HTTP response up to the end of its body and returns its
    status. It does not wait for the connection to close: a process pool
    forked while the connection was open keeps it open."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while length is not None and len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0


def send_all(port, reqs, at_send):
    """Sends every request at its offset, in load order, and returns
    (seconds from the start to the end of its response, status) for each.

    One thread sends, in order, as curl --parallel-immediate does, so that
    requests due at the same moment reach the server in the load's order;
    one thread per connection waits for its response."""
    n = len(reqs)
    results = [None] * n
    socks = [None] * n
    sent = [threading.Event() for _ in range(n)]
    if not at_send:
        for i in range(n):
            socks[i] = socket.create_connection(("127.0.0.1", port))
        time.sleep(0.3)  # let the server accept and settle before the clock starts
    t0 = time.perf_counter() + 0.2

    def receive(i):
        sent[i].wait()
        status = read_response(socks[i])
        results[i] = (time.perf_counter() - t0, status)
        socks[i].close()

    readers = [threading.Thread(target=receive, args=(i,), daemon=True) for i in range(n)]
    for t in readers:
        t.start()
    for i, r in enumerate(reqs):
        delay = t0 + r["at"] - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        if socks[i] is None:
            socks[i] = socket.create_connection(("127.0.0.1", port))
        body = r.get("body", "").encode()
        head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: %d\r\n" % (r["method"], r["path"], len(body))
        if body:
            head += "Content-Type: application/json\r\n"
        socks[i].sendall((head + "\r\n").encode() + body)
        sent[i].set()
    limit = max((r["at"] for r in reqs), default=0) + 120
    for t in readers:
        t.join(timeout=max(1, t0 + limit - time.perf_counter()))
    for i, res in enumerate(results):
        if res is None:
            raise RuntimeError("no response to request %d (%s %s)" % (i + 1, reqs[i]["method"], reqs[i]["path"]))
    return results


def run_app(sc, reqs, python, env, upstream_port):
    with tempfile.TemporaryDirectory() as workdir:
        sc.prepare(workdir, upstream_port)
        port = free_port()
        cmd = [python, "-m", "uvicorn", "app:" + sc.app, "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(sc.workers), "--log-level", "warning", "--no-access-log"]
        errors = open(os.path.join(workdir, "server.log"), "w")
        proc = subprocess.Popen(cmd, cwd=workdir, env=sc.env(env), stdout=errors, stderr=errors)
        try:
            wait_for_port(port, proc)
            for _ in range(4 * sc.workers):  # warm up: a 404 touches the HTTP stack, starts no thread
                send_all(port, [{"method": "GET", "path": "/looplab-warm-up", "at": 0}], True)
            return send_all(port, reqs, sc.connect_at_send)
        except Exception:
            log(open(os.path.join(workdir, "server.log")).read()[-2000:])
            raise
        finally:
            stop(proc)
            errors.close()


def run_script(sc, python, env, upstream_port):
    with tempfile.TemporaryDirectory() as workdir:
        sc.prepare(workdir, upstream_port)
        env = dict(sc.env(env), LOOPLAB_TIMED_PRINT="1")
        out = subprocess.run([python, "script.py"], cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
        prints = []
        for line in out.stdout.splitlines():
            t, sep, text = line.partition("\t")
            if sep:
                prints.append((float(t), text))
        if not prints:
            raise RuntimeError("the script printed nothing; stderr: " + out.stderr[-500:])
        first = prints[0][0]
        return [(t - first, text) for t, text in prints]


def summarize(values):
    return {"median": round(statistics.median(values), 4), "min": round(min(values), 4), "max": round(max(values), 4)}


def aggregate_app(reqs, runs, by_path):
    """Groups requests whose order is not fixed and compares them as sorted
    lists of latencies, rank by rank: identical requests (same method, path
    and send time), or with by_path every request to a path, whose latency
    then reads as a distribution (for latencies that depend on which
    thread the OS wakes, such as /health beside CPU-bound threads)."""
    groups = {}
    for i, r in enumerate(reqs):
        key = (r["method"], r["path"]) if by_path else (r["method"], r["path"], r["at"])
        groups.setdefault(key, []).append(i)
    out = []
    for key, idx in sorted(groups.items(), key=lambda kv: kv[1][0]):
        per_run = [sorted(run[i][0] - reqs[i]["at"] for i in idx) for run in runs]
        statuses = sorted({run[i][1] for run in runs for i in idx})
        for k in range(len(idx)):
            entry = dict(method=key[0], path=key[1], rank=k, statuses=statuses,
                         latency=summarize([lat[k] for lat in per_run]))
            if not by_path:
                entry["sent"] = key[2]
            out.append(entry)
    return out


def aggregate_script(runs):
    """Prints matched by text and occurrence, timed from the first print."""
    keyed = []
    for run in runs:
        seen = {}
        times = {}
        for t, text in run:
            n = seen.get(text, 0)
            seen[text] = n + 1
            times[(text, n)] = t
        keyed.append(times)
    out = []
    seen = {}
    for t, text in runs[0]:
        n = seen.get(text, 0)
        seen[text] = n + 1
        ts = [times[(text, n)] for times in keyed if (text, n) in times]
        if len(ts) == len(runs):
            out.append(dict(text=text, occurrence=n, t=summarize(ts)))
    return out


def start_upstream(python, latency):
    """An upstream stand-in whose calls without /delay/N take latency
    seconds; it returns (port, process)."""
    port = free_port()
    return port, subprocess.Popen([python, os.path.join(SHARED, "upstream.py"), str(port), str(latency)])


def start_spinners():
    if not shutil.which("chrt"):
        log("no chrt: measuring without idle-priority spinners (expect a few ms of CPU wake-up in latencies)")
        return []
    spin = [sys.executable, "-c", "while True: pass"]
    return [subprocess.Popen(["chrt", "-i", "0"] + spin) for _ in range(os.cpu_count() or 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, help="runs per scenario (default: 5, or as the scenario's '# runs:' says)")
    ap.add_argument("--python", default="/usr/bin/python3", help="Debian's python3, with its FastAPI packages")
    ap.add_argument("--out", default=os.path.join(CORPUS, "measured.json"))
    ap.add_argument("names", nargs="*", help="scenarios to measure (default: all); others keep their records")
    args = ap.parse_args()

    ensure_packages(args.python)
    names = args.names or sorted(f[:-3] for f in os.listdir(CORPUS) if f.endswith(".py"))
    scenarios = [Scenario(name) for name in names]  # a bad header fails before hours of measuring
    with tempfile.TemporaryDirectory() as tools:
        looplab = os.path.join(tools, "looplab")
        subprocess.run(["go", "build", "-o", looplab, "./wasm/cmd/looplab"], cwd=ROOT, check=True)
        # One stand-in per latency the scenarios ask for, each started when
        # first needed: upstream.py answers after one default latency.
        upstreams = {DEFAULT_LATENCY: start_upstream(args.python, DEFAULT_LATENCY)}
        spinners = start_spinners()
        try:
            # For the record: how fast the counting loop runs, spinners included.
            rate = subprocess.check_output(
                [args.python, "-c", "import statistics, looplab_prelude as p; print(statistics.median(p.calibrate(0.5) for _ in range(5)))"],
                cwd=HERE, env=dict(os.environ, PYTHONPATH=SHARED), text=True).strip()
            log("cpu(): the counting loop runs %.0f iterations per second" % float(rate))
            env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
            wait_for_port(*upstreams[DEFAULT_LATENCY])
            facts = machine_facts(args.python)
            facts["cpu_rate"] = round(float(rate))
            record = {"machine": dict(facts, runs=args.runs or DEFAULT_RUNS), "scenarios": {}}
            partial = os.path.exists(args.out) and args.names
            if partial:
                # Re-measuring a few scenarios keeps the other records and the
                # machine they were measured on: the same kind of virtual
                # machine on another day can be faster or slower at handing
                # over the GIL by more than the tolerance, so the new entries
                # carry this machine's facts (and their run count) themselves.
                kept = json.load(open(args.out))
                record["machine"] = kept["machine"]
                record["scenarios"] = kept["scenarios"]
                for entry in record["scenarios"].values():
                    entry.setdefault("runs", kept["machine"].get("runs", DEFAULT_RUNS))
            for sc in scenarios:
                name = sc.name
                if sc.latency not in upstreams:
                    upstreams[sc.latency] = start_upstream(args.python, sc.latency)
                    wait_for_port(*upstreams[sc.latency])
                upstream_port = upstreams[sc.latency][0]
                n = args.runs or sc.runs or DEFAULT_RUNS
                log("measuring %s (%d runs)" % (name, n))
                entry = {"kind": "app" if sc.is_app else "script", "settings": sc.settings, "runs": n}
                if partial:
                    entry["machine"] = facts
                if sc.is_app:
                    reqs = read_load(looplab, sc.load_path)
                    runs = [run_app(sc, reqs, args.python, env, upstream_port) for _ in range(n)]
                    if sc.by_path:
                        entry["compare"] = "each path's latencies as a sorted list (a distribution)"
                    else:
                        entry["compare"] = "identical requests (method, path, send time) as sorted lists of latencies"
                    entry["requests"] = aggregate_app(reqs, runs, sc.by_path)
                else:
                    runs = [run_script(sc, args.python, env, upstream_port) for _ in range(n)]
                    entry["compare"] = "prints by text, timed from the first print"
                    entry["prints"] = aggregate_script(runs)
                record["scenarios"][name] = entry
            with open(args.out, "w", encoding="utf-8") as f:
                json.dump(record, f, indent=1, sort_keys=True)
                f.write("\n")
            log("wrote", os.path.relpath(args.out, ROOT))
        finally:
            for p in spinners:
                p.kill()
            for _, upstream in upstreams.values():
                stop(upstream)


if __name__ == "__main__":
    main()
