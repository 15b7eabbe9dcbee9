import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/sync-slow")
def sync_slow():
    time.sleep(4)  # fine here: Starlette runs def endpoints in its threadpool
    return {"done": True}
