# while loops beside each other on one event loop: a poller that gives up
# after three tries, a ticker that counts while it sleeps, and a retry loop
# that ends with while ... else once its budget is spent.
import asyncio


async def poll():
    tries = 0
    while True:
        tries += 1
        await asyncio.sleep(0.5)
        if tries == 3:
            break
    print(f"poll gave up after {tries} tries")


async def ticker():
    n = 0
    while n < 4:
        print(f"tick {n}")
        n += 1
        await asyncio.sleep(0.4)


async def retry(budget):
    attempt = 0
    while attempt < budget:
        attempt += 1
        await asyncio.sleep(0.3)
        if attempt == 10:
            print("succeeded")
            break
    else:
        print(f"retry: out of budget after {attempt} attempts")


async def main():
    await asyncio.gather(poll(), ticker(), retry(2))
    print("all done")


if __name__ == "__main__":
    asyncio.run(main())
