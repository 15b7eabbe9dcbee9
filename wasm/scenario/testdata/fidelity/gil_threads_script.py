# CPU-bound threads take turns holding the GIL and finish near the end together.
import asyncio


async def job(n):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, cpu, 0.5)
    print(f"job {n} done")


async def main():
    print("start")
    await asyncio.gather(*[job(i) for i in range(3)])


if __name__ == "__main__":
    asyncio.run(main())
