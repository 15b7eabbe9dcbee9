"""A tiny HTTP server standing in for the services scenarios call.

GET or POST /delay/N answers after N seconds; any other path answers after
the default latency given on the command line. It serves many requests at
once (asyncio), so it never queues the callers it is measuring for.

Usage: python3 upstream.py PORT DEFAULT_SECONDS
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
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body))
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
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
