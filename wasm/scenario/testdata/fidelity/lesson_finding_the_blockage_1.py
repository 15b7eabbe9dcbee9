# From content/15-finding-the-blockage.md#scenario-1 "A watchdog for loop lag".
import asyncio
import time


async def watch_loop(ticks):
    for tick in range(ticks):
        asked = time.perf_counter()
        await asyncio.sleep(0.1)
        late = time.perf_counter() - asked - 0.1
        if late > 0.05:
            print(f"tick {tick}: the loop woke me {late:.2f} s late")


def validate_payload():
    cpu(0.05)  # checking a large JSON body: 50 ms, under the 0.1 s threshold


async def handle_request():
    await asyncio.sleep(0.2)  # an awaited query: harmless
    validate_payload()


async def main():
    print("watching")
    watcher = asyncio.create_task(watch_loop(25))
    await asyncio.sleep(1.05)
    await asyncio.gather(*[handle_request() for _ in range(20)])
    await watcher


asyncio.run(main())
