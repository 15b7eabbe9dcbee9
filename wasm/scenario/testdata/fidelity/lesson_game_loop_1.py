# From content/02-game-loop.md#scenario-1 "A heartbeat beside two blocking calls".
import asyncio
import time


async def heartbeat():
    for _ in range(16):
        print("beat")
        await asyncio.sleep(0.1)


async def chores():
    await asyncio.sleep(0.45)
    time.sleep(0.3)
    await asyncio.sleep(0.4)
    time.sleep(0.15)


async def main():
    await asyncio.gather(heartbeat(), chores())


asyncio.run(main())
