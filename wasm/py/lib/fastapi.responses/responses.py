# FastAPI's responses are Starlette's.
from starlette.responses import Response, JSONResponse, PlainTextResponse, HTMLResponse, RedirectResponse
