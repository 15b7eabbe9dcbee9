# CPU work in def endpoints: threads share one GIL, so they finish together.
from fastapi import FastAPI

app = FastAPI()


@app.get("/crunch")
def crunch():
    cpu(0.4)
    return {"ok": True}
