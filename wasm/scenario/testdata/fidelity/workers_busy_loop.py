# settings: workers=2
# connect: at-send
# With two workers, a request that finds one worker's loop blocked goes to the other.
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/slow")
async def slow():
    time.sleep(1)
    return {"ok": True}
