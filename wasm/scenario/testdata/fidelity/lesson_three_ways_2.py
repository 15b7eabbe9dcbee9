# From content/03-three-ways.md#scenario-2 "Start B, then await A", version A ("create_task first").
import asyncio
import time


async def fetch(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")


async def main():
    t0 = time.perf_counter()
    task_b = asyncio.create_task(fetch("B", 2))
    print("B is a task now")
    await fetch("A", 2)
    await task_b
    print(f"both done: {time.perf_counter() - t0:.1f} s")


asyncio.run(main())
