# From content/03-three-ways.md#scenario-1 "A coroutine waits to be awaited".
import asyncio


async def brew(name):
    print(f"{name}: started")
    await asyncio.sleep(2)
    print(f"{name}: ready")


async def main():
    pot = brew("tea")
    print("brew('tea') was called")
    await asyncio.sleep(1)
    print("awaiting it now")
    await pot


asyncio.run(main())
