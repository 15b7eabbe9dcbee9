# From content/03-three-ways.md#scenario-0 "Two jobs, three ways".
import asyncio
import time


def blocking_job(name):
    print(f"{name}: waiting, the thread is stuck")
    time.sleep(2)


async def polite_job(name):
    print(f"{name}: waiting, the loop is free")
    await asyncio.sleep(2)


async def main():
    start = time.perf_counter()
    blocking_job("A")
    blocking_job("B")
    print(f"plain calls: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    await polite_job("A")
    await polite_job("B")
    print(f"awaited one after another: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    await asyncio.gather(polite_job("A"), polite_job("B"))
    print(f"gathered: {time.perf_counter() - start:.1f} s")


asyncio.run(main())
