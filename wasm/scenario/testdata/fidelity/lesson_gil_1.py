# From content/05-gil.md#scenario-1 "One thread computes, one waits".
import asyncio
import time

import requests


def crunch():
    cpu(1)
    print("crunch: done")


def download():
    requests.get("http://upstream/delay/2")
    print("download: done")


async def main():
    print("starting both threads")
    start = time.perf_counter()
    await asyncio.gather(
        asyncio.to_thread(crunch),
        asyncio.to_thread(download),
    )
    print(f"both threads: {time.perf_counter() - start:.1f} s")


asyncio.run(main())
