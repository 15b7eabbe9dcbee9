# Two jobs that each wait 2 seconds, run three ways.
import asyncio
import time


def blocking_job(name):
    print(f"{name}: waiting, blocking the thread")
    time.sleep(2)


async def polite_job(name):
    print(f"{name}: waiting, letting others run")
    await asyncio.sleep(2)


async def main():
    t0 = time.perf_counter()
    blocking_job("first")
    blocking_job("second")
    print(f"plain calls took {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    await polite_job("first")
    await polite_job("second")
    print(f"awaiting one after another took {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    await asyncio.gather(polite_job("first"), polite_job("second"))
    print(f"gather took {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
