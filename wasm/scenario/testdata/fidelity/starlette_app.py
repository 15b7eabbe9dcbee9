# A Starlette app without FastAPI: endpoints take the request and return responses.
import asyncio
import time
from contextlib import asynccontextmanager
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route


@asynccontextmanager
async def lifespan(app):
    app.state.ready = True
    yield


async def tally(order_id):
    await asyncio.sleep(0.5)


async def orders(request):
    await asyncio.sleep(0.2)
    order_id = request.path_params["order_id"]
    return JSONResponse({"order": order_id}, status_code=201, background=BackgroundTask(tally, order_id))


def report(request):
    time.sleep(0.4)
    return PlainTextResponse("done")


async def freeze(request):
    time.sleep(0.3)
    return PlainTextResponse("thawed")


async def echo(request):
    data = await request.json()
    return JSONResponse({"you sent": data})


app = Starlette(routes=[
    Route("/orders/{order_id:int}", orders, methods=["POST"]),
    Route("/report", report),
    Route("/freeze", freeze),
    Route("/echo", echo, methods=["POST"]),
], lifespan=lifespan)
