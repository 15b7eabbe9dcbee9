# From content/05-gil.md#scenario-0 "Two threads of computation", version A ("GIL build").
import asyncio
import time


def crunch(name, seconds):
    cpu(seconds)
    print(f"{name}: done")


async def main():
    print("handing A and B to two threads")
    start = time.perf_counter()
    await asyncio.gather(
        asyncio.to_thread(crunch, "A", 1),
        asyncio.to_thread(crunch, "B", 1),
    )
    print(f"both threads: {time.perf_counter() - start:.1f} s")


asyncio.run(main())
