# The threadpool has 40 tokens: the 41st request waits for one.
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/sync-slow")
def sync_slow():
    time.sleep(1)
    return {"done": True}
