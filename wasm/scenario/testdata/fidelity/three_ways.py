# Two jobs run as plain calls, awaited in sequence, and gathered.
import asyncio
import time


def blocking_job():
    time.sleep(0.5)


async def polite_job():
    await asyncio.sleep(0.5)


async def main():
    print("begin")
    blocking_job()
    blocking_job()
    print("plain calls done")
    await polite_job()
    await polite_job()
    print("awaited in sequence done")
    await asyncio.gather(polite_job(), polite_job())
    print("gathered done")


if __name__ == "__main__":
    asyncio.run(main())
