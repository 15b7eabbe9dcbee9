# Background tasks run after the response; sync ones take threadpool tokens.
import time
from fastapi import FastAPI, BackgroundTasks

app = FastAPI()


def send_email(address):
    time.sleep(0.5)


@app.post("/signup")
async def signup(background_tasks: BackgroundTasks):
    background_tasks.add_task(send_email, "ada@example.com")
    return {"ok": True}


@app.get("/report")
def report():
    time.sleep(0.2)
    return {"ok": True}
