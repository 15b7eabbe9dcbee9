import asyncio
import time

def synchronous_work():
    print("sync")
    time.sleep(2)

async def async_work(label: str = "x") -> None:
    print(f"{label!r} waiting {2 * 1.5:>6.2f}s {{literal}}")
    await asyncio.sleep(2)

async def main():
    start = time.perf_counter()
    synchronous_work(); synchronous_work()
    await async_work("a")
    t1 = asyncio.create_task(async_work("b"))
    await asyncio.gather(async_work("c"), t1)
    print(f"total {time.perf_counter() - start:.1f}")

if __name__ == "__main__":
    asyncio.run(main())
