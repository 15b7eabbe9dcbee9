import asyncio

async def boom(what):
    await asyncio.sleep(0.1)
    raise RuntimeError(what)

async def main():
    lost = asyncio.create_task(boom("lost"))
    late = asyncio.create_task(boom("awaited late"))
    asked = asyncio.create_task(boom("asked for"))
    await asyncio.sleep(1)
    try:
        await late
    except RuntimeError as e:
        print("caught", e)
    print("asked:", asked.exception())
    print("main done")

asyncio.run(main())
print("after run")
