# A pydantic model parameter is read from the JSON body; a body that does not validate answers 422 at once.
import asyncio
from fastapi import FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float
    quantity: int = 1


app = FastAPI()


@app.post("/items", status_code=201)
async def create(item: Item):
    await asyncio.sleep(0.3)
    return {"total": item.price * item.quantity}
