"""A tiny HTTP server standing in for the services a scenario calls.

In LoopLab, http://upstream/delay/N answers after N seconds and any other
URL after the scenario's latency setting. The exported code calls
http://127.0.0.1:8001 instead of http://upstream; this server answers there.
It serves many requests at once (asyncio), so it never queues its callers.

Usage: python3 upstream.py [PORT [DEFAULT_SECONDS]]   (default 8001 0.1)
"""
import asyncio
import re
import sys

DELAY = re.compile(rb"/delay/([0-9.]+)")


async def handle(reader, writer, default):
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        line = head.split(b"\r\n", 1)[0]
        m = DELAY.search(line)
        await asyncio.sleep(float(m.group(1)) if m else default)
        body = b'{"ok": true}'
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
                     b"connection: close\r\n\r\n%s" % (len(body), body))
        await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port, default):
    server = await asyncio.start_server(lambda r, w: handle(r, w, default), "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    args = sys.argv[1:]
    asyncio.run(main(int(args[0]) if args else 8001, float(args[1]) if len(args) > 1 else 0.1))
