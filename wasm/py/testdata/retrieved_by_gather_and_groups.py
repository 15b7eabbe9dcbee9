import asyncio

async def bad(n, d):
    await asyncio.sleep(d)
    raise ValueError(f"bad {n}")

async def main():
    try:
        await asyncio.gather(bad(1, 0.1), bad(2, 0.2))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.5)
    r = await asyncio.gather(bad(3, 0.1), bad(4, 0.1), return_exceptions=True)
    print(r)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(5, 0.1))
            tg.create_task(bad(6, 0.1))
    except* ValueError as eg:
        print("caught", sorted(str(e) for e in eg.exceptions))
    print("main done")

asyncio.run(main())
