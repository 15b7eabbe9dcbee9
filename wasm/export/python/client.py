"""Sends a LoopLab scenario's load to a running server and prints each
response's latency, one line per request, as the responses arrive:

      0.000 s  GET /slow  -> 200 in 4.012 s

(when the request was due, what it was, its status and how long after it
was due its response had fully arrived).

Usage: python3 client.py [BASE_URL]   (default http://127.0.0.1:8000)

It uses only the standard library. One thread sends every request at its
offset, in load order, so requests due at the same moment reach the server
in the order the load lists them; one thread per request then waits for
its response, so slow responses never hold back later sends.
"""
import http.client
import socket
import sys
import threading
import time
import urllib.parse

# One row per line of the load: (start, step, count, repeat, method, path)
# sends `repeat` requests at each of start, start + step, ...
# (count times), as "N x at ..." and "every ..." lines do.
LOAD = []  # the exporter writes the scenario's load here

TIMEOUT = 300  # seconds to wait for one response


def schedule():
    """The requests as (offset, method, path), sorted by offset; requests
    due at the same moment keep the load's order, as LoopLab sends them."""
    reqs = []
    for start, step, count, repeat, method, path in LOAD:
        for _ in range(repeat):
            for k in range(count):
                reqs.append((round(start + k * step, 6), method, path))
    reqs.sort(key=lambda r: r[0])  # stable
    return reqs


def wait_for_server(host, port, seconds=30):
    """Waits until the server accepts connections, so the client can be
    started right after the server without racing its start-up."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection((host, port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                sys.exit("client: nothing listens on %s:%d; start the server first" % (host, port))
            time.sleep(0.1)


def main():
    base = urllib.parse.urlsplit(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
    host, port = base.hostname or "127.0.0.1", base.port or 80
    wait_for_server(host, port)
    lock = threading.Lock()
    failed = []

    def report(at, method, path, outcome):
        with lock:
            print("%7.3f s  %s %s  -> %s" % (at, method, path, outcome), flush=True)

    def receive(conn, at, method, path, due):
        try:
            resp = conn.getresponse()
            resp.read()
            report(at, method, path, "%d in %.3f s" % (resp.status, time.perf_counter() - due))
        except OSError as e:
            failed.append(path)
            report(at, method, path, "error: %s" % e)
        finally:
            conn.close()

    readers = []
    t0 = time.perf_counter()
    for at, method, path in schedule():
        due = t0 + at
        if due > time.perf_counter():
            time.sleep(due - time.perf_counter())
        conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        try:
            conn.request(method, path, headers={"Connection": "close"})
        except OSError as e:
            failed.append(path)
            report(at, method, path, "error: %s" % e)
            continue
        reader = threading.Thread(target=receive, args=(conn, at, method, path, due))
        reader.start()
        readers.append(reader)
    for reader in readers:
        reader.join()
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
