# From content/15-finding-the-blockage.md#scenario-0 "Who is holding the loop?".
import asyncio
import requests
from fastapi import FastAPI

app = FastAPI()


def render_invoice():
    cpu(1.5)  # a PDF library laying out pages in pure Python
    return "invoice-2291.pdf"


@app.get("/invoice")
async def invoice():
    name = render_invoice()
    return {"file": name}


@app.get("/rates")
async def rates():
    reply = requests.get("http://upstream/delay/1")
    return reply.json()


@app.get("/orders")
async def orders():
    await asyncio.sleep(0.1)  # an awaited database query
    return {"orders": []}
