import asyncio
import time
from fastapi import FastAPI, BackgroundTasks, Depends
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

app = FastAPI()
pool = ProcessPoolExecutor(max_workers=2)
limit = asyncio.Semaphore(2)

async def get_user(user_id: int):
    await asyncio.sleep(0.1)
    return {"id": user_id, "name": f"user {user_id}"}

@app.get("/")
async def root():
    print(f"root started at {time.perf_counter():.3f}")
    await asyncio.sleep(4)
    return {"message": "hi"}

@app.get("/slow")
async def slow():
    time.sleep(4)
    return {"message": "slow"}

@app.get("/sync-slow")
def sync_slow(background_tasks: BackgroundTasks, user: dict = Depends(get_user)):
    time.sleep(4)
    background_tasks.add_task(log, "done", level=2)
    return ["a", 1, 2.5, None, True]

@app.get("/factorize")
async def factorize():
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(pool, cpu, 0.8)
    try:
        data = await asyncio.wait_for(fetch(), timeout=2)
    except asyncio.TimeoutError:
        data = None
    async with limit:
        await asyncio.sleep(1)
    for _ in range(3):
        cpu(0.01)
    results = await asyncio.gather(*[work(i) for i in range(3)])
    return {"result": result, "n": len(results)}
