# fastapi.concurrency is Starlette's, as FastAPI re-exports it.
from starlette.concurrency import run_in_threadpool
