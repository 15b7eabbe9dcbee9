# FastAPI's Request and Response are Starlette's.
from starlette.requests import Request
from starlette.responses import Response
