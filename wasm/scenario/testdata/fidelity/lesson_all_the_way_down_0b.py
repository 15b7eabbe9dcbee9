# From content/04-all-the-way-down.md#scenario-0 "A blocking call three layers down", version B ("await asyncio.sleep at the bottom").
import asyncio
import time


async def write_audit_log(order_id):
    await asyncio.sleep(1.5)


async def save_order(order_id):
    await write_audit_log(order_id)


async def handle_order(order_id, arrives):
    await asyncio.sleep(arrives)
    print(f"order {order_id}: saving")
    await save_order(order_id)
    print(f"order {order_id}: saved")


async def ticker():
    for n in range(8):
        print(f"tick {n}")
        await asyncio.sleep(0.5)


async def main():
    await asyncio.gather(
        ticker(),
        handle_order(1, 1.2),
        handle_order(2, 1.3),
    )


asyncio.run(main())
