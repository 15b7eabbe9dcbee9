# From content/03-three-ways.md#scenario-2 "Start B, then await A", version B ("await one after another").
import asyncio
import time


async def fetch(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")


async def main():
    t0 = time.perf_counter()
    await fetch("A", 2)
    await fetch("B", 2)
    print(f"both done: {time.perf_counter() - t0:.1f} s")


asyncio.run(main())
