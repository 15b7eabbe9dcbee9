# def endpoints run in the threadpool: blocking there leaves the loop free.
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/sync-slow")
def sync_slow():
    time.sleep(1)
    return {"done": True}
