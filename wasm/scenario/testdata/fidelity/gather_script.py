# gather runs coroutines concurrently; awaiting them one by one does not.
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} done")
    return name


async def main():
    print("start")
    await fetch("one", 0.3)
    await fetch("two", 0.3)
    print("in sequence: done")
    results = await asyncio.gather(fetch("three", 0.3), fetch("four", 0.5), fetch("five", 0.1))
    print(f"gathered {results}")


if __name__ == "__main__":
    asyncio.run(main())
